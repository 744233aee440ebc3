"""The local Stripe sandbox answers as Stripe does where Panacea depends on it: its form encoding,
its keys, idempotency keys, the endive API version's parameters, and refunds bounded by the charge."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

import pytest

from infra.local.stripe_rules import form
from infra.local.stripe_sandbox import StripeSandbox

KEY = "sk_test_unit"


@pytest.fixture
def stripe() -> StripeSandbox:
    return StripeSandbox(secret_key=KEY, webhook_secret="whsec_unit")  # not served: `handle` is called directly


def _post(
    stripe: StripeSandbox, path: str, params: list[tuple[str, str]], **headers: str
) -> tuple[int, dict[str, Any]]:
    return stripe.handle("POST", path, {"Authorization": f"Bearer {KEY}", **headers}, urlencode(params).encode())


def _intent(stripe: StripeSandbox, amount: int = 1_000, key: str = "k-1", currency: str = "gbp") -> dict[str, Any]:
    status, intent = _post(
        stripe,
        "/v1/payment_intents",
        [("amount", str(amount)), ("currency", currency), ("allowed_payment_method_types[0]", "card")],
        **{"Idempotency-Key": key},
    )
    assert status == 200, intent
    return intent


def test_stripes_form_encoding_reads_back_into_nested_values():
    pairs = [("amount", "1"), ("metadata[order_id]", "o-1"), ("types[0]", "card"), ("types[1]", "alipay"), ("e[]", "x")]
    assert form(pairs) == {"amount": "1", "metadata": {"order_id": "o-1"}, "types": ["card", "alipay"], "e": ["x"]}


def test_requests_need_the_secret_key_as_bearer_or_basic(stripe: StripeSandbox):
    basic = "Basic " + base64.b64encode(f"{KEY}:".encode()).decode()
    assert stripe.handle("GET", "/v1/events/evt_x", {"Authorization": basic}, b"")[0] == 404
    status, body = stripe.handle("GET", "/v1/events/evt_x", {"Authorization": "Bearer sk_test_other"}, b"")
    assert (status, body["error"]["type"]) == (401, "invalid_request_error")


def test_an_idempotency_key_answers_its_first_answer_and_only_for_the_same_request(stripe: StripeSandbox):
    first = _intent(stripe, key="same")
    assert _intent(stripe, key="same") == first
    assert len(stripe.intents) == 1
    status, body = _post(
        stripe, "/v1/payment_intents", [("amount", "2000"), ("currency", "gbp")], **{"Idempotency-Key": "same"}
    )
    assert (status, body["error"]["type"]) == (400, "idempotency_error")


def test_payment_method_types_is_refused_on_this_api_version(stripe: StripeSandbox):
    status, body = _post(
        stripe, "/v1/payment_intents", [("amount", "1000"), ("currency", "gbp"), ("payment_method_types[0]", "card")]
    )
    assert (status, body["error"]["code"]) == (400, "payment_method_types_no_longer_supported")


def test_refunds_never_exceed_what_is_left_of_the_charge(stripe: StripeSandbox):
    # Given a paid intent of 10.00
    intent = _intent(stripe)
    stripe.succeed(intent["id"])
    # When 6.00 and then 5.00 are refunded
    first = _post(stripe, "/v1/refunds", [("payment_intent", intent["id"]), ("amount", "600")])
    second = _post(stripe, "/v1/refunds", [("payment_intent", intent["id"]), ("amount", "500")])
    # Then the first is made, the second refused as Stripe refuses it, and charge.refunded says 6.00
    assert (first[0], first[1]["status"]) == (200, "succeeded")
    assert (second[0], second[1]["error"]["code"]) == (400, "amount_too_large")
    refunded = [e for e in stripe.events.values() if e["type"] == "charge.refunded"]
    assert [e["data"]["object"]["amount_refunded"] for e in refunded] == [600]


def test_a_member_paying_produces_the_events_stripe_sends(stripe: StripeSandbox):
    intent = _intent(stripe)
    stripe.fail(intent["id"], code="card_declined")
    stripe.succeed(intent["id"])
    assert [e["type"] for e in stripe.events.values()] == [
        "charge.failed",
        "payment_intent.payment_failed",
        "charge.succeeded",
        "payment_intent.succeeded",
    ]
    assert stripe.intents[intent["id"]]["status"] == "succeeded"


@pytest.mark.parametrize(
    ("amount", "currency", "code"),
    [
        ("150050", "isk", "invalid_charge_amount_no_decimal_compatible"),  # 1,500.50 kr: ISK is whole krónur
        ("5125", "kwd", None),  # three-decimal amounts end in 0
    ],
)
def test_amounts_stripe_cannot_take_are_refused_as_stripe_refuses_them(stripe: StripeSandbox, amount, currency, code):
    # Given an amount in Stripe's units that Stripe's special cases rule out
    # When an intent is created for it
    status, body = _post(stripe, "/v1/payment_intents", [("amount", amount), ("currency", currency)])
    # Then it is refused on `amount`, and no intent is made
    assert (status, body["error"]["param"], body["error"].get("code")) == (400, "amount", code)
    assert stripe.intents == {}


def test_a_refund_in_fractional_kronur_is_refused_too(stripe: StripeSandbox):
    # Given a paid intent of 1,500 kr
    intent = _intent(stripe, amount=150_000, currency="isk")
    stripe.succeed(intent["id"])
    # When 0.50 kr and then 500 kr are refunded
    fractional = _post(stripe, "/v1/refunds", [("payment_intent", intent["id"]), ("amount", "50")])
    whole = _post(stripe, "/v1/refunds", [("payment_intent", intent["id"]), ("amount", "50000")])
    # Then the fraction is refused and the whole krónur refunded
    assert (fractional[0], fractional[1]["error"]["code"]) == (400, "invalid_charge_amount_no_decimal_compatible")
    assert (whole[0], whole[1]["amount"]) == (200, 50_000)
