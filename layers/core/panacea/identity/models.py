"""Identity's contracts: what people send to register, sign in and look after their account,
what they get back, and the events identity announces."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, EmailStr, Field, ValidationInfo, field_validator

from panacea.platform.access import STAFF_ROLES, TENANT_ROLES, Role
from panacea.platform.events import DomainEvent
from panacea.platform.models import BaseModel

TenantSlug = Annotated[
    str,
    Field(
        min_length=3,
        max_length=40,
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="the tenant's public slug (only calls made before signing in name their tenant)",
        examples=["harbour-gene"],
    ),
]
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
Code = Annotated[str, Field(pattern=r"^\d{6}$", description="the 6-digit code that was sent", examples=["482913"])]
Text = Annotated[str, Field(min_length=1, max_length=120)]
Name = Annotated[str, Field(min_length=1, max_length=120, examples=["Mei Chen"])]

PASSWORD_RULES = "at least 12 characters with a lower-case letter, an upper-case letter, a digit and a symbol"  # noqa: S105 - a description, not a password
_PASSWORD_CLASSES = (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]")


def strong_password(value: str) -> str:
    """The user pool's policy, checked here so a weak password is a 422 naming the field."""
    if len(value) < 12 or not all(re.search(c, value) for c in _PASSWORD_CLASSES):
        raise ValueError(f"a password needs {PASSWORD_RULES}")
    return value


Password = Annotated[
    str, Field(min_length=1, max_length=256, description=PASSWORD_RULES, examples=["Harbour-Gene-2026!"])
]


class UserStatus(StrEnum):
    PENDING = "pending"  # registered, waiting for the code that proves the email or phone
    INVITED = "invited"  # staff invited, who have not set their password yet
    ACTIVE = "active"
    DISABLED = "disabled"


class UserKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"
    STAFF = "staff"


class MemberKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNDISCLOSED = "undisclosed"


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


# --- member details ------------------------------------------------------------------------


def _plausible_birth_date(value: date | None) -> date | None:
    if value is not None and not date(1900, 1, 1) <= value <= date.today():
        raise ValueError("a birth date is in the past, and after 1900")
    return value


def _small_extras(value: dict[str, str] | None) -> dict[str, str] | None:
    if value is not None and (len(value) > 20 or any(len(k) > 40 or len(v) > 200 for k, v in value.items())):
        raise ValueError("at most 20 extras, names up to 40 characters and values up to 200")
    return value


class IndividualDetails(BaseModel):
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
    birth_date: date | None = None
    sex: Sex | None = None
    occupation: Text | None = None
    extras: dict[str, str] = Field(default_factory=dict, description="anything else the tenant asks for")

    _birth = field_validator("birth_date")(_plausible_birth_date)
    _extras = field_validator("extras")(_small_extras)


class GroupDetails(BaseModel):
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


class IndividualPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    real_name: Name | None = None
    birth_date: date | None = None
    sex: Sex | None = None
    occupation: Text | None = None
    extras: dict[str, str] | None = None

    _birth = field_validator("birth_date")(_plausible_birth_date)
    _extras = field_validator("extras")(_small_extras)


class GroupPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    company_name: Name | None = None
    nature: Text | None = None
    contact_name: Name | None = None
    contact_phone: PhoneInput | None = None
    contact_email: EmailStr | None = None


# --- registration and sign-in ----------------------------------------------------------------


class _EmailOrPhone(BaseModel):
    """Exactly one of `email` and `phone` names the account."""

    email: EmailStr | None = None
    phone: PhoneInput | None = Field(default=None, validate_default=True)

    @field_validator("phone")
    @classmethod
    def _one_of(cls, phone: str | None, info: ValidationInfo) -> str | None:
        email = info.data.get("email")
        if (email is None) == (phone is None) and "email" in info.data:
            raise ValueError("give an email address or a mobile number (one of them)")
        return phone


class Registration(_EmailOrPhone):
    """A new member: an email and a password (confirmed by an emailed code), or a mobile number
    (confirmed by an SMS code, and signing in with SMS codes from then on)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "tenant": "harbour-gene",
                    "kind": "individual",
                    "email": "mei.chen@example.com",
                    "password": "Harbour-Gene-2026!",
                    "individual": {"real_name": "Mei Chen", "birth_date": "1986-04-12"},
                },
                {"tenant": "harbour-gene", "kind": "group", "phone": "07400 123456", "group": {"company_name": "Acme"}},
            ]
        },
    )

    tenant: TenantSlug
    kind: MemberKind
    password: Password | None = Field(default=None, validate_default=True)
    individual: IndividualDetails | None = Field(default=None, validate_default=True)
    group: GroupDetails | None = Field(default=None, validate_default=True)

    @field_validator("password")
    @classmethod
    def _password_goes_with_email(cls, password: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("email") is not None:
            if password is None:
                raise ValueError("an account registered by email needs a password")
            return strong_password(password)
        if info.data.get("phone") is not None and password is not None:
            raise ValueError("an account registered by phone has no password: it signs in with SMS codes")
        return password

    @field_validator("individual")
    @classmethod
    def _individual_details(cls, value: IndividualDetails | None, info: ValidationInfo) -> IndividualDetails | None:
        if value is not None and info.data.get("kind") == MemberKind.GROUP:
            raise ValueError("a group member gives `group` details")
        return value

    @field_validator("group")
    @classmethod
    def _group_details(cls, value: GroupDetails | None, info: ValidationInfo) -> GroupDetails | None:
        if value is not None and info.data.get("kind") == MemberKind.INDIVIDUAL:
            raise ValueError("an individual member gives `individual` details")
        return value


class Confirmation(_EmailOrPhone):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"tenant": "harbour-gene", "email": "mei.chen@example.com", "code": "482913"}]},
    )

    tenant: TenantSlug
    code: Code


class PasswordSignIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"tenant": "harbour-gene", "email": "mei.chen@example.com", "password": "Harbour-Gene-2026!"}]
        },
    )

    tenant: TenantSlug
    email: EmailStr
    password: Password


class SmsCodeRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"tenant": "harbour-gene", "phone": "+447400123456"}]}
    )

    tenant: TenantSlug
    phone: PhoneInput


class SmsSignIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"tenant": "harbour-gene", "phone": "+447400123456", "code": "482913"}]},
    )

    tenant: TenantSlug
    phone: PhoneInput
    code: Code


class Refresh(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"refresh_token": "eyJjdHkiOiJKV1Qi…"}]})

    refresh_token: Annotated[str, Field(min_length=10, max_length=8192)]


class ForgottenPassword(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"tenant": "harbour-gene", "email": "mei.chen@example.com"}]}
    )

    tenant: TenantSlug
    email: EmailStr


class NewPassword(BaseModel):
    """A password set with an emailed code: a reset, or an invitation accepted."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "tenant": "harbour-gene",
                    "email": "mei.chen@example.com",
                    "code": "482913",
                    "password": "Harbour-Gene-2027!",
                }
            ]
        },
    )

    tenant: TenantSlug
    email: EmailStr
    code: Code
    password: Password

    _strong = field_validator("password")(strong_password)


class CodeSent(BaseModel):
    """A code is on its way, if the address can receive one (the answer is the same either way)."""

    channel: Channel
    destination: str = Field(description="where it went, partly hidden", examples=["m***@example.com"])
    expires_in: int = Field(description="seconds the code stays valid", examples=[600])
    detail: str = Field(examples=["if this address can receive a code, one has been sent"])


class Session(BaseModel):
    """Cognito tokens: send the ID token as `Authorization: Bearer <id_token>`."""

    user_id: str
    tenant_id: str
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


class Profile(User):
    """A person's own account: who they are, how to reach them, their default address."""

    individual: IndividualDetails | None = None
    group: GroupDetails | None = None
    default_address_id: str | None = None
    updated_at: datetime | None = None


class ProfilePatch(BaseModel):
    """A merge patch of your own profile: only the fields sent change, `null` clears one."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"individual": {"occupation": "nurse", "birth_date": "1986-04-12"}}]},
    )

    name: Name | None = None
    individual: IndividualPatch | None = None
    group: GroupPatch | None = None


class EmailChange(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"email": "mei@new.example.com"}]})

    email: EmailStr


class PhoneChange(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"phone": "+447400123457"}]})

    phone: PhoneInput


class CodeCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"code": "482913"}]})

    code: Code


class Invitation(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"email": "sam.lab@harbour-gene.example", "name": "Sam Lab", "roles": ["lab_operator"]}]
        },
    )

    email: EmailStr
    name: Name
    roles: Annotated[list[Role], Field(min_length=1, description="staff roles")]

    @field_validator("roles")
    @classmethod
    def _staff_roles(cls, roles: list[Role]) -> list[Role]:
        if not set(roles) <= STAFF_ROLES:
            raise ValueError("staff are invited with staff roles (not member or distributor)")
        return sorted(set(roles))


class RolesChange(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"roles": ["member", "distributor"]}, {"roles": ["finance"]}]}
    )

    roles: Annotated[list[Role], Field(min_length=1, description="the complete set of roles the person holds")]

    @field_validator("roles")
    @classmethod
    def _tenant_roles(cls, roles: list[Role]) -> list[Role]:
        held = set(roles)
        if not held <= TENANT_ROLES:
            raise ValueError("platform roles are not given to a tenant's people")
        if Role.DISTRIBUTOR in held and Role.MEMBER not in held:
            raise ValueError("a distributor is a member who also distributes: give both")
        return sorted(held)


class DisableRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "left the company"}]})

    reason: Annotated[str, Field(min_length=3, max_length=500)]


# --- addresses -----------------------------------------------------------------------------------


class AddressUse(StrEnum):
    KITS = "kits"  # sample kits posted to the member
    GOODS = "goods"  # goods from the shop
    REPORTS = "reports"  # paper reports


Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2", examples=["GB"])]


class NewAddress(BaseModel):
    """A recipient for kits, goods and paper reports."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "label": "Home",
                    "recipient": "Mei Chen",
                    "phone": "07400 123456",
                    "line1": "12 Harbour Street",
                    "city": "Bristol",
                    "postcode": "BS1 4RN",
                    "country": "GB",
                    "uses": ["kits", "goods", "reports"],
                }
            ]
        },
    )

    label: Annotated[str, Field(max_length=40)] | None = None
    recipient: Name
    phone: PhoneInput
    line1: Annotated[str, Field(min_length=1, max_length=200)]
    line2: Annotated[str, Field(max_length=200)] | None = None
    city: Annotated[str, Field(min_length=1, max_length=100)]
    region: Annotated[str, Field(max_length=100)] | None = None
    postcode: Annotated[str, Field(max_length=20)] | None = None
    country: Country
    uses: Annotated[list[AddressUse], Field(min_length=1)] = [AddressUse.KITS, AddressUse.GOODS, AddressUse.REPORTS]
    default: bool = Field(default=False, description="make it the default address (the first one always is)")


class AddressPatch(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"label": "Work", "uses": ["goods"]}]})

    label: Annotated[str, Field(max_length=40)] | None = None
    recipient: Name | None = None
    phone: PhoneInput | None = None
    line1: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    line2: Annotated[str, Field(max_length=200)] | None = None
    city: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    region: Annotated[str, Field(max_length=100)] | None = None
    postcode: Annotated[str, Field(max_length=20)] | None = None
    country: Country | None = None
    uses: Annotated[list[AddressUse], Field(min_length=1)] | None = None


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


class AuditAction(StrEnum):
    SIGN_IN_SUCCEEDED = "sign_in.succeeded"
    SIGN_IN_FAILED = "sign_in.failed"
    SIGNED_OUT = "signed_out"
    PASSWORD_RESET = "password.reset"  # noqa: S105 - an action name
    STAFF_INVITED = "staff.invited"
    INVITATION_ACCEPTED = "invitation.accepted"
    ROLES_CHANGED = "roles.changed"
    USER_DISABLED = "user.disabled"
    USER_ENABLED = "user.enabled"
    EMAIL_CHANGED = "email.changed"
    PHONE_CHANGED = "phone.changed"


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
