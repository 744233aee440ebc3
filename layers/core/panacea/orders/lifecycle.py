"""The order's state machine: which state may follow which, and who moved it when.

    pending_payment ──paid──► paid ──► fulfilling ──► shipped ──► completed
          │  │                 │           │             │            │
          │  └► expired        └► cancelled◄┘             │            ▼
          └──► cancelled                                  │   partially_refunded
                                                          │            │
     any of paid · fulfilling · shipped · completed · partially_refunded
          ├──► refund_requested ──declined──► back where it was
          │          └──approved──► (as a refund, below)
          └──► refunded (everything paid has gone back)

Refunds and fulfilment (the rule): the order's state follows fulfilment, and money follows the
refunds on it (`refunded`, `refunds`).

- A refund of everything left moves any paid state to `refunded`, which is final: every wait of
  the workflow is stopped and what was not fulfilled goes back to stock.
- A partial refund while the order is being fulfilled (`paid`, `fulfilling`, `shipped`) leaves the
  state where it is: the refund is recorded, the lines it covers are marked refunded, a parcel,
  voucher or gene test whose every unit is refunded before it is fulfilled drops out of fulfilment
  (its wait is stopped), and the rest goes on to `completed` as usual.
- `partially_refunded` is a finished order (`completed`) that has been partly refunded since; more
  partial refunds keep it there, and the last one moves it to `refunded`.
- `refund_requested` sits on top of where the order was (`resume_state`): fulfilment may go on
  underneath it (a parcel still ships, a receipt still completes it), moving `resume_state`, so that
  declining the request puts the order back exactly where fulfilment has got to.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from panacea.orders.models import Order, OrderState, Transition
from panacea.platform.errors import Conflict

S = OrderState
PAID_STATES = frozenset({S.PAID, S.FULFILLING, S.SHIPPED, S.COMPLETED, S.PARTIALLY_REFUNDED})
IN_FULFILMENT = frozenset({S.PAID, S.FULFILLING, S.SHIPPED})
FINAL = frozenset({S.CANCELLED, S.EXPIRED, S.REFUNDED})

TRANSITIONS: Mapping[OrderState, frozenset[OrderState]] = {
    S.PENDING_PAYMENT: frozenset({S.PAID, S.CANCELLED, S.EXPIRED}),
    # a partial refund during fulfilment stays in the state (the self-loops of paid, fulfilling, shipped)
    S.PAID: frozenset({S.PAID, S.FULFILLING, S.CANCELLED, S.REFUND_REQUESTED, S.REFUNDED}),
    S.FULFILLING: frozenset({S.FULFILLING, S.SHIPPED, S.COMPLETED, S.CANCELLED, S.REFUND_REQUESTED, S.REFUNDED}),
    S.SHIPPED: frozenset({S.SHIPPED, S.COMPLETED, S.REFUND_REQUESTED, S.REFUNDED}),
    S.COMPLETED: frozenset({S.REFUND_REQUESTED, S.PARTIALLY_REFUNDED, S.REFUNDED}),
    S.PARTIALLY_REFUNDED: frozenset({S.REFUND_REQUESTED, S.PARTIALLY_REFUNDED, S.REFUNDED}),
    # declined: back to where it was; approved: as any refund from there
    S.REFUND_REQUESTED: frozenset({S.PAID, S.FULFILLING, S.SHIPPED, S.COMPLETED, S.PARTIALLY_REFUNDED, S.REFUNDED}),
    S.CANCELLED: frozenset(),
    S.EXPIRED: frozenset(),
    S.REFUNDED: frozenset(),
}

# Moves fulfilment makes; under an open refund request they move `resume_state` instead.
FULFILMENT_MOVES = frozenset({S.FULFILLING, S.SHIPPED, S.COMPLETED})


class InvalidTransition(Conflict):
    slug, title = "invalid-transition", "Not allowed in this state"


def allowed(current: OrderState, to: OrderState) -> bool:
    return to in TRANSITIONS[current]


def check(current: OrderState, to: OrderState, *, doing: str) -> None:
    if not allowed(current, to):
        raise InvalidTransition(f"cannot {doing}: the order is {current.value}")


def effective(order: Order) -> OrderState:
    """Where fulfilment has got to: the state, or under an open refund request, the one beneath it."""
    if order.state == S.REFUND_REQUESTED and order.refund_request is not None:
        return order.refund_request.resume_state
    return order.state


def move(
    order: Order,
    to: OrderState,
    *,
    by: str,
    at: datetime,
    doing: str,
    note: str | None = None,
    decision: bool = False,
) -> None:
    """Move `order` to `to` if the table allows it, and record who moved it and when.

    Under an open refund request, a fulfilment move is checked against the state beneath it and
    moves that one; the order stays `refund_requested` until staff decide (a `decision`: a refund,
    or declining the request, moves the order itself).
    """
    overlaid = order.state == S.REFUND_REQUESTED and order.refund_request is not None
    if overlaid and to in FULFILMENT_MOVES and not decision and order.refund_request is not None:
        beneath = order.refund_request.resume_state
        check(beneath, to, doing=doing)
        order.refund_request = order.refund_request.model_copy(update={"resume_state": to})
        note = f"{note}; " if note else ""
        order.history.append(
            Transition(from_state=beneath, to_state=to, by=by, at=at, note=f"{note}under an open refund request")
        )
    else:
        check(order.state, to, doing=doing)
        order.history.append(Transition(from_state=order.state, to_state=to, by=by, at=at, note=note))
        order.state = to
    order.updated_at = at


def after_refund(before: OrderState, *, refunded: int, total: int) -> OrderState:
    """The state a refund leaves an order in (see the rule above); `before` is its effective state."""
    if refunded >= total:
        return S.REFUNDED
    if before in (S.COMPLETED, S.PARTIALLY_REFUNDED):
        return S.PARTIALLY_REFUNDED
    return before
