"""Who is acting, and what their roles allow. The tenant of an actor comes only from verified
identity (a token checked by the API Gateway authorizer, or an API key), never from the body
or the path of a request.

The permission matrix is code, declared by each context in its own `access.py` (its actions and
the roles that hold them) and collected here in `PERMISSIONS`. Use cases call `authorize` before
they read or change anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, TypeVar

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

A = TypeVar("A", bound="Action")


class Action(StrEnum):
    """Base of every context's actions. A context declares its own in its `access.py`, and grants
    each to the roles that hold it in the same module:

        class Action(access.Action):
            BROWSE_CATALOG = "catalog:browse"

        grant({Action.BROWSE_CATALOG: TENANT_ROLES})

    An action's value is `<what>:<verb>`, unique across the platform.
    """


class Permissions(Mapping[Role, frozenset[Action]]):
    """The permission matrix, role → the actions it allows, collected from the grants of every
    context whose `access.py` has been imported (a context's use cases import their own, so the
    actions a handler checks are always here; `panacea.platform.declarations` imports them all)."""

    def __init__(self) -> None:
        self._holders: dict[Action, frozenset[Role]] = {}

    def grant(self, holders: Mapping[A, Iterable[Role]]) -> None:
        """Give each action of one context's `Action` to the roles that hold it, all at once.

        Refused: an action granted to no role, an action of the enum left out, two names for
        one value, or a value another context already declared."""
        kinds = {type(action) for action in holders}
        if len(kinds) != 1:
            raise TypeError("grant the actions of one Action enum at a time")
        actions = kinds.pop()
        if len(actions.__members__) != len(actions):
            raise TypeError(f"{actions.__module__}.{actions.__qualname__} gives one action two names")
        if set(holders) != set(actions):
            missing = ", ".join(a.name for a in actions if a not in holders)
            raise TypeError(f"{actions.__module__} grants none of its actions {missing}")
        granted: dict[Action, frozenset[Role]] = {action: frozenset(roles) for action, roles in holders.items()}
        for action, roles in granted.items():
            if action in self._holders:
                raise TypeError(f"action {action} is declared twice")
            if not roles:
                raise TypeError(f"action {action} is granted to no role")
        self._holders.update(granted)

    def holders(self, action: Action) -> frozenset[Role]:
        return self._holders.get(action, frozenset())

    def actions(self) -> list[Action]:
        """Every action granted so far, in the order they were declared."""
        return list(self._holders)

    def __getitem__(self, role: Role) -> frozenset[Action]:
        try:
            role = Role(role)
        except ValueError:
            raise KeyError(role) from None
        return frozenset(action for action, roles in self._holders.items() if role in roles)

    def __iter__(self) -> Iterator[Role]:
        return iter(Role)

    def __len__(self) -> int:
        return len(Role)


PERMISSIONS = Permissions()
grant = PERMISSIONS.grant


def holders(action: Action) -> list[Role]:
    """The roles allowed `action`, in the order Role declares them (for docs and messages)."""
    allowed = PERMISSIONS.holders(action)
    return [role for role in Role if role in allowed]


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
        return not self.roles.isdisjoint(PERMISSIONS.holders(action))

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
