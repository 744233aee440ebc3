"""Quiet hours across London's clock changes, end to end: a member sets 22:00 to 07:00 in Europe/London
through the API, and the events the fan-out takes in the nights the clocks change wait until 07:00 by
the member's own clock (06:00 UTC the morning after they go forward, 07:00 UTC after they go back);
a critical event goes at once. The message is read back as staff read it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from panacea.engagement import fanout
from panacea.platform import clock
from panacea.platform.events import Envelope, EventMetadata
from panacea.platform.isolation import acting_for
from tests.support import call, onboard, signed_up_member, staff


@pytest.fixture(scope="module")
def member() -> dict[str, str]:
    """A member of a new tenant, quiet from 22:00 to 07:00 in London."""
    tenant = onboard()
    email = f"quiet-{uuid.uuid4().hex[:10]}@example.com"
    me = staff(tenant["id"], "member", user_id=signed_up_member(tenant["slug"], email, "Harbour-Gene-2026!"))
    chosen = {"time_zone": "Europe/London", "quiet_hours": {"start": "22:00", "end": "07:00"}}
    assert call("PUT", "/v1/me/notification-preferences", caller=me, body=chosen).status == 200
    return me


def _fanned_out(member: dict[str, str], event_type: str, at: datetime, **data: Any) -> dict[str, Any]:
    """`event_type` about the member taken by the fan-out at `at`; its message as staff read it then."""
    tenant_id = member["tenant_id"]
    metadata = EventMetadata(event_id=uuid.uuid4().hex, event_version=1, tenant_id=tenant_id, correlation_id="dst",
                             occurred_at=at)  # fmt: skip
    with clock.use_clock(clock.FixedClock(at)), acting_for(tenant_id):
        made = fanout.fan_out(event_type, Envelope(metadata=metadata, data={"member_id": member["user_id"], **data}))
        assert made.message_id is not None, made
        read = call("GET", f"/v1/notifications/{made.message_id}", caller=staff(tenant_id, "owner"))
    assert read.status == 200, read.body
    return dict(read.body)


@pytest.mark.parametrize(
    ("at", "ends"),
    [
        # the night London's clocks go forward (01:00 UTC, 29 March 2026): 07:00 BST is 06:00 UTC
        (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "2026-03-29T06:00:00Z"),
        (datetime(2026, 3, 29, 1, 30, tzinfo=UTC), "2026-03-29T06:00:00Z"),
        # the night they go back (01:00 UTC, 25 October 2026): 07:00 GMT is 07:00 UTC
        (datetime(2026, 10, 24, 22, 30, tzinfo=UTC), "2026-10-25T07:00:00Z"),
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), "2026-10-25T07:00:00Z"),
    ],
)
def test_a_message_in_quiet_hours_on_a_night_the_clocks_change_waits_until_seven_local(member, at, ends):
    # When the member's order is paid in the night
    message = _fanned_out(member, "order.paid", at, order_id="A-1", total={"amount": 4500, "currency": "GBP"})
    # Then its message waits until 07:00 by the member's clock
    assert (message["status"], message["send_at"]) == ("waiting", ends)
    assert message["hops"][0]["status"] == "waiting"


def test_a_critical_message_in_quiet_hours_goes_at_once(member):
    # When the member's report is released in the night the clocks go back
    message = _fanned_out(member, "report.released", datetime(2026, 10, 25, 1, 30, tzinfo=UTC), report_id="R-1")
    # Then its message is queued to go now
    assert (message["status"], message["send_at"]) == ("queued", None)
