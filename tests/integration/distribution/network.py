"""What the distribution suites share: a tenant whose network is built by staff and by members'
use of codes, and orders' and identity's events handed to distribution's consumer as its queue
delivers them (`tests.support.in_process.deliver`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from panacea.identity import MemberRegistered
from panacea.orders import LineCommission, LineFact, OrderCompleted, OrderPaid, OrderRefunded
from panacea.platform import clock
from panacea.platform.access import Role
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.support import builders
from tests.support.in_process import HANDLERS, deliver, onboard, run_task, staff

CONSUMER, STEPS = "DistributionConsumers", "DistributionSteps"


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
        """An order of the member paid with `code` (commission-settlement's first task on it); its id."""
        order_id = order_id or new_id()
        event = OrderPaid(
            order_id=order_id,
            member_id=member_id,
            total=Money(amount=amount, currency="GBP"),
            payment_id=new_id(),
            payment_method="card",
            lines=[line(1, amount)],  # one line
            referral_code=code,
        )
        self.accrue(event)
        return order_id

    def order(
        self,
        member_id: str,
        lines: list[int],
        *,
        code: str | None = None,
        overrides: dict[int, list[LineCommission]] | None = None,
        quantities: dict[int, int] | None = None,
    ) -> Order:
        """An order of `lines` (amounts) paid by the member (with `code`; `overrides`: line → its
        product's commission override; `quantities`: line → units, 1 if absent)."""
        placed = Order(self, new_id(), member_id, {no: amount for no, amount in enumerate(lines, start=1)}, code)
        placed.overrides, placed.quantities = dict(overrides or {}), dict(quantities or {})
        event = OrderPaid(
            order_id=placed.order_id, member_id=member_id, total=gbp(sum(lines)), payment_id=new_id(),
            payment_method="card", lines=placed.facts(), referral_code=code,
        )  # fmt: skip
        self.accrue(event)
        return placed

    def accrue(self, event: OrderPaid) -> dict[str, Any]:
        """commission-settlement's first task on `order.paid` (the EventBridge event's detail)."""
        from panacea.platform.events import envelope  # noqa: PLC0415

        detail = envelope(event, tenant_id=self.tenant_id).model_dump(mode="json")
        return dict(run_task(STEPS, "accrue", tenant_id=self.tenant_id, order_id=event.order_id, event=detail))

    def deliver(self, event: Any) -> None:
        assert deliver(CONSUMER, event, tenant_id=self.tenant_id) == {"batchItemFailures": []}

    def thaw(self, *, days: float = 0) -> Any:
        """The thaw batch's run, `days` from now."""
        from panacea.distribution import thawing  # noqa: PLC0415

        with acting_for(self.tenant_id):
            return thawing.thaw_due(self.tenant_id, at=clock.now() + timedelta(days=days))

    def balance(self, distributor_id: str) -> dict[str, int]:
        """A distributor's commission balance, and what their ledger's entries add up to."""
        from panacea.distribution import ledger_items as ledger  # noqa: PLC0415

        with acting_for(self.tenant_id):
            found = ledger.balance(self.tenant_id, distributor_id)
            entries = ledger.entries(self.tenant_id, distributor_id)
        buckets = ("pending", "frozen", "available", "total")
        held = {b: int(getattr(found, b)) if found else 0 for b in buckets}
        summed = {b: sum(int(getattr(e, "amount" if b == "total" else b)) for e in entries) for b in buckets}
        assert held == summed, (held, summed)
        assert held["total"] == held["pending"] + held["frozen"] + held["available"]
        return held

    def entry_kinds(self, distributor_id: str) -> list[str]:
        from panacea.distribution import ledger_items as ledger  # noqa: PLC0415

        with acting_for(self.tenant_id):
            return [e.kind for e in ledger.entries(self.tenant_id, distributor_id)]

    def shares(self, order_id: str) -> dict[int, tuple[str, int, str]]:
        """level → (distributor, amount, state) of an order's commission."""
        from panacea.distribution import ledger_items as ledger  # noqa: PLC0415

        with acting_for(self.tenant_id):
            _, shares = ledger.order_commission(self.tenant_id, order_id)
        return {int(s.level): (s.distributor_id, int(s.amount), s.state) for s in shares}

    def suspend(self, distributor_id: str) -> None:
        body = {"reason": "breach of the terms"}
        builders.ok(
            HANDLERS.request("POST", f"/v1/distributors/{distributor_id}/suspend", as_=self.owner, body=body), 200
        )

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


def line(
    line_no: int,
    amount: int,
    *,
    quantity: int = 1,
    product_id: str = "P1",
    commission: list[LineCommission] | None = None,
) -> LineFact:
    return LineFact(
        commission=list(commission or []),
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


def gbp(amount: int) -> Money:
    return Money(amount=amount, currency="GBP")


@dataclass
class Order:
    """An order as orders' events describe it, and what happens to it next."""

    net: Network
    order_id: str
    member_id: str
    lines: dict[int, int]  # line no → amount paid
    code: str | None
    refunded: int = 0
    overrides: dict[int, list[LineCommission]] = field(default_factory=dict)  # line → its product's override
    quantities: dict[int, int] = field(default_factory=dict)  # line → units (1 if absent)

    def facts(self, amounts: dict[int, int] | None = None) -> list[LineFact]:
        return [
            line(no, amount, quantity=self.quantities.get(no, 1), commission=self.overrides.get(no))
            for no, amount in (amounts or self.lines).items()
        ]

    def completed(self) -> None:
        """Orders completes it: the consumer records it, and the workflow's freeze task runs."""
        self._completed()
        run_task(STEPS, "freeze", tenant_id=self.net.tenant_id, order_id=self.order_id)

    def _completed(self) -> None:
        self.net.deliver(
            OrderCompleted(
                order_id=self.order_id, member_id=self.member_id, total=gbp(sum(self.lines.values())),
                refunded=gbp(self.refunded), lines=self.facts(), referral_code=self.code,
            )
        )  # fmt: skip

    def refund(self, amount: int, lines: dict[int, int] | None = None, *, refund_id: str = "") -> str:
        """Orders refunded `amount` (of `lines`: line → value refunded; none: an amount alone)."""
        self.refunded += amount
        refund_id = refund_id or new_id()
        self.net.deliver(
            OrderRefunded(
                order_id=self.order_id, member_id=self.member_id, refund_id=refund_id, amount=gbp(amount),
                refunded_total=gbp(self.refunded), full=self.refunded >= sum(self.lines.values()),
                state="fulfilling", lines=self.facts(lines) if lines else [], referral_code=self.code,
            )
        )  # fmt: skip
        return refund_id


def orders_paid_by(tenant_id: str, buyers: list[str], amount: int = 10_000) -> None:
    """An order of each buyer paid, as commission-settlement's first task handles `order.paid`: the
    buyers' referrers accrue their commission (one line of `amount` pence each)."""
    from panacea.platform.events import envelope  # noqa: PLC0415

    for buyer in buyers:
        event = OrderPaid(
            order_id=new_id(), member_id=buyer, total=Money(amount=amount, currency="GBP"), payment_id=new_id(),
            payment_method="card", lines=[line(1, amount)], referral_code=None,
        )  # fmt: skip
        detail = envelope(event, tenant_id=tenant_id).model_dump(mode="json")
        run_task(STEPS, "accrue", tenant_id=tenant_id, order_id=event.order_id, event=detail)


def withdrawals_asked(tenant_id: str, member_id: str, amounts: list[int]) -> None:
    """The member's wallet credited (as the thaw credits commission), a bank account set, and a
    withdrawal of each amount (CNY fen) asked for, through the use cases."""
    from panacea.distribution import payout_accounts, wallet, withdrawals  # noqa: PLC0415
    from panacea.distribution.wallet_models import (  # noqa: PLC0415
        Credit,
        EntryKind,
        ExternalAccount,
        WithdrawalRequest,
    )
    from panacea.platform.access import Actor  # noqa: PLC0415

    member = Actor(user_id=member_id, tenant_id=tenant_id, roles=frozenset({Role.MEMBER}))
    with acting_for(tenant_id):
        earned = Money(amount=sum(amounts) * 2, currency="CNY")
        wallet.credit(tenant_id, Credit(member_id=member_id, kind=EntryKind.COMMISSION, amount=earned,
                                        reference=new_id()))  # fmt: skip
        bank = {"kind": "bank", "holder_name": "Li Wei", "account_number": "62220202000012", "bank_name": "ICBC"}
        payout_accounts.set_external(member, ExternalAccount.model_validate(bank))
        for amount in amounts:
            withdrawals.request(member, WithdrawalRequest(amount=Money(amount=amount, currency="CNY")))
