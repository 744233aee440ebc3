"""What a member's preferences make of a rule (`audience.plan`): the chain in their order, less what
they muted or cannot be reached on; critical rules that cannot be muted; marketing that needs consent;
quiet hours in their own time zone, across midnight and Europe/London's clock changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from panacea.engagement.audience import Plan, Recipient, plan
from panacea.engagement.preference_models import NotificationSettings, Preferences
from panacea.engagement.quiet_hours import quiet_until
from panacea.engagement.rules import Rule
from panacea.platform.providers.channels import Channel

WA, SMS, EMAIL, WECHAT, PUSH = Channel.WHATSAPP, Channel.SMS, Channel.EMAIL, Channel.WECHAT, Channel.PUSH
NOON = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)
EVERYWHERE = {WA: "+447400123456", SMS: "+447400123456", EMAIL: "a@example.com", WECHAT: "oUpF8u", PUSH: "fcm:abc"}


def member(addresses: dict[Channel, str] | None = None, *, consent: bool = False, **prefs: Any) -> Recipient:
    return Recipient(
        member_id="m1",
        time_zone=prefs.pop("time_zone", "Europe/London"),
        addresses=EVERYWHERE if addresses is None else addresses,
        preferences=Preferences.model_validate(prefs),
        marketing_consent=consent,
    )


def rule(*channels: Channel, **kind: Any) -> Rule:
    return Rule(event_type="order.shipped", channels=list(channels or (WA, SMS, EMAIL)), **kind)


def test_without_preferences_the_rules_chain_goes_now():
    # Given a member who chose nothing, reachable everywhere
    # When an order.shipped rule is planned for them
    made = plan("t1", member(), rule(), NOON)
    # Then the rule's chain goes as it is, now
    assert made == Plan(channels=[WA, SMS, EMAIL])


def test_the_members_channel_order_comes_first_and_the_rules_order_after():
    # Given a member who prefers email, then push (which the rule does not use)
    me = member(channel_order=["email", "push"])
    # When the rule WhatsApp → SMS → email is planned
    made = plan("t1", me, rule(), NOON)
    # Then email leads and the rest keep the rule's order; push is not added
    assert made.channels == [EMAIL, WA, SMS]


def test_channels_without_an_address_are_left_out_and_none_left_is_unreachable():
    # Given a member with an email address only
    me = member({EMAIL: "a@example.com"})
    # When rules are planned for them
    # Then only email is in the chain, and a rule with no email is unreachable
    assert plan("t1", me, rule(), NOON).channels == [EMAIL]
    assert plan("t1", me, rule(WA, SMS), NOON) == Plan(skipped="unreachable")


def test_a_channel_turned_off_is_left_out_unless_the_workflow_turns_it_on():
    # Given a member who turned SMS off everywhere, but on for order.shipped, and WhatsApp off for it
    me = member(
        channels={"sms": False, "email": False},
        workflows={"order.shipped": {"channels": {"sms": True, "whatsapp": False}}},
    )
    # When order.shipped and order.paid are planned
    shipped = plan("t1", me, rule(), NOON)
    paid = plan("t1", me, Rule(event_type="order.paid", channels=[WA, SMS, EMAIL]), NOON)
    # Then the workflow's own say wins over the channel's
    assert shipped.channels == [SMS]
    assert paid.channels == [WA]


def test_a_workflow_turned_off_or_every_channel_muted_is_skipped_as_muted():
    # Given a member who turned order.shipped off, and one who turned off every channel of the rule
    off = member(workflows={"order.shipped": {"enabled": False}})
    silent = member(channels={"whatsapp": False, "sms": False, "email": False})
    # Then nothing is sent to either, as muted
    assert plan("t1", off, rule(), NOON) == Plan(skipped="muted")
    assert plan("t1", silent, rule(), NOON) == Plan(skipped="muted")


def test_a_global_opt_out_skips_everything_but_critical_messages():
    # Given a member who opted out of everything, with SMS off too
    me = member(opted_out=True, channels={"sms": False}, workflows={"order.shipped": {"enabled": False}})
    # When a plain rule and a critical one are planned
    # Then the plain one is skipped and the critical one cannot be muted: its whole chain goes
    assert plan("t1", me, rule(), NOON) == Plan(skipped="opted_out")
    assert plan("t1", me, rule(critical=True), NOON) == Plan(channels=[WA, SMS, EMAIL])


def test_a_critical_message_keeps_the_members_order_and_still_needs_an_address():
    # Given a member who prefers email and has no WhatsApp
    me = member({SMS: "+447400123456", EMAIL: "a@example.com"}, channel_order=["email"], opted_out=True)
    # When a critical rule is planned
    made = plan("t1", me, rule(critical=True), NOON)
    # Then it goes on their order, less what cannot reach them
    assert made.channels == [EMAIL, SMS]


def test_marketing_needs_recorded_consent():
    # Given a marketing rule, a member who never agreed and one who did
    offer = rule(marketing=True)
    # Then the first is skipped for want of consent, the second is told
    assert plan("t1", member(), offer, NOON) == Plan(skipped="no_consent")
    assert plan("t1", member(consent=True), offer, NOON).channels == [WA, SMS, EMAIL]


def test_marketing_with_consent_still_respects_an_opt_out():
    me = member(consent=True, opted_out=True)
    assert plan("t1", me, rule(marketing=True), NOON) == Plan(skipped="opted_out")


QUIET: dict[str, Any] = {"quiet_hours": {"start": "22:00", "end": "07:00"}}


def test_inside_quiet_hours_a_message_waits_until_they_end_but_a_critical_one_goes_now():
    # Given a London member quiet from 22:00 to 07:00, at 23:30 on a summer night (22:30 UTC)
    now = datetime(2026, 6, 10, 22, 30, tzinfo=UTC)
    me = member(**QUIET)
    # When a plain and a critical rule are planned
    plain, critical = plan("t1", me, rule(), now), plan("t1", me, rule(critical=True), now)
    # Then the plain one waits until 07:00 BST (06:00 UTC) the next morning; the critical one goes now
    assert plain.channels == [WA, SMS, EMAIL]
    assert plain.send_at == datetime(2026, 6, 11, 6, 0, tzinfo=UTC)
    assert critical.send_at is None


def test_outside_quiet_hours_nothing_waits():
    assert plan("t1", member(**QUIET), rule(), NOON).send_at is None


def test_quiet_hours_are_read_in_the_members_own_time_zone():
    # Given a Shanghai member quiet from 22:00 to 07:00, at 15:00 UTC (23:00 in Shanghai)
    me = member(time_zone="Asia/Shanghai", **QUIET)
    made = plan("t1", me, rule(), datetime(2026, 6, 10, 15, 0, tzinfo=UTC))
    # Then it waits until 07:00 in Shanghai (23:00 UTC)
    assert made.send_at == datetime(2026, 6, 10, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "ends"),
    [
        # the night the clocks go forward (Sunday 29 March 2026, 01:00 UTC): 07:00 is BST, 06:00 UTC
        (datetime(2026, 3, 28, 23, 0, tzinfo=UTC), datetime(2026, 3, 29, 6, 0, tzinfo=UTC)),
        (datetime(2026, 3, 29, 1, 30, tzinfo=UTC), datetime(2026, 3, 29, 6, 0, tzinfo=UTC)),
        # the night they go back (Sunday 25 October 2026, 01:00 UTC): 22:30 BST is 21:30 UTC; 07:00 is GMT
        (datetime(2026, 10, 24, 21, 30, tzinfo=UTC), datetime(2026, 10, 25, 7, 0, tzinfo=UTC)),
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), datetime(2026, 10, 25, 7, 0, tzinfo=UTC)),
    ],
)
def test_quiet_hours_across_londons_clock_changes_end_at_seven_local(now: datetime, ends: datetime):
    # Given a London member quiet from 22:00 to 07:00, on a night the clocks change
    made = plan("t1", member(**QUIET), rule(), now)
    # Then the message waits until 07:00 London time, whatever the offset that morning
    assert made.send_at == ends


def test_quiet_hours_start_by_the_local_clock_on_the_day_the_clocks_change():
    # Given quiet hours from 22:00: at 21:30 UTC on 24 October it is 22:30 BST (quiet), on 25 October 21:30 GMT (not)
    start, end = time(22, 0), time(7, 0)
    assert quiet_until(datetime(2026, 10, 24, 21, 30, tzinfo=UTC), start, end, "Europe/London") is not None
    assert quiet_until(datetime(2026, 10, 25, 21, 30, tzinfo=UTC), start, end, "Europe/London") is None


def test_quiet_hours_within_a_day_and_an_end_the_clocks_skip():
    # Given quiet hours within one day (13:00 to 14:00), and ones ending at 01:30 on the night 01:00-02:00 is skipped
    # (12:30 UTC is 13:30 in London in June: quiet until 14:00 BST; in UTC it is not quiet yet)
    assert quiet_until(datetime(2026, 6, 10, 12, 30, tzinfo=UTC), time(13), time(14), "Europe/London") == datetime(
        2026, 6, 10, 13, tzinfo=UTC
    )
    assert quiet_until(datetime(2026, 6, 10, 12, 30, tzinfo=UTC), time(13), time(14), "UTC") is None
    skipped = quiet_until(datetime(2026, 3, 29, 0, 30, tzinfo=UTC), time(23), time(1, 30), "Europe/London")
    # Then the period ends an hour later by the new clock (02:30 BST, 01:30 UTC), never before it began
    assert skipped == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_the_whatsapp_window_is_carried_and_whatsapp_stays_in_the_chain_outside_it():
    # Given a member whose WhatsApp window closed an hour ago, and one whose is open
    closed = Recipient(member_id="m1", addresses=EVERYWHERE, whatsapp_window_until=NOON - timedelta(hours=1))
    open_ = Recipient(member_id="m2", addresses=EVERYWHERE, whatsapp_window_until=NOON + timedelta(hours=1))
    # When a rule is planned for each
    # Then WhatsApp stays first for both (outside the window the delivery sends an approved template),
    # and the window is the recipient's for the delivery to read
    assert plan("t1", closed, rule(), NOON).channels[0] == WA
    assert plan("t1", open_, rule(), NOON).channels[0] == WA
    assert open_.whatsapp_window_until == NOON + timedelta(hours=1)


def test_settings_refuse_what_is_not_a_setting():
    # Given settings with an unknown locale, a time zone that is none, quiet hours of no length,
    # and a channel named twice in the order
    bad = {
        "locale": "fr-FR",
        "time_zone": "Europe/Atlantis",
        "quiet_hours": {"start": "22:00", "end": "22:00"},
        "channel_order": ["sms", "sms"],
    }
    # When they are read
    with pytest.raises(ValidationError) as refused:
        NotificationSettings.model_validate(bad)
    # Then each is named
    assert {e["loc"][0] for e in refused.value.errors()} == {"locale", "time_zone", "quiet_hours", "channel_order"}
