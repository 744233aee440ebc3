"""The platform's own templates: one subject and text per event and language, in
`templates/<locale>.json`, made into each channel's template here (SMS the text; push the subject
as title; email the subject and the text laid out in the tenant's branding; WhatsApp the approved
template `panacea_<event>` whose body parameters are the text's variables in order; WeChat the
template message `panacea_<event>` with the subject `first`, each variable a keyword and the text
as `remark`). A file may give a channel its own words (`"sms": "…"`)."""

from __future__ import annotations

import json
from typing import Any

from panacea.engagement.rules import DATA
from panacea.engagement.template_models import Locale, TemplateContent
from panacea.engagement.template_variables import variables_in
from panacea.platform.caches import cached
from panacea.platform.providers.channels import Channel


@cached
def words(locale: Locale) -> dict[str, dict[str, str]]:
    """Event type → its subject and text (and any channel's own) in `locale`."""
    raw: dict[str, Any] = json.loads((DATA / f"{locale.value}.json").read_text(encoding="utf-8"))
    return {event: entry for event, entry in raw.items() if not event.startswith("_")}


def template_name(event_type: str) -> str:
    return "panacea_" + event_type.replace(".", "_")


def default_template(event_type: str, channel: Channel, locale: Locale) -> TemplateContent | None:
    """The platform's template of an event on a channel in a language (None: it has none)."""
    entry = words(locale).get(event_type)
    if entry is None:
        return None
    subject, text = entry["subject"], entry.get(channel.value, entry["text"])
    content: dict[str, Any] = {"text": text}
    if channel in (Channel.EMAIL, Channel.PUSH):
        content["subject"] = subject
    if channel == Channel.WHATSAPP:
        content["whatsapp"] = {"name": template_name(event_type), "params": variables_in(text, field="text")}
    if channel == Channel.WECHAT:
        keywords = {f"keyword{n}": "{" + name + "}" for n, name in enumerate(variables_in(text, field="text"), 1)}
        content["wechat"] = {
            "template_id": template_name(event_type),
            "fields": {"first": subject, **keywords, "remark": text},
        }
    return TemplateContent.model_validate(content, strict=False)
