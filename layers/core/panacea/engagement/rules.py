"""Which domain events notify whom, on which channels (CONTRACT: the templates-and-rules slice owns
this module and grows it; the engine relies only on `Rule` and `rule_for` as declared here).

A rule names the event, the field of its data that holds the member to tell, the reachability chain
(channels in the order they are tried), whether it is critical (cannot be muted, ignores quiet
hours), whether it is marketing (needs recorded consent), and how long to wait for a delivered
receipt before the chain's next step runs.

The platform's rules are data (`templates/rules.json`): every member-facing event the platform
emits, and those still to come (their `variables` declared until their models exist). A tenant
overrides a rule's channels, on/off and window (`template_rules.py`; a critical rule stays critical
and on); `rule_for` reads the tenant's override (one GetItem, kept for `CACHE_S` by a warm function)
else the default."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from panacea.platform import clock
from panacea.platform.caches import cached, on_reset
from panacea.platform.providers.channels import Channel

DATA = Path(__file__).resolve().parent / "templates"
CACHE_S = 30  # how long a warm function keeps a tenant's rule


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True)

    event_type: str
    recipient_field: str = "member_id"
    channels: list[Channel] = Field(min_length=1)
    critical: bool = False
    marketing: bool = False
    receipt_window_s: int = Field(default=900, ge=0, le=86_400)
    # additive (the slice's own): who the recipient field names (a member, or tags of a broadcast),
    # whether the tenant has it on, and the variables of an event whose model does not exist yet
    audience: Literal["member", "tags"] = "member"
    enabled: bool = True
    variables: tuple[str, ...] = ()


@cached
def default_rules() -> dict[str, Rule]:
    """The platform's rules, by event type, in the order the data file lists them."""
    data = json.loads((DATA / "rules.json").read_text(encoding="utf-8"))
    chains = data["chains"]
    return {
        raw["event_type"]: Rule.model_validate(
            {**{k: v for k, v in raw.items() if k != "chain"}, "channels": chains[raw["chain"]]}
        )
        for raw in data["rules"]
    }


def default_rule(event_type: str) -> Rule | None:
    return default_rules().get(event_type)


def overridden(rule: Rule, channels: list[str], enabled: bool, receipt_window_s: int | None) -> Rule:
    """The platform's `rule` as a tenant's override has it: its channels, on/off and window (a
    critical rule stays critical and on)."""
    return rule.model_copy(
        update={
            "channels": [Channel(c) for c in channels],
            "enabled": enabled or rule.critical,
            "receipt_window_s": rule.receipt_window_s if receipt_window_s is None else int(receipt_window_s),
        }
    )


_kept: dict[tuple[str, str], tuple[datetime, Rule | None]] = {}
on_reset(_kept.clear)


def forget(tenant_id: str, event_type: str) -> None:
    """Drop a warm function's copy of a tenant's rule (it was just changed here)."""
    _kept.pop((tenant_id, event_type), None)


def effective_rule(tenant_id: str, event_type: str) -> Rule | None:
    """The tenant's rule for `event_type`, on or off (None: no rule for the event)."""
    from panacea.engagement.template_items import RuleItem  # noqa: PLC0415 - pynamodb only when read

    rule = default_rule(event_type)
    if rule is None:
        return None
    now = clock.now()
    kept = _kept.get((tenant_id, event_type))
    if kept is not None and kept[0] > now:
        return kept[1]
    item = RuleItem.read(tenant_id, event_type)
    if item is not None:
        window = None if item.receipt_window_s is None else int(item.receipt_window_s)
        rule = overridden(rule, [str(c) for c in item.channels], bool(item.enabled), window)
    _kept[(tenant_id, event_type)] = (now + timedelta(seconds=CACHE_S), rule)
    return rule


def rule_for(tenant_id: str, event_type: str) -> Rule | None:
    """The tenant's rule for `event_type` (its own, else the platform's default), or None (no rule,
    or the tenant turned it off)."""
    rule = effective_rule(tenant_id, event_type)
    return rule if rule is not None and rule.enabled else None
