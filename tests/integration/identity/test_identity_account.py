"""A member's own account: profile, a new email or phone re-verified by a code sent to it, and
the address book with its default."""

from __future__ import annotations

import random
import uuid

import pytest

from tests.support import call, code_sent_to, onboard, outbox, signed_up_member, staff

PASSWORD = "Harbour-Gene-2026!"
HOME = {
    "label": "Home",
    "recipient": "Mei Chen",
    "phone": "07400 123456",
    "line1": "12 Harbour Street",
    "city": "Bristol",
    "postcode": "BS1 4RN",
    "country": "GB",
}


@pytest.fixture(scope="module")
def tenant():
    return onboard()


@pytest.fixture
def member(tenant) -> tuple[str, dict[str, str]]:
    """A confirmed member: their email, and the authorizer context their token gives."""
    email = f"member-{uuid.uuid4().hex[:10]}@example.com"
    user_id = signed_up_member(tenant["slug"], email, PASSWORD, individual={"real_name": "Mei Chen"})
    return email, staff(tenant["id"], "member", user_id=user_id)


def test_a_member_reads_and_edits_their_profile(tenant, member):
    _, me = member
    # When they add their details
    patched = call(
        "PATCH",
        "/v1/me",
        caller=me,
        body={"individual": {"birth_date": "1986-04-12", "sex": "female", "occupation": "teacher"}},
    )
    # Then their profile has them, and what they gave at registration stays
    assert patched.status == 200
    profile = call("GET", "/v1/me", caller=me).body
    assert profile["individual"] == {
        "real_name": "Mei Chen",
        "birth_date": "1986-04-12",
        "sex": "female",
        "occupation": "teacher",
        "extras": {},
    }
    # And null clears a detail
    cleared = call("PATCH", "/v1/me", caller=me, body={"individual": {"occupation": None}}).body
    assert cleared["individual"]["occupation"] is None


def test_profile_edits_are_checked_field_by_field(tenant, member):
    _, me = member
    wrong_kind = call("PATCH", "/v1/me", caller=me, body={"group": {"company_name": "Acme"}})
    bad_date = call("PATCH", "/v1/me", caller=me, body={"individual": {"birth_date": "1850-02-30"}})
    assert (wrong_kind.status, wrong_kind.problem_fields) == (422, ["group"])
    assert (bad_date.status, bad_date.problem_fields) == (422, ["individual.birth_date"])


def test_a_new_email_counts_only_once_its_code_comes_back(tenant, member):
    old, me = member
    new = f"new-{uuid.uuid4().hex[:10]}@example.com"
    # When the member asks to change their email
    asked = call("POST", "/v1/me/email", caller=me, body={"email": new})
    # Then a code goes to the new address, and nothing has changed yet
    assert asked.status == 202
    assert call("GET", "/v1/me", caller=me).body["email"] == old
    # When a wrong code comes back, then the right one
    code = code_sent_to(new)
    wrong = call("POST", "/v1/me/email/confirm", caller=me, body={"code": "000000" if code != "000000" else "111111"})
    confirmed = call("POST", "/v1/me/email/confirm", caller=me, body={"code": code})
    # Then only the right one changes the email, and the old address is told
    assert wrong.status == 400
    assert (confirmed.status, confirmed.body["email"]) == (200, new)
    assert "was changed" in outbox(old)[-1]["subject"]
    # And they sign in with the new email, no longer with the old
    sign_in = {"tenant": tenant["slug"], "password": PASSWORD}
    assert call("POST", "/v1/auth/sign-in", caller=None, body={**sign_in, "email": new}).status == 200
    assert call("POST", "/v1/auth/sign-in", caller=None, body={**sign_in, "email": old}).status == 401


def test_an_email_held_by_another_account_cannot_be_taken(tenant, member):
    _, me = member
    other = f"other-{uuid.uuid4().hex[:10]}@example.com"
    signed_up_member(tenant["slug"], other, PASSWORD)
    call("POST", "/v1/me/email", caller=me, body={"email": other})
    taken = call("POST", "/v1/me/email/confirm", caller=me, body={"code": code_sent_to(other)})
    assert taken.status == 409
    assert taken.problem_fields == ["email"]


def test_a_new_mobile_number_is_verified_by_sms(tenant, member):
    _, me = member
    mobile = f"+447400{random.randrange(10**6):06d}"
    assert call("POST", "/v1/me/phone", caller=me, body={"phone": "0" + mobile.removeprefix("+44")}).status == 202
    confirmed = call("POST", "/v1/me/phone/confirm", caller=me, body={"code": code_sent_to(mobile)})
    assert (confirmed.status, confirmed.body["phone"]) == (200, mobile)
    bad = call("POST", "/v1/me/phone", caller=me, body={"phone": "12345"})
    assert (bad.status, bad.problem_fields) == (422, ["phone"])


def test_the_first_address_is_the_default_and_one_default_remains(tenant, member):
    _, me = member
    # When a member adds two addresses
    home = call("POST", "/v1/me/addresses", caller=me, body=HOME)
    work = call("POST", "/v1/me/addresses", caller=me, body={**HOME, "label": "Work", "line1": "1 Quay"})
    # Then the first is the default, its phone in E.164, and the second is not
    assert home.status == 201
    assert home.headers["Location"] == f"/v1/me/addresses/{home.body['id']}"
    assert (home.body["default"], home.body["phone"]) == (True, "+447400123456")
    assert work.body["default"] is False
    assert call("GET", "/v1/me", caller=me).body["default_address_id"] == home.body["id"]
    # When the second becomes the default
    call("POST", f"/v1/me/addresses/{work.body['id']}/default", caller=me)
    # Then exactly one address is the default
    listed = call("GET", "/v1/me/addresses", caller=me).body["items"]
    assert {a["id"]: a["default"] for a in listed} == {work.body["id"]: True, home.body["id"]: False}
    # And the default cannot be removed while another address remains
    refused = call("DELETE", f"/v1/me/addresses/{work.body['id']}", caller=me)
    assert (refused.status, refused.body["type"]) == (409, "/errors/address-book")
    # But the other can, and then the default, last
    assert call("DELETE", f"/v1/me/addresses/{home.body['id']}", caller=me).status == 204
    assert call("DELETE", f"/v1/me/addresses/{work.body['id']}", caller=me).status == 204
    assert call("GET", "/v1/me", caller=me).body["default_address_id"] is None


def test_adding_an_address_as_default_moves_the_default(tenant, member):
    _, me = member
    first = call("POST", "/v1/me/addresses", caller=me, body=HOME).body
    second = call("POST", "/v1/me/addresses", caller=me, body={**HOME, "line1": "2 Dock", "default": True}).body
    listed = {a["id"]: a["default"] for a in call("GET", "/v1/me/addresses", caller=me).body["items"]}
    assert listed == {first["id"]: False, second["id"]: True}


def test_addresses_list_newest_first_in_pages_and_change(tenant, member):
    _, me = member
    made = [
        call("POST", "/v1/me/addresses", caller=me, body={**HOME, "line1": f"{n} Quay"}).body["id"] for n in range(3)
    ]
    first = call("GET", "/v1/me/addresses?limit=2", caller=me).body
    second = call("GET", f"/v1/me/addresses?limit=2&cursor={first['next_cursor']}", caller=me).body
    assert [a["id"] for a in first["items"] + second["items"]] == made[::-1]
    changed = call("PATCH", f"/v1/me/addresses/{made[0]}", caller=me, body={"uses": ["reports"], "label": "Office"})
    assert (changed.body["uses"], changed.body["label"]) == (["reports"], "Office")
    cleared = call("PATCH", f"/v1/me/addresses/{made[0]}", caller=me, body={"recipient": None})
    assert (cleared.status, cleared.problem_fields) == (422, ["recipient"])


def test_a_bad_address_is_422_naming_its_fields(tenant, member):
    _, me = member
    answer = call("POST", "/v1/me/addresses", caller=me, body={**HOME, "phone": "12", "country": "England"})
    assert answer.status == 422
    assert set(answer.problem_fields) == {"phone", "country"}


def test_an_address_of_another_member_is_not_found(tenant, member):
    _, me = member
    other = staff(
        tenant["id"],
        "member",
        user_id=signed_up_member(tenant["slug"], f"o-{uuid.uuid4().hex[:8]}@example.com", PASSWORD),
    )
    theirs = call("POST", "/v1/me/addresses", caller=other, body=HOME).body
    assert call("PATCH", f"/v1/me/addresses/{theirs['id']}", caller=me, body={"label": "Mine"}).status == 404
    assert call("DELETE", f"/v1/me/addresses/{theirs['id']}", caller=me).status == 404
