"""What the distribution suites share: a tenant whose network is built by staff and by members'
use of codes, and orders' and identity's events handed to distribution's consumer as its queue
delivers them (`tests.support.in_process.deliver`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from panacea.identity import MemberRegistered
from panacea.orders import LineFact, OrderPaid
from panacea.platform.access import Role
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.support import builders
from tests.support.in_process import HANDLERS, deliver, onboard, staff

CONSUMER = "DistributionConsumers"


@dataclass
class Network:
    """An onboarded gene-testing tenant (GBP, distribution on: 2 levels, 8% + 4%) and its people."""

    tenant_id: str
    slug: str
    codes: dict[str, str] = field(default_factory=dict)  # member id → referral code

    @property
    def owner(self) -> dict[str, str]:
        return staff(self.tenant_id, "owner", user_id="owner-1")

    def member(self, user_id: str = "") -> dict[str, str]:
        return staff(self.tenant_id, "member", user_id=user_id or self.new_member())

    def new_member(self) -> str:
        """A member of the tenant; their id. Written as identity stores a confirmed registration
        (the distribution suites need many, not their sign-in)."""
        from panacea.identity import dal as identity  # noqa: PLC0415
        from panacea.identity.vocabulary import UserKind, UserStatus  # noqa: PLC0415

        member_id = new_member()
        with acting_for(self.tenant_id):
            identity.UserItem.new(
                tenant_id=self.tenant_id,
                user_id=member_id,
                email=f"{member_id}@example.com",
                name=member_id,
                roles=[Role.MEMBER],
                status=UserStatus.ACTIVE,
                at=datetime.now(UTC),
                kind=UserKind.INDIVIDUAL,
            ).save()
        return member_id

    def rules(self, **rules: Any) -> dict[str, Any]:
        return builders.distribution_rules(HANDLERS, self.owner, **rules)

    def appoint(self, member_id: str = "", **fields: Any) -> str:
        member_id = member_id or self.new_member()
        made = builders.distributor(HANDLERS, self.owner, member_id, **fields)
        self.codes[member_id] = made["referral_code"]
        return member_id

    def paid(self, member_id: str, *, code: str | None, amount: int = 10000, order_id: str = "") -> str:
        """An order of the member paid with `code` (orders' event, delivered); its id."""
        order_id = order_id or new_id()
        event = OrderPaid(
            order_id=order_id,
            member_id=member_id,
            total=Money(amount=amount, currency="GBP"),
            payment_id=new_id(),
            payment_method="card",
            lines=[line(1, amount)],
            referral_code=code,
        )
        assert deliver(CONSUMER, event, tenant_id=self.tenant_id) == {"batchItemFailures": []}
        return order_id

    def registered(self, member_id: str, *, code: str | None) -> None:
        event = MemberRegistered(
            tenant_id=self.tenant_id, user_id=member_id, kind="individual", channel="email", referral_code=code
        )
        assert deliver(CONSUMER, event, tenant_id=self.tenant_id) == {"batchItemFailures": []}

    def referrer(self, member_id: str) -> str | None:
        found = builders.referrer_of(HANDLERS, self.owner, member_id)
        return found["referrer_id"] if found and found["active"] else None

    def record(self, member_id: str) -> dict[str, Any] | None:
        return builders.referrer_of(HANDLERS, self.owner, member_id)

    def bound(self, member_id: str, referrer_id: str) -> None:
        """`member_id` binds to `referrer_id` at registration (by the referrer's code)."""
        self.registered(member_id, code=self.codes[referrer_id])
        assert self.referrer(member_id) == referrer_id


def line(line_no: int, amount: int, *, quantity: int = 1, product_id: str = "P1") -> LineFact:
    return LineFact(
        line_no=line_no,
        sku_id=f"SKU{line_no}",
        store_id="S1",
        product_id=product_id,
        kind="gene_test",
        quantity=quantity,
        amount=Money(amount=amount, currency="GBP"),
    )


def new_member() -> str:
    """An id no member of any tenant has."""
    return f"member-{new_id().lower()}"


def network(**tenant: Any) -> Network:
    record = onboard(**tenant)
    return Network(record["id"], record["slug"])
