"""Notification rules per tenant: the effective rules (the platform's, each merged with the
tenant's override) and the override of one, which owners and admins set."""

from __future__ import annotations

from panacea.engagement import rules
from panacea.engagement.rules import Rule
from panacea.engagement.template_access import TemplateAction
from panacea.engagement.template_items import RuleItem
from panacea.engagement.template_models import NotificationRuleChanged, RuleChange, RuleView
from panacea.engagement.template_variables import allowed
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, NotFound, Unprocessable
from panacea.platform.transaction import unit_of_work


class RuleNotFound(NotFound):
    slug, title = "notification-rule-not-found", "Notification rule not found"


class CriticalRule(Unprocessable):
    slug, title = "critical-rule", "Critical notifications stay on"


def platform_rule(event_type: str) -> Rule:
    rule = rules.default_rule(event_type)
    if rule is None:
        raise RuleNotFound(
            f"no notification rule for {event_type}: it is not an event that notifies", field="event_type"
        )
    return rule


def applied(item: RuleItem, rule: Rule) -> Rule:
    """The platform's `rule` with the tenant's override `item`."""
    window = None if item.receipt_window_s is None else int(item.receipt_window_s)
    return rules.overridden(rule, [str(c) for c in item.channels], bool(item.enabled), window)


def view(rule: Rule, customised: bool) -> RuleView:
    return RuleView(
        event_type=rule.event_type,
        recipient_field=rule.recipient_field,
        audience=rule.audience,
        channels=list(rule.channels),
        critical=rule.critical,
        marketing=rule.marketing,
        enabled=rule.enabled,
        receipt_window_s=rule.receipt_window_s,
        customised=customised,
        variables=allowed(rule),
    )


def effective(actor: Actor) -> list[RuleView]:
    """Every rule as the tenant has it: the platform's, with the tenant's overrides (two reads at most:
    one Query of the overrides; the platform's are data)."""
    authorize(actor, TemplateAction.MANAGE_RULES)
    overrides = RuleItem.of_tenant(actor.tenant)
    found = []
    for event_type, platform in rules.default_rules().items():
        item = overrides.get(event_type)
        found.append(view(platform if item is None else applied(item, platform), item is not None))
    return found


def change(actor: Actor, event_type: str, change: RuleChange) -> RuleView:
    """Set the tenant's own channels, on/off and receipt window of a platform rule (replaced whole)."""
    authorize(actor, TemplateAction.MANAGE_RULES)
    rule = platform_rule(event_type)
    if not change.enabled and rule.critical:
        raise CriticalRule.on_field("enabled", "critical", f"{event_type} is critical: members are always told")
    if len(set(change.channels)) != len(change.channels):
        raise Unprocessable.on_field("channels", "duplicate", "each channel appears once in the chain")
    item = RuleItem.read(actor.tenant, event_type)
    read = int(item.version) if item is not None else None
    made = RuleItem(
        *RuleItem.key(actor.tenant, event_type),
        tenant_id=actor.tenant,
        event_type=event_type,
        channels=list(change.channels),
        enabled=change.enabled,
        receipt_window_s=change.receipt_window_s,
        version=(read or 0) + 1,
        updated_at=clock.now(),
        updated_by=actor.user_id,
    )
    effective_rule = applied(made, rule)
    with unit_of_work(actor.tenant) as uow:
        if read is None:
            uow.create(made, conflict=_changed(event_type))
        else:
            uow.save(made, condition=RuleItem.version == read, conflict=_changed(event_type))
        uow.emit(
            NotificationRuleChanged(
                notified_by=event_type,
                channels=made.channels,
                enabled=change.enabled,
                receipt_window_s=effective_rule.receipt_window_s,
                by=actor.user_id,
            )
        )
    rules.forget(actor.tenant, event_type)
    return view(effective_rule, True)


def _changed(event_type: str) -> ConcurrentUpdate:
    return ConcurrentUpdate(f"the rule of {event_type} changed meanwhile; read it and retry")
