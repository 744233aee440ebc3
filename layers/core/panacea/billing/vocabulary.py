"""The words billing uses, as plain enums: who a plan is sold to, what a subscription's status is
(Stripe's own values), what access a tenant has, and the names of the features and limits a plan
grants. Kept apart from the pydantic models so that a limit check loads none of them."""

from __future__ import annotations

from enum import StrEnum


class Audience(StrEnum):
    """Who buys a plan: a member of a B2C tenant, a tenant (a clinic), or a white-label partner."""

    MEMBER = "member"
    TENANT = "tenant"
    PARTNER = "partner"


class SubscriptionStatus(StrEnum):
    """Stripe's `subscription.status`, as Stripe spells it."""

    TRIALING = "trialing"
    ACTIVE = "active"
    PAST_DUE = "past_due"
    UNPAID = "unpaid"
    CANCELED = "canceled"
    INCOMPLETE = "incomplete"
    INCOMPLETE_EXPIRED = "incomplete_expired"
    PAUSED = "paused"


class Access(StrEnum):
    """What a tenant may do: everything its plan grants, read but not write, nothing (its standing is
    suspended), or nothing because it has no plan at all."""

    FULL = "full"
    READ_ONLY = "read_only"
    SUSPENDED = "suspended"
    NONE = "none"


class Limit(StrEnum):
    """A plan's numeric limits (None in a plan: unlimited)."""

    MEMBERS = "members"
    MESSAGES_PER_MONTH = "messages_per_month"
    API_CALLS_PER_MONTH = "api_calls_per_month"
    SUB_TENANTS = "sub_tenants"


class Feature(StrEnum):
    """Features' lookup keys (Stripe Entitlements Features use the same keys)."""

    SMS = "sms"
    WHATSAPP = "whatsapp"
    EMAIL = "email"
    PRIORITY_NOTIFICATIONS = "priority_notifications"
    BASIC_ANALYTICS = "basic_analytics"
    ADVANCED_ANALYTICS = "advanced_analytics"
    PERSONALISED_RECOMMENDATIONS = "personalised_recommendations"
    EMAIL_SUPPORT = "email_support"
    PHONE_SUPPORT = "phone_support"
    PRIORITY_SUPPORT = "priority_support"
    SUPPORT_24_7 = "support_24_7"
    BASIC_BRANDING = "basic_branding"
    FULL_BRANDING = "full_branding"
    WHITE_LABEL = "white_label"
    STANDARD_INTEGRATIONS = "standard_integrations"
    ADVANCED_INTEGRATIONS = "advanced_integrations"
    ACCOUNT_MANAGER = "account_manager"
    CUSTOM_DEVELOPMENT = "custom_development"
    SLA = "sla"
    PARTNER_API = "partner_api"
    CO_MARKETING = "co_marketing"
    TRAINING = "training"
    EXCLUSIVE_TERRITORY = "exclusive_territory"
