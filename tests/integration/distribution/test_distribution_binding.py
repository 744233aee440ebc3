"""Binding members to the distributors who brought them: never to themselves, never into a loop,
never to a suspended, removed or unknown distributor; by the tenant's rules (permanent, for N
days, last click wins; anyone or new members only); staff rebind and unbind with a reason, kept in
the member's history; each binding keeps its evidence."""

from __future__ import annotations

from datetime import timedelta

import pytest

from panacea.platform import clock
from panacea.platform.ids import new_id
from tests.integration.distribution.network import Network, network
from tests.support import call, eventually, signed_up_member


@pytest.fixture(scope="module")
def net() -> Network:
    return network()


def test_a_code_used_at_registration_binds_with_its_evidence(net: Network):
    # Given a distributor
    a = net.appoint()
    # When a new member registers with their code
    b = net.new_member()
    net.registered(b, code=net.codes[a].lower())
    # Then the member is bound to them, with how, when, the code and the rules' version
    record = net.record(b)
    assert record is not None
    assert (record["referrer_id"], record["how"], record["code"], record["active"]) == (
        a,
        "registration",
        net.codes[a],
        True,
    )
    assert record["until"] is None
    assert len(record["rule_version"]) == 12
    assert [(h["how"], h["to_referrer"], h["by"]) for h in record["history"]] == [("registration", a, "member")]
    # And the distributor sees them in their team at level 1
    team = call("GET", "/v1/me/team", caller=net.member(a)).body
    assert [(m["member_id"], m["level"]) for m in team["items"]] == [(b, 1)]


def test_no_one_is_bound_to_themselves(net: Network):
    # Given a distributor
    a = net.appoint()
    # When they pay an order with their own code
    net.paid(a, code=net.codes[a])
    # Then they are bound to no one
    assert net.record(a) is None
    # And staff cannot bind them to themselves either
    refused = call(
        "PUT", f"/v1/distribution/bindings/{a}", caller=net.owner, body={"referrer_id": a, "reason": "testing"}
    )
    assert refused.status == 422, refused.body
    assert refused.body["errors"] == [{"field": "referrer_id", "code": "self", "message": refused.body["detail"]}]


def test_no_loop_is_made_at_any_depth(net: Network):
    # Given a chain C → B → A (C bound to B, B bound to A), all distributors
    a, b, c = net.appoint(), net.appoint(), net.appoint()
    net.bound(b, a)
    net.bound(c, b)
    # When A pays an order with C's code (A → C would close A → C → B → A)
    net.paid(a, code=net.codes[c])
    # Then A stays bound to no one
    assert net.referrer(a) is None
    # And staff are refused the same loop, naming it
    refused = call(
        "PUT", f"/v1/distribution/bindings/{a}", caller=net.owner, body={"referrer_id": c, "reason": "moving teams"}
    )
    assert refused.status == 422, refused.body
    assert refused.body["errors"][0]["code"] == "loop"
    # And A's level-2 team is C, through B
    deep = call("GET", f"/v1/distributors/{a}/team?level=2", caller=net.owner).body
    assert [(m["member_id"], m["level"], m["referrer_id"]) for m in deep["items"]] == [(c, 2, b)]


def test_a_suspended_removed_or_unknown_referrer_binds_no_one(net: Network):
    # Given a suspended distributor, a removed one and a member who is no distributor
    suspended, removed, nobody = net.appoint(), net.appoint(), net.new_member()
    kept = net.new_member()
    net.bound(kept, removed)
    reason = {"reason": "breach of the terms"}
    assert call("POST", f"/v1/distributors/{suspended}/suspend", caller=net.owner, body=reason).status == 200
    assert call("POST", f"/v1/distributors/{removed}/remove", caller=net.owner, body=reason).status == 200
    # When members use their codes, and an unknown one
    m1, m2, m3 = net.new_member(), net.new_member(), net.new_member()
    net.registered(m1, code=net.codes[suspended])
    net.paid(m2, code=net.codes[removed])
    net.registered(m3, code="NOSUCHCODE")
    # Then no one is bound
    assert [net.record(m) for m in (m1, m2, m3)] == [None, None, None]
    # And staff cannot bind to them either
    for referrer in (suspended, removed, nobody):
        body = {"referrer_id": referrer, "reason": "testing"}
        refused = call("PUT", f"/v1/distribution/bindings/{m1}", caller=net.owner, body=body)
        assert (refused.status, refused.body["errors"][0]["code"]) == (422, "referrer_not_active"), refused.body
    # But the removed distributor's network stays bound to them
    assert net.referrer(kept) == removed
    # And a suspended distributor appointed again binds again
    again = call("POST", "/v1/distributors", caller=net.owner, body={"member_id": suspended})
    assert (again.status, again.body["status"], again.body["referral_code"]) == (201, "active", net.codes[suspended])
    net.registered(m1, code=net.codes[suspended])
    assert net.referrer(m1) == suspended


def test_a_permanent_binding_keeps_its_first_referrer():
    # Given a tenant whose bindings are permanent (the default), a member bound to A
    net = network()
    a, b, m = net.appoint(), net.appoint(), net.new_member()
    net.bound(m, a)
    # When the member pays an order with B's code
    net.paid(m, code=net.codes[b])
    # Then they stay bound to A
    assert net.referrer(m) == a


def test_the_last_click_wins():
    # Given a tenant where the last code used wins, a member bound to A
    net = network()
    net.rules(binding_term="last_click")
    a, b, m = net.appoint(), net.appoint(), net.new_member()
    net.bound(m, a)
    # When the member pays an order with B's code
    net.paid(m, code=net.codes[b])
    # Then they are bound to B, by checkout, and their history shows both
    record = net.record(m)
    assert record is not None
    assert (record["referrer_id"], record["how"]) == (b, "checkout")
    assert [(h["from_referrer"], h["to_referrer"]) for h in record["history"]] == [(a, b), (None, a)]
    # And A's team no longer holds them; B's does
    assert call("GET", f"/v1/distributors/{a}/team", caller=net.owner).body["items"] == []
    assert [t["member_id"] for t in call("GET", f"/v1/distributors/{b}/team", caller=net.owner).body["items"]] == [m]


def test_new_members_only_binds_before_the_first_paid_order():
    # Given a tenant whose codes bind new members only
    net = network()
    net.rules(binding_scope="new_members")
    a = net.appoint()
    veteran, newcomer, registering = net.new_member(), net.new_member(), net.new_member()
    net.paid(veteran, code=None)  # has bought before
    # When a member who has bought before pays with A's code, a new one pays with it, one registers with it
    net.paid(veteran, code=net.codes[a])
    net.paid(newcomer, code=net.codes[a])
    net.registered(registering, code=net.codes[a])
    # Then only the new ones are bound
    assert (net.referrer(veteran), net.referrer(newcomer), net.referrer(registering)) == (None, a, a)


def test_a_binding_for_n_days_lapses_and_the_member_can_be_bound_again():
    # Given a tenant whose bindings last 30 days, a member bound to A
    net = network()
    net.rules(binding_term="days", binding_days=30)
    a, b, m = net.appoint(), net.appoint(), net.new_member()
    start = clock.now()
    with clock.use_clock(clock.FixedClock(start)) as fixed:
        net.bound(m, a)
        assert net.record(m)["until"] is not None  # type: ignore[index]
        # When they use B's code within the 30 days
        fixed.advance(days=29)
        net.paid(m, code=net.codes[b])
        # Then they stay with A
        assert net.referrer(m) == a
        # When the 30 days are over
        fixed.advance(days=2)
        # Then they are bound to no one, and A's team no longer shows them
        assert net.referrer(m) is None
        assert call("GET", "/v1/me/referrer", caller=net.member(m)).body["active"] is False
        assert call("GET", "/v1/me/team", caller=net.member(a)).body["items"] == []
        # And B's code binds them now
        net.paid(m, code=net.codes[b])
        assert net.referrer(m) == b
    assert fixed.now() - start == timedelta(days=31)


def test_staff_rebind_and_unbind_with_a_reason_kept_in_the_history(net: Network):
    # Given a member bound to A
    a, b, m = net.appoint(), net.appoint(), net.new_member()
    net.bound(m, a)
    # When staff bind them to B, then unbind them
    moved = call(
        "PUT", f"/v1/distribution/bindings/{m}", caller=net.owner, body={"referrer_id": b, "reason": "wrong code"}
    )
    assert (moved.status, moved.body["referrer_id"], moved.body["how"]) == (200, b, "staff"), moved.body
    unbound = call("POST", f"/v1/distribution/bindings/{m}/unbind", caller=net.owner, body={"reason": "asked to"})
    assert (unbound.status, unbound.body["referrer_id"], unbound.body["active"]) == (200, None, False)
    # Then the history says who did what and why, newest first
    record = net.record(m)
    assert record is not None
    assert [(h["by"], h["from_referrer"], h["to_referrer"], h["reason"]) for h in record["history"]] == [
        ("owner-1", b, None, "asked to"),
        ("owner-1", a, b, "wrong code"),
        ("member", None, a, None),
    ]
    # And unbinding again is a 404 naming the member
    again = call("POST", f"/v1/distribution/bindings/{m}/unbind", caller=net.owner, body={"reason": "asked to"})
    assert (again.status, again.body["errors"][0]["field"]) == (404, "path.member_id")


def test_a_chinese_tenant_pays_at_most_two_levels():
    # Given a tenant in China and one in Britain
    china, britain = network(jurisdiction="CN", currency="CNY", locale="zh-CN"), network()
    # When each asks for three levels
    three = {"distribution": {"levels": 3, "level_rates_bps": [800, 400, 200]}}
    refused = call("PATCH", "/v1/tenant/settings", caller=china.owner, body=three)
    allowed = call("PATCH", "/v1/tenant/settings", caller=britain.owner, body=three)
    # Then China's is refused, naming the levels; Britain's is taken
    assert refused.status == 422, refused.body
    assert "at most 2 levels" in refused.body["errors"][0]["message"]
    assert allowed.status == 200, allowed.body
    assert allowed.body["settings"]["distribution"]["levels"] == 3


def test_a_member_who_registers_through_a_share_link_is_bound_once_confirmed(net: Network):
    # Given a distributor
    a = net.appoint()
    # When someone registers in the tenant's app with their code (the share link's) and confirms
    email = f"invited-{new_id().lower()}@example.com"
    b = signed_up_member(net.slug, email, "Harbour-Gene-2026!", referral_code=net.codes[a])
    # Then identity's member.registered carries the code, and distribution binds them
    eventually(lambda: net.referrer(b) == a, what="the registered member was never bound")
    record = net.record(b)
    assert record is not None
    assert record["how"] == "registration"


def test_a_member_rebound_more_often_than_the_history_shows_still_has_their_binding_read(net: Network):
    # Given a member staff have moved between two distributors 21 times (the record shows 20 changes)
    a, b, m = net.appoint(), net.appoint(), net.new_member()
    for n in range(21):
        body = {"referrer_id": (a, b)[n % 2], "reason": f"move {n}"}
        assert call("PUT", f"/v1/distribution/bindings/{m}", caller=net.owner, body=body).status == 200
    # When staff read the member's binding
    record = net.record(m)
    # Then it is there, bound to A (the last move), with the latest 20 changes, newest first
    assert record is not None
    assert (record["referrer_id"], len(record["history"]), record["history"][0]["reason"]) == (a, 20, "move 20")
