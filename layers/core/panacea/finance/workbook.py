"""A period's figures as an Excel workbook (openpyxl, streamed in write-only mode).

Sheets: Summary (the totals of each currency), By product, By store, By payment method, Orders,
and Ledger (every line of every entry). Money is a number in major units (Decimal, converted
from the integer minor units: 1999 → 19.99, never through a float) with its currency's format,
e.g. `#,##0.00 "GBP"` or `#,##0 "JPY"`. Each table ends every currency with a Total row whose
values are the integer sums of the report (not Excel formulas), so they equal the ledger and the
Summary to the minor unit. Times are UTC. The house style and its helpers are the kernel's
(`panacea.platform.workbooks`), shared with distribution's exports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from openpyxl import Workbook

from panacea.finance.models import LedgerEntry, LedgerLine, OrderState
from panacea.finance.reports import CurrencyFigures, PeriodFigures, Tally, ranked
from panacea.platform.workbooks import Sheet, major, new_book, saved

SHEETS = ("Summary", "By product", "By store", "By payment method", "Orders", "Ledger")
FIGURES = ("Gross sales", "Discounts", "Refunds", "Net", "Orders", "Units sold", "Units refunded")


def _figures(tally: Tally, currency: str) -> list[Any]:
    return [
        major(tally.gross, currency),
        major(tally.discounts, currency),
        major(tally.refunds, currency),
        major(tally.net, currency),
        len(tally.orders),
        tally.units,
        tally.units_refunded,
    ]


def render(figures: PeriodFigures, *, states: dict[str, OrderState], generated_at: datetime) -> bytes:
    """The workbook of a period's figures (`states`: orders' states now, by id)."""
    book = new_book()
    currencies = figures.currency_list
    _summary(book, figures, generated_at)
    _breakdown(
        book,
        "By product",
        ["Product", "Product ID"],
        currencies,
        lambda c: [([c.product_names[key], key], tally) for key, tally in ranked(c.products)],
    )
    _breakdown(book, "By store", ["Store ID"], currencies, lambda c: [([k], t) for k, t in ranked(c.stores)])
    _breakdown(
        book,
        "By payment method",
        ["Payment method"],
        currencies,
        lambda c: [([key], tally) for key, tally in ranked(c.methods)],
    )
    _orders(book, figures, states)
    _ledger(book, figures)
    return saved(book)


def _summary(book: Workbook, figures: PeriodFigures, generated_at: datetime) -> None:
    sheet = Sheet(book, "Summary", ["Currency", *FIGURES], [12, 16, 16, 16, 16, 10, 12, 15])
    for c in figures.currency_list:
        sheet.row([c.currency, *_figures(c.totals, c.currency)], currency=c.currency)
    sheet.row([])
    sheet.row(["Period", f"{figures.since.isoformat()} to {figures.until.isoformat()} (UTC days, both included)"])
    if figures.product_id:
        sheet.row(["Product", figures.product_id])
    if figures.member_id:
        sheet.row(["Member", figures.member_id])
    sheet.row(["Ledger entries", len(figures.entries)])
    sheet.row(["Generated", generated_at])


def _breakdown(
    book: Workbook,
    title: str,
    keys: list[str],
    currencies: list[CurrencyFigures],
    rows_of: Callable[[CurrencyFigures], list[tuple[list[str], Tally]]],
) -> None:
    widths = [12, *([30, 30] if len(keys) == 2 else [30]), 16, 16, 16, 16, 10, 12, 15]
    sheet = Sheet(book, title, ["Currency", *keys, *FIGURES], widths)
    for c in currencies:
        for key_values, tally in rows_of(c):
            sheet.row([c.currency, *key_values, *_figures(tally, c.currency)], currency=c.currency)
        sheet.row(
            [c.currency, "Total", *([""] * (len(keys) - 1)), *_figures(c.totals, c.currency)],
            currency=c.currency,
            bold=True,
        )


def _orders(book: Workbook, figures: PeriodFigures, states: dict[str, OrderState]) -> None:
    header = [
        "Order ID",
        "Ordered at",
        "Paid at",
        "Member",
        "State",
        "Payment method",
        "Currency",
        "Gross sales",
        "Discounts",
        "Refunds",
        "Net",
        "Units sold",
        "Units refunded",
    ]
    sheet = Sheet(book, "Orders", header, [30, 20, 20, 30, 20, 16, 10, 16, 16, 16, 16, 12, 15])
    rows = figures.order_rows(states, newest_first=False)
    for c in figures.currency_list:
        for order in (o for o in rows if o.currency == c.currency):
            sheet.row(
                [
                    order.order_id,
                    order.ordered_at,
                    order.paid_at,
                    order.member_id,
                    order.state.value,
                    order.payment_method.value,
                    c.currency,
                    *(major(m.amount, c.currency) for m in (order.gross, order.discounts, order.refunds, order.net)),
                    order.units,
                    order.units_refunded,
                ],
                currency=c.currency,
            )
        t = c.totals
        sheet.row(
            [
                "Total",
                None,
                None,
                None,
                None,
                None,
                c.currency,
                *(major(v, c.currency) for v in (t.gross, t.discounts, t.refunds, t.net)),
                t.units,
                t.units_refunded,
            ],
            currency=c.currency,
            bold=True,
        )


LEDGER_COLUMNS = (
    ("Entry ID", 30),
    ("At", 20),
    ("Kind", 8),
    ("Order ID", 30),
    ("Line", 6),
    ("Product", 30),
    ("Product ID", 30),
    ("SKU ID", 30),
    ("Store ID", 30),
    ("Member", 30),
    ("Payment method", 16),
    ("Currency", 10),
    ("Quantity", 10),
    ("Gross", 16),
    ("Discount", 16),
    ("Amount", 16),
    ("Order state after", 20),
)


def _ledger(book: Workbook, figures: PeriodFigures) -> None:
    """Every line of every entry, each currency closed by its Total row (the integer sums)."""
    sheet = Sheet(book, "Ledger", [name for name, _ in LEDGER_COLUMNS], [width for _, width in LEDGER_COLUMNS])
    for c in figures.currency_list:
        gross = discount = amount = quantity = 0
        for entry in (e for e in figures.entries if e.currency == c.currency):
            for line in entry.lines:
                sheet.row(_ledger_row(entry, line, c.currency), currency=c.currency)
                gross, discount = gross + line.gross.amount, discount + line.discount.amount
                amount, quantity = amount + line.amount.amount, quantity + line.quantity
        totals = [quantity, major(gross, c.currency), major(discount, c.currency), major(amount, c.currency)]
        sheet.row(["Total", *[None] * 10, c.currency, *totals, None], currency=c.currency, bold=True)


def _ledger_row(entry: LedgerEntry, line: LedgerLine, currency: str) -> list[Any]:
    return [
        entry.id,
        entry.at,
        entry.kind.value,
        entry.order_id,
        line.line_no,
        line.product_name,
        line.product_id,
        line.sku_id,
        line.store_id,
        entry.member_id,
        entry.payment_method.value,
        currency,
        line.quantity,
        major(line.gross.amount, currency),
        major(line.discount.amount, currency),
        major(line.amount.amount, currency),
        entry.state.value,
    ]
