"""The periods statements and lists are read over: a month or days of the tenant's time zone, cut
at its local midnights; refused, naming the field, when they are no period. And the workbook of a
statement, read back: its rows add up, in major units, to what the statement says."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from panacea.distribution import exports, periods
from panacea.distribution.ledger_items import EntryKind
from panacea.distribution.periods import BadPeriod
from panacea.distribution.statement_models import Buckets, KindTotal, Statement, StatementEntry
from panacea.platform.clock import FixedClock, use_clock
from panacea.platform.money import Money

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _zone(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(periods, "zone_of", lambda tenant_id: "Asia/Shanghai")
    with use_clock(FixedClock(NOW)):
        yield


def test_a_month_is_cut_at_the_tenants_midnights():
    # When a Shanghai tenant's November is asked for
    span = periods.statement_span("t", month="2026-11", since=None, until=None)
    # Then it runs from 16:00 UTC on 31 October to 16:00 UTC on 30 November
    assert (span.start, span.end) == (datetime(2026, 10, 31, 16, tzinfo=UTC), datetime(2026, 11, 30, 16, tzinfo=UTC))
    # And December's ends in the next year
    december = periods.statement_span("t", month="2026-12", since=None, until=None)
    assert december.end == datetime(2026, 12, 31, 16, tzinfo=UTC)


def test_no_period_given_is_this_month_to_today_and_since_alone_runs_to_today():
    # When no period is given, or only its first day
    this_month = periods.statement_span("t", month=None, since=None, until=None)
    since = periods.statement_span("t", month=None, since=date(2026, 11, 2), until=None)
    # Then it is this month so far (to the end of today), or from that day to the end of today
    assert this_month.start == datetime(2026, 10, 31, 16, tzinfo=UTC)
    assert this_month.end == since.end == datetime(2026, 11, 18, 16, tzinfo=UTC)
    assert since.start == datetime(2026, 11, 1, 16, tzinfo=UTC)


@pytest.mark.parametrize(
    ("month", "since", "until", "field"),
    [
        ("2026-13", None, None, "month"),
        ("1969-12", None, None, "month"),
        ("9999-12", None, None, "month"),
        (None, date(1, 1, 1), None, "since"),
        (None, date(2026, 1, 1), date(9999, 12, 31), "until"),
        ("2026-11", date(2026, 11, 1), None, "month"),
        (None, None, date(2026, 11, 1), "since"),
        (None, date(2026, 11, 2), date(2026, 11, 1), "until"),
        (None, date(2025, 1, 1), date(2026, 11, 1), "until"),
    ],
)
def test_what_is_no_period_is_refused_naming_the_field(month, since, until, field):
    # When the period asked for is none
    with pytest.raises(BadPeriod) as refused:
        periods.statement_span("t", month=month, since=since, until=until)
    # Then the refusal names the field at fault
    assert [e.field for e in refused.value.errors] == [field]


def test_a_list_is_open_on_a_side_not_given_and_labelled_by_local_days():
    # When a list is asked for from 1 November on
    span = periods.list_span("t", since=date(2026, 11, 1), until=None)
    # Then it has no end, and its label names the local days
    assert (span.start, span.end) == (datetime(2026, 10, 31, 16, tzinfo=UTC), None)
    assert periods.label(span.start, span.end, span.zone) == "2026-11-01-to-now"
    with pytest.raises(BadPeriod) as refused:
        periods.list_span("t", since=None, until=date(9999, 12, 31))
    assert [e.field for e in refused.value.errors] == ["until"]
    closed = periods.list_span("t", since=date(2026, 11, 1), until=date(2026, 11, 30))
    assert periods.label(closed.start, closed.end, closed.zone) == "2026-11-01-to-2026-11-30"


def pence(value: Any) -> int:
    """A workbook's number (read back as a float) in minor units, exactly: its shortest decimal."""
    return int(Decimal(repr(value or 0)) * 100)


def _gbp(amount: int) -> Money:
    return Money(amount=amount, currency="GBP")


def test_the_statement_workbook_shows_the_statement_in_major_units_to_the_penny():
    # Given a statement: £8 available opening, £3.33 accrued and £1.11 clawed back in the period
    accrued = StatementEntry(
        id="E1", at=NOW, kind=EntryKind.ACCRUED, order_id="O1", level=1,
        amount=_gbp(333), pending=_gbp(333), frozen=_gbp(0), available=_gbp(0),
    )  # fmt: skip
    clawback = StatementEntry(
        id="E2", at=NOW, kind=EntryKind.CLAWBACK, order_id="O0", level=1,
        amount=_gbp(-111), pending=_gbp(0), frozen=_gbp(0), available=_gbp(-111),
    )  # fmt: skip
    statement = Statement(
        distributor_id="D", currency="GBP", start=datetime(2026, 10, 31, 16, tzinfo=UTC), end=NOW,
        time_zone="Asia/Shanghai", opening=Buckets.of("GBP", pending=0, frozen=0, available=800),
        entries=[accrued, clawback],
        totals=[
            KindTotal(kind=EntryKind.ACCRUED, entries=1, moved=Buckets.of("GBP", pending=333, frozen=0, available=0)),
            KindTotal(kind=EntryKind.CLAWBACK, entries=1, moved=Buckets.of("GBP", pending=0, frozen=0, available=-111)),
        ],
        movements=Buckets.of("GBP", pending=333, frozen=0, available=-111),
        closing=Buckets.of("GBP", pending=333, frozen=0, available=689), to_now=True,
    )  # fmt: skip
    # When it is exported
    made = exports.statement(statement, generated_at=NOW)
    book = load_workbook(io.BytesIO(made.content))
    # Then the summary's closing row is opening + movements, in pounds with the currency's format
    rows = {row[0].value: row for row in book["Summary"].iter_rows() if row and row[0].value}
    assert [pence(c.value) for c in rows["Closing balance"][2:6]] == [333, 0, 689, 1022]
    assert rows["Closing balance"][2].number_format == '#,##0.00 "GBP"'
    assert pence(rows["Movements: clawback"][4].value) == -111
    # And the entries close on their total
    *_, total = book["Entries"].iter_rows(values_only=True)
    assert total[0] == "Total"
    assert pence(total[6]) == 222
    assert made.filename == "statement-D-2026-11-01-to-2026-11-18.xlsx"
