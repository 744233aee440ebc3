"""Notification rules through EngagementTemplatesApi: the effective rules (the platform's merged with
the tenant's own), an override of channels, on/off and window that `rule_for` follows, a critical rule
that stays on, and one tenant's rules never another's."""

from __future__ import annotations

from panacea.engagement.rules import rule_for
from panacea.platform.isolation import acting_for
from panacea.platform.providers.channels import Channel
from tests.integration.engagement.template_support import owner
from tests.support import call, onboard, staff

RULES = "/v1/notification-rules"


def test_the_effective_rules_are_the_platforms_with_the_tenants_changes():
    # Given a tenant that moves order.shipped to SMS then email with a 30-minute window, and turns kit.registered off
    tenant, other = onboard()["id"], onboard()["id"]
    shipped = call("PUT", f"{RULES}/order.shipped", caller=owner(tenant),
                   body={"channels": ["sms", "email"], "receipt_window_s": 1800})  # fmt: skip
    off = call("PUT", f"{RULES}/kit.registered", caller=owner(tenant), body={"channels": ["email"], "enabled": False})

    # When it reads its rules
    rules = {r["event_type"]: r for r in call("GET", RULES, caller=owner(tenant)).body}

    # Then the changed ones are its own, the rest the platform's
    assert shipped.status == 200, shipped.body
    assert off.status == 200, off.body
    assert (rules["order.shipped"]["channels"], rules["order.shipped"]["receipt_window_s"]) == (["sms", "email"], 1800)
    assert rules["order.shipped"]["customised"] is True
    assert rules["kit.registered"]["enabled"] is False
    assert rules["order.paid"]["customised"] is False
    assert rules["report.released"]["critical"] is True
    assert "total" in rules["order.paid"]["variables"]
    assert rules["news.published"]["marketing"] is True
    # And rule_for follows them for this tenant only
    with acting_for(tenant):
        mine = rule_for(tenant, "order.shipped")
        assert rule_for(tenant, "kit.registered") is None
    with acting_for(other):
        theirs = rule_for(other, "order.shipped")
    assert mine is not None
    assert (mine.channels, mine.receipt_window_s) == ([Channel.SMS, Channel.EMAIL], 1800)
    assert theirs is not None
    assert theirs.channels[0] == Channel.WHATSAPP


def test_a_critical_rule_stays_on_and_bad_changes_name_the_field():
    tenant = onboard()["id"]

    off = call("PUT", f"{RULES}/sample.failed", caller=owner(tenant), body={"channels": ["sms"], "enabled": False})
    twice = call("PUT", f"{RULES}/order.paid", caller=owner(tenant), body={"channels": ["sms", "sms"]})
    unknown = call("PUT", f"{RULES}/order.placed", caller=owner(tenant), body={"channels": ["sms"]})
    fax = call("PUT", f"{RULES}/order.paid", caller=owner(tenant), body={"channels": ["fax"]})
    member = call(
        "PUT", f"{RULES}/order.paid", caller=staff(tenant, "member", user_id="m-1"), body={"channels": ["sms"]}
    )

    assert (off.status, off.body["errors"][0]["field"]) == (422, "enabled")
    assert (twice.status, twice.body["errors"][0]["field"]) == (422, "channels")
    assert (unknown.status, unknown.body["errors"][0]["field"]) == (404, "path.event_type")
    assert fax.status == 422
    assert fax.body["errors"][0]["field"].startswith("channels")
    assert member.status == 403
    # And the critical rule is still on, as the platform has it
    with acting_for(tenant):
        kept = rule_for(tenant, "sample.failed")
    assert kept is not None
    assert kept.critical
