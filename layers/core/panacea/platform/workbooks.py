"""Excel workbooks in the house style (openpyxl, streamed in write-only mode), for any context that
exports: finance's period figures, distribution's statements and lists.

The style: one sheet per table, a bold header row frozen under it, set column widths; money a
number in major units (Decimal, converted from the integer minor units: 1999 → 19.99, never
through a float) with its currency's format, e.g. `#,##0.00 "GBP"` or `#,##0 "JPY"`; times in UTC;
Total rows whose values are the integer sums of what the rows show (not Excel formulas), so they
equal the ledger to the minor unit.

openpyxl is imported with the first workbook made, not with this module: the media type and the
conversions cost nothing on a cold start that exports nothing.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from panacea.platform.money import MINOR_UNITS

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"  # an Excel workbook's media type
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"


def major(amount: int, currency: str) -> Decimal:
    """Minor units as major units, exactly: 1999 GBP → Decimal('19.99')."""
    return Decimal(amount).scaleb(-MINOR_UNITS[currency])


def money_format(currency: str) -> str:
    """The number format of a currency: its decimals, and its code after the number."""
    exponent = MINOR_UNITS[currency]
    return ("#,##0." + "0" * exponent if exponent else "#,##0") + f' "{currency}"'


def new_book() -> Workbook:
    """An empty write-only workbook (sheets are added with `Sheet`)."""
    from openpyxl import Workbook  # noqa: PLC0415 - openpyxl on the first export only

    return Workbook(write_only=True)


def saved(book: Workbook) -> bytes:
    """The workbook's .xlsx bytes."""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class Sheet:
    """A write-only sheet with a bold header row, frozen under it, and typed cells."""

    def __init__(self, book: Workbook, title: str, header: Sequence[str], widths: Sequence[int]) -> None:
        from openpyxl.utils import get_column_letter  # noqa: PLC0415 - with the workbook

        self.ws: WriteOnlyWorksheet = book.create_sheet(title)
        for i, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width
        self.ws.freeze_panes = "A2"
        self.row(header, bold=True)

    def cell(self, value: Any, *, currency: str | None = None, bold: bool = False) -> Cell | Any:
        """The value as it goes in the sheet: styled (a time, money, bold) as a cell, else as it is
        (openpyxl writes a plain value without making a cell object: the bulk of a big ledger)."""
        if not bold and not isinstance(value, datetime | Decimal):
            return value
        from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - with the workbook
        from openpyxl.styles import Font  # noqa: PLC0415

        made = WriteOnlyCell(self.ws, value=value)
        if isinstance(value, datetime):
            made.value = value.astimezone(UTC).replace(tzinfo=None)  # Excel has no time zones: UTC
            made.number_format = TIME_FORMAT
        elif isinstance(value, Decimal) and currency:
            made.number_format = money_format(currency)
        if bold:
            made.font = Font(bold=True)
        return made

    def row(self, values: Iterable[Any], *, currency: str | None = None, bold: bool = False) -> None:
        self.ws.append([self.cell(v, currency=currency, bold=bold) for v in values])
