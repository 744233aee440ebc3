"""How identity reaches people: phone numbers read as dialled in the tenant's country, codes sent by
email or SMS in the tenant's name, and where a code went shown only in part."""

from __future__ import annotations

from dataclasses import dataclass

from panacea import tenancy
from panacea.identity import codes
from panacea.identity.codes import Purpose
from panacea.identity.models import CodeSent
from panacea.identity.vocabulary import Channel
from panacea.platform import messaging
from panacea.platform.errors import FieldError, Unprocessable


@dataclass(frozen=True)
class Tenant:
    """The tenant a call acts for, as identity speaks for it: the name its messages are signed
    with, the country its phone numbers are dialled in, its SMS sender id."""

    id: str
    name: str
    jurisdiction: str
    sms_sender: str | None

    @classmethod
    def of(cls, standing: tenancy.TenantStanding) -> Tenant:
        branding = standing.settings.branding if standing.settings else None
        return cls(
            id=standing.tenant_id,
            name=(branding.sender_names.email or branding.display_name) if branding else standing.name,
            jurisdiction=standing.jurisdiction,
            sms_sender=branding.sender_names.sms if branding else None,
        )


def normalise_phone(raw: str, *, region: str, field: str, mobile: bool) -> str:
    """`raw` in E.164, read as dialled in `region` unless it is international; 422 on `field` if it
    is not a valid number (or not a mobile one, when `mobile`)."""
    import phonenumbers  # noqa: PLC0415 - its metadata loads with the first number read, not every cold start

    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise Unprocessable(
            f"{raw} is not a valid phone number (read as dialled in {region} unless it starts with +)",
            errors=[FieldError(field, "invalid_phone")],
        )
    kind = phonenumbers.number_type(number)
    mobile_kinds = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
    if mobile and kind not in mobile_kinds:
        raise Unprocessable(f"{raw} is not a mobile number", errors=[FieldError(field, "not_mobile")])
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def mask(channel: Channel, value: str) -> str:
    if channel == Channel.EMAIL:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    return f"{value[:3]}{'*' * max(0, len(value) - 7)}{value[-4:]}"


def code_sent(channel: Channel, value: str, purpose: Purpose) -> CodeSent:
    return CodeSent(
        channel=channel,
        destination=mask(channel, value),
        expires_in=codes.lifetime(purpose),
        detail=f"if this {'address' if channel == Channel.EMAIL else 'number'} can receive a code, one has been sent",
    )


def email(tenant: Tenant, to: str, subject: str, text: str) -> None:
    messaging.send_email(to, f"{tenant.name}: {subject}", text, sender_name=tenant.name)


def sms(tenant: Tenant, to: str, text: str) -> None:
    messaging.send_sms(to, f"{tenant.name}: {text}", sender_id=tenant.sms_sender)


def code_text(code: str, purpose: Purpose, what: str) -> str:
    minutes = codes.lifetime(purpose) // 60
    valid = f"{minutes // (24 * 60)} days" if minutes >= 24 * 60 else f"{minutes} minutes"
    return f"Your code {what} is {code}. It is valid for {valid}. If you did not ask for it, ignore this message."
