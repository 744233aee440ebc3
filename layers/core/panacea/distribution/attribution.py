"""What distribution does when identity and orders announce something: a member registered with a
referral code is bound by it; an order paid with one binds its buyer (by the tenant's rules), counts
towards the buyer's spending (new members only, the spending threshold) and may make them a
distributor. Distribution never joins those contexts' transactions: it follows their events."""

from __future__ import annotations

from panacea import identity, orders
from panacea.distribution import binding, dal, distributors
from panacea.distribution.models import Became, BoundBy
from panacea.distribution.network import rules_of
from panacea.distribution.settings import Recruitment
from panacea.platform.errors import Conflict
from panacea.platform.transaction import unit_of_work


def member_registered(tenant_id: str, event: identity.MemberRegistered) -> None:
    rules = rules_of(tenant_id)
    if not rules.enabled:
        return
    if event.referral_code:
        binding.bind_by_code(tenant_id, event.user_id, event.referral_code, how=BoundBy.REGISTRATION, new_member=True)
    if rules.who_may_distribute == Recruitment.EVERYONE:
        distributors.by_rule(tenant_id, event.user_id, Became.JOINED)


def order_paid(tenant_id: str, event: orders.OrderPaid) -> None:
    rules = rules_of(tenant_id)
    if not rules.enabled:
        return
    before = dal.spend(tenant_id, event.member_id)
    if event.referral_code:
        first_order = before is None or int(before.paid_orders) == 0
        binding.bind_by_code(
            tenant_id, event.member_id, event.referral_code, how=BoundBy.CHECKOUT, new_member=first_order
        )
    after = _count_spend(tenant_id, event, before)
    if rules.who_may_distribute == Recruitment.SPENDING and distributors.reaches_threshold(rules, after):
        distributors.by_rule(tenant_id, event.member_id, Became.SPENDING)


class _Counted(Conflict):
    pass


def _count_spend(tenant_id: str, event: orders.OrderPaid, before: dal.SpendItem | None) -> dal.SpendItem:
    """Add the order to the member's spending, once (its marker item commits with the sum)."""
    amount = event.total.amount
    total = dal.SpendItem(*dal.SpendItem.key(tenant_id, event.member_id), member_id=event.member_id)
    try:
        with unit_of_work(tenant_id) as uow:
            uow.create(dal.SpentOrderItem.of(tenant_id, event.member_id, event.order_id, amount), conflict=_Counted(""))
            uow.update(
                total,
                [
                    dal.SpendItem.member_id.set(event.member_id),
                    dal.SpendItem.paid_orders.add(1),
                    dal.SpendItem.spent.add(amount),
                ],
            )
    except _Counted:
        pass
    return dal.spend(tenant_id, event.member_id) or total
