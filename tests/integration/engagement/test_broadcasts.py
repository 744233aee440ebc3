"""Broadcasts page through a tag's members: every reachable member gets one message, the pages are
counted, members the plan leaves out are counted by reason, and a page delivered again writes and
counts nothing twice."""

from __future__ import annotations

import uuid

import pytest

from panacea.engagement import broadcasts, rules
from panacea.platform.isolation import acting_for
from panacea.platform.providers.channels import Channel
from tests.integration.engagement.intake_support import owner
from tests.integration.stripe_support import shop
from tests.support import call
from tests.support.builders import eventually

NEWS = rules.Rule(event_type="news.published", channels=[Channel.EMAIL], marketing=True)


@pytest.fixture(scope="module")
def tenant() -> str:
    return shop()


@pytest.fixture
def news_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    real = rules.rule_for
    monkeypatch.setattr(rules, "rule_for", lambda t, e: NEWS if e == "news.published" else real(t, e))


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(broadcasts, "PAGE", 3)
    monkeypatch.setattr(broadcasts, "AUDIENCE_READ", 2)


def test_a_broadcast_reaches_every_reachable_member_of_the_tag_page_by_page(tenant, members, sent, news_rule,
                                                                            small_pages):  # fmt: skip
    # Given eight members tagged `bp`: one reachable by push only, one who never agreed to marketing; and one untagged
    tag = f"bp-{uuid.uuid4().hex[:6]}"
    tagged = [members.member(f"m-{i}-{tag}", tag) for i in range(6)]
    members.member(f"push-{tag}", tag, channels=(Channel.PUSH,))
    members.member(f"no-consent-{tag}", tag, consent=False)
    members.member(f"other-{tag}")
    # When staff broadcast news to the tag
    started = call("POST", "/v1/broadcasts", caller=owner(tenant), body={"tag": tag, "event_type": "news.published",
                                                                         "data": {"title": "Salt"}})  # fmt: skip
    assert started.status == 202, started.body
    # Then its three pages are sent, six messages accepted, one member skipped as unreachable, one for no consent
    done = eventually(lambda: (b := call("GET", f"/v1/broadcasts/{started.body['id']}", caller=owner(tenant)).body)
                      ["status"] == "done" and b, what="the broadcast done")  # fmt: skip
    assert (done["pages_done"], done["accepted"], done["skipped"]) == (3, 6, {"unreachable": 1, "no_consent": 1})
    # And each tagged member has one message on the email queue, of this broadcast
    listed, cursor = [], None
    while True:
        page = call("GET", f"/v1/notification-requests/{started.body['id']}/messages?limit=4"
                    + (f"&cursor={cursor}" if cursor else ""), caller=owner(tenant)).body  # fmt: skip
        listed += page["items"]
        if not (cursor := page.get("next_cursor")):
            break
    assert sorted(m["member_id"] for m in listed) == sorted(tagged)
    ours = {m["id"] for m in listed}  # (earlier tests' messages may still be moving along their chains)
    assert len([w for w in sent.bodies("engagement-email") if w["message_id"] in ours]) == 6
    # When its first page is delivered again
    with acting_for(tenant):
        again = broadcasts.send_page(broadcasts.PageWork(tenant_id=tenant, broadcast_id=started.body["id"], page=0),
                                     retried=True)  # fmt: skip
    # Then nothing is written or counted twice
    assert again == 0
    assert call("GET", f"/v1/broadcasts/{started.body['id']}", caller=owner(tenant)).body["accepted"] == 6


def test_a_broadcast_of_an_event_without_a_rule_is_refused(tenant):
    answer = call("POST", "/v1/broadcasts", caller=owner(tenant), body={"tag": "t", "event_type": "nothing.here"})
    assert (answer.status, answer.problem_fields) == (422, ["event_type"])
