"""Finance's Excel export at its cap: a period of `logic.MAX_LINES` ledger lines (sales of two-line
orders from two stores, one in ten partly refunded), added up and rendered in this process as
FinanceApi does, without AWS. What it shows: whether the synchronous export fits in one Lambda
answer (6 MB, base64 included) and in API Gateway's 29 s on the function's single vCPU.
"""

from __future__ import annotations

import base64
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from panacea.finance import workbook
from panacea.finance.logic import MAX_LINES
from panacea.finance.models import EntryKind, LedgerEntry, LedgerLine
from panacea.finance.reports import PeriodFigures
from panacea.orders.models import OrderState, PaymentMethod, ProductKind
from panacea.platform.ids import new_id
from panacea.platform.money import Money

RUNS = 3
LAMBDA_ANSWER_BYTES = 6 * 1024 * 1024
GATEWAY_TIMEOUT_S = 29
DAY = date(2026, 11, 2)


@dataclass
class ExportFigures:
    entries: int
    lines: int
    add_up_s: float
    render_s: float
    render_runs_s: list[float]
    xlsx_bytes: int
    answer_bytes: int  # base64, as the function hands it to API Gateway

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _gbp(amount: int) -> Money:
    return Money(amount=amount, currency="GBP")


def _line(no: int, *, price: int, quantity: int, discount: int, store: str) -> LedgerLine:
    return LedgerLine(
        line_no=no,
        product_id=f"product-{no}",
        product_name=f"Product {no}",
        product_kind=ProductKind.DEVICE,
        sku_id=f"sku-{no}",
        store_id=store,
        quantity=quantity,
        gross=_gbp(price * quantity),
        discount=_gbp(discount),
        amount=_gbp(price * quantity - discount),
    )


def entries_at_the_cap() -> list[LedgerEntry]:
    """Ledger entries holding MAX_LINES lines: each order's sale (2 lines), and for one order in
    ten a refund of its second line (1 line)."""
    start = datetime.combine(DAY, datetime.min.time(), tzinfo=UTC)
    entries: list[LedgerEntry] = []
    lines = 0
    n = 0
    while lines < MAX_LINES:
        n += 1
        at = start + timedelta(seconds=n)
        order_id, member_id = new_id(), f"member-{n % 997}"
        sold = [
            _line(1, price=29900, quantity=1, discount=2990, store="store-1"),
            _line(2, price=8900, quantity=2, discount=1780, store="store-2"),
        ][: MAX_LINES - lines]
        common = {
            "order_id": order_id,
            "member_id": member_id,
            "payment_method": PaymentMethod.CARD,
            "ordered_at": at,
            "paid_at": at,
            "currency": "GBP",
        }
        total = sum(line.amount.amount for line in sold)
        entries.append(
            LedgerEntry(
                id=new_id(), kind=EntryKind.SALE, at=at, state=OrderState.PAID, amount=_gbp(total), lines=sold, **common
            )
        )
        lines += len(sold)
        if n % 10 == 0 and lines < MAX_LINES:
            back = sold[-1].model_copy(update={"quantity": -1, "gross": _gbp(0), "discount": _gbp(0)})
            back.amount = _gbp(-8010)
            entries.append(
                LedgerEntry(
                    id=new_id(),
                    kind=EntryKind.REFUND,
                    at=at + timedelta(milliseconds=500),
                    state=OrderState.PAID,
                    amount=_gbp(-8010),
                    lines=[back],
                    **common,
                )
            )
            lines += 1
    return entries


def measure(progress: Callable[[str], None]) -> ExportFigures:
    progress(f"  export: {MAX_LINES:,} ledger lines, rendered {RUNS} times")
    entries = entries_at_the_cap()
    started = time.perf_counter()
    figures = PeriodFigures.of(entries, since=DAY, until=DAY)
    figures.report()
    add_up_s = time.perf_counter() - started
    runs, content = [], b""
    for _ in range(RUNS):
        started = time.perf_counter()
        content = workbook.render(figures, states={}, generated_at=datetime.now(UTC))
        runs.append(time.perf_counter() - started)
    return ExportFigures(
        entries=len(entries),
        lines=sum(len(e.lines) for e in entries),
        add_up_s=round(add_up_s, 2),
        render_s=round(statistics.median(runs), 2),
        render_runs_s=[round(r, 2) for r in runs],
        xlsx_bytes=len(content),
        answer_bytes=len(base64.b64encode(content)),
    )
