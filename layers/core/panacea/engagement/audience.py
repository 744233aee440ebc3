"""Who a member is to the notification engine, and what their preferences make of a rule
(CONTRACT: the preferences slice owns this module and grows it; the engine relies only on
`Recipient`, `Plan`, `recipients` and `plan` as declared here, and on `audience_page` and
`note_inbound`).

A recipient's addresses: email and SMS from identity (the email and phone they confirmed), WhatsApp
the number they set (else their phone), WeChat the openid they bound, push their newest device.
Their locale and time zone are their own, else the tenant's.

`plan` makes the reachability chain: the rule's channels in the member's preferred order, less the
channels they turned off (for every workflow or this one) and those without an address. A critical
rule cannot be muted: it ignores opt-outs and quiet hours. A marketing rule needs recorded consent.
Outside quiet hours a message goes now; inside them (not critical) it waits until they end."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field

from panacea import identity, tenancy
from panacea.engagement import preference_items as items
from panacea.engagement.preference_models import Device, MarketingConsent, NotificationSettings, Preferences
from panacea.engagement.quiet_hours import quiet_until
from panacea.engagement.rules import Rule
from panacea.platform.providers.channels import Channel

WHATSAPP_WINDOW = timedelta(hours=24)
_REACHABLE = {"active", "invited"}  # identity's statuses of people who may be told things


class Recipient(BaseModel):
    model_config = ConfigDict(frozen=True)

    member_id: str
    locale: str = "en-GB"
    time_zone: str = "Europe/London"
    addresses: dict[Channel, str] = Field(default_factory=dict)  # where each channel reaches them
    whatsapp_window_until: datetime | None = None  # free-form WhatsApp allowed until (24 h after their last message)
    preferences: Preferences = Field(default_factory=Preferences)  # their opt-outs, quiet hours, channel order
    marketing_consent: bool = False  # whether they agreed to marketing (recorded, with its history)


class Plan(BaseModel):
    """What to do for one recipient of one rule: the channels to try in order (muted and unreachable
    ones left out), when (`send_at` later than now: quiet hours), or why nothing is sent (`skipped`)."""

    model_config = ConfigDict(frozen=True)

    channels: list[Channel] = Field(default_factory=list)
    send_at: datetime | None = None
    skipped: str | None = None  # opted_out, muted, no_consent, unreachable


def recipients(tenant_id: str, member_ids: list[str]) -> dict[str, Recipient]:
    """The members among `member_ids` the engine can reach, by id (unknown ones, and people who
    have not confirmed their account or are disabled, left out). Identity's contacts and the
    members' settings are read in batches of 100 keys; the tenant's settings once."""
    contacts = identity.contacts_of(tenant_id, member_ids)
    known = [m for m in dict.fromkeys(member_ids) if m in contacts and contacts[m].status in _REACHABLE]
    profiles, windows = items.subscribers(tenant_id, known)
    settings = tenancy.settings_of(tenant_id)
    locale, zone = (settings.locale, settings.time_zone) if settings else ("en-GB", "UTC")
    return {m: recipient_of(contacts[m], profiles.get(m), windows.get(m), locale=locale, time_zone=zone) for m in known}


def recipient_of(
    contact: identity.Contact,
    profile: items.SubscriberItem | None,
    window: items.WindowItem | None,
    *,
    locale: str,
    time_zone: str,
) -> Recipient:
    """A member as the engine sees them, from identity's contact and their own settings; the
    tenant's locale and time zone where they set none."""
    chosen = NotificationSettings.model_validate(profile.settings if profile else {})
    addresses: dict[Channel, str] = {}
    if contact.email:
        addresses[Channel.EMAIL] = contact.email
    if contact.phone:
        addresses[Channel.SMS] = contact.phone
    if chosen.whatsapp_number or contact.phone:
        addresses[Channel.WHATSAPP] = chosen.whatsapp_number or str(contact.phone)
    if profile is not None and profile.wechat_openid:
        addresses[Channel.WECHAT] = profile.wechat_openid
    devices = profile.device_list if profile else []
    if devices:
        addresses[Channel.PUSH] = Device.model_validate(devices[0]).address
    consent = MarketingConsent.model_validate(profile.consent) if profile else MarketingConsent(given=False)
    return Recipient(
        member_id=contact.user_id,
        locale=chosen.locale or locale,
        time_zone=chosen.time_zone or time_zone,
        addresses=addresses,
        whatsapp_window_until=window.until if window else None,
        preferences=chosen.preferences(),
        marketing_consent=consent.given,
    )


def plan(tenant_id: str, recipient: Recipient, rule: Rule, now: datetime) -> Plan:
    """The channels `rule` reaches `recipient` on, in their order, and when."""
    prefs = recipient.preferences
    skipped = _refused(recipient, rule)
    chain = ordered(rule.channels, prefs.channel_order)
    if not rule.critical:
        chain = [c for c in chain if prefs.allows(rule.event_type, c)]
        skipped = skipped or (None if chain else "muted")
    chain = [c for c in chain if c in recipient.addresses]
    skipped = skipped or (None if chain else "unreachable")
    if skipped:
        return Plan(skipped=skipped)
    quiet = prefs.quiet_hours
    if rule.critical or quiet is None:
        return Plan(channels=chain)
    start, end = quiet.window()
    return Plan(channels=chain, send_at=quiet_until(now, start, end, recipient.time_zone))


def _refused(recipient: Recipient, rule: Rule) -> str | None:
    """Why nothing of `rule` reaches the member whatever the channel: marketing without consent, an
    opt-out of everything or of this workflow (a critical rule cannot be muted)."""
    if rule.marketing and not recipient.marketing_consent:
        return "no_consent"
    if rule.critical:
        return None
    if recipient.preferences.opted_out:
        return "opted_out"
    return "muted" if recipient.preferences.mutes(rule.event_type) else None


def ordered(channels: list[Channel], preferred: list[Channel]) -> list[Channel]:
    """`channels` with those the member prefers first, in their order; the rest as the rule has them."""
    first = [c for c in preferred if c in channels]
    return first + [c for c in channels if c not in first]


def audience_page(tenant_id: str, tag: str, cursor: str | None, limit: int) -> tuple[list[str], str | None]:
    """One page of the members in audience `tag` (one Query, no scan), and the cursor of the next
    page (None on the last). `limit` is at most 1,000."""
    found, next_cursor = items.audience_members(tenant_id, tag, cursor=cursor, limit=max(1, min(limit, 1_000)))
    return [item.member_id for item in found], next_cursor


def note_inbound(tenant_id: str, sender: str, at: datetime) -> str | None:
    """A member wrote to the tenant on WhatsApp from `sender` (E.164) at `at`: their service window is
    open for 24 h from then (a later message moves it, an earlier or repeated one does not). The
    member, found by the WhatsApp number they set or else by their phone, or None when nobody has it."""
    member = items.whatsapp_holder(tenant_id, sender) or identity.member_by_phone(tenant_id, sender)
    if member is not None:
        items.open_window(tenant_id, member, at, at + WHATSAPP_WINDOW)
    return member
