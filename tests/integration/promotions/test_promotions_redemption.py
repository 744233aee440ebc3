"""Redeeming promotions in an order's transaction (`redeeming.redeem`) and giving them back
(`redeeming.release`): the limits hold when many orders redeem at the same moment, each in its own
unit of work against the moto server, exactly as the orders context will call them."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from pydantic import BaseModel

from panacea.platform import clock
from panacea.platform.access import Actor, Role
from panacea.platform.errors import Conflict, DomainError
from panacea.platform.ids import new_id
from panacea.platform.keys import tenant_key
from panacea.platform.money import Money
from panacea.platform.table import TableItem
from panacea.platform.transaction import UnitOfWork, unit_of_work
from panacea.promotions import campaigns, codes, logic, quoting, redeeming
from panacea.promotions.models import (
    NewPromotion,
    Offer,
    PromotionKind,
    PromotionMethod,
    ReleaseReason,
)
from panacea.promotions.quotes import (
    CodeBatchRequest,
    Quote,
    QuoteLine,
    Redemption,
)
from tests.support import call, staff

NOW = datetime.now(UTC)


@pytest.fixture
def tenant_id() -> str:
    return new_id()


def examples(model: type[BaseModel]) -> list[dict[str, Any]]:
    extra = model.model_config["json_schema_extra"]
    assert isinstance(extra, dict)
    return cast("list[dict[str, Any]]", extra["examples"])


def manager(tenant_id: str) -> Actor:
    return Actor(user_id="staff-1", tenant_id=tenant_id, roles=frozenset({Role.CATALOG_MANAGER}))


def coupon(tenant_id: str, code: str | None = None, **terms: Any) -> str:
    """A running ¥15-off coupon: a shared `code`, or single-use codes when code is None."""
    draft = NewPromotion(
        name="¥15 off",
        currency="CNY",
        method=PromotionMethod.CODE if code else PromotionMethod.SINGLE_USE_CODES,
        code=code,
        offer=Offer(kind=PromotionKind.AMOUNT_OFF, amount_off=1500),
        starts_at=NOW - timedelta(days=1),
        **terms,
    )
    made = campaigns.create_promotion(manager(tenant_id), draft)
    campaigns.activate(manager(tenant_id), made.id)
    return made.id


def lines(amount: int = 10000) -> list[QuoteLine]:
    return [QuoteLine(line_ref="1", product_id="gt-cardio", amount=Money(amount=amount, currency="CNY"))]


def quote(tenant_id: str, member_id: str, code: str | None) -> Quote:
    return quoting.quote(tenant_id, member_id, lines(), code, first_order=False, at=clock.now())


def redeem(tenant_id: str, member_id: str, priced: Quote, order_id: str | None = None) -> Redemption:
    with unit_of_work(tenant_id) as uow:
        return redeeming.redeem(uow, tenant_id, priced, member_id, order_id or new_id())


def concurrently(count: int, tenant_id: str, code: str | None, member: Callable[[int], str]) -> Counter[str]:
    """`count` orders of member(i) with `code`: each is quoted first, then all redeem at the same
    moment, each in its own unit of work. The outcomes: "redeemed", or the refusal's problem type."""
    start = threading.Barrier(count, timeout=30)

    def attempt(i: int) -> str:
        priced = quote(tenant_id, member(i), code)
        assert priced.coupon_applied
        start.wait()
        try:
            redeem(tenant_id, member(i), priced)
            return "redeemed"
        except DomainError as refused:
            return refused.slug

    with ThreadPoolExecutor(count) as pool:
        return Counter(pool.map(attempt, range(count)))


def usage(tenant_id: str, promotion_id: str) -> dict[str, Any]:
    return campaigns.get_promotion(manager(tenant_id), promotion_id).usage.model_dump()


# --- limits under concurrency ----------------------------------------------------------------------


def test_fifty_orders_at_once_redeem_a_coupon_limited_to_ten_exactly_ten_times(tenant_id):
    # Given a coupon that may discount 10 orders
    promotion_id = coupon(tenant_id, "TEN4ALL", usage_limit=10)
    # When 50 members, each having been quoted the coupon, place their orders at the same moment
    outcomes = concurrently(50, tenant_id, "TEN4ALL", member=lambda i: f"member-{i}")
    # Then exactly 10 orders redeem it and 40 are told it is used up
    assert outcomes == Counter({"redeemed": 10, "promotion-used-up": 40})
    assert usage(tenant_id, promotion_id)["redemptions"] == 10


def test_a_budget_that_fits_three_discounts_is_spent_exactly_three_times(tenant_id):
    # Given a ¥15 coupon with a ¥45 budget
    promotion_id = coupon(tenant_id, "BUDGET45", budget=4500)
    # When 20 members redeem it at the same moment
    outcomes = concurrently(20, tenant_id, "BUDGET45", member=lambda i: f"member-{i}")
    # Then exactly 3 orders redeem it, and the budget is spent to the fen
    assert outcomes == Counter({"redeemed": 3, "promotion-used-up": 17})
    assert usage(tenant_id, promotion_id) | {"codes_issued": 0} == {
        "redemptions": 3,
        "discount_given": 4500,
        "budget_left": 0,
        "codes_issued": 0,
    }


def test_a_single_use_code_used_by_twenty_orders_at_once_is_used_once(tenant_id):
    # Given one single-use code
    promotion_id = coupon(tenant_id)
    (code,) = codes.issue_codes(manager(tenant_id), promotion_id, CodeBatchRequest(count=1)).codes
    # When 20 members use it at the same moment
    outcomes = concurrently(20, tenant_id, code, member=lambda i: f"member-{i}")
    # Then exactly one order has it, and it says which
    assert outcomes == Counter({"redeemed": 1, "coupon-code-used": 19})
    (state,) = codes.list_codes(manager(tenant_id), promotion_id, cursor=None, limit=10).items
    assert state.used_by_order is not None
    assert state.used_by_member is not None


def test_one_member_placing_ten_orders_at_once_gets_their_limit_of_two(tenant_id):
    coupon(tenant_id, "TWOEACH", per_member_limit=2)
    outcomes = concurrently(10, tenant_id, "TWOEACH", member=lambda i: "member-greedy")
    assert outcomes == Counter({"redeemed": 2, "promotion-member-limit": 8})


# --- the order's transaction -----------------------------------------------------------------------


def test_redeeming_is_part_of_the_orders_transaction_all_or_nothing(tenant_id):
    # Given a coupon limited to one order
    promotion_id = coupon(tenant_id, "ONCEONLY", usage_limit=1)
    priced = quote(tenant_id, "member-1", "ONCEONLY")

    # When the order's own write fails in the same transaction
    class OrderExists(Conflict):
        slug = "order-exists"

    order_id = new_id()
    uow = UnitOfWork(tenant_id)
    redeeming.redeem(uow, tenant_id, priced, "member-1", order_id)
    order_key = (tenant_key(tenant_id, "ORDER", order_id), "ORDER")  # stands for the order's own write
    uow.check(TableItem, order_key, TableItem.pk.exists(), conflict=OrderExists("the order failed"))
    with pytest.raises(OrderExists):
        uow.commit()
    # Then nothing was redeemed, and the next order still can
    assert usage(tenant_id, promotion_id)["redemptions"] == 0
    redeem(tenant_id, "member-1", quote(tenant_id, "member-1", "ONCEONLY"))
    assert usage(tenant_id, promotion_id)["redemptions"] == 1


def test_an_order_redeems_a_promotion_once(tenant_id):
    coupon(tenant_id, "ONEORDER")
    priced, order_id = quote(tenant_id, "member-1", "ONEORDER"), new_id()
    redeem(tenant_id, "member-1", priced, order_id)
    with pytest.raises(redeeming.AlreadyRedeemed) as refused:
        redeem(tenant_id, "member-1", priced, order_id)
    assert refused.value.errors[0].field == "coupon_code"


def test_a_coupon_paused_between_quote_and_order_is_not_redeemed(tenant_id):
    promotion_id = coupon(tenant_id, "PAUSEME")
    priced = quote(tenant_id, "member-1", "PAUSEME")
    campaigns.pause(manager(tenant_id), promotion_id)
    with pytest.raises(redeeming.PromotionUsedUp) as refused:
        redeem(tenant_id, "member-1", priced)
    assert refused.value.status == 409
    assert [(e.field, e.code) for e in refused.value.errors] == [("coupon_code", "used_up")]


def test_a_quote_refuses_what_redeeming_used_up(tenant_id):
    # Given a single-use code and a shared coupon of one use per member, each redeemed once
    single = coupon(tenant_id)
    (code,) = codes.issue_codes(manager(tenant_id), single, CodeBatchRequest(count=1)).codes
    coupon(tenant_id, "ONCEEACH", per_member_limit=1)
    redeem(tenant_id, "member-1", quote(tenant_id, "member-1", code))
    redeem(tenant_id, "member-1", quote(tenant_id, "member-1", "ONCEEACH"))
    # When the member quotes them again
    for used, why in [(code, "code_used"), ("ONCEEACH", "member_limit_reached")]:
        with pytest.raises(logic.CouponNotApplicable) as refused:
            quote(tenant_id, "member-1", used)
        # Then each is refused on coupon_code, saying why
        assert [(e.field, e.code) for e in refused.value.errors] == [("coupon_code", why)]
    # But another member may still use the shared one
    assert quote(tenant_id, "member-2", "ONCEEACH").coupon_applied


# --- giving back -----------------------------------------------------------------------------------


def test_a_cancelled_order_gives_back_its_use_budget_member_count_and_code(tenant_id):
    # Given a single-use code of a coupon with a budget and one use per member, redeemed by an order
    promotion_id = coupon(tenant_id, budget=3000, per_member_limit=1)
    (code,) = codes.issue_codes(manager(tenant_id), promotion_id, CodeBatchRequest(count=1)).codes
    taken = redeem(tenant_id, "member-1", quote(tenant_id, "member-1", code))
    assert usage(tenant_id, promotion_id)["budget_left"] == 1500
    # When the order is cancelled
    with unit_of_work(tenant_id) as uow:
        redeeming.release(uow, tenant_id, taken, reason=ReleaseReason.CANCELLED)
    # Then the use and the budget are back, and the same member may use the same code again
    assert usage(tenant_id, promotion_id) | {"codes_issued": 1} == {
        "redemptions": 0,
        "discount_given": 0,
        "budget_left": 3000,
        "codes_issued": 1,
    }
    again = redeem(tenant_id, "member-1", quote(tenant_id, "member-1", code))
    assert again.promotions[0].code == code
    # And a redemption is given back only once
    with pytest.raises(redeeming.NotRedeemed), unit_of_work(tenant_id) as uow:
        redeeming.release(uow, tenant_id, taken, reason=ReleaseReason.CANCELLED)


def test_staff_see_the_orders_a_promotion_discounts(tenant_id):
    promotion_id = coupon(tenant_id, "LEDGER1")
    order_id = new_id()
    redeem(tenant_id, "member-1", quote(tenant_id, "member-1", "LEDGER1"), order_id)
    answer = call("GET", f"/v1/promotions/{promotion_id}/redemptions", caller=staff(tenant_id, "finance"))
    assert answer.status == 200
    assert [(r["order_id"], r["member_id"], r["discount"]["amount"]) for r in answer.body["items"]] == [
        (order_id, "member-1", 1500)
    ]


def test_a_unit_of_work_of_another_tenant_cannot_redeem(tenant_id):
    coupon(tenant_id, "MINEONLY")
    priced = quote(tenant_id, "member-1", "MINEONLY")
    with pytest.raises(ValueError, match="cannot redeem"), unit_of_work(new_id()) as uow:
        redeeming.redeem(uow, tenant_id, priced, "member-1", new_id())


# --- what a quote costs ----------------------------------------------------------------------------


def test_a_quote_reads_in_two_requests_and_redeeming_writes_in_one(tenant_id, dynamodb_requests):
    # Given a running campaign with a member limit, and a single-use code of a combinable coupon
    campaign = NewPromotion.model_validate(
        {**examples(NewPromotion)[1], "per_member_limit": 3}
        | {"starts_at": NOW - timedelta(days=1), "ends_at": NOW + timedelta(days=1), "budget": None}
    )
    campaigns.activate(manager(tenant_id), campaigns.create_promotion(manager(tenant_id), campaign).id)
    promotion_id = coupon(tenant_id, combinable=True)
    (code,) = codes.issue_codes(manager(tenant_id), promotion_id, CodeBatchRequest(count=1)).codes
    del dynamodb_requests[:]
    # When a member's order of ¥300 is quoted with the code
    priced = quoting.quote(tenant_id, "member-1", lines(30000), code, first_order=False, at=clock.now())
    # Then both apply, read with one Query and one TransactGetItems
    assert [a.discount.amount for a in priced.applied] == [2000, 1500]
    assert dynamodb_requests == ["Query", "TransactGetItems"]
    # And redeeming both adds to the order's one TransactWriteItems
    del dynamodb_requests[:]
    redeem(tenant_id, "member-1", priced)
    assert dynamodb_requests == ["TransactWriteItems"]
