"""Events that reach members: the tenant's rule for an event names the member (a field of its data),
their preferences plan the channels, and the message is accepted and put on its first channel's queue.

A member the plan leaves out (opted out, muted, no consent, unreachable, unknown) gets no message
record: nothing was sent nor will be, and a record per muted member would cost a write for each (a
broadcast's budget has none to spare); the skip is logged with its reason and counted as a metric.
A message the month's limit refuses is counted on the month's usage item (`refused`) and logged.

The message id is derived from (event, member, rule), so a redelivered event creates nothing twice."""

from __future__ import annotations

from dataclasses import dataclass

from panacea.engagement import audience, intake, limits, rules
from panacea.platform import clock
from panacea.platform.events import Envelope
from panacea.platform.observability import count, logger


@dataclass(frozen=True)
class FannedOut:
    message_id: str | None = None  # the message accepted (or accepted before)
    skipped: str | None = None  # no_rule, no_member, unknown_member, limit_reached, or the plan's reason


def fan_out(event_type: str, sent: Envelope) -> FannedOut:
    """The message an event makes for its member under the tenant's rule, accepted and dispatched."""
    tenant_id, now = sent.metadata.tenant_id, clock.now()
    rule = rules.rule_for(tenant_id, event_type) if tenant_id else None
    if tenant_id is None or rule is None:
        return FannedOut(skipped="no_rule")
    member_id = sent.data.get(rule.recipient_field)
    if not isinstance(member_id, str) or not member_id:
        return _skipped(event_type, None, "no_member")
    recipient = audience.recipients(tenant_id, [member_id]).get(member_id)
    if recipient is None:
        return _skipped(event_type, member_id, "unknown_member")
    plan = audience.plan(tenant_id, recipient, rule, now)
    if plan.skipped or not plan.channels:
        return _skipped(event_type, member_id, plan.skipped or "unreachable")
    message_id = intake.derived_id(sent.metadata.occurred_at, "event", sent.metadata.event_id, member_id, event_type)
    draft = intake.Draft(tenant_id=tenant_id, message_id=message_id, request_id=sent.metadata.event_id,
                         event_type=event_type, data=sent.data, rule=rule, recipient=recipient, plan=plan)  # fmt: skip
    try:
        accepted = intake.accept(draft, now)
    except limits.MessageLimitReached:
        limits.record_refused(tenant_id, 1, now)
        return _skipped(event_type, member_id, "limit_reached")
    if accepted is not None:
        intake.dispatch([accepted], now)
    return FannedOut(message_id=message_id)


def _skipped(event_type: str, member_id: str | None, reason: str) -> FannedOut:
    logger.info("no message", extra={"event_type": event_type, "member_id": member_id, "reason": reason})
    count("NotificationsSkipped")
    return FannedOut(skipped=reason)
