"""Who is acting, and what their roles allow. The tenant of an actor comes only from verified
identity (a token checked by the API Gateway authorizer, or an API key), never from the body
or the path of a request.

The permission matrix is code: role → the actions it allows. Use cases call `authorize`
before they read or change anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from panacea.platform.errors import Forbidden, NotAuthenticated


class Role(StrEnum):
    PLATFORM_ADMIN = "platform_admin"
    OWNER = "owner"
    ADMIN = "admin"
    CATALOG_MANAGER = "catalog_manager"
    ORDER_MANAGER = "order_manager"
    FINANCE = "finance"
    CONTENT_EDITOR = "content_editor"
    SERVICE_DESK = "service_desk"
    EXPERT = "expert"
    LAB_OPERATOR = "lab_operator"
    MEMBER = "member"
    DISTRIBUTOR = "distributor"


PLATFORM_ROLES = frozenset({Role.PLATFORM_ADMIN})
TENANT_ROLES = frozenset(Role) - PLATFORM_ROLES
STAFF_ROLES = TENANT_ROLES - {Role.MEMBER, Role.DISTRIBUTOR}


class Action(StrEnum):
    MANAGE_TENANTS = "tenants:manage"
    READ_OWN_TENANT = "tenant:read"
    UPDATE_OWN_TENANT_SETTINGS = "tenant:update_settings"
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
    # the catalog and its stock
    BROWSE_CATALOG = "catalog:browse"
    MANAGE_CATALOG = "catalog:manage"
    MANAGE_STOCK = "stock:manage"
    # promotions
    MANAGE_PROMOTIONS = "promotions:manage"
    READ_PROMOTIONS = "promotions:read"
    USE_PROMOTIONS = "promotions:use"
    # payments
    READ_PAYMENTS = "payments:read"
    RECORD_OFFLINE_PAYMENTS = "payments:record_offline"
    # orders
    BUY_ORDERS = "orders:buy"
    READ_ORDERS = "orders:read"
    MANAGE_ORDERS = "orders:manage"
    # finance
    READ_FINANCE = "finance:read"


_EVERYONE = frozenset(
    {
        Action.READ_OWN_TENANT,
        Action.READ_OWN_PROFILE,
        Action.UPDATE_OWN_PROFILE,
        Action.CHANGE_OWN_CONTACT,
        Action.SIGN_OUT,
    }
)
_PEOPLE_ADMIN = frozenset({Action.READ_USERS, Action.INVITE_STAFF, Action.CHANGE_ROLES, Action.DISABLE_USERS})

PERMISSIONS: Mapping[Role, frozenset[Action]] = {
    Role.PLATFORM_ADMIN: frozenset({Action.MANAGE_TENANTS}),
    Role.OWNER: _EVERYONE | _PEOPLE_ADMIN | {Action.UPDATE_OWN_TENANT_SETTINGS, Action.READ_AUDIT},
    Role.ADMIN: _EVERYONE | _PEOPLE_ADMIN | {Action.UPDATE_OWN_TENANT_SETTINGS},
    Role.SERVICE_DESK: _EVERYONE | {Action.READ_USERS},
    Role.MEMBER: _EVERYONE | {Action.MANAGE_OWN_ADDRESSES},
    Role.DISTRIBUTOR: _EVERYONE | {Action.MANAGE_OWN_ADDRESSES},
    **{
        role: _EVERYONE
        for role in TENANT_ROLES - {Role.OWNER, Role.ADMIN, Role.SERVICE_DESK, Role.MEMBER, Role.DISTRIBUTOR}
    },
}

# Payments: finance and the tenant's managers read payments and refunds; finance and owners confirm
# offline payments (a bank transfer, cash at a collection point).
_PAYMENTS: Mapping[Role, frozenset[Action]] = {
    Role.OWNER: frozenset({Action.READ_PAYMENTS, Action.RECORD_OFFLINE_PAYMENTS}),
    Role.FINANCE: frozenset({Action.READ_PAYMENTS, Action.RECORD_OFFLINE_PAYMENTS}),
    Role.ADMIN: frozenset({Action.READ_PAYMENTS}),
    Role.ORDER_MANAGER: frozenset({Action.READ_PAYMENTS}),
}
PERMISSIONS = {role: allowed | _PAYMENTS.get(role, frozenset()) for role, allowed in PERMISSIONS.items()}

# Promotions: catalog managers, admins and owners run campaigns and coupons; order managers,
# finance and the service desk read them (and what they gave); everyone sees what is running
# and previews what it takes off an order.
_PROMOTIONS_STAFF = frozenset({Action.MANAGE_PROMOTIONS, Action.READ_PROMOTIONS})
_PROMOTIONS: Mapping[Role, frozenset[Action]] = {
    **{role: frozenset({Action.USE_PROMOTIONS}) for role in TENANT_ROLES},
    **{role: _PROMOTIONS_STAFF | {Action.USE_PROMOTIONS} for role in (Role.OWNER, Role.ADMIN, Role.CATALOG_MANAGER)},
    **{
        role: frozenset({Action.READ_PROMOTIONS, Action.USE_PROMOTIONS})
        for role in (Role.ORDER_MANAGER, Role.FINANCE, Role.SERVICE_DESK)
    },
}
PERMISSIONS = {role: allowed | _PROMOTIONS.get(role, frozenset()) for role, allowed in PERMISSIONS.items()}

# The catalog: everyone in the tenant browses what is published; catalog managers, admins and
# owners manage stores, categories, tags, products and SKUs (and see drafts and archived ones);
# they and order managers count and adjust stock.
_CATALOG: Mapping[Role, frozenset[Action]] = {
    **{role: frozenset({Action.BROWSE_CATALOG}) for role in TENANT_ROLES},
    **{
        role: frozenset({Action.BROWSE_CATALOG, Action.MANAGE_CATALOG, Action.MANAGE_STOCK})
        for role in (Role.OWNER, Role.ADMIN, Role.CATALOG_MANAGER)
    },
    Role.ORDER_MANAGER: frozenset({Action.BROWSE_CATALOG, Action.MANAGE_STOCK}),
}
PERMISSIONS = {role: allowed | _CATALOG.get(role, frozenset()) for role, allowed in PERMISSIONS.items()}

# Orders: members and distributors buy (their cart, checkout, their own orders); order managers,
# admins and owners run every order (shipments, refunds, cancellations); finance and the service
# desk read them.
_ORDERS: Mapping[Role, frozenset[Action]] = {
    Role.MEMBER: frozenset({Action.BUY_ORDERS}),
    Role.DISTRIBUTOR: frozenset({Action.BUY_ORDERS}),
    **{
        role: frozenset({Action.READ_ORDERS, Action.MANAGE_ORDERS})
        for role in (Role.OWNER, Role.ADMIN, Role.ORDER_MANAGER)
    },
    **{role: frozenset({Action.READ_ORDERS}) for role in (Role.FINANCE, Role.SERVICE_DESK)},
}
PERMISSIONS = {role: allowed | _ORDERS.get(role, frozenset()) for role, allowed in PERMISSIONS.items()}

# Finance: finance, owners and admins read the sales ledger, its period reports and their Excel export.
_FINANCE: Mapping[Role, frozenset[Action]] = {
    role: frozenset({Action.READ_FINANCE}) for role in (Role.OWNER, Role.ADMIN, Role.FINANCE)
}
PERMISSIONS = {role: allowed | _FINANCE.get(role, frozenset()) for role, allowed in PERMISSIONS.items()}


def holders(action: Action) -> list[Role]:
    """The roles allowed `action`, in the order Role declares them (for docs and messages)."""
    return [role for role in Role if action in PERMISSIONS.get(role, frozenset())]


def requires(action: Action) -> str:
    """A route's description of what it needs: the action and the roles that hold it."""
    return f"Requires `{action}` ({', '.join(holders(action))})."


@dataclass(frozen=True)
class Actor:
    """A verified caller: a person (user), a partner system (api_key) or the platform itself."""

    user_id: str
    tenant_id: str | None
    roles: frozenset[Role] = field(default_factory=frozenset)
    via: Literal["user", "api_key"] = "user"

    def can(self, action: Action) -> bool:
        return any(action in PERMISSIONS.get(role, frozenset()) for role in self.roles)

    @property
    def tenant(self) -> str:
        """The actor's tenant; a platform admin acting on no tenant has none."""
        if self.tenant_id is None:
            raise Forbidden("this action belongs to a tenant's staff or members")
        return self.tenant_id

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any]) -> Actor:
        """The actor a verified Cognito ID token describes.

        A user with a tenant holds only tenant roles; only a user without one can be a
        platform admin, so a tenant's token can never carry platform powers.
        """
        user_id = claims.get("cognito:username") or claims.get("sub")
        if not user_id:
            raise NotAuthenticated("the token names no user")
        tenant_id = claims.get("custom:tenant_id") or None
        groups = _groups(claims.get("cognito:groups"))
        allowed = TENANT_ROLES if tenant_id else PLATFORM_ROLES
        roles = frozenset(Role(g) for g in groups if g in allowed)
        return cls(user_id=str(user_id), tenant_id=tenant_id, roles=roles)

    def as_context(self) -> dict[str, str]:
        """What the API Gateway authorizer hands to functions (flat strings, as it requires)."""
        return {
            "user_id": self.user_id,
            "tenant_id": self.tenant_id or "",
            "roles": ",".join(sorted(self.roles)),
            "via": self.via,
        }

    @classmethod
    def from_context(cls, context: Mapping[str, Any] | None) -> Actor:
        """The actor the authorizer verified for this request (see `as_context`)."""
        if not context or not context.get("user_id"):
            raise NotAuthenticated("sign in first: this route needs a bearer token or a signed API key")
        tenant_id = context.get("tenant_id") or None
        allowed = TENANT_ROLES if tenant_id else PLATFORM_ROLES
        roles = frozenset(Role(r) for r in _groups(context.get("roles")) if r in allowed)
        if context.get("via") == "api_key":
            return cls(user_id=str(context["user_id"]), tenant_id=tenant_id, roles=roles, via="api_key")
        return cls(user_id=str(context["user_id"]), tenant_id=tenant_id, roles=roles)


def _groups(raw: Any) -> list[str]:
    """Groups arrive as a list (JWT) or flattened to "a,b" (the authorizer's context)."""
    if raw is None:
        return []
    if isinstance(raw, list | tuple):
        return [str(g) for g in raw]
    return [g for g in str(raw).replace(",", " ").split() if g]


def authorize(actor: Actor, action: Action) -> None:
    if not actor.can(action):
        roles = ", ".join(sorted(actor.roles)) or "no role"
        raise Forbidden(f"{action} is not allowed for {roles}")
