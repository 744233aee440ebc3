"""Which domain events notify whom, on which channels (CONTRACT: the templates-and-rules slice owns
this module and grows it; the engine relies only on `Rule` and `rule_for` as declared here).

A rule names the event, the field of its data that holds the member to tell, the reachability chain
(channels in the order they are tried), whether it is critical (cannot be muted, ignores quiet
hours), whether it is marketing (needs recorded consent), and how long to wait for a delivered
receipt before the chain's next step runs."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from panacea.platform.providers.channels import Channel


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True)

    event_type: str
    recipient_field: str = "member_id"
    channels: list[Channel] = Field(min_length=1)
    critical: bool = False
    marketing: bool = False
    receipt_window_s: int = Field(default=900, ge=0, le=86_400)


_DEFAULTS = {
    "order.paid": Rule(event_type="order.paid", channels=[Channel.WHATSAPP, Channel.SMS, Channel.EMAIL]),
}


def rule_for(tenant_id: str, event_type: str) -> Rule | None:
    """The tenant's rule for `event_type` (its own, else the platform's default), or None."""
    return _DEFAULTS.get(event_type)
