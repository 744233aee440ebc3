"""The members' side of notifications: everyone in a tenant looks after how they are told (their
own settings, devices, WeChat binding and marketing consent); the service desk, owners and admins
read a member's settings; owners and admins put members in audiences (tags) for broadcasts.

Granted here, on import: the preferences' use cases import this module, so the actions they check
are always granted (`panacea.platform.declarations` collects them with the rest)."""

from panacea.platform import access
from panacea.platform.access import TENANT_ROLES, Role, grant


class PreferenceAction(access.Action):
    MANAGE_OWN = "notification_preferences:manage_own"
    READ_MEMBERS = "notification_preferences:read"
    MANAGE_AUDIENCES = "audiences:manage"


grant(
    {
        PreferenceAction.MANAGE_OWN: TENANT_ROLES,
        PreferenceAction.READ_MEMBERS: {Role.OWNER, Role.ADMIN, Role.SERVICE_DESK},
        PreferenceAction.MANAGE_AUDIENCES: {Role.OWNER, Role.ADMIN},
    }
)
