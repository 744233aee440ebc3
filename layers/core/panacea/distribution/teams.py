"""A distributor's team by level: level 1 are the members bound to them now (one Query a page);
level n the members bound to those of level n-1 on that page (one Query each, up to a page of
each), so a deeper level pages with the level-1 cursor."""

from __future__ import annotations

from datetime import datetime

from panacea.distribution import dal
from panacea.distribution.access import Action
from panacea.distribution.models import TeamMember
from panacea.distribution.network import distributor_of
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.table import MAX_PAGE, Page


def my_team(actor: Actor, *, level: int, cursor: str | None, limit: int) -> Page[TeamMember]:
    authorize(actor, Action.TAKE_PART)
    return team_of(actor.tenant, actor.user_id, level=level, cursor=cursor, limit=limit, view="me")


def distributor_team(actor: Actor, member_id: str, *, level: int, cursor: str | None, limit: int) -> Page[TeamMember]:
    authorize(actor, Action.READ_DISTRIBUTION)
    distributor_of(actor.tenant, member_id, field="member_id")
    return team_of(actor.tenant, member_id, level=level, cursor=cursor, limit=limit, view="staff")


def team_of(
    tenant_id: str, referrer_id: str, *, level: int, cursor: str | None, limit: int, view: str
) -> Page[TeamMember]:
    """`view`: whose list it is (the member's own, or staff's of a distributor): a cursor pages only
    the list, and the level, it came from."""
    at = clock.now()
    first, next_cursor = dal.team(tenant_id, referrer_id, cursor=cursor, limit=limit, query=f"{view}/{level}")
    frontier = _active(first, at)
    for _ in range(level - 1):
        frontier = [
            below
            for member in frontier
            for below in _active(dal.team(tenant_id, member.member_id, cursor=None, limit=MAX_PAGE)[0], at)
        ]
    return Page[TeamMember](items=[item.team_view(level) for item in frontier], next_cursor=next_cursor)


def _active(items: list[dal.BindingItem], at: datetime) -> list[dal.BindingItem]:
    return [item for item in items if item.active(at)]
