"""Reading distribution's money back: a distributor's statement of a month or of days (opening +
movements = closing in each state, the next month opening on this one's closing, a period to now
closing on the ledger's balance), its workbook read back with openpyxl to the penny, the team added
up by level, and staff's commission and withdrawal lists with their filters, pages and workbooks."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from panacea.distribution import payout_accounts, wallet, withdrawals
from panacea.distribution.wallet_models import (
    Credit,
    EntryKind,
    ExternalAccount,
    WithdrawalRejection,
    WithdrawalRequest,
)
from panacea.platform import clock
from panacea.platform.access import Actor, Role
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from panacea.platform.workbooks import XLSX
from tests.integration.distribution.network import Network, network
from tests.support.in_process import HANDLERS

STATES = ("pending", "frozen", "available", "total")
BANK = {"kind": "bank", "holder_name": "Li Wei", "account_number": "6222020200001234567", "bank_name": "ICBC"}


@pytest.fixture(scope="module")
def net() -> Network:
    return network()  # GBP, 2 levels, 8% + 4%, 14 freeze days


def get(net: Network, path: str, *, as_: dict[str, str] | None = None, status: int = 200) -> Any:
    answer = HANDLERS.request("GET", path, as_=as_ or net.owner)
    assert answer.status == status, (path, answer.status, answer.body)
    return answer.body


def workbook(net: Network, path: str, *, as_: dict[str, str] | None = None) -> Any:
    answer = HANDLERS.request("GET", path, as_=as_ or net.owner, headers={"Accept": XLSX})
    assert answer.status == 200, (path, answer.status, answer.body)
    assert answer.headers["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(answer.body))


def amounts(buckets: dict[str, Any]) -> dict[str, int]:
    return {state: buckets[state]["amount"] for state in STATES}


def pence(value: Any) -> int:
    """A workbook's number (read back as a float) in minor units, exactly: its shortest decimal."""
    return int(Decimal(repr(value or 0)) * 100)


def chain(net: Network) -> tuple[str, str, str]:
    """A ← B ← C: C bound to B, B bound to A, A and B distributors."""
    a, b, c = net.appoint(), net.appoint(), net.new_member()
    net.bound(b, a)
    net.bound(c, b)
    return a, b, c


@pytest.fixture(scope="module")
def months(net: Network) -> tuple[str, str, str]:
    """B's October: C's £100 order accrued, frozen and made available; B's November: C's £50 order
    accrued, half of October's order refunded (clawed back from what was available), C's £25 order
    accrued. The clock is fixed at each step."""
    a, b, c = chain(net)
    with clock.use_clock(clock.FixedClock(datetime(2026, 10, 10, 12, tzinfo=UTC))) as time:
        october = net.order(c, [10000])
        time.advance(hours=1)
        october.completed()
        time.advance(days=15)
        assert net.thaw().shares >= 2
        time.advance(days=10)  # 4 November
        net.order(c, [5000])
        time.advance(hours=1)
        october.refund(5000)
        time.advance(days=16)  # 20 November
        net.order(c, [2500])
    return a, b, c


def test_a_months_statement_opens_on_the_last_ones_closing_and_adds_up_by_state(net: Network, months):
    # Given B's October and November
    _, b, _ = months
    # When staff read both months' statements
    october = get(net, f"/v1/distributors/{b}/statement?month=2026-10")
    november = get(net, f"/v1/distributors/{b}/statement?month=2026-11")
    # Then October opens empty and closes with the £8 made available
    assert amounts(october["opening"]) == dict.fromkeys(STATES, 0)
    assert [e["kind"] for e in october["entries"]] == ["accrued", "frozen", "available"]
    assert amounts(october["closing"]) == {"pending": 0, "frozen": 0, "available": 800, "total": 800}
    # And November opens there, and its entries move it to its closing, state by state
    assert november["opening"] == october["closing"]
    assert [e["kind"] for e in november["entries"]] == ["accrued", "clawback", "accrued"]
    moved = amounts(november["movements"])
    assert moved == {"pending": 600, "frozen": 0, "available": -400, "total": 200}
    opening, closing = amounts(november["opening"]), amounts(november["closing"])
    assert closing == {state: opening[state] + moved[state] for state in STATES}
    # And the totals by kind add up to the movements
    totals = {t["kind"]: (t["entries"], amounts(t["moved"])) for t in november["totals"]}
    assert totals["accrued"] == (2, {"pending": 600, "frozen": 0, "available": 0, "total": 600})
    assert totals["clawback"] == (1, {"pending": 0, "frozen": 0, "available": -400, "total": -400})
    assert november["to_now"] is False


def test_a_period_to_now_closes_on_the_ledgers_balance_and_the_member_reads_their_own(net: Network, months):
    # Given B's two months
    _, b, _ = months
    # When staff read B's statement from 1 October to today, and B reads their own
    since_october = get(net, f"/v1/distributors/{b}/statement?since=2026-10-01")
    own = get(net, "/v1/me/statement?since=2026-10-01", as_=net.member(b))
    # Then it closes on the ledger's balance (itself the sum of the ledger's entries)
    assert amounts(since_october["closing"]) == net.balance(b)
    assert since_october["to_now"] is True
    assert len(since_october["entries"]) == 6
    assert own == since_october


def test_the_statement_workbook_adds_up_to_the_ledger_to_the_penny(net: Network, months):
    # Given B's two months
    _, b, _ = months
    # When staff export B's statement from October to today
    book = workbook(net, f"/v1/distributors/{b}/statement/export?since=2026-10-01")
    # Then its closing row is the ledger's balance, its movements the entries' total
    assert book.sheetnames == ["Summary", "Entries"]
    rows = {row[0]: row for row in book["Summary"].iter_rows(values_only=True) if row and row[0]}
    balance = net.balance(b)
    assert [pence(v) for v in rows["Closing balance"][2:6]] == [balance[s] for s in STATES]
    assert [pence(v) for v in rows["Opening balance"][2:6]] == [0, 0, 0, 0]
    entries = list(book["Entries"].iter_rows(min_row=2, values_only=True))
    *lines, total = entries
    assert total[0] == "Total"
    assert pence(total[6]) == sum(pence(line[6]) for line in lines) == balance["total"]
    assert sum(pence(line[9]) for line in lines) == balance["available"]


def test_a_statement_asks_for_a_real_period(net: Network, months):
    # Given B
    _, b, _ = months
    # When staff ask for a month that is no month, or a month and days together, or days backwards
    for query, field in (("month=2026-13", "month"), ("month=2026-11&since=2026-11-01", "month")):
        problem = get(net, f"/v1/distributors/{b}/statement?{query}", status=422)
        # Then the answer names the field at fault
        assert field in str(problem["errors"]), problem
    backwards = get(net, f"/v1/distributors/{b}/statement?since=2026-11-02&until=2026-11-01", status=422)
    assert backwards["errors"][0]["field"].endswith("until")
    # And a member who is no distributor has no statement
    assert get(net, "/v1/me/statement", as_=net.member(), status=404)


def test_the_team_summary_counts_each_level_its_sales_and_commission(net: Network, months):
    # Given A ← B ← C, where C paid £175 over three orders and half of £100 was refunded
    a, _, _ = months
    # When staff read A's team summary, and A reads their own
    summary = get(net, f"/v1/distributors/{a}/team/summary")
    assert get(net, "/v1/me/team/summary", as_=net.member(a)) == summary
    # Then level 1 is B (who bought nothing), level 2 is C with three paid orders
    one, two = summary["levels"]
    assert (one["level"], one["members"], one["paid_orders"], one["sales"]["amount"]) == (1, 1, 0, 0)
    assert (two["level"], two["members"], two["paid_orders"], two["sales"]["amount"]) == (2, 1, 3, 17500)
    # And A's level-2 commission is 4% of what is left paid, by state, as A's ledger holds it
    assert two["commission"]["amount"] == 200 + 200 + 100
    assert (two["pending"]["amount"], two["available"]["amount"]) == (300, 200)
    assert net.balance(a) == {"pending": 300, "frozen": 0, "available": 200, "total": 500}
    assert summary["complete"] is True


def test_staff_list_commissions_by_distributor_state_order_and_period(net: Network, months):
    # Given B's commissions: October's order (available), November's two (pending)
    a, b, _ = months
    # When staff list B's, B's pending ones, November's of B, and one order's
    mine = get(net, f"/v1/distribution/commissions?distributor_id={b}")["items"]
    pending = get(net, f"/v1/distribution/commissions?distributor_id={b}&state=pending")["items"]
    november = get(net, f"/v1/distribution/commissions?distributor_id={b}&since=2026-11-01&until=2026-11-30")
    order = get(net, f"/v1/distribution/commissions?order_id={mine[-1]['order_id']}")["items"]
    # Then each holds what its filters name, newest first
    assert [c["amount"]["amount"] for c in mine] == [200, 400, 400]
    assert [c["state"] for c in mine] == ["pending", "pending", "available"]
    assert [c["amount"]["amount"] for c in pending] == [200, 400]
    assert [c["amount"]["amount"] for c in november["items"]] == [200, 400]
    assert {(c["distributor_id"], c["level"]) for c in order} == {(b, 1), (a, 2)}
    # And every commission in a state is listed across distributors (GSI2), a page at a time
    first = get(net, "/v1/distribution/commissions?state=available&limit=1")
    second = get(net, f"/v1/distribution/commissions?state=available&limit=1&cursor={first['next_cursor']}")
    assert first["items"] != second["items"]
    assert all(c["state"] == "available" for c in first["items"] + second["items"])
    # And a list without any of distributor, order or state is refused, naming the field
    assert get(net, "/v1/distribution/commissions", status=422)["errors"][0]["field"].endswith("state")


def test_the_commission_workbook_totals_are_the_distributors_balance_by_state(net: Network, months):
    # Given B's commissions
    _, b, _ = months
    # When staff export them
    book = workbook(net, f"/v1/distribution/commissions/export?distributor_id={b}")
    rows = list(book["Commissions"].iter_rows(min_row=2, values_only=True))
    totals = {row[4]: pence(row[8]) for row in rows if row[0] == "Total"}
    # Then the Total rows by state are B's balance by state, and all of them B's total
    balance = net.balance(b)
    assert totals == {"available": balance["available"], "pending": balance["pending"], "all": balance["total"]}


def test_finance_lists_and_exports_withdrawals_by_state_member_and_period(net: Network):
    # Given a member with £50 in their wallet who asked for two withdrawals, one of them rejected
    member = net.new_member()
    me = Actor(user_id=member, tenant_id=net.tenant_id, roles=frozenset({Role.MEMBER}))
    finance = Actor(user_id="fin", tenant_id=net.tenant_id, roles=frozenset({Role.FINANCE}))
    gbp = Money(amount=5000, currency="GBP")
    with acting_for(net.tenant_id):
        wallet.credit(
            net.tenant_id, Credit(member_id=member, kind=EntryKind.COMMISSION, amount=gbp, reference=new_id())
        )
        payout_accounts.set_external(me, ExternalAccount.model_validate(BANK))
        kept = withdrawals.request(me, WithdrawalRequest(amount=Money(amount=1000, currency="GBP")))
        refused = withdrawals.request(me, WithdrawalRequest(amount=Money(amount=2000, currency="GBP")))
        withdrawals.reject(finance, refused.id, WithdrawalRejection(reason="wrong account"))
    owner, today = net.owner, clock.now().date().isoformat()
    # When finance lists the member's, the member's rejected ones, and today's requested ones
    everything = get(net, f"/v1/withdrawals?member_id={member}", as_=owner)["items"]
    rejected = get(net, f"/v1/withdrawals?member_id={member}&state=rejected", as_=owner)["items"]
    requested = get(net, f"/v1/withdrawals?state=requested&since={today}&until={today}")["items"]
    # Then each holds what its filters name
    assert [w["id"] for w in everything] == [refused.id, kept.id]
    assert [w["id"] for w in rejected] == [refused.id]
    assert kept.id in [w["id"] for w in requested]
    assert get(net, "/v1/withdrawals?state=requested&until=2026-01-01")["items"] == []
    # And the workbook's totals per state are what the member's wallet holds back and gave back
    book = workbook(net, f"/v1/withdrawals/export?member_id={member}")
    rows = list(book["Withdrawals"].iter_rows(min_row=2, values_only=True))
    totals = {row[2]: pence(row[11]) for row in rows if row[0] == "Total"}
    assert totals == {"requested": 1000, "rejected": 2000}
    with acting_for(net.tenant_id):
        assert wallet.balance(net.tenant_id, member, "GBP").amount == 5000 - totals["requested"]
    # And a list by neither member nor state is refused, naming the field
    assert get(net, "/v1/withdrawals", status=422)["errors"][0]["field"].endswith("state")
