"""Engagement: the notifications that reach members (SMS, WhatsApp, email, WeChat, app push) from
the platform's events, the API and broadcasts; their templates, the members' preferences, delivery
status and the reachability chain.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`): the
events engagement announces, the month's message usage (`usage`, for billing) and its limit's error."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.engagement.delivery_models import MessageStatusChanged
    from panacea.engagement.limits import MessageLimitReached, usage
    from panacea.engagement.rendering import Rendered, render
    from panacea.engagement.rules import Rule, rule_for
    from panacea.engagement.template_models import NotificationRuleChanged, NotificationTemplatePublished

__all__: list[str] = [
    "MessageLimitReached",
    "MessageStatusChanged",
    "NotificationRuleChanged",
    "NotificationTemplatePublished",
    "Rendered",
    "Rule",
    "render",
    "rule_for",
    "usage",
]
__getattr__ = face(
    __name__,
    {
        "MessageLimitReached": "panacea.engagement.limits",
        "MessageStatusChanged": "panacea.engagement.delivery_models",
        "NotificationRuleChanged": "panacea.engagement.template_models",
        "NotificationTemplatePublished": "panacea.engagement.template_models",
        "Rendered": "panacea.engagement.rendering",
        "Rule": "panacea.engagement.rules",
        "render": "panacea.engagement.rendering",
        "rule_for": "panacea.engagement.rules",
        "usage": "panacea.engagement.limits",
    },
)
