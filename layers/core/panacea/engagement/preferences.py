"""Members look after how they are told: their notification settings (locale, time zone, WhatsApp
number, opt-outs, quiet hours, channel order), their push devices, the WeChat openid they bind, and
their marketing consent (given or withdrawn, kept as history). The service desk reads a member's
settings; owners and admins put members in audiences (tags) that broadcasts reach.

A member sees and changes only their own: every `me` use case acts on the caller's own id."""

from __future__ import annotations

import re
from datetime import datetime

from panacea import identity, tenancy
from panacea.engagement import preference_items as items
from panacea.engagement.audience import recipient_of
from panacea.engagement.preference_access import PreferenceAction
from panacea.engagement.preference_models import (
    MAX_CONSENT_HISTORY,
    MAX_DEVICES,
    TAG_PATTERN,
    Audience,
    AudienceChange,
    AudienceChanged,
    AudienceMember,
    ConsentEntry,
    ConsentGiven,
    Device,
    DevicePlatform,
    MarketingConsent,
    NewAudience,
    NewDevice,
    NotificationProfile,
    NotificationSettings,
    WeChatBinding,
)
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import CREDENTIALS, Conflict, FieldError, NotFound, Unprocessable
from panacea.platform.ids import new_id
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work

TAG = re.compile(TAG_PATTERN)

# --- your own ------------------------------------------------------------------------------------


def mine(actor: Actor) -> NotificationProfile:
    authorize(actor, PreferenceAction.MANAGE_OWN)
    return _profile(actor.tenant, _contact(actor.tenant, actor.user_id, field=CREDENTIALS))


def set_mine(actor: Actor, chosen: NotificationSettings) -> NotificationProfile:
    """Replace the caller's settings whole. A WhatsApp number other than their phone is claimed for
    them (409 if another member of the tenant set it)."""
    authorize(actor, PreferenceAction.MANAGE_OWN)
    contact = _contact(actor.tenant, actor.user_id, field=CREDENTIALS)
    item, _, _ = items.subscriber(actor.tenant, actor.user_id)
    item = item or items.SubscriberItem.new(actor.tenant, actor.user_id)
    before = NotificationSettings.model_validate(item.settings).whatsapp_number
    after = chosen.whatsapp_number if chosen.whatsapp_number != contact.phone else None
    item.settings = chosen.model_copy(update={"whatsapp_number": after}).model_dump(mode="json", exclude_none=True)
    item.updated_at = clock.now()
    with unit_of_work(actor.tenant) as uow:
        if before != after and before:
            uow.release(actor.tenant, items.WHATSAPP_CLAIM, before, actor.user_id)
        if before != after and after:
            taken = Conflict.on_field("whatsapp_number", "taken", f"another member set {after} as their WhatsApp")
            uow.claim(actor.tenant, items.WHATSAPP_CLAIM, after, actor.user_id, taken=taken)
        uow.save(item)
    return _profile(actor.tenant, contact)


def bind_wechat(actor: Actor, binding: WeChatBinding) -> NotificationProfile:
    """The caller's openid at the tenant's WeChat official account: template messages reach them there."""
    authorize(actor, PreferenceAction.MANAGE_OWN)
    contact = _contact(actor.tenant, actor.user_id, field=CREDENTIALS)
    item = _own_item(actor)
    if item.wechat_openid != binding.openid:
        item.wechat_openid, item.updated_at = binding.openid, clock.now()
        _save(actor, item)
    return _profile(actor.tenant, contact)


def add_device(actor: Actor, new: NewDevice) -> Device:
    """A push device of the caller's; the newest is where push goes. The same token again is the
    same device, now the newest; past MAX_DEVICES the oldest are forgotten."""
    authorize(actor, PreferenceAction.MANAGE_OWN)
    _contact(actor.tenant, actor.user_id, field=CREDENTIALS)
    item = _own_item(actor)
    devices = [Device.model_validate(d) for d in item.device_list]
    same = next((d for d in devices if d.address == new.token), None)
    platform = DevicePlatform(new.token.split(":", 1)[0])
    device = Device(
        id=same.id if same else new_id(), platform=platform, address=new.token, name=new.name, added_at=clock.now()
    )
    kept = [device, *(d for d in devices if d.address != new.token)][:MAX_DEVICES]
    item.devices = {"list": [d.model_dump(mode="json") for d in kept]}
    item.updated_at = device.added_at
    _save(actor, item)
    return device


def remove_device(actor: Actor, device_id: str) -> None:
    authorize(actor, PreferenceAction.MANAGE_OWN)
    item, _, _ = items.subscriber(actor.tenant, actor.user_id)
    devices = item.device_list if item else []
    if item is None or not any(d["id"] == device_id for d in devices):
        raise NotFound(f"you have no device {device_id}", field="device_id")
    item.devices = {"list": [d for d in devices if d["id"] != device_id]}
    item.updated_at = clock.now()
    _save(actor, item)


def give_consent(actor: Actor, given: ConsentGiven) -> MarketingConsent:
    authorize(actor, PreferenceAction.MANAGE_OWN)
    _contact(actor.tenant, actor.user_id, field=CREDENTIALS)
    return _record_consent(actor, True, given.source.value, given.wording)


def withdraw_consent(actor: Actor) -> MarketingConsent:
    authorize(actor, PreferenceAction.MANAGE_OWN)
    _contact(actor.tenant, actor.user_id, field=CREDENTIALS)
    return _record_consent(actor, False, "api", None)


def _record_consent(actor: Actor, given: bool, source: str, wording: str | None) -> MarketingConsent:
    """Consent's new state, and an entry of its history (newest first) saying when and how."""
    item = _own_item(actor)
    consent = MarketingConsent.model_validate(item.consent)
    entry = ConsentEntry(given=given, at=clock.now(), source=source, wording=wording, by=actor.user_id)
    consent = MarketingConsent(given=given, history=[entry, *consent.history][:MAX_CONSENT_HISTORY])
    item.consent, item.updated_at = consent.model_dump(mode="json", exclude_none=True), entry.at
    _save(actor, item)
    return consent


# --- staff ---------------------------------------------------------------------------------------


def of_member(actor: Actor, member_id: str) -> NotificationProfile:
    """A member's settings and where they are reached, for the service desk."""
    authorize(actor, PreferenceAction.READ_MEMBERS)
    return _profile(actor.tenant, _contact(actor.tenant, member_id, field="member_id"))


def make_audience(actor: Actor, new: NewAudience) -> Audience:
    """An audience (a tag) broadcasts can reach; 409 if the tenant has one of that tag."""
    authorize(actor, PreferenceAction.MANAGE_AUDIENCES)
    head = items.AudienceHeadItem.new(actor.tenant, new.tag, new.name, clock.now())
    with unit_of_work(actor.tenant) as uow:
        uow.create(head, conflict=Conflict.on_field("tag", "taken", f"there is an audience {new.tag} already"))
    return Audience(tag=new.tag, name=new.name, created_at=head.created_at)


def change_audience(actor: Actor, tag: str, change: AudienceChange) -> AudienceChanged:
    """Put members in audience `tag` and take others out; every member added must be the tenant's."""
    authorize(actor, PreferenceAction.MANAGE_AUDIENCES)
    _audience(actor.tenant, tag)
    both = set(change.add) & set(change.remove)
    if both:
        raise Unprocessable(
            f"{sorted(both)[0]} is both added and removed", errors=[FieldError("remove", "added_and_removed")]
        )
    known = identity.contacts_of(actor.tenant, change.add)
    unknown = [FieldError(f"add[{i}]", "unknown_member") for i, m in enumerate(change.add) if m not in known]
    if unknown:
        raise Unprocessable("every member added must be a person of this tenant", errors=unknown)
    items.change_audience(actor.tenant, tag, change.add, change.remove, clock.now())
    return AudienceChanged(tag=tag, added=len(set(change.add)), removed=len(set(change.remove)))


def audience(actor: Actor, tag: str, *, cursor: str | None, limit: int) -> Page[AudienceMember]:
    authorize(actor, PreferenceAction.MANAGE_AUDIENCES)
    _audience(actor.tenant, tag)
    found, next_cursor = items.audience_members(actor.tenant, tag, cursor=cursor, limit=limit)
    members = [AudienceMember(member_id=i.member_id, added_at=i.added_at) for i in found]
    return Page[AudienceMember](items=members, next_cursor=next_cursor)


# --- shared --------------------------------------------------------------------------------------


def _contact(tenant_id: str, member_id: str, *, field: str) -> identity.Contact:
    found = identity.contacts_of(tenant_id, [member_id]).get(member_id) if _keyable(member_id) else None
    if found is None:
        raise NotFound(f"no person {member_id} at this tenant", field=field)
    return found


def _audience(tenant_id: str, tag: str) -> items.AudienceHeadItem:
    found = items.audience(tenant_id, tag) if TAG.match(tag) else None
    if found is None:
        raise NotFound(f"no audience {tag}", field="audience")
    return found


def _keyable(value: str) -> bool:
    """Whether an id from a path can name an item at all (no `#`, within a key's length): any other
    is nobody's, and no request is made for it."""
    return 0 < len(value) <= 128 and "#" not in value


def _own_item(actor: Actor) -> items.SubscriberItem:
    item, _, _ = items.subscriber(actor.tenant, actor.user_id)
    return item or items.SubscriberItem.new(actor.tenant, actor.user_id)


def _save(actor: Actor, item: items.SubscriberItem) -> None:
    with unit_of_work(actor.tenant) as uow:
        uow.save(item)


def _profile(tenant_id: str, contact: identity.Contact) -> NotificationProfile:
    item, window, tags = items.subscriber(tenant_id, contact.user_id)
    settings = tenancy.settings_of(tenant_id)
    locale, zone = (settings.locale, settings.time_zone) if settings else ("en-GB", "UTC")
    seen = recipient_of(contact, item, window, locale=locale, time_zone=zone)
    chosen = NotificationSettings.model_validate(item.settings if item else {})
    return NotificationProfile(
        member_id=contact.user_id,
        settings=chosen,
        effective_locale=seen.locale,
        effective_time_zone=seen.time_zone,
        addresses={str(channel): address for channel, address in seen.addresses.items()},
        devices=[Device.model_validate(d) for d in (item.device_list if item else [])],
        wechat_bound=bool(item and item.wechat_openid),
        marketing_consent=MarketingConsent.model_validate(item.consent) if item else MarketingConsent(given=False),
        audiences=tags,
        whatsapp_window_until=_still_open(seen.whatsapp_window_until),
        updated_at=item.updated_at if item else None,
    )


def _still_open(until: datetime | None) -> datetime | None:
    return until if until is not None and until > clock.now() else None
