"""A distributor's team by level: level 1 are the members bound to them now (one Query a page);
level n the members bound to those of level n-1 on that page (one Query each, up to a page of
each), so a deeper level pages with the level-1 cursor.

The team's summary adds each level up, as deep as the tenant pays: how many members are bound at
it now, what they have paid (their spend: one BatchGetItem per 100 members), and the
distributor's commission on orders at that level, after refunds, by state (their commissions on
GSI1, every page). It walks the whole team (one Query per member of the levels above the last), up
to MAX_SUMMARY members; a larger team's summary says it is incomplete."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from panacea.distribution import dal
from panacea.distribution import ledger_items as ledger
from panacea.distribution.access import Action
from panacea.distribution.models import TeamMember
from panacea.distribution.network import currency_of, distributor_of, rules_of
from panacea.distribution.statement_models import LevelSummary, TeamSummary
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.money import Money
from panacea.platform.table import MAX_PAGE, Page

MAX_SUMMARY = 5_000  # members a team summary reads at most


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


def my_team_summary(actor: Actor) -> TeamSummary:
    authorize(actor, Action.TAKE_PART)
    return team_summary(actor.tenant, actor.user_id)


def distributor_team_summary(actor: Actor, member_id: str) -> TeamSummary:
    authorize(actor, Action.READ_DISTRIBUTION)
    distributor_of(actor.tenant, member_id, field="member_id")
    return team_summary(actor.tenant, member_id)


def team_summary(tenant_id: str, referrer_id: str) -> TeamSummary:
    at, depth = clock.now(), max(rules_of(tenant_id).levels, 1)
    levels, complete = _levels(tenant_id, referrer_id, depth, at)
    tenant_currency = currency_of(tenant_id) or "GBP"
    earned: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    earned_in = tenant_currency  # the ledger's currency (the tenant's, unless it changed since)
    for share in ledger.shares(tenant_id, ledger.ShareFilter(distributor_id=referrer_id), cursor=None, limit=None):
        if isinstance(share, ledger.ShareItem):
            earned[int(share.level)][share.state] += int(share.amount)
            earned_in = share.currency
    summaries = []
    for level in range(1, max(depth, max(earned, default=0)) + 1):
        members = levels.get(level, [])
        spent = dal.spends(tenant_id, members)
        by_state = earned.get(level, {})
        summaries.append(
            LevelSummary(
                level=level,
                members=len(members),
                paid_orders=sum(int(item.paid_orders) for item in spent),
                sales=Money(amount=sum(int(item.spent) for item in spent), currency=tenant_currency),
                commission=Money(amount=sum(by_state.values()), currency=earned_in),
                **{s.value: Money(amount=by_state.get(s.value, 0), currency=earned_in) for s in ledger.ShareState},
            )
        )
    return TeamSummary(distributor_id=referrer_id, levels=summaries, complete=complete)


def _levels(tenant_id: str, referrer_id: str, depth: int, at: datetime) -> tuple[dict[int, list[str]], bool]:
    """The members bound at each level now (level 1 first), and whether the walk read them all."""
    levels: dict[int, list[str]] = {}
    frontier, read = [referrer_id], 0
    for level in range(1, depth + 1):
        found: list[str] = []
        for member_id in frontier:
            for item in dal.whole_team(tenant_id, member_id):
                read += 1
                if read > MAX_SUMMARY:
                    levels[level] = found
                    return levels, False
                if item.active(at):
                    found.append(item.member_id)
        levels[level], frontier = found, found
    return levels, True
