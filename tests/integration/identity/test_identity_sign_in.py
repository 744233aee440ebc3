"""Signing in and out: the same answer for every failure, locks after repeated failures (also
under concurrent guessing), refresh, sign-out that the authorizer honours, and password resets.
Tokens are the real ones Cognito (moto) issues, checked by the real authorizer at the gateway."""

from __future__ import annotations

import random
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest

from panacea.identity import sessions
from panacea.identity.accounts import Origin
from panacea.identity.codes import TooManyAttempts
from panacea.identity.commands import PasswordSignIn
from panacea.platform import clock
from panacea.platform.errors import DomainError
from tests.support import bearer, call, code_sent_to, gateway_request, onboard, outbox, signed_up_member, staff

PASSWORD = "Harbour-Gene-2026!"


@pytest.fixture(scope="module")
def tenant():
    return onboard()


@pytest.fixture
def member(tenant) -> str:
    email = f"member-{uuid.uuid4().hex[:10]}@example.com"
    signed_up_member(tenant["slug"], email, PASSWORD)
    return email


def sign_in(slug: str, email: str, password: str = PASSWORD, **headers: str):
    return call(
        "POST",
        "/v1/auth/sign-in",
        caller=None,
        body={"tenant": slug, "email": email, "password": password},
        headers=headers,
    )


def _wait_past(moment: str) -> None:
    """Sleep until the wall clock passes an ISO timestamp (tokens carry whole seconds)."""
    while time.time() < datetime.fromisoformat(moment).timestamp():
        time.sleep(0.05)


def test_a_wrong_password_and_an_unknown_account_get_the_same_answer(tenant, member):
    # When one signs in with a wrong password, and another with an email that has no account
    wrong = sign_in(tenant["slug"], member, "Not-The-Password-1!")
    unknown = sign_in(tenant["slug"], f"nobody-{uuid.uuid4().hex[:8]}@example.com")
    # Then both are told plainly, in the same words and with the same status
    assert (wrong.status, unknown.status) == (401, 401)
    assert wrong.body == unknown.body
    assert wrong.body["detail"] == "wrong email or password"
    assert wrong.headers["Content-Type"] == "application/problem+json"


def test_a_wrong_sms_code_and_an_unknown_phone_get_the_same_answer(tenant):
    # Given a member registered by phone, and a number with no account
    mobile, stranger = (f"+447400{random.randrange(10**6):06d}" for _ in range(2))
    call(
        "POST", "/v1/auth/register", caller=None, body={"tenant": tenant["slug"], "kind": "individual", "phone": mobile}
    )
    call(
        "POST",
        "/v1/auth/register/confirm",
        caller=None,
        body={"tenant": tenant["slug"], "phone": mobile, "code": code_sent_to(mobile)},
    )
    # When each asks for a sign-in code, then sends a wrong one
    asks = [
        call("POST", "/v1/auth/sign-in/sms", caller=None, body={"tenant": tenant["slug"], "phone": p})
        for p in (mobile, stranger)
    ]
    guesses = [
        call(
            "POST",
            "/v1/auth/sign-in/sms/verify",
            caller=None,
            body={"tenant": tenant["slug"], "phone": p, "code": "000000"},
        )
        for p in (mobile, stranger)
    ]
    # Then the answers are the same (only the partly hidden number differs), and only the member got an SMS
    assert [a.status for a in asks] == [202, 202]
    assert {k: v for k, v in asks[0].body.items() if k != "destination"} == {
        k: v for k, v in asks[1].body.items() if k != "destination"
    }
    assert outbox(stranger) == []
    if code_sent_to(mobile) != "000000":
        assert [g.status for g in guesses] == [400, 400]
        assert guesses[0].body == guesses[1].body


def test_five_failures_lock_the_login_for_fifteen_minutes_with_retry_after(tenant, member):
    fixed = clock.FixedClock(clock.now())
    with clock.use_clock(fixed):
        # Given five wrong passwords in a row
        assert [sign_in(tenant["slug"], member, "Wrong-Password-1!").status for _ in range(5)] == [401] * 5
        # When the right one comes next
        locked = sign_in(tenant["slug"], member)
        # Then the email is locked, saying when to come back
        assert locked.status == 429
        assert locked.body["type"] == "/errors/too-many-attempts"
        assert "try again after" in locked.body["detail"]
        assert int(locked.headers["Retry-After"]) == 15 * 60
        # And an email without an account locks in exactly the same way
        ghost = f"ghost-{uuid.uuid4().hex[:8]}@example.com"
        statuses = [sign_in(tenant["slug"], ghost, "Wrong-Password-1!").status for _ in range(6)]
        assert statuses == [401] * 5 + [429]
        # When the fifteen minutes have passed
        fixed.advance(minutes=15, seconds=1)
        # Then the right password works again
        assert sign_in(tenant["slug"], member).status == 200


def test_ten_concurrent_wrong_guesses_never_get_past_the_limit(tenant, member):
    # Given ten wrong guesses at one account, all at once
    def guess(n: int) -> str:
        try:
            sessions.sign_in(
                PasswordSignIn(tenant=tenant["slug"], email=member, password=f"Wrong-Guess-{n}!x"), Origin()
            )
        except TooManyAttempts:
            return "locked"
        except DomainError as refused:
            return str(refused.status)
        return "signed in"

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(guess, range(10)))
    # Then exactly five were judged (and refused), and the rest were turned away unjudged
    assert sorted(outcomes) == ["401"] * 5 + ["locked"] * 5
    # And the audit trail holds exactly five failed sign-ins for that email
    trail = call("GET", "/v1/audit?limit=100", caller=staff(tenant["id"], "owner")).body["items"]
    assert len([e for e in trail if e["action"] == "sign_in.failed" and e["login"] == member]) == 5


def test_five_wrong_sms_codes_lock_the_number_even_for_the_right_code(tenant):
    # Given a member registered by phone who asked for a sign-in code
    mobile = f"+447400{random.randrange(10**6):06d}"
    call(
        "POST", "/v1/auth/register", caller=None, body={"tenant": tenant["slug"], "kind": "individual", "phone": mobile}
    )
    call(
        "POST",
        "/v1/auth/register/confirm",
        caller=None,
        body={"tenant": tenant["slug"], "phone": mobile, "code": code_sent_to(mobile)},
    )
    call("POST", "/v1/auth/sign-in/sms", caller=None, body={"tenant": tenant["slug"], "phone": mobile})
    code = code_sent_to(mobile)
    wrong = next(c for c in ("000000", "111111") if c != code)

    def verify(c: str):
        return call(
            "POST",
            "/v1/auth/sign-in/sms/verify",
            caller=None,
            body={"tenant": tenant["slug"], "phone": mobile, "code": c},
        )

    # When five wrong codes come in, then the right one
    assert [verify(wrong).status for _ in range(5)] == [400] * 5
    # Then the number is locked
    assert verify(code).status == 429


def test_a_refresh_token_gets_new_tokens_the_authorizer_accepts(tenant, member):
    # Given a signed-in member
    session = sign_in(tenant["slug"], member).body
    # When they refresh
    refreshed = call("POST", "/v1/auth/refresh", caller=None, body={"refresh_token": session["refresh_token"]})
    # Then they get a new ID token for the same account, which opens their routes
    assert refreshed.status == 200
    assert (refreshed.body["user_id"], refreshed.body["tenant_id"]) == (session["user_id"], tenant["id"])
    assert gateway_request("GET", "/v1/me", headers=bearer(refreshed.body["id_token"])).status == 200
    # And a made-up refresh token is refused
    assert call("POST", "/v1/auth/refresh", caller=None, body={"refresh_token": "not-a-refresh-token"}).status == 401


def test_signing_out_makes_the_authorizer_refuse_the_old_id_token(tenant, member):
    # Given a signed-in member whose token works
    session = sign_in(tenant["slug"], member).body
    assert gateway_request("GET", "/v1/me", headers=bearer(session["id_token"])).status == 200
    # When they sign out (through the gateway, with that token)
    out = gateway_request("POST", "/v1/auth/sign-out", headers=bearer(session["id_token"]))
    assert out.status == 200
    # Then the old ID token is refused, and so is the refresh token
    refused = gateway_request("GET", "/v1/me", headers=bearer(session["id_token"]))
    assert refused.status == 401
    assert call("POST", "/v1/auth/refresh", caller=None, body={"refresh_token": session["refresh_token"]}).status == 401
    # And signing in again (from the next whole second) gives a token that works
    _wait_past(out.body["tokens_valid_after"])
    again = sign_in(tenant["slug"], member).body
    assert gateway_request("GET", "/v1/me", headers=bearer(again["id_token"])).status == 200


def test_a_forgotten_password_is_reset_with_an_emailed_code(tenant, member):
    # Given a member signed in somewhere, who forgot their password
    old_session = sign_in(tenant["slug"], member).body
    asked = call("POST", "/v1/auth/password/forgot", caller=None, body={"tenant": tenant["slug"], "email": member})
    assert asked.status == 202
    # When they set a new one with the emailed code
    reset = call(
        "POST",
        "/v1/auth/password/reset",
        caller=None,
        body={
            "tenant": tenant["slug"],
            "email": member,
            "code": code_sent_to(member),
            "password": "Brand-New-Pass-2026!",
        },
    )
    assert reset.status == 200
    # Then the new password signs in, the old one does not, and the old session is over
    assert sign_in(tenant["slug"], member).status == 401
    assert gateway_request("GET", "/v1/me", headers=bearer(old_session["id_token"])).status == 401
    time.sleep(1 - time.time() % 1)  # tokens carry whole seconds: the next one
    assert sign_in(tenant["slug"], member, "Brand-New-Pass-2026!").status == 200


def test_a_forgotten_password_for_an_unknown_email_answers_the_same_and_sends_nothing(tenant, member):
    ghost = f"ghost-{uuid.uuid4().hex[:8]}@example.com"
    known = call("POST", "/v1/auth/password/forgot", caller=None, body={"tenant": tenant["slug"], "email": member})
    unknown = call("POST", "/v1/auth/password/forgot", caller=None, body={"tenant": tenant["slug"], "email": ghost})
    assert (known.status, unknown.status) == (202, 202)
    assert known.body["detail"] == unknown.body["detail"]
    assert outbox(ghost) == []
