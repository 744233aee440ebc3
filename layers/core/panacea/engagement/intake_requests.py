"""Notifications sent on request: staff, or the tenant's own systems with its API key, tell one
member or up to 100 about an event (its rule says the channels) or in their own words (`custom`).

Each member's message is accepted on its own (`intake.accept`: its record, trail and the month's
counter in one transaction), its id derived from the request and the member, so a request retried
with its `Idempotency-Key` (whose request id is derived from the key) writes nothing twice. The
month's limit refuses the first message over it: a request none of whose messages fit answers 429;
one that fits in part answers 202 with the rest skipped as `limit_reached`."""

from __future__ import annotations

import hashlib

from panacea.engagement import audience, intake, limits, rules
from panacea.engagement.message_access import MessageAction
from panacea.engagement.message_models import API_EVENT, CUSTOM, NotificationAccepted, NotificationRequest, Skipped
from panacea.engagement.rules import Rule
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Unprocessable
from panacea.platform.ids import new_id


def request_id_of(tenant_id: str, caller: str, key: str | None) -> str:
    """A new request's id: derived from the caller's Idempotency-Key when there is one."""
    if key is None:
        return new_id()
    digest = hashlib.sha256(f"{tenant_id}\x1f{caller}\x1f{key}".encode()).hexdigest()
    return "R" + digest[:25].upper()


def _rule_of(tenant_id: str, cmd: NotificationRequest) -> tuple[Rule, str, dict[str, object]]:
    """The rule the request follows, the event type its messages record and the data they carry."""
    if cmd.event_type == CUSTOM:
        assert cmd.channels is not None
        words = {"text": cmd.text, **({"subject": cmd.subject} if cmd.subject else {})}
        return Rule(event_type=API_EVENT, channels=list(cmd.channels)), API_EVENT, {**cmd.data, **words}
    rule = rules.rule_for(tenant_id, cmd.event_type)
    if rule is None:
        raise Unprocessable.on_field("event_type", "no_rule", f"no rule tells members about {cmd.event_type}")
    return rule, cmd.event_type, dict(cmd.data)


def notify(actor: Actor, cmd: NotificationRequest, *, idempotency_key: str | None = None) -> NotificationAccepted:
    authorize(actor, MessageAction.SEND)
    tenant_id, now = actor.tenant, clock.now()
    rule, event_type, data = _rule_of(tenant_id, cmd)
    request_id = request_id_of(tenant_id, actor.user_id, idempotency_key)
    members = cmd.members
    found = audience.recipients(tenant_id, members)
    outcome, limit, ids = intake.Outcome(), limits.monthly_limit(tenant_id), []
    for n, member_id in enumerate(members):
        recipient = found.get(member_id)
        plan = audience.plan(tenant_id, recipient, rule, now) if recipient else None
        if plan is None or plan.skipped or not plan.channels:
            outcome.skipped[member_id] = "unknown_member" if plan is None else (plan.skipped or "unreachable")
            continue
        assert recipient is not None
        message_id = intake.derived_id(now, "request", request_id, member_id)
        draft = intake.Draft(tenant_id=tenant_id, message_id=message_id, request_id=request_id, event_type=event_type,
                             data=data, rule=rule, recipient=recipient, plan=plan)  # fmt: skip
        try:
            accepted = intake.accept(draft, now, limit=limit)
        except limits.MessageLimitReached:
            if not outcome.accepted:
                raise
            rest = [m for m in members[n:] if m not in outcome.skipped]
            outcome.skipped.update(dict.fromkeys(rest, "limit_reached"))
            limits.record_refused(tenant_id, len(rest), now)
            break
        ids.append(message_id)
        if accepted is not None:  # else accepted before and already on its way
            outcome.accepted.append(accepted)
    intake.dispatch(outcome.accepted, now)
    return NotificationAccepted(
        request_id=request_id,
        message_ids=ids,
        skipped=[Skipped(member_id=m, reason=r) for m, r in outcome.skipped.items()],
    )
