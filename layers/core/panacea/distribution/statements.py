"""A distributor's statement of a period: their commission ledger's balances by state (pending,
frozen, available) when it starts, each entry in it, the entries' totals by kind, and the balances
when it ends. opening + movements = closing in each state, to the minor unit; when the period runs
to now, closing is the ledger's balance.

How it is read (three requests, whatever the ledger's length before the period): the balance, the
entries written from the period's start on (one Query on their time-ordered keys), and the balance
again. The balances at the period's ends are the balance less what was written after each end;
the balance read twice with the same count of entries proves no entry was written in between, so
the entries read are exactly those the balance holds (else it is read again).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from panacea.distribution import dal
from panacea.distribution import ledger_items as ledger
from panacea.distribution.access import Action
from panacea.distribution.ledger_items import EntryKind
from panacea.distribution.network import DistributorNotFound, currency_of, distributor_of
from panacea.distribution.periods import Span, statement_span
from panacea.distribution.statement_models import Buckets, KindTotal, Statement, StatementEntry
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import CREDENTIALS, ConcurrentUpdate
from panacea.platform.money import Money

if TYPE_CHECKING:
    from panacea.distribution.exports import Export

ATTEMPTS = 3


def my_statement(actor: Actor, *, month: str | None, since: date | None, until: date | None) -> Statement:
    authorize(actor, Action.TAKE_PART)
    if dal.distributor(actor.tenant, actor.user_id) is None:
        raise DistributorNotFound("you are not a distributor", field=CREDENTIALS)
    span = statement_span(actor.tenant, month=month, since=since, until=until)
    return statement_of(actor.tenant, actor.user_id, span)


def distributor_statement(
    actor: Actor, member_id: str, *, month: str | None, since: date | None, until: date | None
) -> Statement:
    authorize(actor, Action.READ_DISTRIBUTION)
    distributor_of(actor.tenant, member_id, field="member_id")
    span = statement_span(actor.tenant, month=month, since=since, until=until)
    return statement_of(actor.tenant, member_id, span)


def export_mine(actor: Actor, *, month: str | None, since: date | None, until: date | None) -> Export:
    """The member's own statement as a workbook (exports.py)."""
    return _workbook(my_statement(actor, month=month, since=since, until=until))


def export_distributors(
    actor: Actor, member_id: str, *, month: str | None, since: date | None, until: date | None
) -> Export:
    return _workbook(distributor_statement(actor, member_id, month=month, since=since, until=until))


def _workbook(made: Statement) -> Export:
    from panacea.distribution import exports  # noqa: PLC0415 - openpyxl on the first export only

    return exports.statement(made, generated_at=clock.now())


@dataclass
class _Sums:
    pending: int = 0
    frozen: int = 0
    available: int = 0
    count: int = 0

    def add(self, entry: ledger.EntryItem, sign: int = 1) -> None:
        self.pending += sign * int(entry.pending)
        self.frozen += sign * int(entry.frozen)
        self.available += sign * int(entry.available)
        self.count += 1

    def less(self, other: _Sums) -> _Sums:
        return _Sums(self.pending - other.pending, self.frozen - other.frozen, self.available - other.available)

    def buckets(self, currency: str) -> Buckets:
        return Buckets.of(currency, pending=self.pending, frozen=self.frozen, available=self.available)


def statement_of(tenant_id: str, distributor_id: str, span: Span) -> Statement:
    assert span.start is not None  # a statement's span is closed on both sides
    assert span.end is not None
    now_sums, entries, held_in = _read(tenant_id, distributor_id, span.start)
    currency = held_in or currency_of(tenant_id) or "GBP"
    after_end, during = _Sums(), _Sums()
    by_kind: dict[EntryKind, _Sums] = defaultdict(_Sums)
    shown: list[StatementEntry] = []
    for entry in entries:
        if entry.at >= span.end:
            after_end.add(entry)
        elif entry.at >= span.start:
            during.add(entry)
            by_kind[EntryKind(entry.kind)].add(entry)
            shown.append(_entry_view(entry, currency))
    closing = now_sums.less(after_end)
    opening = closing.less(during)
    return Statement(
        distributor_id=distributor_id,
        currency=currency,
        start=span.start,
        end=span.end,
        time_zone=span.zone,
        opening=opening.buckets(currency),
        entries=shown,
        totals=[
            KindTotal(kind=kind, entries=sums.count, moved=sums.buckets(currency))
            for kind, sums in sorted(by_kind.items(), key=lambda pair: list(EntryKind).index(pair[0]))
        ],
        movements=during.buckets(currency),
        closing=closing.buckets(currency),
        to_now=span.end > clock.now(),
    )


def _read(tenant_id: str, distributor_id: str, start: datetime) -> tuple[_Sums, list[ledger.EntryItem], str | None]:
    """The balance now, the entries from `start` on (read so that the balance holds exactly them),
    and the ledger's currency (None before its first entry)."""
    for _ in range(ATTEMPTS):
        before = ledger.balance(tenant_id, distributor_id)
        entries = sorted(ledger.entries_from(tenant_id, distributor_id, start), key=lambda e: (e.at, e.sk))
        after = ledger.balance(tenant_id, distributor_id)
        if _count(before) == _count(after):
            if after is None:
                return _Sums(), entries, None
            return _Sums(int(after.pending), int(after.frozen), int(after.available)), entries, after.currency
    raise ConcurrentUpdate("the commission ledger kept changing while it was read; retry")


def _count(balance: ledger.BalanceItem | None) -> int:
    return 0 if balance is None else int(balance.entries)


def _entry_view(entry: ledger.EntryItem, currency: str) -> StatementEntry:
    def money(amount: int | float) -> Money:
        return Money(amount=int(amount), currency=currency)

    return StatementEntry(
        id=entry.sk.removeprefix("ENTRY#"),
        at=entry.at,
        kind=EntryKind(entry.kind),
        order_id=entry.order_id,
        level=int(entry.level),
        orders=list(entry.orders or []),
        amount=money(entry.amount),
        pending=money(entry.pending),
        frozen=money(entry.frozen),
        available=money(entry.available),
    )
