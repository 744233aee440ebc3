"""Staff's views of the money: commissions (by distributor, order, state, period) and withdrawals
(by state, member, period), newest first, one Query a page with the platform's sealed cursors;
never a Scan. Each list reads one partition its filters name and filters what that holds:

- commissions: a distributor's (GSI1), an order's (its own partition), or every commission in one
  state (GSI2: frozen by thaw time, pending and available by accrual time); the period is when
  the commission accrued (the order was paid). One of distributor, order or state is needed.
- withdrawals: a member's (GSI1) or every one in a state (GSI2); the period is when it was asked
  for (a key range on the ids' time). One of member or state is needed.

A filter that is not the partition's key is DynamoDB's filter on the page read, so a page may hold
fewer than its limit (even none) and still have a next one. The same reads, every page of them (up
to MAX_ROWS), feed the Excel exports (exports.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from panacea.distribution import ledger_items as ledger
from panacea.distribution import periods, wallet_items
from panacea.distribution.access import Action
from panacea.distribution.ledger_items import ShareFilter, ShareState
from panacea.distribution.network import well_formed
from panacea.distribution.periods import list_span
from panacea.distribution.statement_models import CommissionView
from panacea.distribution.wallet_access import WalletAction
from panacea.distribution.wallet_models import WithdrawalState, WithdrawalView
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import FieldError, Unprocessable
from panacea.platform.money import Money
from panacea.platform.table import Page, encode_cursor

if TYPE_CHECKING:
    from panacea.distribution.exports import Export

MAX_ROWS = 25_000  # an export's rows at most (what one API answer carries, as finance's)


class ListTooLarge(Unprocessable):
    slug, title = "distribution-list-too-large", "List too large"


class FilterNeeded(Unprocessable):
    slug, title = "distribution-filter-needed", "Filter needed"


# --- commissions ---------------------------------------------------------------------------------


def commission_filter(
    actor: Actor,
    *,
    distributor_id: str | None,
    order_id: str | None,
    state: ShareState | None,
    since: date | None,
    until: date | None,
) -> ShareFilter:
    authorize(actor, Action.READ_DISTRIBUTION)
    for name, value in (("distributor_id", distributor_id), ("order_id", order_id)):
        if value is not None and not well_formed(value):
            raise Unprocessable(f"{name} is not an id", errors=[FieldError(name, "invalid")])
    if distributor_id is None and order_id is None and state is None:
        raise FilterNeeded(
            "commissions are listed by distributor_id, order_id or state (or several)",
            errors=[FieldError("state", "missing")],
        )
    span = list_span(actor.tenant, since=since, until=until)
    return ShareFilter(distributor_id, order_id, state, span.start, span.end)


def commissions(actor: Actor, where: ShareFilter, *, cursor: str | None, limit: int) -> Page[CommissionView]:
    """One page of the commissions `where` names (`commission_filter`)."""
    results = ledger.shares(actor.tenant, where, cursor=cursor, limit=limit)
    items = [commission_view(item) for item in results if isinstance(item, ledger.ShareItem)]
    return Page[CommissionView](items=items, next_cursor=encode_cursor(results.last_evaluated_key, query=where.digest))


def every_commission(tenant_id: str, where: ShareFilter) -> list[CommissionView]:
    """Every commission `where` names (every page), for an export."""
    found = ledger.shares(tenant_id, where, cursor=None, limit=None)
    return [commission_view(item) for item in _capped(found) if isinstance(item, ledger.ShareItem)]


def export_commissions(actor: Actor, where: ShareFilter) -> Export:
    from panacea.distribution import exports  # noqa: PLC0415 - openpyxl on the first export only

    rows = every_commission(actor.tenant, where)
    return exports.commissions(rows, label=_label(actor.tenant, where.start, where.end), generated_at=clock.now())


def commission_view(share: ledger.ShareItem) -> CommissionView:
    return CommissionView(
        order_id=share.order_id,
        distributor_id=share.distributor_id,
        level=int(share.level),
        rate_bps=int(share.rate_bps),
        amount=Money(amount=int(share.amount), currency=share.currency),
        state=share.current_state,
        accrued_at=share.accrued_at,
        thaw_at=share.thaw_at,
    )


# --- withdrawals ---------------------------------------------------------------------------------


def withdrawal_filter(
    actor: Actor, *, member_id: str | None, state: WithdrawalState | None, since: date | None, until: date | None
) -> dict[str, Any]:
    authorize(actor, WalletAction.REVIEW_WITHDRAWALS)
    if member_id is not None and not well_formed(member_id):
        raise Unprocessable("member_id is not an id", errors=[FieldError("member_id", "invalid")])
    if member_id is None and state is None:
        raise FilterNeeded(
            "withdrawals are listed by member_id or state (or both)", errors=[FieldError("state", "missing")]
        )
    span = list_span(actor.tenant, since=since, until=until)
    return {"member_id": member_id, "state": state, "start": span.start, "end": span.end}


def withdrawal_list(actor: Actor, where: dict[str, Any], *, cursor: str | None, limit: int) -> Page[WithdrawalView]:
    """One page of the withdrawals `where` names (`withdrawal_filter`)."""
    results, query = wallet_items.withdrawals(actor.tenant, cursor=cursor, limit=limit, **where)
    items = [item.view() for item in results if isinstance(item, wallet_items.WithdrawalItem)]
    return Page[WithdrawalView](items=items, next_cursor=encode_cursor(results.last_evaluated_key, query=query))


def every_withdrawal(tenant_id: str, where: dict[str, Any]) -> list[WithdrawalView]:
    """Every withdrawal `where` names (every page), for an export."""
    results, _ = wallet_items.withdrawals(tenant_id, cursor=None, limit=None, **where)
    return [item.view() for item in _capped(results) if isinstance(item, wallet_items.WithdrawalItem)]


def export_withdrawals(actor: Actor, where: dict[str, Any]) -> Export:
    from panacea.distribution import exports  # noqa: PLC0415 - openpyxl on the first export only

    rows = every_withdrawal(actor.tenant, where)
    return exports.withdrawals(rows, label=_label(actor.tenant, where["start"], where["end"]), generated_at=clock.now())


def _label(tenant_id: str, start: datetime | None, end: datetime | None) -> str:
    return periods.label(start, end, periods.zone_of(tenant_id))


def _capped(items: Iterable[Any]) -> Iterator[Any]:
    for count, item in enumerate(items, start=1):
        if count > MAX_ROWS:
            raise ListTooLarge(
                f"the list holds more than {MAX_ROWS} rows; narrow it (a shorter period, one distributor or member)",
                errors=[FieldError("since", "too_much")],
            )
        yield item
