"""The commission ledger's items in the single table, the queries that read them, and the one way
its balances change (an entry and the balance, in the caller's unit of work).

EvidenceItem  PK T#<t>#COMMISSION#ORDER#<order> · SK EVIDENCE     the order as commission saw it when paid:
                                                                   buyer, the chain of distributors and their
                                                                   rates then, the rules' version, freeze days,
                                                                   each line's paid and refunded amounts and the
                                                                   rule each level earns by on it (the level's
                                                                   rate or the product's override, as applied
                                                                   then), the refunds applied (each once), when it
                                                                   completed, the settlement workflow's token,
                                                                   and the buyer's cashback on it once the
                                                                   completion credited it (`cashback.py`)
ShareItem     PK T#<t>#COMMISSION#ORDER#<order> · SK LEVEL#<n>    one distributor's commission on the order:
                                                                   amount now, state (pending, frozen, available)
              GSI1 T#<t>#DISTRIBUTOR#<d>#COMMISSIONS · <order>#<n>    a distributor's commissions, newest first
              GSI2 T#<t>#COMMISSIONS#FROZEN · <thaw at ISO>#<order>#<n>  frozen shares by thaw time (the thaw batch
                                                                   reads those due: one Query, no Scan);
                   T#<t>#COMMISSIONS#PENDING · <accrued at ISO>#<order>#<n>   pending and available shares
                   T#<t>#COMMISSIONS#AVAILABLE · <accrued at ISO>#<order>#<n> by accrual time (staff's list
                                                                   of commissions in one state: `in_state`);
                                                                   a share moves partition with its state
BalanceItem   PK T#<t>#DISTRIBUTOR#<d> · SK BALANCE                a distributor's totals: pending, frozen,
                                                                   available (negative: clawed back, offset by
                                                                   later earnings), total, entries
EntryItem     PK T#<t>#DISTRIBUTOR#<d> · SK ENTRY#<ulid>           one change of the balance: kind, order,
                                                                   level, and what it moved in each bucket

An order's evidence and shares are one Query of its partition. Invariant, kept by writing every
entry with its balance in one TransactWriteItems (`move`): each bucket of the balance is the sum of
that bucket's moves over the entries, and total = pending + frozen + available = the sum of the
entries' amounts. A move out of pending or frozen is conditioned on the bucket holding it; only a
clawback takes available below zero.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from pynamodb.attributes import (
    ListAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.pagination import ResultIterator

from panacea.distribution.commission import LineRule
from panacea.platform.errors import ConcurrentUpdate
from panacea.platform.ids import new_id, time_prefix
from panacea.platform.keys import tenant_key
from panacea.platform.table import DocumentAttribute, TableItem, decode_cursor
from panacea.platform.transaction import UnitOfWork


class ShareState(StrEnum):
    PENDING = "pending"  # the order is paid
    FROZEN = "frozen"  # the order completed; until its thaw time
    AVAILABLE = "available"  # the distributor may withdraw it


class EntryKind(StrEnum):
    ACCRUED = "accrued"
    FROZEN = "frozen"
    AVAILABLE = "available"
    REVERSED = "reversed"  # taken back from pending or frozen by a refund
    CLAWBACK = "clawback"  # taken back from available by a refund (may take it below zero)


def order_pk(tenant_id: str, order_id: str) -> str:
    return tenant_key(tenant_id, "COMMISSION", "ORDER", order_id)


def _distributor_pk(tenant_id: str, distributor_id: str) -> str:
    return tenant_key(tenant_id, "DISTRIBUTOR", distributor_id)


def frozen_partition(tenant_id: str) -> str:
    return state_partition(tenant_id, ShareState.FROZEN)


def state_partition(tenant_id: str, state: ShareState) -> str:
    """GSI2's partition of the shares in `state` (frozen: by thaw time; the others by accrual time)."""
    return tenant_key(tenant_id, "COMMISSIONS", state.value.upper())


def accrued_sort(accrued_at: datetime, order_id: str, level: int) -> str:
    """A pending or available share's GSI2 sort key: by accrual time."""
    return f"{accrued_at.isoformat()}#{order_id}#{level}"


class EvidenceItem(TableItem, discriminator="commission_evidence"):
    order_id = UnicodeAttribute()
    buyer_id = UnicodeAttribute()
    currency = UnicodeAttribute()
    chain = DocumentAttribute()  # {"distributors": [...], "rates": [...]} level 1 first
    rule_version = UnicodeAttribute()
    freeze_days = NumberAttribute()
    lines = DocumentAttribute()  # {"<line_no>": {"paid": n, "refunded": n, "rules": {"<level>": LineRule.stored()}}}
    refunds = UnicodeSetAttribute(null=True)
    paid_at = UTCDateTimeAttribute()
    completed_at = UTCDateTimeAttribute(null=True)
    token = UnicodeAttribute(null=True)  # commission-settlement's task token while it waits for the outcome
    cashback = NumberAttribute(null=True)  # the buyer's cashback on the order now (set when the completion credits it)
    cashback_bps = DocumentAttribute(null=True)  # {"<line_no>": bps} each line's cashback ratio at completion

    @classmethod
    def key(cls, tenant_id: str, order_id: str) -> tuple[str, str]:
        return order_pk(tenant_id, order_id), "EVIDENCE"

    @property
    def outcome(self) -> str | None:
        """What the settlement workflow waits for, once known: completed, or refunded (in full)."""
        if self.completed_at is not None:
            return "completed"
        return "refunded" if sum(self.paid_by_line().values()) <= 0 and self.lines else None

    def rules_of(self, level: int, rate_bps: int) -> dict[int, LineRule]:
        """Each line's rule for `level` as applied when the order was paid (evidence written before
        lines kept their rules: the level's `rate_bps` on every line)."""
        kept = {int(no): (line.get("rules") or {}).get(str(level)) for no, line in self.lines.items()}
        return {no: LineRule.of_stored(rule) if rule else LineRule(rate_bps) for no, rule in kept.items()}

    def paid_by_line(self) -> dict[int, int]:
        """What is left paid on each line (paid less refunded)."""
        return {int(no): int(line["paid"]) - int(line["refunded"]) for no, line in self.lines.items()}


class ShareItem(TableItem, discriminator="commission_share"):
    order_id = UnicodeAttribute()
    distributor_id = UnicodeAttribute()
    level = NumberAttribute()
    rate_bps = NumberAttribute()
    currency = UnicodeAttribute()
    amount = NumberAttribute()
    state = UnicodeAttribute()
    thaw_at = UTCDateTimeAttribute(null=True)
    accrued_at = UTCDateTimeAttribute()

    @classmethod
    def new(
        cls, tenant_id: str, order_id: str, *, level: int, distributor_id: str, rate_bps: int, currency: str,
        amount: int, at: datetime,
    ) -> ShareItem:  # fmt: skip
        return cls(
            order_pk(tenant_id, order_id),
            f"LEVEL#{level}",
            gsi1pk=tenant_key(tenant_id, "DISTRIBUTOR", distributor_id, "COMMISSIONS"),
            gsi1sk=f"{order_id}#{level}",
            gsi2pk=state_partition(tenant_id, ShareState.PENDING),
            gsi2sk=accrued_sort(at, order_id, level),
            order_id=order_id,
            distributor_id=distributor_id,
            level=level,
            rate_bps=rate_bps,
            currency=currency,
            amount=amount,
            state=ShareState.PENDING.value,
            accrued_at=at,
        )

    @property
    def current_state(self) -> ShareState:
        return ShareState(self.state)


class BalanceItem(TableItem, discriminator="commission_balance"):
    distributor_id = UnicodeAttribute()
    currency = UnicodeAttribute(null=True)
    pending = NumberAttribute(default=0)
    frozen = NumberAttribute(default=0)
    available = NumberAttribute(default=0)
    total = NumberAttribute(default=0)
    entries = NumberAttribute(default=0)

    @classmethod
    def key(cls, tenant_id: str, distributor_id: str) -> tuple[str, str]:
        return _distributor_pk(tenant_id, distributor_id), "BALANCE"


class EntryItem(TableItem, discriminator="commission_entry"):
    kind = UnicodeAttribute()
    order_id = UnicodeAttribute()
    level = NumberAttribute()
    orders = ListAttribute(of=UnicodeAttribute, null=True)  # a thaw's entry: the orders it released
    amount = NumberAttribute()  # what it adds to the total (negative: taken back)
    pending = NumberAttribute(default=0)
    frozen = NumberAttribute(default=0)
    available = NumberAttribute(default=0)
    at = UTCDateTimeAttribute()


@dataclass(frozen=True)
class Move:
    """One change of a distributor's balance: what it adds to each bucket."""

    kind: EntryKind
    order_id: str  # a thaw's entry: its first order (`orders`: all of them)
    level: int  # a thaw's entry: 0
    pending: int = 0
    frozen: int = 0
    available: int = 0
    orders: tuple[str, ...] = ()

    @property
    def amount(self) -> int:
        return self.pending + self.frozen + self.available


def move(uow: UnitOfWork, tenant_id: str, distributor_id: str, change: Move, *, currency: str, at: datetime) -> None:
    """The entry and the balance it changes, in `uow`: a bucket it takes from must hold it (but
    available, which a clawback may take below zero)."""
    pk, sk = BalanceItem.key(tenant_id, distributor_id)
    uow.create(
        EntryItem(
            pk, f"ENTRY#{new_id()}", kind=change.kind.value, order_id=change.order_id, level=change.level,
            amount=change.amount, pending=change.pending, frozen=change.frozen, available=change.available, at=at,
            orders=list(change.orders) or None,
        ),
        conflict=_stale(),
    )  # fmt: skip
    condition = None
    if change.pending < 0:
        condition = BalanceItem.pending >= -change.pending
    if change.frozen < 0:
        holds = BalanceItem.frozen >= -change.frozen
        condition = holds if condition is None else condition & holds
    uow.update(
        BalanceItem(pk, sk),
        [
            BalanceItem.distributor_id.set(distributor_id),
            BalanceItem.currency.set(currency),
            BalanceItem.pending.add(change.pending),
            BalanceItem.frozen.add(change.frozen),
            BalanceItem.available.add(change.available),
            BalanceItem.total.add(change.amount),
            BalanceItem.entries.add(1),
        ],
        condition=condition,
        conflict=_stale(),
    )


def _stale() -> ConcurrentUpdate:
    return ConcurrentUpdate("the commission balance changed at the same moment; retry")


# --- reads -------------------------------------------------------------------------------------


def order_commission(tenant_id: str, order_id: str) -> tuple[EvidenceItem | None, list[ShareItem]]:
    """An order's evidence and its shares: one Query of its partition."""
    found = list(TableItem.query(order_pk(tenant_id, order_id), consistent_read=True))
    evidence = next((item for item in found if isinstance(item, EvidenceItem)), None)
    return evidence, sorted((item for item in found if isinstance(item, ShareItem)), key=lambda s: int(s.level))


def balance(tenant_id: str, distributor_id: str) -> BalanceItem | None:
    return BalanceItem.find(*BalanceItem.key(tenant_id, distributor_id), consistent_read=True)


def entries(tenant_id: str, distributor_id: str) -> list[EntryItem]:
    """Every entry of a distributor's ledger, oldest first (for checks and statements)."""
    pk = _distributor_pk(tenant_id, distributor_id)
    return [
        item
        for item in EntryItem.query(pk, EntryItem.sk.startswith("ENTRY#"), consistent_read=True)
        if isinstance(item, EntryItem)
    ]


def due(tenant_id: str, at: datetime, *, page_size: int) -> Iterator[ShareItem]:
    """Frozen shares whose thaw time has come, earliest first: a Query on GSI2 read `page_size` at
    a time (eventually consistent: a share frozen a moment ago may wait for the next run)."""
    results = ShareItem.by_gsi2.query(
        frozen_partition(tenant_id), ShareItem.gsi2sk <= f"{at.isoformat()}~", page_size=page_size
    )
    return (item for item in results if isinstance(item, ShareItem))


# --- reads for statements and staff's lists (statements.py, views.py) ---------------------------


def entries_from(tenant_id: str, distributor_id: str, start: datetime) -> list[EntryItem]:
    """A distributor's entries written from `start` on, oldest first: one consistent Query (paged
    by DynamoDB) on the entries' ULID keys, whose time part is when each was written (an entry's
    `at` is never later than its key's time)."""
    pk = _distributor_pk(tenant_id, distributor_id)
    found = EntryItem.query(pk, EntryItem.sk.between(f"ENTRY#{time_prefix(start)}", "ENTRY#~"), consistent_read=True)
    return [item for item in found if isinstance(item, EntryItem)]


@dataclass(frozen=True)
class ShareFilter:
    """Staff's filters of the commission list; one of distributor, order or state names the
    partition read (a distributor's GSI1, an order's own partition, or the state's GSI2), the rest
    filter what it holds. `start`/`end`: accrual time in [start, end)."""

    distributor_id: str | None = None
    order_id: str | None = None
    state: ShareState | None = None
    start: datetime | None = None
    end: datetime | None = None

    @property
    def digest(self) -> str:
        parts = (self.distributor_id, self.order_id, self.state, self.start, self.end)
        return "commissions/" + "/".join("" if p is None else str(p) for p in parts)


def shares(tenant_id: str, where: ShareFilter, *, cursor: str | None, limit: int | None) -> ResultIterator[Any]:
    """The shares `where` names, newest first: one Query a page (`limit`: the page; None: every
    page, DynamoDB's paging followed). A cursor continues only this very list."""
    condition = None
    for part in _share_conditions(where):
        condition = part if condition is None else condition & part
    common: dict[str, Any] = {"scan_index_forward": False, "limit": limit, "filter_condition": condition}
    if where.distributor_id is not None:
        partition = tenant_key(tenant_id, "DISTRIBUTOR", where.distributor_id, "COMMISSIONS")
        start_key = decode_cursor(cursor, partition=("GSI1PK", partition), query=where.digest)
        return ShareItem.by_gsi1.query(partition, last_evaluated_key=start_key, **common)
    if where.order_id is not None:
        partition = order_pk(tenant_id, where.order_id)
        start_key = decode_cursor(cursor, partition=("PK", partition), query=where.digest)
        return ShareItem.query(partition, ShareItem.sk.startswith("LEVEL#"), last_evaluated_key=start_key, **common)
    if where.state is None:
        raise ValueError("a commission list reads by distributor, order or state")
    partition = state_partition(tenant_id, where.state)
    start_key = decode_cursor(cursor, partition=("GSI2PK", partition), query=where.digest)
    return ShareItem.by_gsi2.query(partition, _gsi2_range(where), last_evaluated_key=start_key, **common)


def _share_conditions(where: ShareFilter) -> list[Any]:
    """What filters the partition read: the state and order where they are not its key, the period."""
    parts: list[Any] = []
    if where.state is not None and (where.distributor_id is not None or where.order_id is not None):
        parts.append(ShareItem.state == where.state.value)
    if where.order_id is not None and where.distributor_id is not None:
        parts.append(ShareItem.order_id == where.order_id)
    if where.start is not None:
        parts.append(ShareItem.accrued_at >= where.start)
    if where.end is not None:
        parts.append(ShareItem.accrued_at < where.end)
    return parts


def _gsi2_range(where: ShareFilter) -> Any:
    """The key range of a state's partition: by accrual time where it sorts by that (not frozen)."""
    if where.state == ShareState.FROZEN or (where.start is None and where.end is None):
        return None
    low = where.start.isoformat() if where.start else ""
    high = where.end.isoformat() if where.end else "~"
    return ShareItem.gsi2sk.between(low, high)
