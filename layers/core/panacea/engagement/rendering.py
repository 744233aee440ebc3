"""A message's words for one channel and locale (CONTRACT: the templates-and-rules slice owns this
module and grows it; the engine relies only on `Rendered` and `render` as declared here)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from panacea.platform.providers import Template
from panacea.platform.providers.channels import Channel


class Rendered(BaseModel):
    model_config = ConfigDict(frozen=True)

    locale: str
    text: str
    subject: str | None = None
    html: str | None = None
    template: Template | None = None  # the provider-approved template (WhatsApp outside the window, WeChat)
    sender_name: str | None = None


def render(tenant_id: str, event_type: str, channel: Channel, locale: str, data: dict[str, Any]) -> Rendered:
    """The tenant's template for (event, channel, locale), else the platform's, filled with `data`."""
    text = f"{event_type}: " + ", ".join(f"{k}={v}" for k, v in sorted(data.items()) if isinstance(v, str | int))
    template = Template(name=event_type.replace(".", "_"), language=locale, params=[str(data.get("order_id", ""))])
    return Rendered(locale=locale, text=text, subject=event_type, template=template)
