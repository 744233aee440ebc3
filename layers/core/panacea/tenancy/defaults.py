"""What a new tenant starts with, by kind: the settings onboarding writes before anyone edits them."""

from __future__ import annotations

from panacea.tenancy.models import (
    Branding,
    DistributionSettings,
    OrderSettings,
    PaymentMethod,
    SenderNames,
    TenantKind,
    TenantSettings,
)

_CHINA_METHODS = [PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY, PaymentMethod.CARD]


def default_settings(
    *, kind: TenantKind, name: str, currency: str, locale: str, parent_branding: Branding | None
) -> TenantSettings:
    """Gene-testing and internet-hospital malls sell through member distribution (8% + 4%);
    practices and clinics do not. CNY tenants take Alipay and WeChat Pay first. A white-label
    sub-tenant starts in its partner's colours under its own name."""
    sells_by_distribution = kind in {TenantKind.GENE_TESTING, TenantKind.INTERNET_HOSPITAL}
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
    return TenantSettings(
        currency=currency,
        locale=locale,
        branding=branding,
        distribution=DistributionSettings(
            enabled=sells_by_distribution,
            level_rates_bps=[800, 400] if sells_by_distribution else [],
        ),
        orders=OrderSettings(
            payment_methods=_CHINA_METHODS if currency == "CNY" else [PaymentMethod.CARD],
            offline_payment=kind == TenantKind.GENE_TESTING,
        ),
    )
