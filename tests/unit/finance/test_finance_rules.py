"""Finance's rules without any I/O: the ledger entry of a sale and of each kind of refund, how a
refund is shared over lines, periods and their month partitions, figures added up per currency,
the workbook's numbers and formats, and the biggest order still paid and refunded in one
transaction each with its ledger entry."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from ulid import ULID

from panacea.finance import dal, ledger, workbook
from panacea.finance.logic import MAX_DAYS, BadPeriod, Period
from panacea.finance.models import EntryKind, LedgerEntry
from panacea.finance.reports import PeriodFigures
from panacea.orders import dal as orders_dal
from panacea.orders import paying, pricing, refunds, sales
from panacea.orders.models import (
    MAX_LINES,
    Order,
    OrderLine,
    OrderRefund,
    OrderState,
    PaymentInfo,
    PaymentMethod,
    ProductKind,
    RefundLine,
)
from panacea.platform import events, workbooks
from panacea.platform.clock import FixedClock, use_clock
from panacea.platform.money import Money
from panacea.platform.transaction import MAX_ITEMS, UnitOfWork
from panacea.promotions.quotes import (
    RedeemedPromotion,
    Redemption,
)

AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ORDER_ID = "01JD7Q2ZQ8C1V3B5N7M9K2H4FD"


def money(amount: int, currency: str = "GBP") -> Money:
    return Money(amount=amount, currency=currency)


def line(no: int, *, price: int, quantity: int = 1, discount: int = 0, store: str = "s1", currency: str = "GBP"):
    return OrderLine(
        line_no=no,
        sku_id=f"sku-{no}",
        store_id=store,
        product_id=f"product-{no}",
        product_name=f"Product {no}",
        kind=ProductKind.DEVICE,
        unit_price=money(price, currency),
        quantity=quantity,
        subtotal=money(price * quantity, currency),
        discount=money(discount, currency),
        amount=money(price * quantity - discount, currency),
    )


def order(lines: list[OrderLine], *, state: OrderState = OrderState.PAID, order_id: str = ORDER_ID) -> Order:
    currency = lines[0].unit_price.currency
    subtotal, discount, total = pricing.totals(lines, currency)
    return Order(
        id=order_id,
        member_id="member-1",
        state=state,
        lines=lines,
        currency=currency,
        subtotal=subtotal,
        discount=discount,
        total=total,
        refunded=money(0, currency),
        payment_method=PaymentMethod.CARD,
        payment=PaymentInfo(payment_id="pay-1", status="succeeded", paid_at=AT),
        cancel_until=AT,
        payment_due_at=AT,
        receipt_days=10,
        created_at=AT - timedelta(minutes=5),
        updated_at=AT,
    )


def refund(amount: int, lines: list[RefundLine] | None = None, currency: str = "GBP") -> OrderRefund:
    made = money(amount, currency)
    return OrderRefund(id="refund-1", amount=made, reason="test", lines=lines or [], by="staff", at=AT)


def returned(o: Order, line_no: int, quantity: int) -> OrderLine:
    """A line as orders hands it to the ledger: the units refunded and what they give back."""
    found = next(x for x in o.lines if x.line_no == line_no)
    value = pricing.refund_value(found, quantity)
    return found.model_copy(update={"quantity": quantity, "amount": money(value, o.currency)})


def sale_of(o: Order, *, at: datetime) -> LedgerEntry:
    """The entry of an order's payment, the order handed over as orders hands it (a `Sale`)."""
    return ledger.sale_of(sales.sale_of(o), at=at)


def refund_of(o: Order, r: OrderRefund, refunded: list[OrderLine], *, at: datetime) -> LedgerEntry:
    return ledger.refund_of(sales.sale_of(o), sales.refund_of(r, refunded), at=at)


# --- the entries --------------------------------------------------------------------------------


def test_a_sale_is_one_entry_with_each_line_as_it_was_sold():
    # Given a paid order of a discounted device and two services
    paid = order([line(1, price=8900, discount=890), line(2, price=4500, quantity=2, discount=900, store="s2")])
    # When its sale is entered
    entry = sale_of(paid, at=AT)
    # Then it is a sale of the order's total, timed by its id, with every line's figures
    assert (entry.kind, entry.amount, entry.order_id, entry.member_id) == (
        EntryKind.SALE,
        paid.total,
        ORDER_ID,
        "member-1",
    )
    assert ULID.from_str(entry.id).datetime == AT
    assert [
        (x.product_id, x.store_id, x.quantity, x.gross.amount, x.discount.amount, x.amount.amount) for x in entry.lines
    ] == [("product-1", "s1", 1, 8900, 890, 8010), ("product-2", "s2", 2, 9000, 900, 8100)]
    assert (entry.payment_method.value, entry.paid_at, entry.state.value) == ("card", AT, "paid")


def test_a_refund_of_lines_gives_each_line_what_its_units_are_worth():
    # Given an order of three devices at 8900 with 2000 off (a unit is worth 8233⅓)
    paid = order([line(1, price=8900, quantity=3, discount=2000), line(2, price=100)])
    # When one device is refunded, then the other two
    first = refund_of(paid, refund(8233, [RefundLine(line_no=1, quantity=1)]), [returned(paid, 1, 1)], at=AT)
    paid.lines[0].refunded_quantity = 1
    rest = refund_of(paid, refund(16467, [RefundLine(line_no=1, quantity=2)]), [returned(paid, 1, 2)], at=AT)
    # Then each entry is negative, names the units returned, and together they give back the line exactly
    assert [(x.line_no, x.quantity, x.amount.amount) for x in first.lines] == [(1, -1, -8233)]
    assert [(x.line_no, x.quantity, x.amount.amount) for x in rest.lines] == [(1, -2, -16467)]
    assert first.amount.amount + rest.amount.amount == -paid.lines[0].amount.amount
    assert (first.kind, first.refund_id) == (EntryKind.REFUND, "refund-1")
    assert all(x.gross.amount == 0 and x.discount.amount == 0 for x in first.lines)


def test_a_refund_of_another_amount_than_the_lines_is_shared_over_those_lines():
    # Given an order of two lines, and staff refunding both for 1001 instead of what they are worth
    paid = order([line(1, price=3000), line(2, price=1000), line(3, price=500)])
    lines = [returned(paid, 1, 1), returned(paid, 2, 1)]
    entry = refund_of(
        paid, refund(1001, [RefundLine(line_no=1, quantity=1), RefundLine(line_no=2, quantity=1)]), lines, at=AT
    )
    # Then 1001 is shared 3:1 over them (rounding down, the remainder on the last), nothing on line 3
    assert [(x.line_no, x.quantity, x.amount.amount) for x in entry.lines] == [(1, -1, -750), (2, -1, -251)]
    assert entry.amount.amount == -1001


def test_a_refund_of_an_amount_alone_is_shared_over_what_is_left_of_each_line():
    # Given an order whose first line was refunded whole already
    paid = order([line(1, price=5000), line(2, price=2000), line(3, price=1000)])
    paid.lines[0].refunded_quantity = 1
    # When 999 is refunded without lines (goodwill, or at Stripe)
    entry = refund_of(paid, refund(999), [], at=AT)
    # Then lines 2 and 3 share it 2:1, no units come back, and line 1 gets nothing
    assert [(x.line_no, x.quantity, x.amount.amount) for x in entry.lines] == [(2, 0, -666), (3, 0, -333)]


@pytest.mark.parametrize(
    ("total", "weights", "shares"),
    [
        (100, [1, 1, 1], [33, 33, 34]),
        (10, [0, 0], [5, 5]),  # nothing to weigh by: evenly
        (6, [5, 2, 0], [4, 2, 0]),  # the remainder goes on the last line with room left
        (7, [5, 1], [5, 2]),  # more than the weights: what is over on the last line
        (12, [5, 5], [6, 6]),
        (0, [3, 4], [0, 0]),
    ],
)
def test_allocation_rounds_down_and_adds_up(total, weights, shares):
    assert ledger.allocate(total, weights) == shares
    assert sum(ledger.allocate(total, weights)) == total


# --- periods --------------------------------------------------------------------------------------


def test_a_period_is_whole_utc_days_and_at_most_a_year_and_a_day():
    period = Period.of(date(2026, 1, 31), date(2026, 2, 1))
    assert (period.start, period.end) == (datetime(2026, 1, 31, tzinfo=UTC), datetime(2026, 2, 2, tzinfo=UTC))
    assert Period.of(date(2026, 1, 1), date(2026, 1, 1) + timedelta(days=MAX_DAYS - 1))
    with pytest.raises(BadPeriod) as backwards:
        Period.of(date(2026, 2, 1), date(2026, 1, 31))
    assert [e.field for e in backwards.value.errors] == ["until"]
    with pytest.raises(BadPeriod):
        Period.of(date(2026, 1, 1), date(2026, 1, 1) + timedelta(days=MAX_DAYS))


def test_a_period_reads_each_month_it_touches_between_the_ulids_of_its_bounds():
    assert dal.months(date(2025, 11, 30), date(2026, 2, 1)) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    low, high = dal.bounds(datetime(2026, 1, 31, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC))
    inside = [
        ledger.entry_id(datetime(2026, 1, 31, tzinfo=UTC)),
        ledger.entry_id(datetime(2026, 1, 31, 23, 59, 59, 999000, tzinfo=UTC)),
    ]
    outside = [
        ledger.entry_id(datetime(2026, 1, 30, 23, 59, 59, 999000, tzinfo=UTC)),
        ledger.entry_id(datetime(2026, 2, 1, tzinfo=UTC)),
    ]
    assert all(low <= i <= high for i in inside)
    assert not any(low <= o <= high for o in outside)
    assert dal.month_of(datetime(2026, 1, 31, 23, 59, 59, tzinfo=UTC)) == "2026-01"


# --- figures ----------------------------------------------------------------------------------------


def _entries() -> list[LedgerEntry]:
    """Two GBP orders (one refunded in part) and a EUR one."""
    a = order(
        [line(1, price=8900, quantity=2, discount=1780), line(2, price=4500, store="s2")],
        order_id="01JD7Q2ZQ8C1V3B5N7M9K2H4F1",
    )
    b = order([line(2, price=4500, quantity=3)], order_id="01JD7Q2ZQ8C1V3B5N7M9K2H4F2")
    c = order([line(1, price=7999, currency="EUR", discount=1)], order_id="01JD7Q2ZQ8C1V3B5N7M9K2H4F3")
    made = [sale_of(a, at=AT), sale_of(b, at=AT), sale_of(c, at=AT)]
    made.append(refund_of(a, refund(8010, [RefundLine(line_no=1, quantity=1)]), [returned(a, 1, 1)], at=AT))
    made.append(refund_of(b, refund(1), [], at=AT))
    return made


def test_figures_add_up_per_currency_and_every_breakdown_adds_up_to_them():
    figures = PeriodFigures.of(_entries(), since=date(2026, 11, 1), until=date(2026, 11, 30))
    report = figures.report()
    assert [c.currency for c in report.currencies] == ["EUR", "GBP"]  # never added up together
    by = {c.currency: c for c in report.currencies}
    t = by["GBP"].totals
    assert (t.gross.amount, t.discounts.amount, t.refunds.amount, t.net.amount) == (
        17800 + 4500 + 13500,
        1780,
        -8011,
        17800 + 4500 + 13500 - 1780 - 8011,
    )
    assert (t.orders, t.units, t.units_refunded) == (2, 6, 1)
    assert by["EUR"].totals.net == money(7998, "EUR")
    for c in report.currencies:
        for rows in (c.by_product, c.by_store, c.by_payment_method):
            assert sum(r.net.amount for r in rows) == c.totals.net.amount
            assert sum(r.gross.amount for r in rows) == c.totals.gross.amount
            assert sum(r.refunds.amount for r in rows) == c.totals.refunds.amount
    # And the orders add up to the totals too
    order_rows = figures.order_rows({})
    assert [r.order_id[-2:] for r in order_rows] == ["F3", "F2", "F1"]
    assert sum(r.net.amount for r in order_rows if r.currency == "GBP") == t.net.amount


def test_one_products_figures_keep_only_its_lines():
    figures = PeriodFigures.of(_entries(), since=date(2026, 11, 1), until=date(2026, 11, 30), product_id="product-2")
    (gbp,) = figures.report().currencies
    assert [p.product_id for p in gbp.by_product] == ["product-2"]
    assert (gbp.totals.gross.amount, gbp.totals.orders, gbp.totals.units) == (4500 + 13500, 2, 4)
    assert gbp.totals.refunds.amount == -1  # b's 1 falls on its only line; a's refund was of product 1


# --- the workbook -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "shown", "fmt"),
    [
        (1999, "GBP", Decimal("19.99"), '#,##0.00 "GBP"'),
        (-5, "GBP", Decimal("-0.05"), '#,##0.00 "GBP"'),
        (1999, "JPY", Decimal(1999), '#,##0 "JPY"'),
        (1999, "BHD", Decimal("1.999"), '#,##0.000 "BHD"'),
    ],
)
def test_money_is_shown_in_major_units_exactly_with_its_currencys_format(amount, currency, shown, fmt):
    assert workbooks.major(amount, currency) == shown  # the house style is the kernel's
    assert workbooks.money_format(currency) == fmt


def test_the_workbooks_totals_are_the_figures_to_the_minor_unit():
    # Given a period's figures, rendered
    figures = PeriodFigures.of(_entries(), since=date(2026, 11, 1), until=date(2026, 11, 30))
    book = load_workbook(io.BytesIO(workbook.render(figures, states={}, generated_at=AT)))
    # Then it has its six sheets, and each Total row is the report's figures
    assert book.sheetnames == list(workbook.SHEETS)
    by = {c.currency: c.totals for c in figures.report().currencies}

    def minor(value: object, currency: str) -> int:
        return int(Decimal(str(value)).scaleb(2 if currency != "JPY" else 0))

    summary = {row[0]: row for row in book["Summary"].iter_rows(min_row=2, max_row=3, values_only=True)}
    for currency, totals in by.items():
        assert [minor(v, currency) for v in summary[currency][1:5]] == [
            totals.gross.amount,
            totals.discounts.amount,
            totals.refunds.amount,
            totals.net.amount,
        ]
        for title in ("By product", "By store", "By payment method"):
            (total,) = [r for r in book[title].iter_rows(values_only=True) if r[0] == currency and "Total" in r]
            assert minor(total[-4], currency) == totals.net.amount, title
        (ledger_total,) = [
            r for r in book["Ledger"].iter_rows(values_only=True) if r[0] == "Total" and r[11] == currency
        ]
        assert minor(ledger_total[15], currency) == totals.net.amount
    # And money cells carry their currency's format
    assert book["Summary"]["B2"].number_format.endswith(f'"{book["Summary"]["A2"].value}"')


# --- the biggest order, in one transaction each ---------------------------------------------------------


def test_the_biggest_order_is_paid_and_refunded_in_one_transaction_each_with_its_entry(monkeypatch):
    # Given an order of the most lines, each from its own store and of its own product, with two promotions
    lines = [line(i, price=1000, quantity=99, store=f"store-{i}") for i in range(1, MAX_LINES + 1)]
    placed = order(lines, state=OrderState.PENDING_PAYMENT)
    placed.payment = PaymentInfo()
    item = orders_dal.OrderItem.of("T1", placed)
    taken = [
        RedeemedPromotion(
            promotion_id=f"promo-{i}", code=f"CODE{i}", single_use=True, discount=money(0), counted_for_member=True
        )
        for i in (1, 2)
    ]
    item.redemption = Redemption(order_id=placed.id, member_id="member-1", redeemed_at=AT, promotions=taken).model_dump(
        mode="json"
    )
    committed: list[UnitOfWork] = []

    @contextlib.contextmanager
    def kept(tenant_id: str) -> Iterator[UnitOfWork]:
        uow = UnitOfWork(tenant_id)
        yield uow
        committed.append(uow)  # what would be one TransactWriteItems

    for family in (paying, refunds):
        monkeypatch.setattr(family, "unit_of_work", kept)
    monkeypatch.setattr(events, "settings", lambda: SimpleNamespace(outbox_ttl_seconds=3600))  # no environment here
    monkeypatch.setattr(paying, "changing", lambda tenant_id, order_id, change: change(item, item.model)[0])
    monkeypatch.setattr(refunds, "follow_payment", lambda tenant_id, order: False)  # no payment here to read
    # When it is paid, then refunded in full (everything back to stock, both promotions given back), on a known day
    with use_clock(FixedClock(AT + timedelta(days=3))):
        paid = paying.paid("T1", placed.id, payment_id="pay-1", method="card", by="payments", at=AT)
        plan = refunds.Plan(paid.total, refunds.all_left(paid), True, "all of it", "staff-1", False)
        refunds.record_refund("T1", item, paid, plan, key="order-refund-1")
    # Then each change is one transaction within DynamoDB's limit, its ledger entry in it (the refund's month is
    # the clock's, the sale's the payment's)
    assert len(committed) == 2
    for uow, month in zip(committed, ("2026-11", "2026-11"), strict=True):
        (entry,) = [i for (i, _), _ in uow._puts if isinstance(i, dal.LedgerEntryItem)]
        assert entry.pk == f"T#T1#LEDGER#{month}"
    # paid: the order and its 41 index items, 2 per line of stock, the member's count, the entry, order.paid;
    # refunded: the order, its index items, 2 per line of stock, 5 per promotion given back, the entry, the event
    assert [uow.size for uow in committed] == [1 + 41 + 40 + 1 + 1 + 1, 1 + 41 + 40 + 10 + 1 + 1]
    # And each leaves room for what later contexts could ever need to add (they follow order.paid and
    # order.refunded by their events; a wallet debit handed over by its owner would take 2 items)
    headroom = [MAX_ITEMS - uow.size for uow in committed]
    assert headroom == [15, 6]
    assert all(room >= 2 for room in headroom), headroom
