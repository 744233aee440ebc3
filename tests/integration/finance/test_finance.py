"""Finance's views through the API: the sales ledger written with every payment and refund (in the
same transaction, and once however often payments' event comes), a period's sales and orders in
two currencies adding up to the ledger to the penny, the Excel export read back with openpyxl,
who may read them, and periods that are refused."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from moto.dynamodb.responses import DynamoHandler
from openpyxl import load_workbook

from infra import wiring
from infra.local.invoke import invoke
from infra.local.runtime import LocalPlatform
from panacea.finance import dal as finance_dal
from panacea.finance.models import EntryKind, LedgerEntry
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import MINOR_UNITS
from panacea.tenancy import dal as tenancy_dal
from tests.integration import stripe_support
from tests.integration.commerce import Shop, add_address, checkout, order, pay, reaches, shop, waiting_on
from tests.support import call, staff
from tests.support.builders import coupon_body as coupon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TODAY = datetime.now(UTC).date()
PERIOD = f"since={TODAY - timedelta(days=1)}&until={TODAY + timedelta(days=1)}"  # today, whatever the hour


# --- the books: a shop that sold in GBP, then in EUR ------------------------------------------------


@dataclass
class Books:
    store: Shop
    orders: dict[str, str] = field(default_factory=dict)  # name → order id
    members: dict[str, dict[str, str]] = field(default_factory=dict)

    def order(self, name: str) -> dict[str, Any]:
        return order(self.store, self.orders[name])

    def entries(self, name: str) -> list[LedgerEntry]:
        with acting_for(self.store.tenant_id):
            return finance_dal.order_entries(self.store.tenant_id, self.orders[name])


def _placed(store: Shop, member: dict[str, str], lines: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    placed = checkout(store, member, lines, address_id=add_address(store, member), **fields)
    assert placed.status == 201, placed.body
    return dict(placed.body)


def _paid_online(platform: LocalPlatform, store: Shop, placed: dict[str, Any]) -> str:
    order_id = placed["order"]["id"]
    waiting_on(store, order_id, "payment")
    pay(platform, store, placed)
    reaches(store, order_id, "fulfilling", "completed")
    return str(order_id)


def _paid_offline(store: Shop, placed: dict[str, Any], reference: str) -> str:
    order_id = placed["order"]["id"]
    confirmed = call(
        "POST", f"/v1/orders/{order_id}/offline-payment", caller=store.finance, body={"reference": reference}
    )
    assert confirmed.status == 200, confirmed.body
    return str(order_id)


def _refund(store: Shop, order_id: str, **body: Any) -> dict[str, Any]:
    refunded = call(
        "POST",
        f"/v1/orders/{order_id}/refunds",
        caller=store.manager,
        body={"reason": "finance test", **body},
        headers={"Idempotency-Key": new_id()},
    )
    assert refunded.status == 200, refunded.body
    return dict(refunded.body)


def _switch_to_euros(store: Shop) -> None:
    """The tenant moves its books to EUR (as tenancy would store it): prices in EUR, an EUR coupon."""
    item = tenancy_dal.settings_item(store.tenant_id)
    assert item is not None
    item.replace(item.model.model_copy(update={"currency": "EUR"}), at=datetime.now(UTC))
    item.save()
    for kind, price in {"gene_test": 34900, "device": 9999, "service": 5333}.items():
        patched = call(
            "PATCH",
            f"/v1/catalog/skus/{store.skus[kind]}",
            caller=store.owner,
            body={"prices": [{"amount": price, "currency": "EUR"}]},
        )
        assert patched.status == 200, patched.body
    code = f"EUR{new_id()[-8:]}"
    promotion = call(
        "POST", "/v1/promotions", caller=store.owner, body=coupon(code, percentage_bps=1500, currency="EUR")
    )
    assert promotion.status == 201, promotion.body
    assert call("POST", f"/v1/promotions/{promotion.body['id']}/activate", caller=store.owner).status == 200
    store.coupon = code


@pytest.fixture(scope="module")
def books(platform: LocalPlatform) -> Books:
    """GBP: A (gene test + 2 devices, coupon, card; one device refunded), B (3 services, bank transfer;
    10.01 given back without lines), C (a device, coupon, card; cancelled: refunded in full), D (never
    paid). Then EUR: E (gene test + 2 services, coupon, cash; a service refunded for less than it is
    worth) and F (a device, card)."""
    made = Books(store=shop(stock=50))
    store = made.store
    one, two, three = (store.member(f"member-{n}-{new_id().lower()}") for n in (1, 2, 3))
    made.members = {"one": one, "two": two, "three": three}
    a = _placed(store, one, [store.line("gene_test"), store.line("device", 2)], coupon_code=store.coupon)
    made.orders["A"] = _paid_online(platform, store, a)
    _refund(store, made.orders["A"], lines=[{"line_no": 2, "quantity": 1}])
    b = _placed(store, two, [store.line("service", 3)], payment_method="bank_transfer")
    made.orders["B"] = _paid_offline(store, b, "BACS FIN-0001")
    _refund(store, made.orders["B"], amount=1001, restock=False)
    c = _placed(store, one, [store.line("device")], coupon_code=store.coupon)
    made.orders["C"] = _paid_online(platform, store, c)
    cancelled = call("POST", f"/v1/orders/{made.orders['C']}/cancel", caller=one, body={"reason": "changed my mind"})
    assert (cancelled.status, cancelled.body["state"]) == (200, "cancelled"), cancelled.body
    made.orders["D"] = _placed(store, two, [store.line("service")])["order"]["id"]
    _switch_to_euros(store)
    e = _placed(
        store,
        three,
        [store.line("gene_test"), store.line("service", 2)],
        coupon_code=store.coupon,
        payment_method="cash",
    )
    assert e["order"]["currency"] == "EUR"
    made.orders["E"] = _paid_offline(store, e, "CASH FIN-0002")
    _refund(store, made.orders["E"], lines=[{"line_no": 2, "quantity": 1}], amount=4000)
    f = _placed(store, one, [store.line("device")])
    made.orders["F"] = _paid_online(platform, store, f)
    return made


def _expected(books: Books) -> dict[str, dict[str, int]]:
    """What the orders themselves say the period came to, per currency."""
    found: dict[str, dict[str, int]] = {}
    for name in books.orders:
        o = books.order(name)
        if o["payment"]["paid_at"] is None:
            continue
        f = found.setdefault(
            o["currency"],
            dict.fromkeys(("gross", "discounts", "refunds", "net", "orders", "units", "units_refunded"), 0),
        )
        f["gross"] += o["subtotal"]["amount"]
        f["discounts"] += o["discount"]["amount"]
        f["refunds"] -= o["refunded"]["amount"]
        f["net"] += o["total"]["amount"] - o["refunded"]["amount"]
        f["orders"] += 1
        f["units"] += sum(line["quantity"] for line in o["lines"])
        f["units_refunded"] += sum(line["refunded_quantity"] for line in o["lines"])
    return found


def _ledger_sums(books: Books) -> dict[str, dict[str, int]]:
    """The same figures added up from the ledger's entries of each order (read by order, not by month)."""
    found: dict[str, dict[str, int]] = {}
    for name in books.orders:
        for entry in books.entries(name):
            f = found.setdefault(entry.currency, {"gross": 0, "discounts": 0, "refunds": 0, "net": 0})
            f["net"] += entry.amount.amount
            if entry.kind == EntryKind.SALE:
                f["gross"] += sum(line.gross.amount for line in entry.lines)
                f["discounts"] += sum(line.discount.amount for line in entry.lines)
            else:
                f["refunds"] += entry.amount.amount
    return found


def _figures(totals: dict[str, Any]) -> dict[str, int]:
    return {
        **{k: totals[k]["amount"] for k in ("gross", "discounts", "refunds", "net")},
        **{k: totals[k] for k in ("orders", "units", "units_refunded")},
    }


# --- the ledger -------------------------------------------------------------------------------------


def test_every_payment_and_refund_is_one_entry_of_the_ledger(books: Books):
    # Given the shop's orders, paid and refunded in every way
    a = books.order("A")
    # Then A's payment is a sale entry: each line as sold, by card, for the member, when it was paid
    sale, refund = books.entries("A")
    assert (sale.kind, sale.amount.amount, sale.payment_method) == (EntryKind.SALE, a["total"]["amount"], "card")
    assert (sale.member_id, sale.payment_id, sale.at) == (
        a["member_id"],
        a["payment"]["payment_id"],
        datetime.fromisoformat(a["payment"]["paid_at"]),
    )
    assert [
        (x.product_id, x.sku_id, x.store_id, x.quantity, x.gross.amount, x.discount.amount, x.amount.amount)
        for x in sale.lines
    ] == [
        (
            line["product_id"],
            line["sku_id"],
            line["store_id"],
            line["quantity"],
            line["subtotal"]["amount"],
            line["discount"]["amount"],
            line["amount"]["amount"],
        )
        for line in a["lines"]
    ]
    # And its refund of one device is a refund entry of that line: one unit back, what it was worth
    assert (refund.kind, refund.refund_id, refund.amount.amount) == (
        EntryKind.REFUND,
        a["refunds"][0]["id"],
        -a["refunds"][0]["amount"]["amount"],
    )
    assert [(x.line_no, x.quantity) for x in refund.lines] == [(2, -1)]
    # And every order's entries are its payment then its refunds; the unpaid one has none
    for name in ("B", "C", "E", "F"):
        o, entries = books.order(name), books.entries(name)
        assert [e.kind for e in entries] == [EntryKind.SALE] + [EntryKind.REFUND] * len(o["refunds"]), name
        assert [-e.amount.amount for e in entries[1:]] == [r["amount"]["amount"] for r in o["refunds"]], name
        assert sum(e.amount.amount for e in entries) == o["total"]["amount"] - o["refunded"]["amount"], name
    assert books.entries("D") == []
    # And B's 10.01 without lines is shared over its one line; C's cancellation gives every unit back
    assert [(x.line_no, x.quantity, x.amount.amount) for x in books.entries("B")[1].lines] == [(1, 0, -1001)]
    assert [x.quantity for x in books.entries("C")[1].lines] == [-1]
    assert books.entries("C")[1].state == "cancelled"


def _sqs_record(message: dict[str, Any]) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": f"m-{message['id']}",
                "receiptHandle": "r",
                "body": json.dumps(message),
                "attributes": {},
                "messageAttributes": {},
                "md5OfBody": "",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:eu-west-2:123456789012:panacea-local-orders-payments",
                "awsRegion": "eu-west-2",
            }
        ]
    }


def test_a_payment_event_delivered_again_writes_no_second_sale(books: Books):
    # Given F, paid through Stripe, with its one sale entry
    order_id = books.orders["F"]
    (event,) = [
        e for e in stripe_support.events_of(books.store.tenant_id, "payment.succeeded") if e["order_id"] == order_id
    ]
    # When payments' event is delivered again, and again as a new event
    consumer = wiring.function("OrdersConsumers")
    for event_id in (new_id(), new_id()):
        envelope = {
            "metadata": {
                "event_id": event_id,
                "event_version": 1,
                "tenant_id": books.store.tenant_id,
                "correlation_id": "replay",
                "occurred_at": datetime.now(UTC).isoformat(),
            },
            "data": event,
        }
        message = {"id": event_id, "detail-type": "payment.succeeded", "source": "panacea.payments", "detail": envelope}
        assert invoke(consumer.handler, _sqs_record(message), function_name=consumer.name) == {"batchItemFailures": []}
    # Then the ledger still holds one sale of it
    assert [e.kind for e in books.entries("F")] == [EntryKind.SALE]


@pytest.fixture
def transactions(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every TransactWriteItems request the moto server applies while the test runs."""
    seen: list[dict[str, Any]] = []
    original = DynamoHandler.call_action

    def observed(handler: DynamoHandler) -> Any:
        target = handler.headers.get("X-Amz-Target") or handler.headers.get("x-amz-target") or ""
        request = handler.body
        answer = original(handler)
        if target.endswith("TransactWriteItems") and answer[0] == 200:  # applied (a cancelled one is retried)
            seen.append(json.loads(request))
        return answer

    monkeypatch.setattr(DynamoHandler, "call_action", observed)
    return seen


def _writing(transactions: list[dict[str, Any]], kind: str, order_id: str) -> list[list[dict[str, Any]]]:
    """The transactions that put an item of `kind` about the order; each as its items by type."""
    found: list[list[dict[str, Any]]] = []
    for request in transactions:
        items = [op["Put"]["Item"] for op in request["TransactItems"] if "Put" in op]
        if any(i["type"]["S"] == kind and i.get("order_id", {}).get("S") == order_id for i in items):
            found.append(items)
    return found


def test_the_entry_is_written_in_the_transaction_that_moves_the_money(transactions):
    # Given a member's order paid by bank transfer, at a shop of its own
    store = shop()
    placed = _placed(store, store.member(), [store.line("device")], payment_method="bank_transfer")
    # When finance confirms the transfer, and staff refund part of it
    order_id = _paid_offline(store, placed, "BACS FIN-0003")
    _refund(store, order_id, amount=500)
    # Then one transaction put the order as paid, its sale entry and order.paid together
    paid, refunded = _writing(transactions, "ledger_entry", order_id)
    (written,) = [i for i in paid if i["type"]["S"] == "order"]
    assert written["state"]["S"] == "paid"
    assert any(i["type"]["S"] == "outbox" and i["detail_type"]["S"] == "order.paid" for i in paid)
    # And another put the order with its refund, the refund's entry and order.refunded together
    (written,) = [i for i in refunded if i["type"]["S"] == "order"]
    assert written["order"]["M"]["refunded"]["M"]["amount"]["N"] == "500"
    assert any(i["type"]["S"] == "outbox" and i["detail_type"]["S"] == "order.refunded" for i in refunded)
    # And the payment.succeeded that follows an offline payment wrote no second sale
    with acting_for(store.tenant_id):
        entries = finance_dal.order_entries(store.tenant_id, order_id)
    assert [e.kind for e in entries] == [EntryKind.SALE, EntryKind.REFUND]


# --- the period's figures -------------------------------------------------------------------------------


def test_a_periods_sales_add_up_to_the_ledger_to_the_penny_in_each_currency(books: Books):
    # When finance reads the period's sales
    report = call("GET", f"/v1/finance/sales?{PERIOD}", caller=books.store.finance)
    # Then there is one set of figures per currency, each what the orders and the ledger say, to the penny
    assert report.status == 200, report.body
    by = {c["currency"]: c for c in report.body["currencies"]}
    assert sorted(by) == ["EUR", "GBP"]
    expected, ledger_sums = _expected(books), _ledger_sums(books)
    for currency, figures in by.items():
        totals = _figures(figures["totals"])
        assert totals == expected[currency], currency
        assert {k: totals[k] for k in ledger_sums[currency]} == ledger_sums[currency], currency
        assert totals["net"] == totals["gross"] - totals["discounts"] + totals["refunds"]
        # And each breakdown adds up to the totals
        for rows in (figures["by_product"], figures["by_store"], figures["by_payment_method"]):
            for key in ("gross", "discounts", "refunds", "net"):
                assert sum(r[key]["amount"] for r in rows) == totals[key], (currency, key)
            assert sum(r["units"] for r in rows) == totals["units"]
    # And the GBP devices: 2 in A and 1 in C sold, one of A's and C's refunded
    (device,) = [p for p in by["GBP"]["by_product"] if p["product_id"] == books.store.products["device"]]
    assert (device["units"], device["units_refunded"], device["orders"]) == (3, 2, 2)
    assert {m["payment_method"] for m in by["EUR"]["by_payment_method"]} >= {"cash", "card"}


def test_one_product_or_one_member_narrows_the_figures(books: Books):
    # When finance narrows the period to the service, then to member three (who bought only in EUR)
    service = books.store.products["service"]
    by_product = call("GET", f"/v1/finance/sales?{PERIOD}&product_id={service}", caller=books.store.finance).body
    three = books.members["three"]["user_id"]
    by_member = call("GET", f"/v1/finance/sales?{PERIOD}&member_id={three}", caller=books.store.finance).body
    # Then only the service's lines count (B's 3 and E's 2), and only member three's order
    assert {c["currency"]: [p["product_id"] for p in c["by_product"]] for c in by_product["currencies"]} == {
        "GBP": [service],
        "EUR": [service],
    }
    units = {c["currency"]: c["totals"]["units"] for c in by_product["currencies"]}
    assert units == {"GBP": 3, "EUR": 2}
    (eur,) = by_member["currencies"]
    e = books.order("E")
    assert (eur["currency"], eur["totals"]["orders"]) == ("EUR", 1)
    assert eur["totals"]["net"]["amount"] == e["total"]["amount"] - e["refunded"]["amount"]


def test_the_periods_orders_page_through_with_their_state_now(books: Books):
    # When finance pages through the period's orders, two at a time
    seen: list[dict[str, Any]] = []
    cursor = ""
    while True:
        page = call("GET", f"/v1/finance/orders?{PERIOD}&limit=2{cursor}", caller=books.store.finance)
        assert page.status == 200, page.body
        seen += page.body["items"]
        if not page.body.get("next_cursor"):
            break
        cursor = f"&cursor={page.body['next_cursor']}"
    # Then every paid order is there once, newest first, the unpaid one is not
    ids = [o["order_id"] for o in seen]
    assert ids == sorted(set(ids), reverse=True)
    assert {books.orders[n] for n in "ABCEF"} <= set(ids)
    assert books.orders["D"] not in ids
    # And each says who, how, its state now, and what it came to in the period
    rows = {o["order_id"]: o for o in seen}
    a, c = rows[books.orders["A"]], rows[books.orders["C"]]
    assert (a["member_id"], a["payment_method"], a["state"]) == (books.members["one"]["user_id"], "card", "fulfilling")
    assert (c["state"], c["net"]["amount"]) == ("cancelled", 0)
    for name in "ABCEF":
        o, row = books.order(name), rows[books.orders[name]]
        assert row["net"]["amount"] == o["total"]["amount"] - o["refunded"]["amount"]
        assert (row["gross"], row["discounts"], row["currency"]) == (o["subtotal"], o["discount"], o["currency"])
    # And a cursor of another query is refused
    other = call("GET", f"/v1/finance/orders?since={TODAY}&until={TODAY}{cursor}", caller=books.store.finance)
    assert cursor == "" or (other.status, other.body["type"]) == (400, "/errors/invalid-cursor")


# --- the workbook ---------------------------------------------------------------------------------------


def _minor(value: Any, currency: str) -> int:
    """A money cell back in minor units (exactly: through its decimal text, not float arithmetic)."""
    return int(Decimal(str(value)).scaleb(MINOR_UNITS[currency]))


def test_the_period_exports_to_excel_with_totals_that_match_the_ledger(books: Books):
    # When finance exports the period
    exported = call("GET", f"/v1/finance/export?{PERIOD}", caller=books.store.finance, headers={"Accept": XLSX})
    # Then it is an xlsx attachment
    assert exported.status == 200, exported.body
    assert exported.headers["Content-Type"] == XLSX
    assert exported.headers["Content-Disposition"].startswith('attachment; filename="sales-')
    book = load_workbook(io.BytesIO(exported.body))
    assert book.sheetnames == ["Summary", "By product", "By store", "By payment method", "Orders", "Ledger"]
    # And its Summary is the JSON report's totals, per currency, in major units with the currency's format
    report = call("GET", f"/v1/finance/sales?{PERIOD}", caller=books.store.finance).body
    totals = {c["currency"]: _figures(c["totals"]) for c in report["currencies"]}
    summary = book["Summary"]
    header = [cell.value for cell in summary[1]]
    assert header[:8] == [
        "Currency",
        "Gross sales",
        "Discounts",
        "Refunds",
        "Net",
        "Orders",
        "Units sold",
        "Units refunded",
    ]
    rows = {row[0].value: row for row in summary.iter_rows(min_row=2, max_row=3)}
    for currency, figures in totals.items():
        row = rows[currency]
        assert [_minor(c.value, currency) for c in row[1:5]] == [
            figures[k] for k in ("gross", "discounts", "refunds", "net")
        ]
        assert [c.value for c in row[5:8]] == [figures["orders"], figures["units"], figures["units_refunded"]]
        assert row[4].number_format == f'#,##0.00 "{currency}"'
    # And every breakdown's Total row is the same figures
    for title in ("By product", "By store", "By payment method"):
        for currency, figures in totals.items():
            (total,) = [r for r in book[title].iter_rows(values_only=True) if r[0] == currency and "Total" in r]
            assert [_minor(v, currency) for v in total[-7:-3]] == [
                figures[k] for k in ("gross", "discounts", "refunds", "net")
            ], title
            rows_of = [r for r in book[title].iter_rows(values_only=True) if r[0] == currency and "Total" not in r]
            assert sum(_minor(r[-4], currency) for r in rows_of) == figures["net"], title
    # And the Orders sheet lists the period's orders, its totals the same again
    orders = [r for r in book["Orders"].iter_rows(min_row=2, values_only=True) if r[0] != "Total"]
    assert {books.orders[n] for n in "ABCEF"} <= {r[0] for r in orders}
    for currency, figures in totals.items():
        (total,) = [r for r in book["Orders"].iter_rows(values_only=True) if r[0] == "Total" and r[6] == currency]
        assert _minor(total[10], currency) == figures["net"]
        assert sum(_minor(r[10], currency) for r in orders if r[6] == currency) == figures["net"]
    # And the Ledger sheet has every line of every entry, adding up to the net of its currency
    lines = [r for r in book["Ledger"].iter_rows(min_row=2, values_only=True) if r[0] != "Total"]
    for currency, figures in totals.items():
        assert sum(_minor(r[15], currency) for r in lines if r[11] == currency) == figures["net"]
        (total,) = [r for r in book["Ledger"].iter_rows(values_only=True) if r[0] == "Total" and r[11] == currency]
        assert _minor(total[15], currency) == figures["net"]
    a_lines = [r for r in lines if r[3] == books.orders["A"]]
    assert [(r[2], r[4], r[12]) for r in a_lines] == [("sale", 1, 1), ("sale", 2, 2), ("refund", 2, -1)]


# --- who, and which periods --------------------------------------------------------------------------------


ROUTES = ("/v1/finance/sales", "/v1/finance/orders", "/v1/finance/export")


@pytest.mark.parametrize("role", ["member", "catalog_manager", "order_manager", "service_desk"])
def test_only_finance_owners_and_admins_read_the_books(books: Books, role: str):
    caller = staff(books.store.tenant_id, role, user_id=f"{role}-1")
    for route in ROUTES:
        answer = call("GET", f"{route}?{PERIOD}", caller=caller)
        assert (answer.status, answer.body["type"]) == (403, "/errors/forbidden"), route


@pytest.mark.parametrize("role", ["finance", "owner", "admin"])
def test_finance_owners_and_admins_do(books: Books, role: str):
    caller = staff(books.store.tenant_id, role)
    assert [call("GET", f"{route}?{PERIOD}", caller=caller).status for route in ROUTES] == [200, 200, 200]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("since=2026-02-01&until=2026-01-31", "until"),  # ends before it starts
        ("since=2025-01-01&until=2026-01-02", "until"),  # longer than 366 days
        ("since=2026-13-01&until=2026-12-31", "since"),  # no such day
        ("until=2026-12-31", "since"),  # no start
        ("since=2026-01-01&until=2026-01-31&member_id=a%23b", "member_id"),  # not an id
    ],
)
def test_a_bad_period_is_422_naming_the_field(books: Books, query: str, field: str):
    for route in ROUTES:
        answer = call("GET", f"{route}?{query}", caller=books.store.finance)
        assert answer.status == 422, (route, answer.body)
        assert any(f.endswith(field) for f in answer.problem_fields), (route, answer.body)
