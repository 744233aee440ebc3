"""Identity's actions: everyone in a tenant looks after their own account (members and
distributors keep an address book too); owners and admins run the tenant's people, the service
desk reads them, and only owners read the audit trail."""

from panacea.platform import access
from panacea.platform.access import TENANT_ROLES, Role, grant


class Action(access.Action):
    # a person's own account
    READ_OWN_PROFILE = "profile:read"
    UPDATE_OWN_PROFILE = "profile:update"
    CHANGE_OWN_CONTACT = "profile:change_contact"
    MANAGE_OWN_ADDRESSES = "addresses:manage"
    SIGN_OUT = "session:sign_out"
    # the tenant's people
    READ_USERS = "users:read"
    INVITE_STAFF = "users:invite"
    CHANGE_ROLES = "users:change_roles"
    DISABLE_USERS = "users:disable"
    READ_AUDIT = "audit:read"


_PEOPLE_ADMIN = {Role.OWNER, Role.ADMIN}

grant(
    {
        Action.READ_OWN_PROFILE: TENANT_ROLES,
        Action.UPDATE_OWN_PROFILE: TENANT_ROLES,
        Action.CHANGE_OWN_CONTACT: TENANT_ROLES,
        Action.MANAGE_OWN_ADDRESSES: {Role.MEMBER, Role.DISTRIBUTOR},
        Action.SIGN_OUT: TENANT_ROLES,
        Action.READ_USERS: _PEOPLE_ADMIN | {Role.SERVICE_DESK},
        Action.INVITE_STAFF: _PEOPLE_ADMIN,
        Action.CHANGE_ROLES: _PEOPLE_ADMIN,
        Action.DISABLE_USERS: _PEOPLE_ADMIN,
        Action.READ_AUDIT: {Role.OWNER},
    }
)
