"""Finance's items in the single table, and every query that reads them.

LedgerEntryItem  PK T#<tenant>#LEDGER#<yyyy-mm> · SK <entry>      the tenant's money movements of one month (UTC),
                                                                 oldest first: a period is one Query per month
                                                                 it touches, BETWEEN the ULIDs of its bounds
                 GSI1 T#<tenant>#LEDGER#MEMBER#<member> · <entry>   a member's movements (a period: one Query)
                 GSI2 T#<tenant>#LEDGER#ORDER#<order> · <entry>     an order's movements: its sale, then its refunds

`<entry>` is a ULID whose time is when the money moved, so the sort key orders a partition by time
and a period is a range of it. An entry is the whole movement (LedgerEntry, lines included) as one
item, written with `attribute_not_exists` in the orders transaction that moves the money
(ledger.py) and never updated or deleted: corrections are further entries. Its `product_ids` and
`store_ids` are sets, so one product's movements are a filter on the month's Query.

A month's partition takes every sale and refund of the tenant that month: at 1,000 writes a second
per partition that is far more than a shop's payments. Reading a period costs what it holds (the
logic stops at `logic.MAX_LINES` lines). The states of a page of orders are asked of orders'
face (`orders.states_of`); finance never reads orders' items.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import cast

from pynamodb.attributes import UnicodeAttribute, UnicodeSetAttribute, UTCDateTimeAttribute

from panacea.finance.models import LedgerEntry
from panacea.platform.errors import Conflict
from panacea.platform.ids import time_prefix
from panacea.platform.keys import tenant_key
from panacea.platform.table import DocumentAttribute, TableItem
from panacea.platform.transaction import UnitOfWork


def month_of(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m")


def _month_pk(tenant_id: str, month: str) -> str:
    return tenant_key(tenant_id, "LEDGER", month)


def _member_pk(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "LEDGER", "MEMBER", member_id)


def _order_pk(tenant_id: str, order_id: str) -> str:
    return tenant_key(tenant_id, "LEDGER", "ORDER", order_id)


class LedgerEntryItem(TableItem, discriminator="ledger_entry"):
    entry_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    order_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    currency = UnicodeAttribute()
    product_ids = UnicodeSetAttribute()
    store_ids = UnicodeSetAttribute()
    at = UTCDateTimeAttribute()
    entry = DocumentAttribute()  # the LedgerEntry model

    @classmethod
    def of(cls, tenant_id: str, entry: LedgerEntry) -> LedgerEntryItem:
        item = cls(
            _month_pk(tenant_id, month_of(entry.at)),
            entry.id,
            entry_id=entry.id,
            kind=entry.kind.value,
            order_id=entry.order_id,
            member_id=entry.member_id,
            currency=entry.currency,
            product_ids={line.product_id for line in entry.lines},
            store_ids={line.store_id for line in entry.lines},
            at=entry.at,
            entry=entry.model_dump(mode="json"),
        )
        item.gsi1pk, item.gsi1sk = _member_pk(tenant_id, entry.member_id), entry.id
        item.gsi2pk, item.gsi2sk = _order_pk(tenant_id, entry.order_id), entry.id
        return item

    @property
    def model(self) -> LedgerEntry:
        return LedgerEntry.model_validate(self.entry)


# --- writes --------------------------------------------------------------------------------------


def append(uow: UnitOfWork, tenant_id: str, entry: LedgerEntry) -> None:
    """Add an entry to the unit of work that moves its money (a new item; never overwritten)."""
    uow.create(LedgerEntryItem.of(tenant_id, entry), conflict=Conflict(f"ledger entry {entry.id} exists"))


# --- reads ---------------------------------------------------------------------------------------


def months(start: date, end: date) -> list[str]:
    """Every month (yyyy-mm) from `start`'s to `end`'s, both included."""
    found, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def bounds(start: datetime, end: datetime) -> tuple[str, str]:
    """The entry ids (ULIDs) of the movements at or after `start` and before `end`."""
    return time_prefix(start) + "0" * 16, time_prefix(end - timedelta(milliseconds=1)) + "Z" * 16


def entries(
    tenant_id: str, *, start: datetime, end: datetime, member_id: str | None, product_id: str | None
) -> Iterator[LedgerEntry]:
    """The movements at or after `start` and before `end`, oldest first (a member's: one Query on
    GSI1; else one Query per month), those naming `product_id` if given (a filter on the Query)."""
    low, high = bounds(start, end)
    only = LedgerEntryItem.product_ids.contains(product_id) if product_id else None
    if member_id:
        found = LedgerEntryItem.by_gsi1.query(
            _member_pk(tenant_id, member_id),
            range_key_condition=TableItem.gsi1sk.between(low, high),
            filter_condition=only,
        )
        yield from (cast(LedgerEntryItem, item).model for item in found)
        return
    for month in months(start.astimezone(UTC).date(), (end - timedelta(milliseconds=1)).astimezone(UTC).date()):
        yield from (
            item.model
            for item in LedgerEntryItem.query(
                _month_pk(tenant_id, month),
                range_key_condition=LedgerEntryItem.sk.between(low, high),
                filter_condition=only,
            )
        )


def order_entries(tenant_id: str, order_id: str) -> list[LedgerEntry]:
    """An order's movements, oldest first (one Query on GSI2)."""
    return [cast(LedgerEntryItem, item).model for item in LedgerEntryItem.by_gsi2.query(_order_pk(tenant_id, order_id))]
