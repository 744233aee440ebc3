"""The circuit breakers' items (the only place their keys are built); the rule is `breaker`'s.

BreakerMinuteItem  PK T#<t>#BREAKER#<provider> · SK MINUTE#<UTC minute, ISO>   sends and failures of one
                   minute (ADDed, never read-modified-written), gone an hour later (TTL)
BreakerStateItem   PK T#<t>#BREAKER#<provider> · SK STATE   when it last opened, closed, and let a probe out

One Query (SK >= MINUTE#<window start>) reads the window's minutes and the state together ("STATE"
sorts after "MINUTE#")."""

from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.attributes import NumberAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import UpdateError

from panacea.engagement import breaker
from panacea.platform.keys import tenant_key
from panacea.platform.table import TableItem

KEEP = timedelta(hours=1)


def _partition(tenant_id: str, provider: str) -> str:
    return tenant_key(tenant_id, "BREAKER", provider)


def _minute_key(start: datetime) -> str:
    return "MINUTE#" + start.strftime("%Y-%m-%dT%H:%M")


class BreakerMinuteItem(TableItem, discriminator="breaker_minute"):
    start = UTCDateTimeAttribute()
    ok = NumberAttribute(default=0)
    failed = NumberAttribute(default=0)


class BreakerStateItem(TableItem, discriminator="breaker_state"):
    opened_at = UTCDateTimeAttribute(null=True)
    closed_at = UTCDateTimeAttribute(null=True)
    probe_at = UTCDateTimeAttribute(null=True)


def read(tenant_id: str, provider: str, now: datetime) -> tuple[list[breaker.Minute], breaker.State]:
    """The window's minutes and the breaker's state, in one Query."""
    since = breaker.minute_of(now - timedelta(minutes=breaker.POLICY.window_min))
    minutes, state = [], breaker.State()
    for item in TableItem.query(_partition(tenant_id, provider), TableItem.sk >= _minute_key(since)):
        if isinstance(item, BreakerMinuteItem):
            minutes.append(breaker.Minute(item.start, int(item.ok or 0), int(item.failed or 0)))
        elif isinstance(item, BreakerStateItem):
            state = breaker.State(item.opened_at, item.closed_at, item.probe_at)
    return minutes, state


def count(tenant_id: str, provider: str, now: datetime, *, ok: bool) -> None:
    """Count one send of this minute (an ADD: concurrent senders never lose a count)."""
    start = breaker.minute_of(now)
    item = BreakerMinuteItem(_partition(tenant_id, provider), _minute_key(start))
    counter = BreakerMinuteItem.ok if ok else BreakerMinuteItem.failed
    item.update(
        actions=[
            counter.add(1),
            BreakerMinuteItem.start.set(start),
            BreakerMinuteItem.expires_at.set(start + KEEP),
            BreakerMinuteItem.type.set(BreakerMinuteItem),
        ]
    )


def _state(tenant_id: str, provider: str) -> BreakerStateItem:
    return BreakerStateItem(_partition(tenant_id, provider), "STATE")


def open_(tenant_id: str, provider: str, now: datetime) -> None:
    _state(tenant_id, provider).update(
        actions=[BreakerStateItem.opened_at.set(now), BreakerStateItem.type.set(BreakerStateItem)]
    )


def close(tenant_id: str, provider: str, now: datetime) -> None:
    _state(tenant_id, provider).update(
        actions=[BreakerStateItem.closed_at.set(now), BreakerStateItem.type.set(BreakerStateItem)]
    )


def claim_probe(tenant_id: str, provider: str, now: datetime, state: breaker.State) -> bool:
    """Let one probe out of a half-open breaker: whoever sets `probe_at` from the value read wins."""
    unchanged = (
        BreakerStateItem.probe_at.does_not_exist()
        if state.probe_at is None
        else BreakerStateItem.probe_at == state.probe_at
    )
    try:
        _state(tenant_id, provider).update(actions=[BreakerStateItem.probe_at.set(now)], condition=unchanged)
    except UpdateError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True


# --- the breaker as a sender uses it ------------------------------------------------------------


def usable(tenant_id: str, provider: str, now: datetime) -> breaker.Verdict | None:
    """How to send through `provider` now: CLOSED (send), HALF_OPEN (send: this one is the probe),
    or None (skip it: open, or half-open with its probe already out). One Query (and one update for a probe)."""
    minutes, state = read(tenant_id, provider, now)
    judged = breaker.verdict(minutes, state, now)
    if judged is breaker.Verdict.HALF_OPEN:
        return judged if claim_probe(tenant_id, provider, now, state) else None
    return judged if judged is breaker.Verdict.CLOSED else None


def record(tenant_id: str, provider: str, now: datetime, *, ok: bool, probe: bool = False) -> None:
    """Count a send's outcome: a probe's success closes the breaker; a failure that trips it, or a
    failed probe, opens it (a success costs one update; a failure an update and a Query)."""
    count(tenant_id, provider, now, ok=ok)
    if ok:
        if probe:
            close(tenant_id, provider, now)
        return
    minutes, state = read(tenant_id, provider, now)
    if probe or state.is_open or breaker.trips(minutes, state, now):
        open_(tenant_id, provider, now)
