"""Finance's use cases: sales of a period, the period's orders, and both as an Excel workbook, all
read from the sales ledger (written with orders' changes when money moves: ledger.py).

Finance meets orders at its face only: orders hands it a `Sale` (and a `SaleRefund`) and adds the
entry finance builds to its own transaction; finance asks `orders.states_of` for orders' states
now. The contexts that come later (distribution, logistics, records …) do not join the orders
transaction: they subscribe to `order.paid`, `order.completed` and `order.refunded`.

A period is whole days of the tenant's time zone (its settings' `time_zone`: a Shanghai tenant's
day starts at 16:00 UTC the day before; a London day can be 23 or 25 hours), `since` to `until`,
both included, at most a year and a day (MAX_DAYS). It can be narrowed to one product's lines or
one member's orders. Reading stops past MAX_LINES ledger lines (a 422 asks for a shorter period),
which keeps the workbook inside what one API answer can carry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from panacea import orders as orders_context
from panacea import tenancy
from panacea.finance import dal
from panacea.finance.access import Action
from panacea.finance.models import XLSX, LedgerEntry, OrderState, PeriodOrder, SalesReport
from panacea.finance.reports import PeriodFigures
from panacea.platform import clock, cursors, zones
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import FieldError, Unprocessable
from panacea.platform.table import Page

MAX_DAYS = 366
MAX_LINES = 25_000
MAX_ID = 128


class BadPeriod(Unprocessable):
    slug, title = "bad-period", "Bad period"


class PeriodTooLarge(Unprocessable):
    slug, title = "period-too-large", "Period too large"


@dataclass(frozen=True)
class Period:
    """The days `since` to `until` of time zone `zone`, both included; what it covers is [start, end)."""

    since: date
    until: date
    zone: str = zones.UTC_ZONE

    @property
    def start(self) -> datetime:
        return zones.start_of_day(self.since, self.zone)

    @property
    def end(self) -> datetime:
        return zones.start_of_day(self.until + timedelta(days=1), self.zone)

    @classmethod
    def of(cls, since: date, until: date, zone: str = zones.UTC_ZONE) -> Period:
        if until < since:
            raise BadPeriod(
                f"the period ends ({until}) before it starts ({since})", errors=[FieldError("until", "before_since")]
            )
        days = (until - since).days + 1
        if days > MAX_DAYS:
            raise BadPeriod(
                f"a period is at most {MAX_DAYS} days; {since} to {until} is {days}",
                errors=[FieldError("until", "too_long")],
            )
        return cls(since, until, zone)


@dataclass(frozen=True)
class Export:
    """A workbook to hand over: its file name and content."""

    filename: str
    content: bytes
    media_type: str = XLSX


def _checked_id(name: str, value: str | None) -> str | None:
    if value is not None and (not value or "#" in value or len(value) > MAX_ID):
        raise Unprocessable(f"{name} is not an id", errors=[FieldError(name, "invalid")])
    return value


def _figures(
    actor: Actor, since: date, until: date, *, product_id: str | None, member_id: str | None
) -> tuple[str, PeriodFigures]:
    authorize(actor, Action.READ_FINANCE)
    settings = tenancy.settings_of(actor.tenant)
    period = Period.of(since, until, settings.time_zone if settings else zones.UTC_ZONE)
    product_id, member_id = _checked_id("product_id", product_id), _checked_id("member_id", member_id)
    read = dal.entries(actor.tenant, start=period.start, end=period.end, member_id=member_id, product_id=product_id)
    figures = PeriodFigures.of(
        _bounded(read, period), since=since, until=until, product_id=product_id, member_id=member_id
    )
    return actor.tenant, figures


def _bounded(entries: Iterable[LedgerEntry], period: Period) -> list[LedgerEntry]:
    found: list[LedgerEntry] = []
    lines = 0
    for entry in entries:
        lines += len(entry.lines)
        if lines > MAX_LINES:
            raise PeriodTooLarge(
                f"{period.since} to {period.until} holds more than {MAX_LINES} ledger lines; ask for a shorter period",
                errors=[FieldError("until", "too_much")],
            )
        found.append(entry)
    return found


def sales(
    actor: Actor, *, since: date, until: date, product_id: str | None = None, member_id: str | None = None
) -> SalesReport:
    """Sales of the period per currency: totals, and by product, store and payment method."""
    _, figures = _figures(actor, since, until, product_id=product_id, member_id=member_id)
    return figures.report()


def orders(
    actor: Actor,
    *,
    since: date,
    until: date,
    product_id: str | None = None,
    member_id: str | None = None,
    cursor: str | None = None,
    limit: int = 20,
) -> Page[PeriodOrder]:
    """The orders whose money moved in the period, newest first, with what it came to and their
    state now (one BatchGetItem per page)."""
    tenant_id, figures = _figures(actor, since, until, product_id=product_id, member_id=member_id)
    query = _digest(since, until, product_id, member_id)
    ids = sorted(figures.orders, reverse=True)
    after = _after(cursor, query)
    if after is not None:
        ids = [order_id for order_id in ids if order_id < after]
    page, more = ids[:limit], len(ids) > limit
    states = _states(tenant_id, page)
    rows = [figures.orders[order_id].row(states.get(order_id)) for order_id in page]
    return Page[PeriodOrder](items=rows, next_cursor=_cursor(page[-1], query) if more else None)


def export(
    actor: Actor, *, since: date, until: date, product_id: str | None = None, member_id: str | None = None
) -> Export:
    """The period as an Excel workbook (see workbook.py for its sheets)."""
    tenant_id, figures = _figures(actor, since, until, product_id=product_id, member_id=member_id)
    states = _states(tenant_id, list(figures.orders))
    from panacea.finance import workbook  # noqa: PLC0415 - openpyxl on first export: reports never load it

    content = workbook.render(figures, states=states, generated_at=clock.now())
    narrowed = "".join(f"-{v[:40]}" for v in (product_id, member_id) if v)
    return Export(filename=f"sales-{since.isoformat()}-to-{until.isoformat()}{narrowed}.xlsx", content=content)


def _states(tenant_id: str, order_ids: list[str]) -> dict[str, OrderState]:
    """The orders' states now, as orders reports them (its face: one BatchGetItem per 100 orders)."""
    return {order_id: OrderState(state) for order_id, state in orders_context.states_of(tenant_id, order_ids).items()}


# --- the order list's cursor: the last order id of a page, sealed for this tenant and this very query ----


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps([str(p) for p in parts]).encode()).hexdigest()[:16]


def _cursor(last: str, query: str) -> str:
    return cursors.seal({"after": last}, bound_to=["finance.orders", query])


def _after(cursor: str | None, query: str) -> str | None:
    if not cursor:
        return None
    found = cursors.unseal(cursor, bound_to=["finance.orders", query])
    if not isinstance(found, dict) or not isinstance(found.get("after"), str):
        raise cursors.invalid()
    return str(found["after"])
