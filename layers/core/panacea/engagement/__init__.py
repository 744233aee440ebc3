"""Engagement: the notifications that reach members (SMS, WhatsApp, email, WeChat, app push) from
the platform's events, the API and broadcasts; their templates, the members' preferences, delivery
status and the reachability chain.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`)."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.engagement.delivery_models import MessageStatusChanged

__all__: list[str] = ["MessageStatusChanged"]
__getattr__ = face(__name__, {"MessageStatusChanged": "panacea.engagement.delivery_models"})
