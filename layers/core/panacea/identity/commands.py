"""What people send to identity: to register, sign in, look after their account and address
book, and (tenant admins) to manage the tenant's people."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import ConfigDict, EmailStr, Field, ValidationInfo, field_validator

from panacea.identity.models import (
    GroupDetails,
    IndividualDetails,
    Name,
    PhoneInput,
    Text,
    plausible_birth_date,
    small_extras,
)
from panacea.identity.vocabulary import AddressUse, MemberKind, Sex
from panacea.platform.access import STAFF_ROLES, TENANT_ROLES, Role
from panacea.platform.inputs import Command, Country, FromString
from panacea.platform.inputs import Text as FreeText

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
Code = Annotated[str, Field(pattern=r"^\d{6}$", description="the 6-digit code that was sent", examples=["482913"])]

PASSWORD_RULES = "at least 12 characters with a lower-case letter, an upper-case letter, a digit and a symbol"  # noqa: S105 - a description, not a password
_PASSWORD_CLASSES = (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]")


def strong_password(value: str) -> str:
    """The user pool's policy, checked here so a weak password is a 422 naming the field."""
    if len(value) < 12 or not all(re.search(c, value) for c in _PASSWORD_CLASSES):
        raise ValueError(f"a password needs {PASSWORD_RULES}")
    return value


Password = Annotated[
    FreeText, Field(min_length=1, max_length=256, description=PASSWORD_RULES, examples=["Harbour-Gene-2026!"])
]


# --- member details ------------------------------------------------------------------------


class IndividualPatch(Command):
    model_config = ConfigDict(extra="forbid")
    real_name: Name | None = None
    birth_date: FromString[date] | None = None
    sex: FromString[Sex] | None = None
    occupation: Text | None = None
    extras: dict[FreeText, FreeText] | None = None

    _birth = field_validator("birth_date")(plausible_birth_date)
    _extras = field_validator("extras")(small_extras)


class GroupPatch(Command):
    model_config = ConfigDict(extra="forbid")
    company_name: Name | None = None
    nature: Text | None = None
    contact_name: Name | None = None
    contact_phone: PhoneInput | None = None
    contact_email: EmailStr | None = None


# --- registration and sign-in ----------------------------------------------------------------


class _EmailOrPhone(Command):
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
                    "referral_code": "MEI8K2QZ",
                },
                {"tenant": "harbour-gene", "kind": "group", "phone": "07400 123456", "group": {"company_name": "Acme"}},
            ]
        },
    )

    tenant: TenantSlug
    kind: FromString[MemberKind]
    password: Password | None = Field(default=None, validate_default=True)
    individual: IndividualDetails | None = Field(default=None, validate_default=True)
    group: GroupDetails | None = Field(default=None, validate_default=True)
    referral_code: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")] | None = Field(
        default=None,
        description="the code of the share link, QR code or invitation the member came by; the member is bound to "
        "its distributor when the registration is confirmed, if the tenant's distribution rules allow it",
    )

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


class PasswordSignIn(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"tenant": "harbour-gene", "email": "mei.chen@example.com", "password": "Harbour-Gene-2026!"}]
        },
    )

    tenant: TenantSlug
    email: EmailStr
    password: Password


class PlatformSignIn(Command):
    """A platform admin's credentials: their username in the user pool (they have no tenant)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"username": "platform-admin", "password": "Panacea-Admin-2026!"}]},
    )

    username: Annotated[
        str,
        Field(
            min_length=1,
            max_length=128,
            pattern=r"^[A-Za-z0-9._@+-]+$",
            description="the platform admin's username in the user pool",
            examples=["platform-admin"],
        ),
    ]
    password: Password


class SmsCodeRequest(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"tenant": "harbour-gene", "phone": "+447400123456"}]}
    )

    tenant: TenantSlug
    phone: PhoneInput


class SmsSignIn(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"tenant": "harbour-gene", "phone": "+447400123456", "code": "482913"}]},
    )

    tenant: TenantSlug
    phone: PhoneInput
    code: Code


class Refresh(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"refresh_token": "eyJjdHkiOiJKV1Qi…"}]})

    refresh_token: Annotated[FreeText, Field(min_length=10, max_length=8192)]


class ForgottenPassword(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"tenant": "harbour-gene", "email": "mei.chen@example.com"}]}
    )

    tenant: TenantSlug
    email: EmailStr


class NewPassword(Command):
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


# --- your own account and the tenant's people -----------------------------------------------


class ProfilePatch(Command):
    """A merge patch of your own profile: only the fields sent change, `null` clears one."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"individual": {"occupation": "nurse", "birth_date": "1986-04-12"}}]},
    )

    name: Name | None = None
    individual: IndividualPatch | None = None
    group: GroupPatch | None = None


class EmailChange(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"email": "mei@new.example.com"}]})

    email: EmailStr


class PhoneChange(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"phone": "+447400123457"}]})

    phone: PhoneInput


class CodeCheck(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"code": "482913"}]})

    code: Code


class Invitation(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"email": "sam.lab@harbour-gene.example", "name": "Sam Lab", "roles": ["lab_operator"]}]
        },
    )

    email: EmailStr
    name: Name
    roles: Annotated[list[FromString[Role]], Field(min_length=1, description="staff roles")]

    @field_validator("roles")
    @classmethod
    def _staff_roles(cls, roles: list[Role]) -> list[Role]:
        if not set(roles) <= STAFF_ROLES:
            raise ValueError("staff are invited with staff roles (not member or distributor)")
        return sorted(set(roles))


class RolesChange(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"roles": ["member", "distributor"]}, {"roles": ["finance"]}]}
    )

    roles: Annotated[
        list[FromString[Role]], Field(min_length=1, description="the complete set of roles the person holds")
    ]

    @field_validator("roles")
    @classmethod
    def _tenant_roles(cls, roles: list[Role]) -> list[Role]:
        held = set(roles)
        if not held <= TENANT_ROLES:
            raise ValueError("platform roles are not given to a tenant's people")
        if Role.DISTRIBUTOR in held and Role.MEMBER not in held:
            raise ValueError("a distributor is a member who also distributes: give both")
        return sorted(held)


class DisableRequest(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "left the company"}]})

    reason: Annotated[FreeText, Field(min_length=3, max_length=500)]


# --- addresses -----------------------------------------------------------------------------------


class NewAddress(Command):
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

    label: Annotated[FreeText, Field(max_length=40)] | None = None
    recipient: Name
    phone: PhoneInput
    line1: Annotated[FreeText, Field(min_length=1, max_length=200)]
    line2: Annotated[FreeText, Field(max_length=200)] | None = None
    city: Annotated[FreeText, Field(min_length=1, max_length=100)]
    region: Annotated[FreeText, Field(max_length=100)] | None = None
    postcode: Annotated[FreeText, Field(max_length=20)] | None = None
    country: Country
    uses: Annotated[list[FromString[AddressUse]], Field(min_length=1)] = [
        AddressUse.KITS,
        AddressUse.GOODS,
        AddressUse.REPORTS,
    ]
    default: bool = Field(default=False, description="make it the default address (the first one always is)")


class AddressPatch(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"label": "Work", "uses": ["goods"]}]})

    label: Annotated[FreeText, Field(max_length=40)] | None = None
    recipient: Name | None = None
    phone: PhoneInput | None = None
    line1: Annotated[FreeText, Field(min_length=1, max_length=200)] | None = None
    line2: Annotated[FreeText, Field(max_length=200)] | None = None
    city: Annotated[FreeText, Field(min_length=1, max_length=100)] | None = None
    region: Annotated[FreeText, Field(max_length=100)] | None = None
    postcode: Annotated[FreeText, Field(max_length=20)] | None = None
    country: Country | None = None
    uses: Annotated[list[FromString[AddressUse]], Field(min_length=1)] | None = None
