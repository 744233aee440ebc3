"""Notification rules' and templates' HTTP routes (function EngagementTemplatesApi): owners and admins
read the effective rules and change one; owners, admins and content editors list the tenant's
templates, publish a new version of one, list its versions and preview any template."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from panacea.engagement import template_rules, templates
from panacea.engagement.template_access import TemplateAction
from panacea.engagement.template_models import (
    Locale,
    Preview,
    Previewed,
    RuleChange,
    RuleView,
    TemplateContent,
    TemplateVersion,
    TemplateView,
)
from panacea.platform.access import requires
from panacea.platform.api import build_resolver, current_actor, lambda_entry
from panacea.platform.providers.channels import Channel
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
Event = Annotated[str, Path(description="the event's type, e.g. order.paid", min_length=1, max_length=64)]
ChannelParam = Annotated[str, Path(description="the channel", pattern=r"^(sms|whatsapp|email|wechat|push)$")]
LocaleParam = Annotated[Locale, Path(description="en-GB, zh-CN, ur or hi")]
RULES, TEMPLATES = "Notification rules", "Notification templates"
MANAGE_RULES, MANAGE_TEMPLATES = requires(TemplateAction.MANAGE_RULES), requires(TemplateAction.MANAGE_TEMPLATES)


@app.get(
    "/v1/notification-rules",
    summary="Which events notify members, on which channels",
    description=f"{MANAGE_RULES} Every rule: the platform's, with the tenant's own changes; each names the field "
    "that holds the member, the channels in the order tried, whether it is critical (never muted, sent in quiet "
    "hours) or marketing (consent needed), its receipt window and the variables its templates may use.",
    tags=[RULES],
)
def list_notification_rules() -> list[RuleView]:
    return template_rules.effective(current_actor())


@app.put(
    "/v1/notification-rules/<event_type>",
    summary="Change a notification rule",
    description=f"{MANAGE_RULES} The tenant's channels (in order), on/off and receipt window for an event, "
    "replacing any earlier change. A critical rule cannot be turned off.",
    tags=[RULES],
)
def change_notification_rule(event_type: Event, change: RuleChange) -> RuleView:
    return template_rules.change(current_actor(), event_type, change)


@app.get(
    "/v1/notification-templates",
    summary="The tenant's own notification templates",
    description=f"{MANAGE_TEMPLATES} Each one's live (newest) version, by event, channel and language; "
    "where the tenant has none, the platform's template is used.",
    tags=[TEMPLATES],
)
def list_notification_templates(cursor: Cursor = None, limit: Limit = 20) -> Page[TemplateView]:
    return templates.listed(current_actor(), cursor=cursor, limit=limit)


@app.put(
    "/v1/notification-templates/<event_type>/<channel>/<locale>",
    summary="Publish a new version of a notification template",
    description=f"{MANAGE_TEMPLATES} Live from now; earlier versions are kept. Variables (`{{name}}`) must be "
    "fields of the event (422 naming the field otherwise). Email needs a subject, WhatsApp its approved "
    "template, WeChat its template message.",
    tags=[TEMPLATES],
)
def publish_notification_template(
    event_type: Event, channel: ChannelParam, locale: LocaleParam, content: TemplateContent
) -> TemplateView:
    return templates.publish(current_actor(), event_type, Channel(channel), locale, content)


@app.get(
    "/v1/notification-templates/<event_type>/<channel>/<locale>/versions",
    summary="A notification template's versions, newest first",
    description=f"{MANAGE_TEMPLATES} The first is live.",
    tags=[TEMPLATES],
)
def notification_template_versions(
    event_type: Event, channel: ChannelParam, locale: LocaleParam, cursor: Cursor = None, limit: Limit = 20
) -> Page[TemplateVersion]:
    return templates.versions(current_actor(), event_type, Channel(channel), locale, cursor=cursor, limit=limit)


@app.post(
    "/v1/notification-templates/preview",
    summary="Preview a notification template",
    description=f"{MANAGE_TEMPLATES} The template given, or the tenant's live one (else the platform's), filled "
    "with the data given over sample data from the event's examples; answers the subject, text and HTML. "
    "Nothing is sent or stored.",
    tags=[TEMPLATES],
)
def preview_notification_template(asked: Preview) -> Previewed:
    return templates.preview(current_actor(), asked)


handler = lambda_entry(app)
