"""The Stripe adapter verifies a webhook on its raw body, as Stripe signs it, within five minutes."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
import stripe

from panacea.platform import payments
from panacea.platform.money import Money
from panacea.platform.payments import InvalidSignature, StripeKeys

SECRET = "whsec_unit_test_secret"
EVENT = {
    "id": "evt_1Pgc76B7WZ01zgkWwyRHS12y",
    "object": "event",
    "api_version": "2026-10-28.endive",
    "created": 1_790_000_000,
    "type": "payment_intent.succeeded",
    "data": {"object": {"id": "pi_1PgafyB7WZ01zgkWSjxsAJo3", "object": "payment_intent", "amount": 1099}},
}


@pytest.fixture(autouse=True)
def _keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(payments, "keys", lambda: StripeKeys(secret_key="sk_test_unit", webhook_secret=SECRET))


def _signed(body: dict[str, Any] | str, *, secret: str = SECRET, at: int | None = None) -> tuple[bytes, str]:
    payload = body if isinstance(body, str) else json.dumps(body, indent=2)
    return payload.encode(), stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=at)


def test_a_body_stripe_signed_just_now_is_the_event_it_carries():
    # Given an event signed with the endpoint's secret, as Stripe signs it
    body, header = _signed(EVENT)
    # When it is verified
    note = payments.verify(body, header)
    # Then it is the event, with the object it carries
    assert (note.id, note.type, note.created) == (EVENT["id"], "payment_intent.succeeded", 1_790_000_000)
    assert note.object["id"] == "pi_1PgafyB7WZ01zgkWSjxsAJo3"


@pytest.mark.parametrize(
    ("case", "tamper"),
    [
        ("another secret", lambda b, h: (b, _signed(EVENT, secret="whsec_someone_else")[1])),
        ("one byte changed", lambda b, h: (b.replace(b"1099", b"1098"), h)),
        ("no header", lambda b, h: (b, None)),
        ("a header that is not a signature", lambda b, h: (b, "t=abc,v1=zz")),
        ("signed six minutes ago", lambda b, h: _signed(EVENT, at=int(time.time()) - 360)),
    ],
)
def test_anything_else_is_an_invalid_signature(case, tamper):
    # Given a signed event, then tampered with
    body, header = tamper(*_signed(EVENT))
    # When it is verified, Then it is refused as a 400 problem naming the header
    with pytest.raises(InvalidSignature) as refused:
        payments.verify(body, header)
    assert refused.value.status == 400
    assert refused.value.problem()["type"] == "/errors/invalid-signature"


def test_a_signed_body_that_is_not_an_event_is_refused_too():
    body, header = _signed("[1, 2, 3]")
    with pytest.raises(InvalidSignature):
        payments.verify(body, header)
    body, header = _signed("{not json")
    with pytest.raises(InvalidSignature):
        payments.verify(body, header)


def test_an_events_amounts_read_in_the_platforms_units():
    # Given a charge of 1,500 kr with 500 kr refunded, as Stripe counts ISK (hundredths)
    charge = {"id": "ch_1", "object": "charge", "currency": "isk", "amount": 150_000, "amount_refunded": 50_000}
    body, header = _signed({**EVENT, "type": "charge.refunded", "data": {"object": charge}})
    # When the event is verified and its amounts are read
    note = payments.verify(body, header)
    # Then they are in whole krónur, as the platform counts them; an amount it does not carry is None
    assert note.money("amount") == Money(amount=1_500, currency="ISK")
    assert note.money("amount_refunded") == Money(amount=500, currency="ISK")
    assert note.money("amount_captured") is None
