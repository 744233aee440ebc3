"""Tenancy's contracts: what clients send, what they get back, and the events it announces."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import ConfigDict, EmailStr, Field, create_model, field_validator, model_validator

from panacea.platform import declarations
from panacea.platform.access import STAFF_ROLES, Role
from panacea.platform.cors import WebOrigins
from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, Country, CurrentCurrency, FromString, Text
from panacea.platform.models import BaseModel
from panacea.platform.money import Currency
from panacea.platform.sections import SettingsSection
from panacea.platform.zones import UTC_ZONE, TimeZone

# Re-exported (`as`): contracts and their readers have always found these words here.
from panacea.tenancy.vocabulary import TenantKind as TenantKind  # noqa: PLC0414
from panacea.tenancy.vocabulary import TenantStatus as TenantStatus  # noqa: PLC0414
from panacea.tenancy.vocabulary import Tier as Tier  # noqa: PLC0414

Slug = Annotated[
    str,
    Field(min_length=3, max_length=40, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", examples=["harbour-gene"]),
]
Locale = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$", examples=["en-GB", "zh-CN"])]
Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$", examples=["#0B6E4F"])]
Name = Annotated[Text, Field(min_length=1, max_length=120)]


# --- settings ----------------------------------------------------------------------------
# A tenant's settings are tenancy's own (currency, locale, branding) and one section per context
# that declares one in its `settings.py` (`panacea.platform.sections`): `TenantSettings` and
# `SettingsPatch` are composed from them, so a new context's section needs no edit here.


class SenderNames(BaseModel):
    """How messages from this tenant are signed on each channel."""

    sms: Annotated[str, Field(pattern=r"^[A-Za-z0-9 ]{1,11}$", description="alphanumeric sender id")] | None = None
    email: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    whatsapp: Annotated[str, Field(min_length=1, max_length=80)] | None = None


class Branding(BaseModel):
    display_name: Name
    primary_colour: Colour = "#0B6E4F"
    accent_colour: Colour = "#F2A541"
    logo_key: Annotated[str, Field(max_length=512, description="S3 key of the uploaded logo")] | None = None
    sender_names: SenderNames = SenderNames()


class TenancySettings(BaseModel):
    """Tenancy's own settings, the top of the document; every context's section sits beside them
    in `TenantSettings`, composed below."""

    currency: Currency
    locale: Locale
    time_zone: TimeZone = UTC_ZONE  # set at onboarding from the jurisdiction; UTC for settings stored before
    branding: Branding
    allowed_origins: WebOrigins = []  # its web apps, for CORS; each claimed in the registry of origins (origins.py)

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return [] if value is None else value  # a merge patch's `null` empties the list

    @model_validator(mode="before")
    @classmethod
    def _sections_start_at_their_defaults(cls, data: Any) -> Any:
        """Settings stored before a context added its section read that section at its defaults."""
        if not isinstance(data, dict):
            return data
        sections = [name for name, field in cls.model_fields.items() if _is_section(field.annotation)]
        return {**{name: {} for name in sections}, **data}

    if TYPE_CHECKING:  # each section is a field of the composed model (typed: `OrderSettings.of(settings)`)

        def __getattr__(self, section: str) -> Any: ...


def _is_section(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, SettingsSection)


class SenderNamesPatch(Command):
    model_config = ConfigDict(extra="forbid")
    sms: Annotated[str, Field(pattern=r"^[A-Za-z0-9 ]{1,11}$")] | None = None
    email: Annotated[Text, Field(min_length=1, max_length=80)] | None = None
    whatsapp: Annotated[Text, Field(min_length=1, max_length=80)] | None = None


class BrandingPatch(Command):
    model_config = ConfigDict(extra="forbid")
    display_name: Name | None = None
    primary_colour: Colour | None = None
    accent_colour: Colour | None = None
    logo_key: Annotated[Text, Field(max_length=512)] | None = None
    sender_names: SenderNamesPatch | None = None


class TenancyPatch(Command):
    """A merge patch: only the fields sent change; `null` clears an optional field."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "branding": {"primary_colour": "#1D3557"},
                    "distribution": {"enabled": True, "level_rates_bps": [800, 400]},
                }
            ]
        },
    )
    locale: Locale | None = None
    time_zone: TimeZone | None = None
    branding: BrandingPatch | None = None
    allowed_origins: WebOrigins | None = Field(
        default=None, description="replaces the list (`[]` or `null` empties it); an origin another tenant lists is 409"
    )


def composed(sections: Sequence[type[SettingsSection]]) -> tuple[type[TenancySettings], type[TenancyPatch]]:
    """`TenantSettings` and `SettingsPatch`: tenancy's own fields, then each section's under its name."""
    settings = create_model(
        "TenantSettings",
        __base__=TenancySettings,
        __module__=__name__,
        __doc__="How a tenant operates; other contexts read these (at `T#<tenant>#SETTINGS`).",
        **{section.section_name: (section, ...) for section in sections},  # type: ignore[call-overload]
    )
    patch = create_model(
        "SettingsPatch",
        __base__=TenancyPatch,
        __module__=__name__,
        __doc__=TenancyPatch.__doc__,
        **{section.section_name: (section.patch_model | None, None) for section in sections},  # type: ignore[call-overload]
    )
    return settings, patch


SECTIONS = declarations.settings_sections()

if TYPE_CHECKING:
    TenantSettings = TenancySettings
    SettingsPatch = TenancyPatch
else:
    TenantSettings, SettingsPatch = composed(SECTIONS)


# --- tenants -----------------------------------------------------------------------------


class FirstAdmin(Command):
    email: EmailStr
    name: Name


class NewTenant(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Harbour Gene Clinic",
                    "slug": "harbour-gene",
                    "kind": "gene_testing",
                    "currency": "GBP",
                    "locale": "en-GB",
                    "jurisdiction": "GB",
                    "tier": "professional",
                    "first_admin": {"email": "owner@harbour-gene.example", "name": "Ada Owner"},
                }
            ]
        },
    )

    name: Name
    slug: Slug
    kind: FromString[TenantKind]
    parent_partner_id: str | None = Field(
        default=None, description="the white-label partner this tenant is a sub-tenant of"
    )
    currency: CurrentCurrency
    locale: Locale
    jurisdiction: Country
    tier: FromString[Tier] = Tier.TRIAL
    first_admin: FirstAdmin


class Suspension(BaseModel):
    reason: Annotated[str, Field(min_length=3, max_length=500)]
    at: datetime


class Tenant(BaseModel):
    """A tenant: who it is and its standing, and its settings once onboarding made them."""

    id: str
    name: str
    slug: str
    kind: TenantKind
    parent_partner_id: str | None
    jurisdiction: str
    tier: Tier
    status: TenantStatus
    suspension: Suspension | None = None
    settings: TenantSettings | None = Field(default=None, description="absent until onboarding has run")
    created_at: datetime
    updated_at: datetime


class StatusChange(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "invoice 2026-11 unpaid"}]})

    reason: Annotated[Text, Field(min_length=3, max_length=500)]


# --- API keys ----------------------------------------------------------------------------


class NewApiKey(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"name": "LIMS integration", "roles": ["lab_operator"]}]}
    )

    name: Annotated[Text, Field(min_length=1, max_length=80)]
    roles: Annotated[
        list[FromString[Role]],
        Field(min_length=1, description="what the partner system may do: staff roles other than owner"),
    ] = [Role.ADMIN]

    @field_validator("roles")
    @classmethod
    def _staff_only(cls, roles: list[Role]) -> list[Role]:
        if not set(roles) <= STAFF_ROLES - {Role.OWNER}:
            raise ValueError("a key acts with staff roles other than owner")
        return sorted(set(roles))


class ApiKey(BaseModel):
    id: str
    tenant_id: str
    name: str
    prefix: str = Field(description="the key's visible start, enough to recognise it in a list")
    roles: list[Role]
    created_at: datetime
    revoked_at: datetime | None = None


class IssuedApiKey(ApiKey):
    secret: str = Field(description="the whole key; shown this once and never again")


# --- events ------------------------------------------------------------------------------


class TenantCreated(DomainEvent, name="tenant.created", version=1):
    """A platform admin registered a tenant; the onboarding workflow starts from this event."""

    tenant_id: str
    name: str
    slug: str
    kind: TenantKind
    tier: Tier
    parent_partner_id: str | None
    currency: str
    locale: str
    first_admin_user_id: str
    first_admin_email: str
    first_admin_name: str


class TenantOnboarded(DomainEvent, name="tenant.onboarded", version=1):
    """The tenant has its settings and its first owner, and is active."""

    tenant_id: str
    slug: str
    kind: TenantKind
    tier: Tier


class TenantOnboardingFailed(DomainEvent, name="tenant.onboarding_failed", version=1):
    """Onboarding gave up after its retries, or stalled for an hour; a platform admin should look."""

    tenant_id: str
    error: str


class TenantSettingsChanged(DomainEvent, name="tenant.settings_changed", version=1):
    """Branding, distribution or order settings changed; `changed` lists what."""

    tenant_id: str
    changed: list[str] = Field(description="dotted paths of the settings that changed")


class TenantSuspended(DomainEvent, name="tenant.suspended", version=1):
    """A platform admin suspended an active tenant (unpaid invoice, breach of terms)."""

    tenant_id: str
    reason: str


class TenantReactivated(DomainEvent, name="tenant.reactivated", version=1):
    """A suspended tenant is active again."""

    tenant_id: str
    reason: str


class ApiKeyIssued(DomainEvent, name="api_key.issued", version=1):
    """A partner API key was issued to the tenant (its secret never travels in events)."""

    tenant_id: str
    key_id: str
    name: str


class ApiKeyRevoked(DomainEvent, name="api_key.revoked", version=1):
    """A partner API key stopped working for good."""

    tenant_id: str
    key_id: str
