"""What a new tenant starts with, by kind: the settings onboarding writes before anyone edits them.

Tenancy decides its own part (branding); each context's section decides its own defaults
(`SettingsSection.default_for`)."""

from __future__ import annotations

from panacea.platform import zones
from panacea.platform.sections import TenantProfile
from panacea.tenancy.models import SECTIONS, Branding, SenderNames, TenantKind, TenantSettings


def default_settings(
    *,
    kind: TenantKind,
    name: str,
    currency: str,
    locale: str,
    parent_branding: Branding | None,
    jurisdiction: str | None = None,
) -> TenantSettings:
    """A tenant signs its messages with its own name, and keeps its days in its jurisdiction's time
    zone (`panacea.platform.zones`). A white-label sub-tenant starts in its partner's colours under
    its own name."""
    sms_sender = "".join(ch for ch in name if ch.isascii() and (ch.isalnum() or ch == " "))[:11].strip() or None
    branding = Branding(
        display_name=name,
        sender_names=SenderNames(sms=sms_sender, email=name[:80], whatsapp=name[:80]),
    )
    if parent_branding:
        branding = branding.model_copy(
            update={
                "primary_colour": parent_branding.primary_colour,
                "accent_colour": parent_branding.accent_colour,
            }
        )
    tenant = TenantProfile(kind=kind, name=name, currency=currency, locale=locale, jurisdiction=jurisdiction)
    sections = {section.section_name: section.default_for(tenant) for section in SECTIONS}
    time_zone = zones.zone_of(jurisdiction) if jurisdiction else zones.UTC_ZONE
    return TenantSettings(currency=currency, locale=locale, time_zone=time_zone, branding=branding, **sections)
