"""Binding a member to the distributor who brought them, by the tenant's rules.

Never to themselves, never into a loop (A → B → A at any depth: the referrer's whole chain is read
and each link checked unchanged in the binding's transaction, so two bindings made at once cannot
close one), never to a suspended, removed or unknown distributor. A code used at registration or
checkout binds by the tenant's rules (term: permanent, for `binding_days`, or the last click wins;
scope: anyone, or new members only); staff rebind or unbind whatever the rules, with a reason.
Every change keeps its evidence (how, when, which code, the rules' version) and a history entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from panacea.distribution import dal
from panacea.distribution.access import Action
from panacea.distribution.models import (
    Binding,
    BindingChange,
    BindingRecord,
    BoundBy,
    Rebinding,
    ReferrerBound,
    ReferrerUnbound,
    Unbinding,
)
from panacea.distribution.network import Chain, chain_of, member_of, rules_of, well_formed
from panacea.distribution.settings import BindingScope, BindingTerm, DistributionSettings
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import FieldError, NotFound, Unprocessable
from panacea.platform.observability import logger
from panacea.platform.transaction import UnitOfWork, unit_of_work

HISTORY = 20  # changes shown with a binding


class BindingRefused(Unprocessable):
    slug, title = "binding-refused", "Binding refused"


class BindingNotFound(NotFound):
    pass


def _refused(code: str, detail: str, field: str = "referrer_id") -> BindingRefused:
    return BindingRefused(detail, errors=[FieldError(field, code, detail)])


@dataclass(frozen=True)
class Request:
    """A binding asked for: by a member's use of a code, or by staff."""

    member_id: str
    referrer_id: str | None
    how: BoundBy
    code: str | None
    by: str
    reason: str | None = None
    new_member: bool = True


# --- by a code ---------------------------------------------------------------------------------


def bind_by_code(tenant_id: str, member_id: str, code: str, *, how: BoundBy, new_member: bool) -> Binding | None:
    """The member used a distributor's code at registration or checkout: bound if the tenant's
    rules allow it; otherwise nothing changes (the refusal is logged, never raised: the member's
    registration or order stands either way)."""
    rules = rules_of(tenant_id)
    if not rules.enabled:
        return None
    referrer = dal.owner_of_code(tenant_id, code)
    request = Request(member_id, referrer, how, code.upper(), by="member", new_member=new_member)
    try:
        return _bind(tenant_id, request, rules, at=clock.now(), by_rules=True)
    except BindingRefused as refused:
        logger.info("binding refused", extra={"member_id": member_id, "code": code, "why": refused.detail})
        return None


# --- by staff ----------------------------------------------------------------------------------


def rebind(actor: Actor, member_id: str, cmd: Rebinding) -> Binding:
    authorize(actor, Action.MANAGE_DISTRIBUTION)
    member_of(actor.tenant, member_id, field="member_id")
    request = Request(member_id, cmd.referrer_id, BoundBy.STAFF, None, by=actor.user_id, reason=cmd.reason)
    bound = _bind(actor.tenant, request, rules_of(actor.tenant), at=clock.now(), by_rules=False)
    assert bound is not None
    return bound


def unbind(actor: Actor, member_id: str, cmd: Unbinding) -> Binding:
    authorize(actor, Action.MANAGE_DISTRIBUTION)
    tenant_id, at = actor.tenant, clock.now()
    item = dal.binding(tenant_id, member_id, consistent=True) if well_formed(member_id) else None
    if item is None or item.referrer_id is None:
        raise BindingNotFound(f"{member_id} is bound to no one", field="member_id")
    previous = item.referrer_id
    item.unbind()
    change = BindingChange(
        at=at, by=actor.user_id, how=None, from_referrer=previous, to_referrer=None, reason=cmd.reason
    )
    with unit_of_work(tenant_id) as uow:
        uow.save(item)
        uow.create(dal.BindingChangeItem.of(tenant_id, member_id, change), conflict=_busy())
        uow.emit(
            ReferrerUnbound(member_id=member_id, previous_referrer_id=previous, by=actor.user_id, reason=cmd.reason)
        )
    return item.view(at)


def record(actor: Actor, member_id: str) -> BindingRecord:
    """A member's binding, with its evidence and its latest changes (staff)."""
    authorize(actor, Action.READ_DISTRIBUTION)
    item, history = (
        dal.binding_record(actor.tenant, member_id, history=HISTORY) if well_formed(member_id) else (None, [])
    )
    if item is None:
        raise BindingNotFound(f"{member_id} has never been bound", field="member_id")
    return BindingRecord(**item.view(clock.now()).model_dump(), history=history)


def my_referrer(actor: Actor) -> Binding:
    authorize(actor, Action.TAKE_PART)
    item = dal.binding(actor.tenant, actor.user_id)
    at = clock.now()
    if item is None:
        return dal.BindingItem.blank(actor.tenant, actor.user_id).view(at)
    return item.view(at)


def _busy() -> BindingRefused:
    return _refused("busy", "the binding changed at the same moment; try again", field="member_id")


# --- the rules ---------------------------------------------------------------------------------


def _bind(
    tenant_id: str, request: Request, rules: DistributionSettings, *, at: datetime, by_rules: bool
) -> Binding | None:
    referrer_id, member_id = request.referrer_id, request.member_id
    if referrer_id is None:
        raise _refused("unknown_code", f"no distributor has the code {request.code}", field="code")
    if referrer_id == member_id:
        raise _refused("self", "no one is bound to themselves")
    referrer = dal.distributor(tenant_id, referrer_id, consistent=True)
    if referrer is None or not referrer.earns:
        state = "not a distributor" if referrer is None else referrer.status
        raise _refused("referrer_not_active", f"{referrer_id} is {state}")
    current = dal.binding(tenant_id, member_id, consistent=True)
    if by_rules:
        if current is not None and current.active(at) and current.referrer_id == referrer_id:
            return None  # bound to them already: nothing to change, nothing to announce
        _by_the_rules(rules, current, request, at)
    chain = chain_of(tenant_id, referrer_id, at=at)
    if chain.holds(member_id):
        raise _refused("loop", f"{referrer_id} is already in {member_id}'s network: that would make a loop")
    if not chain.complete:
        raise _refused("too_deep", f"{referrer_id}'s chain is too long to prove the binding makes no loop")
    item = current or dal.BindingItem.blank(tenant_id, member_id)
    previous = item.referrer_id if item.active(at) else None
    until = at + timedelta(days=rules.binding_days) if by_rules and rules.binding_term == BindingTerm.DAYS else None
    version = rules.rule_version
    item.bind(tenant_id, referrer_id, how=request.how, code=request.code, until=until, rule_version=version, at=at)
    with unit_of_work(tenant_id) as uow:
        uow.save(item)
        _check_chain(uow, tenant_id, referrer_id, chain)
        change = BindingChange(
            at=at,
            by=request.by,
            how=request.how,
            from_referrer=previous,
            to_referrer=referrer_id,
            reason=request.reason,
        )
        uow.create(dal.BindingChangeItem.of(tenant_id, member_id, change), conflict=_busy())
        uow.emit(
            ReferrerBound(
                member_id=member_id,
                referrer_id=referrer_id,
                previous_referrer_id=previous,
                how=request.how,
                code=request.code,
                until=until,
                rule_version=version,
            )
        )
    return item.view(at)


def _by_the_rules(rules: DistributionSettings, current: dal.BindingItem | None, request: Request, at: datetime) -> None:
    """Refuse what the tenant's binding rules do not allow a member's use of a code."""
    if current is not None and current.active(at) and rules.binding_term != BindingTerm.LAST_CLICK:
        raise _refused("already_bound", f"{request.member_id} is bound until the binding lapses", field="code")
    if rules.binding_scope == BindingScope.NEW_MEMBERS and not request.new_member:
        raise _refused("not_new", "codes bind new members only here", field="code")


def _check_chain(uow: UnitOfWork, tenant_id: str, referrer_id: str, chain: Chain) -> None:
    """The referrer is still active, and every link of the chain read is as it was read."""
    stale = _refused("busy", "the network changed at the same moment; try again")
    uow.check(
        dal.DistributorItem,
        dal.distributor_key(tenant_id, referrer_id),
        dal.DistributorItem.status == "active",
        conflict=_refused("referrer_not_active", f"{referrer_id} stopped being an active distributor"),
    )
    for link in chain.links:
        condition = (
            dal.BindingItem.pk.does_not_exist() if link.version is None else dal.BindingItem.version == link.version
        )
        uow.check(dal.BindingItem, dal.BindingItem.key(tenant_id, link.member_id), condition, conflict=stale)
