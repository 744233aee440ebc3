"""Identity's contracts: the people it knows (their details), what they get back, and the events
identity announces. What people send is in commands.py; the words both use (statuses, kinds,
channels, audit actions) are plain enums in vocabulary.py."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, EmailStr, Field, field_validator

from panacea.identity.vocabulary import (
    AddressUse,
    AuditAction,
    Channel,
    MemberKind,
    Sex,
    UserKind,
    UserStatus,
)
from panacea.platform import clock, inputs
from panacea.platform.access import Role
from panacea.platform.events import DomainEvent
from panacea.platform.models import BaseModel

PhoneInput = Annotated[
    str,
    Field(
        min_length=3,
        max_length=32,
        pattern=r"^\+?[0-9 ().-]{3,31}$",
        description="a phone number, international (+44…) or as dialled in the tenant's country",
        examples=["+447400123456", "07400 123456"],
    ),
]
Text = Annotated[inputs.Text, Field(min_length=1, max_length=120)]
Name = Annotated[inputs.Text, Field(min_length=1, max_length=120, examples=["Mei Chen"])]


# --- member details ------------------------------------------------------------------------


def plausible_birth_date(value: date | None) -> date | None:
    if value is not None and not date(1900, 1, 1) <= value <= clock.now().date():
        raise ValueError("a birth date is in the past, and after 1900")
    return value


def small_extras(value: dict[str, str] | None) -> dict[str, str] | None:
    if value is not None and (len(value) > 20 or any(len(k) > 40 or len(v) > 200 for k, v in value.items())):
        raise ValueError("at most 20 extras, names up to 40 characters and values up to 200")
    return value


class IndividualDetails(inputs.Command):
    """What an individual member may tell about themselves (all optional)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"real_name": "Mei Chen", "birth_date": "1986-04-12", "sex": "female", "occupation": "teacher"}
            ]
        },
    )

    real_name: Name | None = None
    birth_date: inputs.FromString[date] | None = None
    sex: inputs.FromString[Sex] | None = None
    occupation: Text | None = None
    extras: dict[inputs.Text, inputs.Text] = Field(
        default_factory=dict, description="anything else the tenant asks for"
    )

    _birth = field_validator("birth_date")(plausible_birth_date)
    _extras = field_validator("extras")(small_extras)


class GroupDetails(inputs.Command):
    """A group member: a company or organisation buying for its people."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "company_name": "Yueyang Steel Works",
                    "nature": "state-owned enterprise",
                    "contact_name": "Li Wei",
                    "contact_phone": "+8613123456789",
                }
            ]
        },
    )

    company_name: Name | None = None
    nature: Text | None = Field(default=None, description="what kind of organisation it is")
    contact_name: Name | None = None
    contact_phone: PhoneInput | None = Field(default=None, description="stored in E.164")
    contact_email: EmailStr | None = None


# --- what people get back --------------------------------------------------------------------


class CodeSent(BaseModel):
    """A code is on its way, if the address can receive one (the answer is the same either way)."""

    channel: Channel
    destination: str = Field(description="where it went, partly hidden", examples=["m***@example.com"])
    expires_in: int = Field(description="seconds the code stays valid", examples=[600])
    detail: str = Field(examples=["if this address can receive a code, one has been sent"])


class Session(BaseModel):
    """Cognito tokens: send the ID token as `Authorization: Bearer <id_token>`."""

    user_id: str
    tenant_id: str | None = Field(description="the person's tenant; null for a platform admin, who has none")
    id_token: str
    access_token: str
    refresh_token: str | None = Field(default=None, description="absent on a refresh (keep the one you have)")
    expires_in: int = Field(examples=[3600])
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - the scheme, not a secret


class AccountReady(BaseModel):
    user_id: str
    status: UserStatus
    detail: str = Field(examples=["your account is ready: sign in"])


class SignedOut(BaseModel):
    user_id: str
    tokens_valid_after: datetime


# --- people ------------------------------------------------------------------------------------


class User(BaseModel):
    """A person at a tenant, as lists of people show them."""

    id: str
    tenant_id: str
    kind: UserKind = UserKind.STAFF
    name: str
    email: str | None = None
    phone: str | None = None
    roles: list[Role]
    status: UserStatus
    created_at: datetime


class Contact(BaseModel):
    """How a person is reached: what other contexts read of them (`contacts_of`)."""

    user_id: str
    name: str
    email: str | None = None
    phone: str | None = Field(default=None, description="E.164")
    status: UserStatus


class Profile(User):
    """A person's own account: who they are, how to reach them, their default address."""

    individual: IndividualDetails | None = None
    group: GroupDetails | None = None
    default_address_id: str | None = None
    updated_at: datetime | None = None


# --- addresses -----------------------------------------------------------------------------------


class Address(BaseModel):
    id: str
    label: str | None = None
    recipient: str
    phone: str = Field(description="E.164", examples=["+447400123456"])
    line1: str
    line2: str | None = None
    city: str
    region: str | None = None
    postcode: str | None = None
    country: str
    uses: list[AddressUse]
    default: bool
    created_at: datetime
    updated_at: datetime


# --- audit ----------------------------------------------------------------------------------------


class AuditEntry(BaseModel):
    """Who did what, when, and from where."""

    id: str
    at: datetime
    action: AuditAction
    actor_id: str | None = Field(description="who acted (absent when no one was signed in)")
    subject_id: str | None = Field(description="whose account it was about, if known")
    login: str | None = Field(default=None, description="the email or phone a sign-in was tried with")
    source_ip: str | None = None
    user_agent: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


# --- events ---------------------------------------------------------------------------------------


class StaffInvited(DomainEvent, name="staff.invited", version=1):
    """A member of staff was given an account at the tenant with these roles (an invitation is sent)."""

    tenant_id: str
    user_id: str
    email: str
    roles: list[Role]


class StaffJoined(DomainEvent, name="staff.joined", version=1):
    """Invited staff set their password: their account is active."""

    tenant_id: str
    user_id: str


class MemberRegistered(DomainEvent, name="member.registered", version=1):
    """A member confirmed their email or phone: their account is active."""

    tenant_id: str
    user_id: str
    kind: MemberKind
    channel: Channel
    referral_code: str | None = Field(default=None, description="the referral code the member registered with")


class UserRolesChanged(DomainEvent, name="user.roles_changed", version=1):
    tenant_id: str
    user_id: str
    before: list[Role]
    after: list[Role]
    changed_by: str


class UserDisabled(DomainEvent, name="user.disabled", version=1):
    """The person can no longer sign in, and their tokens are refused."""

    tenant_id: str
    user_id: str
    reason: str
    disabled_by: str


class UserEnabled(DomainEvent, name="user.enabled", version=1):
    tenant_id: str
    user_id: str
    enabled_by: str


class UserSignedOut(DomainEvent, name="user.signed_out", version=1):
    """Every session of the person ended: refresh tokens revoked, older ID tokens refused."""

    tenant_id: str
    user_id: str


class UserPasswordChanged(DomainEvent, name="user.password_changed", version=1):
    """The person set a new password with an emailed code; their other sessions ended."""

    tenant_id: str
    user_id: str


class UserContactChanged(DomainEvent, name="user.contact_changed", version=1):
    """The person re-verified a new email address or phone number."""

    tenant_id: str
    user_id: str
    channel: Channel
    value: str


class UserProfileUpdated(DomainEvent, name="user.profile_updated", version=1):
    tenant_id: str
    user_id: str
    changed: list[str] = Field(description="dotted paths of the fields that changed")


class AddressBookChanged(DomainEvent, name="address_book.changed", version=1):
    """A member added, changed or removed an address, or chose another default."""

    tenant_id: str
    user_id: str
    address_id: str
    change: Literal["added", "updated", "removed", "default"]
    default_address_id: str | None
