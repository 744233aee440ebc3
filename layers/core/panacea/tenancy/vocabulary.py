"""The words tenancy uses about a tenant, as plain enums: its kind, its subscription tier, its
status. Kept apart from the pydantic contracts (models.py), so that the authorizer, which checks a
tenant's standing on every request, loads none of those."""

from __future__ import annotations

from enum import StrEnum


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
