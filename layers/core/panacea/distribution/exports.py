"""Distribution's Excel exports, in the house style of the kernel's workbooks (finance's style:
`panacea.platform.workbooks`): a distributor's statement, staff's commission list and withdrawal
list. Money is in major units with its currency's format; every Total row holds the integer sums
of the rows above it (not formulas), so a statement's closing row is the commission ledger's
balance to the minor unit, and a commission list's totals by state are the distributors' balances.

Loaded on the first export only (openpyxl with it)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from panacea.distribution.periods import label
from panacea.distribution.statement_models import Buckets, CommissionView, Statement
from panacea.distribution.wallet_models import WithdrawalView
from panacea.platform.workbooks import XLSX, Sheet, major, new_book, saved

STATEMENT_SHEETS = ("Summary", "Entries")
BUCKETS = ("Pending", "Frozen", "Available", "Total")


@dataclass(frozen=True)
class Export:
    """A workbook to hand over: its file name and content."""

    filename: str
    content: bytes
    media_type: str = XLSX


def _buckets(buckets: Buckets) -> list[Any]:
    return [major(m.amount, m.currency) for m in (buckets.pending, buckets.frozen, buckets.available, buckets.total)]


def statement(made: Statement, *, generated_at: datetime) -> Export:
    """Summary: opening, each kind's movements, movements, closing (by state); Entries: every entry
    of the period, closed by its Total row."""
    book, currency = new_book(), made.currency
    summary = Sheet(book, "Summary", ["Line", "Entries", *BUCKETS], [28, 10, 16, 16, 16, 16])
    summary.row(["Opening balance", None, *_buckets(made.opening)], currency=currency)
    for kind in made.totals:
        summary.row([f"Movements: {kind.kind.value}", kind.entries, *_buckets(kind.moved)], currency=currency)
    summary.row(["Movements", len(made.entries), *_buckets(made.movements)], currency=currency, bold=True)
    summary.row(["Closing balance", None, *_buckets(made.closing)], currency=currency, bold=True)
    summary.row([])
    summary.row(["Distributor", made.distributor_id])
    summary.row(["Currency", currency])
    summary.row(["Period start", made.start])
    summary.row(["Period end (excluded)", made.end])
    summary.row(["Time zone", made.time_zone])
    summary.row(["Generated", generated_at])
    header = ["Entry ID", "At", "Kind", "Order ID", "Level", "Orders", "Amount", "Pending", "Frozen", "Available"]
    entries = Sheet(book, "Entries", header, [30, 20, 12, 30, 6, 40, 16, 16, 16, 16])
    for entry in made.entries:
        moved = (entry.amount, entry.pending, entry.frozen, entry.available)
        entries.row(
            [entry.id, entry.at, entry.kind.value, entry.order_id, entry.level, " ".join(entry.orders)]
            + [major(m.amount, currency) for m in moved],
            currency=currency,
        )
    m = made.movements
    totals = [major(x.amount, currency) for x in (m.total, m.pending, m.frozen, m.available)]
    entries.row(["Total", None, None, None, None, None, *totals], currency=currency, bold=True)
    days = label(made.start, made.end, made.time_zone)
    return Export(f"statement-{made.distributor_id[:40]}-{days}.xlsx", saved(book))


COMMISSION_COLUMNS = (
    ("Order ID", 30),
    ("Distributor", 30),
    ("Level", 6),
    ("Rate (bps)", 10),
    ("State", 10),
    ("Accrued at", 20),
    ("Thaws at", 20),
    ("Currency", 10),
    ("Amount", 16),
)


def commissions(rows: Iterable[CommissionView], *, label: str, generated_at: datetime) -> Export:
    """Commissions, then per currency a Total row by state and one of all of them."""
    book = new_book()
    sheet = Sheet(book, "Commissions", [n for n, _ in COMMISSION_COLUMNS], [w for _, w in COMMISSION_COLUMNS])
    sums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    count = 0
    for row in rows:
        currency = row.amount.currency
        sheet.row(
            [
                row.order_id,
                row.distributor_id,
                row.level,
                row.rate_bps,
                row.state.value,
                row.accrued_at,
                row.thaw_at,
                currency,
                major(row.amount.amount, currency),
            ],
            currency=currency,
        )
        sums[currency][row.state.value] += row.amount.amount
        count += 1
    for currency, by_state in sorted(sums.items()):
        for state, amount in sorted(by_state.items()):
            total = ["Total", None, None, None, state, None, None, currency, major(amount, currency)]
            sheet.row(total, currency=currency, bold=True)
        sheet.row(
            ["Total", None, None, None, "all", None, None, currency, major(sum(by_state.values()), currency)],
            currency=currency,
            bold=True,
        )
    _about(book, "Commissions", count, label, generated_at)
    return Export(f"commissions-{label}.xlsx", saved(book))


WITHDRAWAL_COLUMNS = (
    ("Withdrawal ID", 30),
    ("Member", 30),
    ("State", 10),
    ("Payout", 14),
    ("Account", 14),
    ("Requested at", 20),
    ("Finished at", 20),
    ("Transfer", 30),
    ("Currency", 10),
    ("Amount", 16),
    ("Fee", 16),
    ("Held", 16),
)


def withdrawals(rows: Iterable[WithdrawalView], *, label: str, generated_at: datetime) -> Export:
    """Withdrawals, then per currency and state a Total row of amount, fee and held."""
    book = new_book()
    sheet = Sheet(book, "Withdrawals", [n for n, _ in WITHDRAWAL_COLUMNS], [w for _, w in WITHDRAWAL_COLUMNS])
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    count = 0
    for row in rows:
        currency = row.amount.currency
        money = (row.amount, row.fee, row.held)
        sheet.row(
            [
                row.id,
                row.member_id,
                row.state.value,
                row.payout.value,
                row.account_kind.value,
                row.requested_at,
                row.finished_at,
                row.transfer_id,
                currency,
                *(major(m.amount, currency) for m in money),
            ],
            currency=currency,
        )
        total = sums[(currency, row.state.value)]
        for i, m in enumerate(money):
            total[i] += m.amount
        count += 1
    for (currency, state), (amount, fee, held) in sorted(sums.items()):
        sheet.row(
            [
                "Total",
                None,
                state,
                None,
                None,
                None,
                None,
                None,
                currency,
                major(amount, currency),
                major(fee, currency),
                major(held, currency),
            ],
            currency=currency,
            bold=True,
        )
    _about(book, "Withdrawals", count, label, generated_at)
    return Export(f"withdrawals-{label}.xlsx", saved(book))


def _about(book: Any, what: str, count: int, label: str, generated_at: datetime) -> None:
    sheet = Sheet(book, "About", ["", ""], [20, 60])
    sheet.row([what, count])
    sheet.row(["Period", label.replace("-to-", " to ")])
    sheet.row(["Generated", generated_at])
