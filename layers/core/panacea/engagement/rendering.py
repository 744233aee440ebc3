"""A message's words for one channel and locale (CONTRACT: the templates-and-rules slice owns this
module and grows it; the engine relies only on `Rendered` and `render` as declared here).

`render` takes the tenant's live template of the event on the channel, else the platform's, in the
first language of: the one asked for (or one of the same language: `ur-PK` → `ur`), the tenant's,
en-GB. It reads the tenant's templates of the event and channel in one Query, and its settings
(branding, sender names, time zone) through tenancy's face. Values are written for the reader: money
in the locale's way (babel), times in the tenant's zone; in HTML every value is escaped, and the
email is laid out in the tenant's colours with `lang` and `dir` (Urdu right to left)."""

from __future__ import annotations

import html as markup
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from panacea.engagement.template_models import RTL, Locale, TemplateContent
from panacea.engagement.template_variables import fill
from panacea.engagement.templates_platform import default_template
from panacea.platform.money import Money
from panacea.platform.providers import Template
from panacea.platform.providers.channels import Channel

LOGO_URL_SECONDS = 7 * 24 * 3600  # the longest a presigned URL lives: emails are read days later
WHATSAPP_LANGUAGES = {Locale.EN_GB: "en_GB", Locale.ZH_CN: "zh_CN", Locale.UR: "ur", Locale.HI: "hi"}
FONTS = "Arial,'Noto Nastaliq Urdu','Noto Sans Devanagari','PingFang SC',sans-serif"
FONTS = "Arial,'Noto Nastaliq Urdu','Noto Sans Devanagari','PingFang SC',sans-serif"
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


class Rendered(BaseModel):
    model_config = ConfigDict(frozen=True)

    locale: str
    text: str
    subject: str | None = None
    html: str | None = None
    template: Template | None = None  # the provider-approved template (WhatsApp outside the window, WeChat)
    sender_name: str | None = None


class Brand(BaseModel):
    """What rendering needs of the tenant's settings."""

    model_config = ConfigDict(frozen=True)

    name: str = "Panacea"
    locale: str = "en-GB"
    time_zone: str = "UTC"
    primary_colour: str = "#0B6E4F"
    logo_url: str = ""
    senders: dict[str, str] = {}


def supported(locale: str | None) -> Locale | None:
    """`locale` as one of the platform's languages: itself, else the first of the same language."""
    if not locale:
        return None
    for known in Locale:
        if known.value.lower() == locale.lower():
            return known
    language = re.split(r"[-_]", locale)[0].lower()
    return next((known for known in Locale if known.value.split("-")[0].lower() == language), None)


def candidates(requested: str, tenant_locale: str) -> list[Locale]:
    """The languages to try, in order: the one asked for, the tenant's, en-GB."""
    found: list[Locale] = []
    for locale in (supported(requested), supported(tenant_locale), Locale.EN_GB):
        if locale is not None and locale not in found:
            found.append(locale)
    return found


def chosen(
    event_type: str, channel: Channel, languages: list[Locale], own: dict[str, TemplateContent]
) -> tuple[Locale, TemplateContent] | None:
    """The first language that has a template, the tenant's own before the platform's."""
    for locale in languages:
        content = own.get(locale.value) or default_template(event_type, channel, locale)
        if content is not None:
            return locale, content
    return None


def brand_of(tenant_id: str) -> Brand:
    """The tenant's brand, read through tenancy's face (its settings: one GetItem per invocation)."""
    from panacea import tenancy  # noqa: PLC0415 - a context's face, loaded on first use

    settings = tenancy.settings_of(tenant_id)
    if settings is None:
        return Brand()
    branding = settings.branding
    senders = {k: v for k, v in branding.sender_names.model_dump().items() if v}
    return Brand(
        name=branding.display_name,
        locale=settings.locale,
        time_zone=settings.time_zone,
        primary_colour=branding.primary_colour,
        logo_url=_logo_url(branding.logo_key),
        senders=senders,
    )


def _logo_url(key: str | None) -> str:
    if not key:
        return ""
    from panacea.platform import storage  # noqa: PLC0415 - S3 only for a tenant with a logo

    try:
        return storage.download_url(key, expires_s=LOGO_URL_SECONDS)
    except Exception:
        return ""


def own_templates(tenant_id: str, event_type: str, channel: Channel) -> dict[str, TemplateContent]:
    from panacea.engagement.template_items import TemplateItem  # noqa: PLC0415 - pynamodb only when read

    return {
        locale: TemplateContent.model_validate(item.content, strict=False)
        for locale, item in TemplateItem.locales_of(tenant_id, event_type, channel.value).items()
    }


def render(tenant_id: str, event_type: str, channel: Channel, locale: str, data: dict[str, Any]) -> Rendered:
    """The tenant's template for (event, channel, locale), else the platform's, filled with `data`."""
    brand = brand_of(tenant_id)
    found = chosen(
        event_type,
        Channel(channel),
        candidates(locale, brand.locale),
        own_templates(tenant_id, event_type, Channel(channel)),
    )
    if found is None:  # an event no template knows (a message sent through the API carries its own words)
        text = str(data.get("text") or event_type)
        subject = data.get("subject")
        content = TemplateContent(text="{text}", subject="{subject}" if subject else None)
        data = {**data, "text": text}
        found = (supported(locale) or supported(brand.locale) or Locale.EN_GB, content)
    return filled(found[1], found[0], Channel(channel), data, brand)


def filled(content: TemplateContent, locale: Locale, channel: Channel, data: dict[str, Any], brand: Brand) -> Rendered:
    """`content` filled with `data` for readers of `locale`."""
    values = {
        **readable(data, locale, brand.time_zone),
        "tenant_name": brand.name,
        "logo_url": brand.logo_url,
        "primary_colour": brand.primary_colour,
    }
    text = fill(content.text, values)
    subject = fill(content.subject, values) if content.subject is not None else None
    page = None
    if channel == Channel.EMAIL:
        escaped = {name: markup.escape(value) for name, value in values.items()}
        body = fill(content.html, escaped) if content.html is not None else paragraphs(text)
        page = layout(body, subject or brand.name, locale, brand)
    template = None
    if channel == Channel.WHATSAPP and content.whatsapp is not None:
        params = [values.get(name, "") for name in content.whatsapp.params]
        template = Template(name=content.whatsapp.name, language=WHATSAPP_LANGUAGES[locale], params=params)
    if channel == Channel.WECHAT and content.wechat is not None:
        fields = {key: fill(words, values) for key, words in content.wechat.fields.items()}
        template = Template(name=content.wechat.template_id, language=locale.value, fields=fields)
    sender = content.sender_name or brand.senders.get(channel.value) or brand.name
    return Rendered(locale=locale.value, text=text, subject=subject, html=page, template=template, sender_name=sender)


def readable(data: dict[str, Any], locale: Locale, time_zone: str) -> dict[str, str]:
    """Each top-level value of `data` as text for readers of `locale`."""
    return {str(name): _readable(value, locale, time_zone) for name, value in data.items()}


def _readable(value: Any, locale: Locale, time_zone: str) -> str:  # noqa: PLR0911
    babel = locale.value.replace("-", "_")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, dict) and set(value) == {"amount", "currency"}:
        try:
            return Money.model_validate(value).localized(babel)
        except ValueError:
            return f"{value.get('amount')} {value.get('currency')}"
    if isinstance(value, str) and _ISO_TIME.match(value):
        return _when(value, babel, time_zone)
    if isinstance(value, list):
        scalars = [v for v in value if isinstance(v, str | int | float) and not isinstance(v, bool)]
        return "، ".join(map(str, scalars)) if locale in RTL else ", ".join(map(str, scalars))
    if isinstance(value, dict):
        return ""
    return str(value)


def _when(value: str, babel: str, time_zone: str) -> str:
    from babel.dates import format_date, format_time  # noqa: PLC0415 - on first use

    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
        zone = ZoneInfo(time_zone)
    except (ValueError, KeyError):
        return value
    local = (at if at.tzinfo else at.replace(tzinfo=ZoneInfo("UTC"))).astimezone(zone)
    return f"{format_date(local, 'medium', locale=babel)} {format_time(local, 'short', locale=babel)}"


def paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs (escaped; a single line break kept)."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return "".join(f"<p>{markup.escape(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def layout(body: str, title: str, locale: Locale, brand: Brand) -> str:
    """An email's page in the tenant's brand: `lang` and `dir` (rtl for Urdu) on the html element."""
    direction = "rtl" if locale in RTL else "ltr"
    align = "right" if direction == "rtl" else "left"
    name = markup.escape(brand.name)
    logo = f'<img src="{markup.escape(brand.logo_url)}" alt="{name}" height="40">' if brand.logo_url else name
    return (
        f'<!DOCTYPE html><html lang="{locale.value}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{markup.escape(title)}</title></head>"
        f'<body style="margin:0;font-family:{FONTS};text-align:{align}">'
        f'<div style="background:{brand.primary_colour};color:#ffffff;padding:16px;font-size:18px">{logo}</div>'
        f'<div style="padding:16px;line-height:1.6">{body}</div>'
        f'<div style="padding:16px;color:#777777;font-size:12px">{name}</div></body></html>'
    )
