"""Members register at a tenant by email or by phone, with the code read from the local outbox,
through identity's handler on the local platform."""

from __future__ import annotations

import json
import random
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from infra import wiring
from infra.local.invoke import invoke
from panacea.platform import clock
from tests.support import bearer, call, code_sent_to, gateway_request, onboard, outbox

PASSWORD = "Harbour-Gene-2026!"


@pytest.fixture(scope="module")
def tenant():
    return onboard()


def new_email() -> str:
    return f"member-{uuid.uuid4().hex[:10]}@example.com"


def new_mobile() -> str:
    return f"+447400{random.randrange(10**6):06d}"


def register_by_email(slug: str, email: str, password: str = PASSWORD, **extra):
    return call(
        "POST",
        "/v1/auth/register",
        caller=None,
        body={"tenant": slug, "kind": "individual", "email": email, "password": password, **extra},
    )


def confirm(slug: str, code: str, **login):
    return call("POST", "/v1/auth/register/confirm", caller=None, body={"tenant": slug, "code": code, **login})


def sign_in(slug: str, email: str, password: str = PASSWORD):
    return call("POST", "/v1/auth/sign-in", caller=None, body={"tenant": slug, "email": email, "password": password})


def test_a_member_registers_by_email_and_signs_in(tenant):
    # Given a visitor of the tenant's app with an email address
    email = new_email()
    # When they register with a password and their details
    registered = register_by_email(
        tenant["slug"], email, individual={"real_name": "Mei Chen", "birth_date": "1986-04-12", "sex": "female"}
    )
    # Then a code is on its way to that address, and nothing says whether it had an account
    assert registered.status == 202
    assert registered.body["channel"] == "email"
    assert registered.body["destination"].endswith("@example.com")
    [message] = outbox(email)
    assert tenant["name"] in message["subject"]
    # And they cannot sign in before confirming
    assert sign_in(tenant["slug"], email).status == 401
    # When they confirm with the emailed code
    confirmed = confirm(tenant["slug"], code_sent_to(email), email=email)
    assert confirmed.status == 200
    assert confirmed.body["status"] == "active"
    # Then they sign in, and the authorizer accepts the token they get for this tenant
    session = sign_in(tenant["slug"], email)
    assert session.status == 200
    assert session.body["tenant_id"] == tenant["id"]
    me = gateway_request("GET", "/v1/me", headers=bearer(session.body["id_token"]))
    assert me.status == 200
    assert (me.body["email"], me.body["kind"], me.body["roles"]) == (email, "individual", ["member"])
    assert me.body["individual"]["real_name"] == "Mei Chen"


def test_a_member_registers_by_phone_and_signs_in_with_sms_codes(tenant):
    # Given a visitor with a UK mobile number, typed as dialled in the tenant's country
    mobile = new_mobile()
    national = "0" + mobile.removeprefix("+44")
    # When they register as a group member with the number
    registered = call(
        "POST",
        "/v1/auth/register",
        caller=None,
        body={
            "tenant": tenant["slug"],
            "kind": "group",
            "phone": national,
            "group": {"company_name": "Acme Ltd", "contact_phone": "020 7946 0018"},
        },
    )
    # Then an SMS code goes to the number in E.164, which confirms the account
    assert registered.status == 202
    assert registered.body["channel"] == "sms"
    assert confirm(tenant["slug"], code_sent_to(mobile), phone=national).status == 200
    # When they ask to sign in by phone and send back the new code
    asked = call("POST", "/v1/auth/sign-in/sms", caller=None, body={"tenant": tenant["slug"], "phone": mobile})
    assert asked.status == 202
    session = call(
        "POST",
        "/v1/auth/sign-in/sms/verify",
        caller=None,
        body={"tenant": tenant["slug"], "phone": mobile, "code": code_sent_to(mobile)},
    )
    # Then they hold tokens the authorizer accepts, for their group account
    assert session.status == 200
    me = gateway_request("GET", "/v1/me", headers=bearer(session.body["id_token"]))
    assert (me.body["phone"], me.body["kind"], me.body["group"]["company_name"]) == (mobile, "group", "Acme Ltd")
    assert me.body["group"]["contact_phone"] == "+442079460018"
    # And the code worked once
    again = call(
        "POST",
        "/v1/auth/sign-in/sms/verify",
        caller=None,
        body={"tenant": tenant["slug"], "phone": mobile, "code": code_sent_to(mobile)},
    )
    assert again.status == 400
    assert again.body["type"] == "/errors/wrong-code"


def test_the_same_email_holds_separate_accounts_at_two_tenants_that_never_see_each_other(tenant):
    # Given the same person registered at two tenants, with different passwords
    other = onboard()
    email = new_email()
    for slug, password in [(tenant["slug"], PASSWORD), (other["slug"], "Other-Clinic-2026!")]:
        assert register_by_email(slug, email, password).status == 202
        assert confirm(slug, code_sent_to(email), email=email).status == 200
    # When they sign in at each
    here, there = sign_in(tenant["slug"], email), sign_in(other["slug"], email, "Other-Clinic-2026!")
    # Then they are two accounts, each in its own tenant
    assert (here.status, there.status) == (200, 200)
    assert here.body["user_id"] != there.body["user_id"]
    assert (here.body["tenant_id"], there.body["tenant_id"]) == (tenant["id"], other["id"])
    # And one tenant's password opens nothing at the other
    assert sign_in(other["slug"], email, PASSWORD).status == 401
    # And each token shows only its own account
    mine = gateway_request("GET", "/v1/me", headers=bearer(here.body["id_token"])).body
    theirs = gateway_request("GET", "/v1/me", headers=bearer(there.body["id_token"])).body
    assert (mine["tenant_id"], theirs["tenant_id"]) == (tenant["id"], other["id"])


def test_registering_an_address_that_has_an_account_answers_the_same_and_tells_the_owner(tenant):
    # Given a confirmed member
    email = new_email()
    register_by_email(tenant["slug"], email)
    confirm(tenant["slug"], code_sent_to(email), email=email)
    # When someone registers the same address again
    again = register_by_email(tenant["slug"], email, "Someone-Else-2026!")
    # Then the answer is the one anyone gets, and the owner is told by email instead of sent a code
    fresh = register_by_email(tenant["slug"], new_email())
    assert (again.status, fresh.status) == (202, 202)
    assert {k: v for k, v in again.body.items() if k != "destination"} == {
        k: v for k, v in fresh.body.items() if k != "destination"
    }
    assert "already has an account" in outbox(email)[-1]["text"]
    # And their password is untouched
    assert sign_in(tenant["slug"], email).status == 200


def test_an_unconfirmed_registration_is_replaced_by_a_newer_one(tenant):
    # Given a registration that was never confirmed
    email = new_email()
    register_by_email(tenant["slug"], email, "First-Attempt-2026!")
    first_code = code_sent_to(email)
    # When the address is registered again (by whoever can read its inbox)
    register_by_email(tenant["slug"], email, "Second-Attempt-2026!")
    # Then only the newest code confirms, and the newest password signs in
    if first_code != code_sent_to(email):
        assert confirm(tenant["slug"], first_code, email=email).status == 400
    assert confirm(tenant["slug"], code_sent_to(email), email=email).status == 200
    assert sign_in(tenant["slug"], email, "First-Attempt-2026!").status == 401
    assert sign_in(tenant["slug"], email, "Second-Attempt-2026!").status == 200


def test_a_code_expires_after_ten_minutes(tenant):
    # Given a registration made at a fixed time
    email = new_email()
    fixed = clock.FixedClock(clock.now())
    with clock.use_clock(fixed):
        register_by_email(tenant["slug"], email)
        code = code_sent_to(email)
        # When the code comes back eleven minutes later
        fixed.advance(minutes=11)
        late = confirm(tenant["slug"], code, email=email)
    # Then it is refused as wrong or expired, naming the field
    assert late.status == 400
    assert late.body["type"] == "/errors/wrong-code"
    assert late.problem_fields == ["code"]


def test_bad_input_is_422_naming_each_field(tenant):
    # When a registration has a weak password, and another a bad phone or birth date
    weak = register_by_email(tenant["slug"], new_email(), "password")
    bad_phone = call(
        "POST",
        "/v1/auth/register",
        caller=None,
        body={"tenant": tenant["slug"], "kind": "individual", "phone": "12345"},
    )
    landline = call(
        "POST",
        "/v1/auth/register",
        caller=None,
        body={"tenant": tenant["slug"], "kind": "individual", "phone": "020 7946 0018"},
    )
    future_birth = register_by_email(
        tenant["slug"], new_email(), individual={"birth_date": (clock.now() + timedelta(days=2)).date().isoformat()}
    )
    # Then each is a problem+json 422 on its field
    for answer, field in [
        (weak, "password"),
        (bad_phone, "phone"),
        (landline, "phone"),
        (future_birth, "individual.birth_date"),
    ]:
        assert answer.status == 422, answer.body
        assert answer.headers["Content-Type"] == "application/problem+json"
        assert answer.problem_fields == [field]


def test_an_unknown_tenant_slug_is_not_found(tenant):
    answer = register_by_email("no-such-clinic", new_email())
    assert answer.status == 404
    assert answer.problem_fields == ["tenant"]


def test_the_identity_samples_are_answered():
    # Given the tenant the samples name, and the samples in events/IdentityApi
    onboard(slug="sample-harbour")
    samples = Path(__file__).resolve().parents[3] / "events" / "IdentityApi"
    fn = wiring.function("IdentityApi")

    def run(name: str) -> dict[str, Any]:
        answer: dict[str, Any] = invoke(fn.handler, json.loads((samples / name).read_text()), function_name=fn.name)
        return answer

    # When each is handed to the function, Then it is answered as recorded
    registered = run("register-by-email.json")
    assert registered["statusCode"] == 202
    assert outbox("mei.chen@example.com")
    listed = run("list-staff.json")
    assert listed["statusCode"] == 200
    assert json.loads(listed["body"]) == {"items": [], "next_cursor": None}
