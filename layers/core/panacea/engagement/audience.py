"""Who a member is to the notification engine, and what their preferences make of a rule
(CONTRACT: the preferences slice owns this module and grows it; the engine relies only on
`Recipient`, `Plan`, `recipients` and `plan` as declared here)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from panacea.engagement.rules import Rule
from panacea.platform.providers.channels import Channel


class Recipient(BaseModel):
    model_config = ConfigDict(frozen=True)

    member_id: str
    locale: str = "en-GB"
    time_zone: str = "Europe/London"
    addresses: dict[Channel, str] = Field(default_factory=dict)  # where each channel reaches them
    whatsapp_window_until: datetime | None = None  # free-form WhatsApp allowed until (24 h after their last message)


class Plan(BaseModel):
    """What to do for one recipient of one rule: the channels to try in order (muted and unreachable
    ones left out), when (`send_at` later than now: quiet hours), or why nothing is sent (`skipped`)."""

    model_config = ConfigDict(frozen=True)

    channels: list[Channel] = Field(default_factory=list)
    send_at: datetime | None = None
    skipped: str | None = None  # opted_out, muted, no_consent, unreachable


def recipients(tenant_id: str, member_ids: list[str]) -> dict[str, Recipient]:
    """The members among `member_ids` the engine can reach, by id (unknown ones left out)."""
    return {m: Recipient(member_id=m) for m in member_ids}


def plan(tenant_id: str, recipient: Recipient, rule: Rule, now: datetime) -> Plan:
    """The channels `rule` reaches `recipient` on, in their order, and when."""
    channels = [c for c in rule.channels if c in recipient.addresses]
    return Plan(channels=channels) if channels else Plan(skipped="unreachable")


def audience_page(tenant_id: str, tag: str, cursor: str | None, limit: int) -> tuple[list[str], str | None]:
    """One page of the members in audience `tag` (one Query, no scan), and the cursor of the next
    page (None on the last). `limit` is at most 1,000. (Minimal here: the preferences slice's
    version, which reads the audiences it keeps, replaces it.)"""
    return [], None


def note_inbound(tenant_id: str, sender: str, at: datetime) -> None:
    """A person's own message from `sender` (E.164) at `at`: their WhatsApp service window opens.
    (Minimal stand-in from the delivery slice; the preferences slice's version replaces it.)"""
    return None
