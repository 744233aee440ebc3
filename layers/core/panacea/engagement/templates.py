"""Notification templates per tenant, event, channel and language: the tenant's own (each change a new
version, the previous kept; the newest is live), their versions, and previews of any template with
sample or given data. The platform's own are `templates_platform.py`'s; `rendering.render` fills them."""

from __future__ import annotations

from typing import Any

from panacea.engagement.rendering import brand_of, candidates, chosen, filled, own_templates
from panacea.engagement.template_access import TemplateAction
from panacea.engagement.template_items import (
    TemplateItem,
    TemplateVersionItem,
    templates_partition,
    versions_partition,
)
from panacea.engagement.template_models import (
    Locale,
    NotificationTemplatePublished,
    Preview,
    Previewed,
    TemplateContent,
    TemplateVersion,
    TemplateView,
)
from panacea.engagement.template_rules import platform_rule
from panacea.engagement.template_variables import check, sample_data
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Unprocessable
from panacea.platform.providers.channels import Channel
from panacea.platform.table import Page, TableItem, decode_cursor, page_of
from panacea.platform.transaction import unit_of_work

NEEDS = {Channel.EMAIL: "subject", Channel.WHATSAPP: "whatsapp", Channel.WECHAT: "wechat"}


class TemplateIncomplete(Unprocessable):
    slug, title = "template-incomplete", "Template incomplete for its channel"


def validated(event_type: str, channel: Channel, content: TemplateContent, *, at: str = "") -> None:
    """404 for an event that notifies nobody; 422 naming the field for what the channel needs and for
    each variable the event does not have."""
    rule = platform_rule(event_type)
    needed = NEEDS.get(channel)
    if needed is not None and getattr(content, needed) is None:
        raise TemplateIncomplete.on_field(f"{at}{needed}", "missing", f"a {channel.value} template needs its {needed}")
    check(rule, {f"{at}{field}": text for field, text in content.texts().items()})


def _view(item: TemplateItem) -> TemplateView:
    return TemplateView(
        event_type=item.event_type,
        channel=Channel(item.channel),
        locale=Locale(item.locale),
        version=int(item.version),
        content=item.content,
        updated_at=item.updated_at,
        updated_by=item.updated_by,
    )


def listed(actor: Actor, *, cursor: str | None, limit: int) -> Page[TemplateView]:
    """The tenant's own templates (live versions), by event, channel and language: one Query a page."""
    authorize(actor, TemplateAction.MANAGE_TEMPLATES)
    partition = templates_partition(actor.tenant)
    start = decode_cursor(cursor, partition=(TableItem.pk.attr_name, partition))
    found: Any = TemplateItem.query(partition, limit=limit, last_evaluated_key=start)
    return page_of(found, _view)


def publish(actor: Actor, event_type: str, channel: Channel, locale: Locale, content: TemplateContent) -> TemplateView:
    """A new version of the tenant's template, live from now; the previous one is kept."""
    authorize(actor, TemplateAction.MANAGE_TEMPLATES)
    validated(event_type, channel, content)
    now, stored = clock.now(), content.model_dump(mode="json", exclude_none=True)
    item = TemplateItem.read(actor.tenant, event_type, channel.value, locale.value)
    read = None if item is None else int(item.version)
    if item is None:
        item = TemplateItem.new(actor.tenant, event_type, channel.value, locale.value)
    item.content, item.version, item.updated_at, item.updated_by = stored, (read or 0) + 1, now, actor.user_id
    changed = ConcurrentUpdate(f"the template changed meanwhile (version {read}); read it and retry")
    with unit_of_work(actor.tenant) as uow:
        if read is None:
            uow.create(item, conflict=changed)
        else:
            uow.save(item, condition=TemplateItem.version == read, conflict=changed)
        uow.create(TemplateVersionItem.new(item, now, actor.user_id), conflict=changed)
        uow.emit(
            NotificationTemplatePublished(
                notified_by=event_type,
                channel=channel.value,
                locale=locale.value,
                version=int(item.version),
                by=actor.user_id,
            )
        )
    return _view(item)


def versions(
    actor: Actor, event_type: str, channel: Channel, locale: Locale, *, cursor: str | None, limit: int
) -> Page[TemplateVersion]:
    """Every version of the tenant's template, newest (live) first: one Query a page (and the live one's
    number, one GetItem)."""
    authorize(actor, TemplateAction.MANAGE_TEMPLATES)
    platform_rule(event_type)
    partition = versions_partition(actor.tenant, event_type, channel.value, locale.value)
    start = decode_cursor(cursor, partition=(TableItem.pk.attr_name, partition))
    found: Any = TemplateVersionItem.query(
        partition, scan_index_forward=False, limit=limit, last_evaluated_key=start, consistent_read=True
    )
    head = TemplateItem.read(actor.tenant, event_type, channel.value, locale.value)
    live = int(head.version) if head is not None else None

    def view(item: TemplateVersionItem) -> TemplateVersion:
        return TemplateVersion(
            event_type=item.event_type,
            channel=Channel(item.channel),
            locale=Locale(item.locale),
            version=int(item.number),
            live=int(item.number) == live,
            content=item.content,
            created_at=item.created_at,
            created_by=item.created_by,
        )

    return page_of(found, view)


def preview(actor: Actor, asked: Preview) -> Previewed:
    """A template rendered without sending: the one given (validated), else the tenant's live one in
    the language asked (else the tenant's, else en-GB; else the platform's), with the data given over
    sample data built from the event model's examples."""
    authorize(actor, TemplateAction.MANAGE_TEMPLATES)
    rule, channel = platform_rule(asked.event_type), Channel(asked.channel)
    brand = brand_of(actor.tenant)
    if asked.template is not None:
        validated(asked.event_type, channel, asked.template, at="template.")
        locale, content = asked.locale, asked.template
    else:
        own = own_templates(actor.tenant, asked.event_type, channel)
        found = chosen(asked.event_type, channel, [asked.locale, *_others(asked.locale, brand.locale)], own)
        if found is None:
            raise TemplateIncomplete.on_field(
                "template", "missing", f"no template of {asked.event_type} on {channel.value}"
            )
        locale, content = found
    data = {**sample_data(rule, _currency(actor.tenant)), **(asked.data or {})}
    rendered = filled(content, locale, channel, data, brand)
    template = rendered.template.model_dump(mode="json") if rendered.template is not None else None
    return Previewed(
        locale=rendered.locale,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        template=template,
        sender_name=rendered.sender_name,
        data=data,
    )


def _others(asked: Locale, tenant_locale: str) -> list[Locale]:
    return [locale for locale in candidates(tenant_locale, tenant_locale) if locale != asked]


def _currency(tenant_id: str) -> str:
    from panacea import tenancy  # noqa: PLC0415

    settings = tenancy.settings_of(tenant_id)
    return settings.currency if settings is not None else "GBP"
