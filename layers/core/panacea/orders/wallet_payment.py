"""The wallet as a payment part of an order (the tenant enables it: distribution's setting
`wallet_at_checkout`).

At checkout a member may spend wallet credit on the order: more than zero, in the order's currency,
at most its total after discounts and at most what the wallet holds. The wallet's owner
(distribution) hands orders the debit's items (`distribution.checkout_spend`), which the placing
transaction carries beside the order, so the order and the debit commit together or not at all,
and the balance's condition refuses a second checkout spending the same money. The credit is
shared out over the lines (`pricing.spend_wallet`); the payment method pays the rest
(`pricing.money_due`), and an order the wallet pays whole needs no payment at all: it is paid as
it is placed, announced once like any other (`payment_id` `wallet-<order>`).

Money given back goes where it came from, pro rata (`pricing.wallet_share`): an order cancelled
or expired before it was paid gives all its wallet credit back in the transaction that closes it;
each refund gives back its wallet part in the transaction that records it, once (the wallet's
entry is keyed by the refund's key). `order.paid`, `order.refunded` and `order.cancelled` carry
the money only in their amounts and lines (commission is not paid on wallet credit), and the wallet
part beside (`wallet_paid`, `wallet_returned`).
"""

from __future__ import annotations

from panacea import distribution
from panacea.orders import pricing
from panacea.orders.models import Order
from panacea.platform.errors import FieldError, Unprocessable
from panacea.platform.money import Money
from panacea.platform.transaction import UnitOfWork

FIELD = "wallet_credit"
PAID_BY_WALLET = "wallet-"  # the payment id of an order the wallet paid whole: wallet-<order id>


class WalletCreditRefused(Unprocessable):
    slug, title = "wallet-credit-refused", "Wallet credit refused"


def _refused(detail: str, field: str, code: str) -> WalletCreditRefused:
    return WalletCreditRefused(detail, errors=[FieldError(field, code, detail)])


def check_credit(credit: Money, total: Money) -> None:
    """The credit is more than zero, in the order's currency and at most its total (422 naming it)."""
    if credit.currency != total.currency:
        raise _refused(f"the order is in {total.currency}, not {credit.currency}", f"{FIELD}.currency", "currency")
    if credit.amount <= 0:
        raise _refused("wallet credit to spend is more than zero", f"{FIELD}.amount", "not_positive")
    if credit.amount > total.amount:
        raise _refused(f"the order comes to {total} after discounts; no more can be spent on it",
                       f"{FIELD}.amount", "more_than_total")  # fmt: skip


def spend(tenant_id: str, order: Order, credit: Money | None) -> UnitOfWork | None:
    """Spend `credit` on the new order: checked (also against the tenant's setting and the wallet's
    balance, before anything is written or asked of Stripe), shared out over its lines, and the
    wallet's debit items for the placing transaction. None when nothing is spent."""
    if credit is None:
        return None
    check_credit(credit, order.total)
    items = distribution.checkout_spend(
        tenant_id, distribution.WalletSpend(member_id=order.member_id, order_id=order.id, amount=credit, field=FIELD)
    )
    order.wallet_paid = credit
    pricing.spend_wallet(order.lines, credit)
    return items


def quoted(tenant_id: str, member_id: str, credit: Money, total: Money) -> None:
    """What `spend` would refuse, for a quote (nothing is written)."""
    check_credit(credit, total)
    distribution.checkout_spend(
        tenant_id, distribution.WalletSpend(member_id=member_id, order_id="quote", amount=credit, field=FIELD)
    )


def give_back(uow: UnitOfWork, tenant_id: str, order: Order, amount: Money, *, reference: str) -> None:
    """Credit `amount` of the order's wallet part back to the wallet in `uow` (once per reference)."""
    if amount.amount <= 0:
        return
    given = distribution.WalletGiveBack(
        member_id=order.member_id, order_id=order.id, amount=amount, reference=reference
    )
    uow.add(distribution.checkout_give_back(tenant_id, given))
    order.wallet_returned = order.wallet_returned + amount if order.wallet_returned is not None else amount


def unspent(order: Order) -> Money:
    """The wallet credit spent on the order and not given back yet."""
    spent = order.wallet_paid or Money.zero(order.currency)
    return spent - order.wallet_returned if order.wallet_returned is not None else spent
