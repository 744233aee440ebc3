"""The local Stripe's Connect answers as Stripe does where payouts depend on it: accounts need
onboarding before they take transfers, a restricted account takes none, transfers need the
platform's balance, reversals are bounded by what was sent, and each step sends Stripe's event."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from infra.local.stripe_sandbox import StripeSandbox

KEY = "sk_test_unit"


@pytest.fixture
def stripe() -> StripeSandbox:
    return StripeSandbox(secret_key=KEY, webhook_secret="whsec_unit")  # not served: `handle` is called directly


def _call(
    stripe: StripeSandbox, method: str, path: str, params: list[tuple[str, str]] | None = None
) -> tuple[int, Any]:
    return stripe.handle(method, path, {"Authorization": f"Bearer {KEY}"}, urlencode(params or []).encode())


def _account(stripe: StripeSandbox, *, onboarded: bool) -> str:
    status, account = _call(
        stripe,
        "POST",
        "/v1/accounts",
        [("type", "express"), ("country", "GB"), ("capabilities[transfers][requested]", "true")],
    )
    assert status == 200, account
    assert (account["capabilities"], account["payouts_enabled"]) == ({"transfers": "inactive"}, False)
    if onboarded:
        status, link = _call(
            stripe,
            "POST",
            "/v1/account_links",
            [
                ("account", account["id"]),
                ("refresh_url", "https://r"),
                ("return_url", "https://d"),
                ("type", "account_onboarding"),
            ],
        )
        assert status == 200, link
        assert _call(stripe, "GET", urlsplit(link["url"]).path)[0] == 200  # the holder follows the link
    return str(account["id"])


def _funded(stripe: StripeSandbox, amount: int = 10_000) -> None:
    status, intent = _call(stripe, "POST", "/v1/payment_intents", [("amount", str(amount)), ("currency", "gbp")])
    assert status == 200, intent
    stripe.succeed(intent["id"])


def _transfer(stripe: StripeSandbox, account: str, amount: int) -> tuple[int, Any]:
    return _call(
        stripe, "POST", "/v1/transfers", [("amount", str(amount)), ("currency", "gbp"), ("destination", account)]
    )


def test_an_account_takes_transfers_only_once_onboarded_and_not_once_restricted(stripe: StripeSandbox):
    # Given money taken, an account that has not onboarded and one that has
    _funded(stripe)
    waiting, ready = _account(stripe, onboarded=False), _account(stripe, onboarded=True)
    # When each is sent a transfer
    refused, sent = _transfer(stripe, waiting, 100), _transfer(stripe, ready, 100)
    # Then only the onboarded one takes it, and the refusal names the destination
    assert (refused[0], refused[1]["error"]["param"]) == (400, "destination")
    assert (sent[0], sent[1]["destination"]) == (200, ready)
    # When Stripe restricts the onboarded account, Then it takes no more
    assert _call(stripe, "POST", f"/_sandbox/accounts/{ready}/restrict")[0] == 200
    assert _transfer(stripe, ready, 100)[0] == 400
    assert [e["type"] for e in stripe.events.values()].count("account.updated") == 2


def test_transfers_need_the_available_balance_and_reversals_return_it(stripe: StripeSandbox):
    # Given £100 taken and an onboarded account
    _funded(stripe, 10_000)
    account = _account(stripe, onboarded=True)
    # When £80 is sent, then £30 more
    status, transfer = _transfer(stripe, account, 8_000)
    assert status == 200
    status, short = _transfer(stripe, account, 3_000)
    # Then the second is refused for want of balance
    assert (status, short["error"]["code"]) == (400, "balance_insufficient")
    # When £50 of the first is reversed, Then £70 is available again and no more than £30 can be reversed
    assert _call(stripe, "POST", f"/v1/transfers/{transfer['id']}/reversals", [("amount", "5000")])[0] == 200
    assert stripe.available()["gbp"] == 7_000
    status, too_much = _call(stripe, "POST", f"/v1/transfers/{transfer['id']}/reversals", [("amount", "3001")])
    assert (status, too_much["error"]["param"]) == (400, "amount")
    assert _call(stripe, "GET", f"/v1/transfers/{transfer['id']}")[1]["amount_reversed"] == 5_000
    assert [e["type"] for e in stripe.events.values() if e["type"].startswith("transfer.")] == [
        "transfer.created",
        "transfer.reversed",
    ]


def test_an_unknown_account_or_a_missing_parameter_is_refused_as_stripe_refuses_it(stripe: StripeSandbox):
    assert _call(stripe, "POST", "/v1/accounts", [("country", "GB")])[1]["error"]["param"] == "type"
    status, body = _transfer(stripe, "acct_nobody", 100)
    assert (status, body["error"]["code"], body["error"]["param"]) == (400, "resource_missing", "destination")
    account = _account(stripe, onboarded=False)
    status, body = _call(stripe, "POST", "/v1/account_links", [("account", account)])
    assert (status, body["error"]["param"]) == (400, "refresh_url")
