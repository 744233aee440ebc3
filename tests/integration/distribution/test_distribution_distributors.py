"""Who distributes: staff appoint, suspend and remove distributors where the tenant appoints them;
every member may become one where it lets everyone; a member whose paid orders reach its threshold
becomes one; nobody new where it is off. Each has a referral code of their own."""

from __future__ import annotations

from panacea.distribution import dal
from tests.integration.distribution.network import network, new_member
from tests.support import call


def test_staff_appoint_suspend_and_remove_distributors():
    # Given a tenant whose distributors are appointed (the default)
    net = network()
    m = net.new_member()
    # When a member asks to become one
    asked = call("POST", "/v1/me/distributor", caller=net.member(m))
    # Then they are told staff appoint them
    assert (asked.status, asked.body["type"]) == (409, "/errors/not-eligible-to-distribute")
    assert call("GET", "/v1/me/distributor", caller=net.member(m)).status == 404
    # When staff appoint them a pharmacy
    made = call("POST", "/v1/distributors", caller=net.owner, body={"member_id": m, "kind": "pharmacy"})
    # Then they have a profile with a code of their own
    assert made.status == 201, made.body
    assert made.headers["Location"] == f"/v1/distributors/{m}"
    mine = call("GET", "/v1/me/distributor", caller=net.member(m)).body
    assert (mine["kind"], mine["status"], mine["became"]) == ("pharmacy", "active", "appointed")
    assert len(mine["referral_code"]) == 8
    # And appointing them again is a conflict
    again = call("POST", "/v1/distributors", caller=net.owner, body={"member_id": m})
    assert (again.status, again.body["errors"][0]["field"]) == (409, "member_id")
    # When staff suspend then remove them
    reason = {"reason": "breach of the terms"}
    assert call("POST", f"/v1/distributors/{m}/suspend", caller=net.owner, body=reason).body["status"] == "suspended"
    removed = call("POST", f"/v1/distributors/{m}/remove", caller=net.owner, body=reason).body
    assert (removed["status"], removed["status_reason"]) == ("removed", "breach of the terms")
    # Then the lists by status say so, and suspending a removed one is a conflict
    listed = call("GET", "/v1/distributors?status=removed", caller=net.owner).body["items"]
    assert [d["member_id"] for d in listed] == [m]
    assert call("GET", "/v1/distributors?status=active", caller=net.owner).body["items"] == []
    assert call("POST", f"/v1/distributors/{m}/suspend", caller=net.owner, body=reason).status == 409
    # And no one can appoint someone who is not a member of the tenant
    stranger = call("POST", "/v1/distributors", caller=net.owner, body={"member_id": new_member()})
    assert (stranger.status, stranger.body["errors"][0]["field"]) == (404, "member_id"), stranger.body
    # And a member may not run the network
    assert call("POST", "/v1/distributors", caller=net.member(), body={"member_id": m}).status == 403


def test_where_everyone_may_distribute_members_join_and_new_ones_are_made_distributors():
    # Given a tenant that lets everyone distribute
    net = network()
    net.rules(who_may_distribute="everyone")
    m = net.new_member()
    # When a member asks, twice
    first = call("POST", "/v1/me/distributor", caller=net.member(m))
    second = call("POST", "/v1/me/distributor", caller=net.member(m))
    # Then they are a distributor once, with one code
    assert (first.status, first.body["became"]) == (200, "joined")
    assert second.body["referral_code"] == first.body["referral_code"]
    # And a member who registers is made one
    registering = net.new_member()
    net.registered(registering, code=None)
    assert call("GET", "/v1/me/distributor", caller=net.member(registering)).body["became"] == "joined"


def test_a_member_who_asks_while_the_rule_makes_them_a_distributor_gets_their_profile(monkeypatch):
    # Given a tenant that lets everyone distribute, and a member its rule made a distributor as they
    # registered, just after their own request read that they were none
    net = network()
    net.rules(who_may_distribute="everyone")
    m = net.new_member()
    net.registered(m, code=None)
    reads = iter([None])
    read = dal.distributor
    monkeypatch.setattr(dal, "distributor", lambda *a, **k: next(reads, read(*a, **k)))
    # When the request makes them one
    asked = call("POST", "/v1/me/distributor", caller=net.member(m))
    # Then it answers the profile the rule made, not a conflict
    assert (asked.status, asked.body["became"]) == (200, "joined"), asked.body
    assert next(reads, "read again") == "read again"


def test_a_member_whose_paid_orders_reach_the_threshold_becomes_a_distributor():
    # Given a tenant whose members distribute once they have paid £50
    net = network()
    net.rules(who_may_distribute="spending", spending_threshold=5000)
    m = net.new_member()
    # When they pay £30, and ask
    net.paid(m, code=None, amount=3000)
    early = call("POST", "/v1/me/distributor", caller=net.member(m))
    # Then they are not one yet
    assert early.status == 409
    # When they pay £30 more (the same order delivered twice counts once)
    order_id = net.paid(m, code=None, amount=3000)
    net.paid(m, code=None, amount=3000, order_id=order_id)
    # Then they are one
    mine = call("GET", "/v1/me/distributor", caller=net.member(m))
    assert (mine.status, mine.body.get("became")) == (200, "spending"), mine.body


def test_where_distribution_is_off_nobody_becomes_a_distributor():
    # Given a tenant that takes no new distributors
    net = network()
    net.rules(who_may_distribute="off")
    # When staff appoint a member
    refused = call("POST", "/v1/distributors", caller=net.owner, body={"member_id": net.new_member()})
    # Then they are told distribution takes no one new
    assert (refused.status, refused.body["type"]) == (409, "/errors/distribution-off")
