"""Distribution's contracts: what staff and members send, what they get back, and the events
distribution announces (its distributors, the bindings of members to them, and commission).

A member is bound to at most one referrer (a distributor); the referrer's own binding makes the
next level, and so on: the referral chain. Commission is paid on the first `levels` links of the
chain of the buyer at the moment an order is paid (the order keeps that chain as its evidence).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, FromString, Text
from panacea.platform.models import BaseModel
from panacea.platform.money import Money

MEMBER_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
MemberId = Annotated[
    str, Field(pattern=MEMBER_ID_PATTERN, description="a member's user id", examples=["01JD6Q3W8M0000000000000000"])
]
ReferralCode = Annotated[
    str,
    Field(
        min_length=1,
        max_length=40,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="a distributor's referral code (case does not matter)",
        examples=["MEI8K2QZ"],
    ),
]
Reason = Annotated[Text, Field(min_length=3, max_length=500)]


class DistributorKind(StrEnum):
    MEMBER = "member"
    PHARMACY = "pharmacy"
    INSTITUTION = "institution"


class DistributorStatus(StrEnum):
    """Active distributors bind members and earn; suspended ones do neither until appointed again;
    removed ones keep the network bound to them but earn nothing new."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    REMOVED = "removed"


class Became(StrEnum):
    """How a member became a distributor."""

    APPOINTED = "appointed"  # by staff
    JOINED = "joined"  # asked, where everyone may
    SPENDING = "spending"  # their paid orders reached the tenant's threshold


class BoundBy(StrEnum):
    """How a member came to be bound to their referrer: the evidence's `how`."""

    REGISTRATION = "registration"  # registered with a referral code (a share link, a QR code, typed)
    CHECKOUT = "checkout"  # paid an order placed with a referral code
    STAFF = "staff"  # staff rebound them, with a reason


# --- commands ----------------------------------------------------------------------------------


class Appointment(Command):
    """Staff make a member a distributor (or an existing, suspended or removed one active again)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"member_id": "01JD6Q3W8M0000000000000000", "kind": "member"}]},
    )

    member_id: MemberId
    kind: FromString[DistributorKind] = DistributorKind.MEMBER
    store_id: Annotated[str, Field(pattern=MEMBER_ID_PATTERN, description="the catalog store it is")] | None = None


class DistributorStatusChange(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "breach of the terms"}]})

    reason: Reason


class Rebinding(Command):
    """Staff bind a member to another referrer (an active distributor), whatever the tenant's rules."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"referrer_id": "01JD6Q3W8M0000000000000001", "reason": "registered with the wrong code"}]
        },
    )

    referrer_id: MemberId
    reason: Reason


class Unbinding(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "asked to be unbound"}]})

    reason: Reason


# --- views -------------------------------------------------------------------------------------


class Distributor(BaseModel):
    member_id: str
    kind: DistributorKind
    status: DistributorStatus
    referral_code: str = Field(description="what share links and QR codes carry; unique in the tenant")
    store_id: str | None = None
    became: Became
    status_reason: str | None = None
    created_at: datetime
    updated_at: datetime


class Binding(BaseModel):
    """A member's referrer and the evidence of how they were bound (none: unbound)."""

    member_id: str
    referrer_id: str | None = Field(description="none: unbound")
    how: BoundBy | None = None
    code: str | None = Field(default=None, description="the referral code used")
    bound_at: datetime | None = None
    until: datetime | None = Field(default=None, description="when the binding lapses; none: it does not")
    rule_version: str | None = Field(default=None, description="fingerprint of the tenant's rules it was made under")
    active: bool = Field(description="bound now: a referrer, and not lapsed")


class BindingChange(BaseModel):
    """One entry of a member's binding history."""

    at: datetime
    by: str = Field(description="the staff member, or `member` when the member's own code use bound them")
    how: BoundBy | None
    from_referrer: str | None
    to_referrer: str | None
    reason: str | None = None


class BindingRecord(Binding):
    history: list[BindingChange] = Field(description="the latest changes, newest first")


class TeamMember(BaseModel):
    member_id: str
    level: int = Field(description="1: bound to you; 2: bound to someone bound to you; …")
    referrer_id: str
    how: BoundBy
    bound_at: datetime
    until: datetime | None = None


# --- events ------------------------------------------------------------------------------------


class DistributorAppointed(DomainEvent, name="distributor.appointed", version=1):
    """A member became a distributor (or an existing one is active again) with their referral code."""

    member_id: str
    kind: DistributorKind
    referral_code: str
    became: Became


class DistributorSuspended(DomainEvent, name="distributor.suspended", version=1):
    """Staff suspended a distributor: no one binds to them and they earn nothing until reappointed."""

    member_id: str
    by: str
    reason: str


class DistributorRemoved(DomainEvent, name="distributor.removed", version=1):
    """Staff removed a distributor: their network stays bound to them, they earn nothing new."""

    member_id: str
    by: str
    reason: str


class ReferrerBound(DomainEvent, name="referrer.bound", version=1):
    """A member was bound to a referrer (first, again, or instead of another), with the evidence."""

    member_id: str
    referrer_id: str
    previous_referrer_id: str | None
    how: BoundBy
    code: str | None
    until: datetime | None
    rule_version: str


class ReferrerUnbound(DomainEvent, name="referrer.unbound", version=1):
    """Staff unbound a member from their referrer, with a reason."""

    member_id: str
    previous_referrer_id: str | None
    by: str
    reason: str


class CommissionAccrued(DomainEvent, name="commission.accrued", version=1):
    """An order was paid: each earning level of the buyer's chain has pending commission on it."""

    order_id: str
    buyer_id: str
    distributor_id: str
    level: int
    amount: Money


class CommissionAvailable(DomainEvent, name="commission.available", version=1):
    """Frozen commission thawed: the distributor may withdraw it."""

    distributor_id: str
    amount: Money
    orders: list[str]


class CommissionReversed(DomainEvent, name="commission.reversed", version=1):
    """A refund took commission back: from what was pending or frozen, or clawed back from what was
    available or withdrawn (a negative balance later earnings offset)."""

    order_id: str
    distributor_id: str
    level: int
    amount: Money
    clawback: Money = Field(description="of `amount`, what came out of money already available or withdrawn")
