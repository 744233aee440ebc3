"""Templates' and rules' actions: a tenant's owners and admins read and change which events notify
members on which channels (the notification rules) and the words each channel sends (the
templates), and preview them.

Granted here (`grant(TEMPLATE_GRANTS)`), on import by the use cases that check them."""

from panacea.platform import access
from panacea.platform.access import Role, grant


class TemplateAction(access.Action):
    MANAGE_RULES = "notifications:manage_rules"
    MANAGE_TEMPLATES = "notifications:manage_templates"


_RUNNERS = frozenset({Role.OWNER, Role.ADMIN})

TEMPLATE_GRANTS: dict[TemplateAction, frozenset[Role]] = {
    TemplateAction.MANAGE_RULES: _RUNNERS,
    TemplateAction.MANAGE_TEMPLATES: _RUNNERS | {Role.CONTENT_EDITOR},
}

grant(TEMPLATE_GRANTS)
