"""Distributors: staff appoint, suspend and remove them; members become one where the tenant lets
everyone, or once their paid orders reach its threshold. Each has a referral code, unique in the
tenant (its claim commits with the distributor)."""

from __future__ import annotations

import secrets

from panacea.distribution import dal
from panacea.distribution.access import Action
from panacea.distribution.models import (
    Appointment,
    Became,
    Distributor,
    DistributorAppointed,
    DistributorKind,
    DistributorRemoved,
    DistributorStatus,
    DistributorStatusChange,
    DistributorSuspended,
)
from panacea.distribution.network import DistributorNotFound, distributor_of, member_of, rules_of
from panacea.distribution.settings import DistributionSettings, Recruitment
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import CREDENTIALS, Conflict
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed from a poster
CODE_LENGTH = 8
CODE_TRIES = 3


class DistributionOff(Conflict):
    slug, title = "distribution-off", "Distribution is off"


class AlreadyDistributor(Conflict):
    slug, title = "already-distributor", "Already a distributor"


class NotInThatStatus(Conflict):
    slug, title = "distributor-not-in-that-status", "Distributor not in that status"


class NotEligible(Conflict):
    slug, title = "not-eligible-to-distribute", "Not eligible to distribute"


class _CodeTaken(Conflict):
    pass


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


# --- staff -------------------------------------------------------------------------------------


def appoint(actor: Actor, cmd: Appointment) -> Distributor:
    """Make a member a distributor, or an existing suspended or removed one active again (their
    code and network are theirs still)."""
    authorize(actor, Action.MANAGE_DISTRIBUTION)
    tenant_id = actor.tenant
    member_of(tenant_id, cmd.member_id, field="member_id")
    _recruiting(rules_of(tenant_id), staff=True)
    existing = dal.distributor(tenant_id, cmd.member_id, consistent=True)
    if existing is None:
        return _create(tenant_id, cmd.member_id, kind=cmd.kind, store_id=cmd.store_id, became=Became.APPOINTED)
    if existing.current_status == DistributorStatus.ACTIVE:
        raise AlreadyDistributor.on_field("member_id", "already", f"{cmd.member_id} is already an active distributor")
    existing.move_to(tenant_id, DistributorStatus.ACTIVE, reason=None, at=clock.now())
    existing.kind, existing.store_id = cmd.kind.value, cmd.store_id
    with unit_of_work(tenant_id) as uow:
        uow.save(existing)
        uow.emit(_appointed(existing, Became.APPOINTED))
    return existing.view()


def suspend(actor: Actor, member_id: str, change: DistributorStatusChange) -> Distributor:
    return _move(actor, member_id, DistributorStatus.SUSPENDED, change)


def remove(actor: Actor, member_id: str, change: DistributorStatusChange) -> Distributor:
    return _move(actor, member_id, DistributorStatus.REMOVED, change)


def _move(actor: Actor, member_id: str, status: DistributorStatus, change: DistributorStatusChange) -> Distributor:
    authorize(actor, Action.MANAGE_DISTRIBUTION)
    tenant_id = actor.tenant
    item = distributor_of(tenant_id, member_id, field="member_id")
    allowed_from = {DistributorStatus.ACTIVE} | (
        {DistributorStatus.SUSPENDED} if status == DistributorStatus.REMOVED else set()
    )
    if item.current_status not in allowed_from:
        raise NotInThatStatus(f"distributor {member_id} is {item.status}; it cannot be {status.value}")
    item.move_to(tenant_id, status, reason=change.reason, at=clock.now())
    event_of = DistributorSuspended if status == DistributorStatus.SUSPENDED else DistributorRemoved
    with unit_of_work(tenant_id) as uow:
        uow.save(item)
        uow.emit(event_of(member_id=member_id, by=actor.user_id, reason=change.reason))
    return item.view()


def get(actor: Actor, member_id: str) -> Distributor:
    authorize(actor, Action.READ_DISTRIBUTION)
    return distributor_of(actor.tenant, member_id, field="member_id").view()


def listed(actor: Actor, *, status: DistributorStatus | None, cursor: str | None, limit: int) -> Page[Distributor]:
    authorize(actor, Action.READ_DISTRIBUTION)
    return dal.distributors(actor.tenant, status=status, cursor=cursor, limit=limit)


# --- members -----------------------------------------------------------------------------------


def mine(actor: Actor) -> Distributor:
    authorize(actor, Action.TAKE_PART)
    found = dal.distributor(actor.tenant, actor.user_id)
    if found is None:
        raise DistributorNotFound("you are not a distributor", field=CREDENTIALS)
    return found.view()


def join(actor: Actor) -> Distributor:
    """The member becomes a distributor where everyone may, or once their paid orders reach the
    tenant's threshold; one already is gets their profile back."""
    authorize(actor, Action.TAKE_PART)
    tenant_id, member_id = actor.tenant, actor.user_id
    existing = dal.distributor(tenant_id, member_id, consistent=True)
    if existing is not None:
        return existing.view()
    rules = rules_of(tenant_id)
    _recruiting(rules, staff=False)
    spent = dal.spend(tenant_id, member_id)
    became = Became.JOINED if rules.who_may_distribute == Recruitment.EVERYONE else Became.SPENDING
    if became == Became.SPENDING and not reaches_threshold(rules, spent):
        raise NotEligible(f"distributors here have paid orders of at least {rules.spending_threshold} (minor units)")
    try:
        return _create(tenant_id, member_id, kind=DistributorKind.MEMBER, store_id=None, became=became)
    except AlreadyDistributor:  # made meanwhile by the tenant's rule (the consumer of member.registered)
        return distributor_of(tenant_id, member_id, field="member_id").view()


def reaches_threshold(rules: DistributionSettings, spent: dal.SpendItem | None) -> bool:
    return spent is not None and int(spent.paid_orders) > 0 and int(spent.spent) >= rules.spending_threshold


def by_rule(tenant_id: str, member_id: str, became: Became) -> None:
    """A member became a distributor by the tenant's rule (everyone; spending): made once, and an
    existing one (suspended or removed included) is left as it is."""
    if dal.distributor(tenant_id, member_id, consistent=True) is None:
        try:
            _create(tenant_id, member_id, kind=DistributorKind.MEMBER, store_id=None, became=became)
        except AlreadyDistributor:
            return  # made meanwhile


def _recruiting(rules: DistributionSettings, *, staff: bool) -> None:
    if not rules.enabled or rules.who_may_distribute == Recruitment.OFF:
        raise DistributionOff("this tenant takes no new distributors (settings: distribution)")
    if not staff and rules.who_may_distribute == Recruitment.APPOINTED:
        raise NotEligible("distributors here are appointed by staff")


def _create(
    tenant_id: str, member_id: str, *, kind: DistributorKind, store_id: str | None, became: Became
) -> Distributor:
    taken = AlreadyDistributor.on_field("member_id", "already", f"{member_id} is already a distributor")
    for attempt in range(CODE_TRIES):
        item = dal.DistributorItem.new(
            tenant_id, member_id, kind=kind, code=new_code(), became=became, store_id=store_id, at=clock.now()
        )
        try:
            with unit_of_work(tenant_id) as uow:
                uow.create(item, conflict=taken)
                uow.claim(tenant_id, dal.CODE_KIND, item.referral_code, member_id, taken=_CodeTaken(""))
                uow.emit(_appointed(item, became))
        except _CodeTaken:
            if attempt == CODE_TRIES - 1:
                raise
            continue
        return item.view()
    raise AssertionError("unreachable")


def _appointed(item: dal.DistributorItem, became: Became) -> DistributorAppointed:
    return DistributorAppointed(
        member_id=item.member_id, kind=DistributorKind(item.kind), referral_code=item.referral_code, became=became
    )
