"""Tenancy's contracts: what clients send, what they get back, and the events it announces."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, EmailStr, Field, field_validator, model_validator

from panacea.platform.access import STAFF_ROLES, Role
from panacea.platform.events import DomainEvent
from panacea.platform.models import BaseModel
from panacea.platform.money import BasisPoints, Currency

Slug = Annotated[
    str,
    Field(min_length=3, max_length=40, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", examples=["harbour-gene"]),
]
Locale = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$", examples=["en-GB", "zh-CN"])]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2", examples=["GB"])]
Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$", examples=["#0B6E4F"])]
Name = Annotated[str, Field(min_length=1, max_length=120)]


class TenantKind(StrEnum):
    GP_PRACTICE = "gp_practice"
    PRIVATE_CLINIC = "private_clinic"
    GENE_TESTING = "gene_testing"
    INTERNET_HOSPITAL = "internet_hospital"
    PARTNER = "partner"


class Tier(StrEnum):
    """Subscription tiers (billed by Stripe in the billing context)."""

    TRIAL = "trial"
    PROFESSIONAL = "professional"
    ENTERPRISE = "enterprise"
    FLAGSHIP = "flagship"
    WHITE_LABEL = "white_label"


class TenantStatus(StrEnum):
    ONBOARDING = "onboarding"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    ONBOARDING_FAILED = "onboarding_failed"


class PaymentMethod(StrEnum):
    CARD = "card"
    ALIPAY = "alipay"
    WECHAT_PAY = "wechat_pay"


# --- settings ----------------------------------------------------------------------------


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


class DistributionSettings(BaseModel):
    """Member distribution: share links earn commission on up to three levels (e.g. 8% + 4%)."""

    enabled: bool = False
    level_rates_bps: Annotated[list[BasisPoints], Field(max_length=3, examples=[[800, 400]])] = []
    refund_window_days: Annotated[int, Field(ge=0, le=90)] = 14
    min_withdrawal: Annotated[int, Field(ge=0, description="minor units of the tenant's currency")] = 1000

    @model_validator(mode="after")
    def _rates_fit(self) -> DistributionSettings:
        if self.enabled and not self.level_rates_bps:
            raise ValueError("distribution needs a rate for at least one level")
        if sum(self.level_rates_bps) > 5000:
            raise ValueError("commission on all levels together cannot exceed 50% of a sale")
        return self


class OrderSettings(BaseModel):
    payment_timeout_minutes: Annotated[int, Field(ge=5, le=7 * 24 * 60)] = 30
    cancel_window_minutes: Annotated[int, Field(ge=0, le=7 * 24 * 60)] = 60
    auto_complete_days: Annotated[int, Field(ge=1, le=60)] = 10
    payment_methods: Annotated[list[PaymentMethod], Field(min_length=1)] = [PaymentMethod.CARD]
    offline_payment: bool = False


class TenantSettings(BaseModel):
    """How a tenant operates; other contexts read these (at `T#<tenant>#SETTINGS`)."""

    currency: Currency
    locale: Locale
    branding: Branding
    distribution: DistributionSettings
    orders: OrderSettings


class SenderNamesPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sms: Annotated[str, Field(pattern=r"^[A-Za-z0-9 ]{1,11}$")] | None = None
    email: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    whatsapp: Annotated[str, Field(min_length=1, max_length=80)] | None = None


class BrandingPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    display_name: Name | None = None
    primary_colour: Colour | None = None
    accent_colour: Colour | None = None
    logo_key: Annotated[str, Field(max_length=512)] | None = None
    sender_names: SenderNamesPatch | None = None


class DistributionPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    enabled: bool | None = None
    level_rates_bps: Annotated[list[BasisPoints], Field(max_length=3)] | None = None
    refund_window_days: Annotated[int, Field(ge=0, le=90)] | None = None
    min_withdrawal: Annotated[int, Field(ge=0)] | None = None


class OrdersPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    payment_timeout_minutes: Annotated[int, Field(ge=5, le=7 * 24 * 60)] | None = None
    cancel_window_minutes: Annotated[int, Field(ge=0, le=7 * 24 * 60)] | None = None
    auto_complete_days: Annotated[int, Field(ge=1, le=60)] | None = None
    payment_methods: Annotated[list[PaymentMethod], Field(min_length=1)] | None = None
    offline_payment: bool | None = None


class SettingsPatch(BaseModel):
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
    branding: BrandingPatch | None = None
    distribution: DistributionPatch | None = None
    orders: OrdersPatch | None = None


# --- tenants -----------------------------------------------------------------------------


class FirstAdmin(BaseModel):
    email: EmailStr
    name: Name


class NewTenant(BaseModel):
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
    kind: TenantKind
    parent_partner_id: str | None = Field(
        default=None, description="the white-label partner this tenant is a sub-tenant of"
    )
    currency: Currency
    locale: Locale
    jurisdiction: Country
    tier: Tier = Tier.TRIAL
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


class StatusChange(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "invoice 2026-11 unpaid"}]})

    reason: Annotated[str, Field(min_length=3, max_length=500)]


# --- API keys ----------------------------------------------------------------------------


class NewApiKey(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"name": "LIMS integration", "roles": ["lab_operator"]}]}
    )

    name: Annotated[str, Field(min_length=1, max_length=80)]
    roles: Annotated[
        list[Role],
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
