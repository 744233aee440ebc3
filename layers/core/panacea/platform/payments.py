"""The payments port: Stripe, through its own client, and the only module that imports `stripe`.

The platform has one Stripe account. Its secret key and the webhook endpoint's signing secret
live in one Secrets Manager secret (`PANACEA_STRIPE_SECRET` names it; its value is
`{"secret_key": "sk_…", "webhook_secret": "whsec_…"}`), read through `panacea.platform.secrets`:
kept for at most its max age, so a key rolled in Stripe's dashboard and put in the secret reaches
warm functions without a redeploy (the client is made again for the new key).
`PANACEA_STRIPE_API_BASE` points the client somewhere other than Stripe: the local runtime's
sandbox (infra/local/stripe_sandbox.py), which answers the same requests with the same shapes
and sends webhooks signed the same way.

What the port offers is what the payments context does with Stripe, in its own words:

    create_intent   a PaymentIntent for an amount, with the methods the tenant enables, once per key
    retrieve_intent / cancel_intent
    create_refund   all or part of a paid intent, once per key
    verify          a webhook's raw body and `Stripe-Signature` header → the event, or InvalidSignature
    create_payee_account / payee_account / onboarding_link
                    a Stripe Connect account money can be paid out to, and the link its holder onboards at
    create_transfer / reverse_transfer
                    money moved from the platform's balance to a payee's account, once per key, and back

Amounts cross this port as `Money` in the platform's minor units, both ways: what Stripe's API
counts in its own units (ISK in hundredths, JPY as it is, KWD in thousandths ending in 0) is
converted here, by `panacea.platform.stripe_amounts`, which also refuses an amount Stripe cannot
take exactly (`AmountNotPayable`, 422) before anything is sent.

Answers are plain dataclasses, so nothing outside this module sees a Stripe object. A request
Stripe refuses (a declined card, an amount it will not refund) raises `ProviderRefused` with
Stripe's code and message; Stripe out of reach raises `ProviderUnavailable` (503): retrying the
same call with the same key is safe, Stripe answers a repeated key with its first answer.

`stripe` is imported on first use, not at import, so functions that only read payments do not
pay for it at cold start (~100 ms).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from panacea.platform.caches import on_reset
from panacea.platform.errors import BadRequest, DomainError, FieldError
from panacea.platform.money import MINOR_UNITS, Money
from panacea.platform.secrets import secret_json
from panacea.platform.settings import SettingsError, settings
from panacea.platform.stripe_amounts import from_stripe, to_stripe

if TYPE_CHECKING:
    from stripe import StripeClient, StripeError, StripeObject

SIGNATURE_TOLERANCE_S = 300  # a webhook signed longer ago than this is refused (Stripe's own default)
NETWORK_RETRIES = 2  # the client retries connection errors and 409/429/5xx, with the same idempotency key


@dataclass(frozen=True)
class StripeKeys:
    secret_key: str = field(repr=False)
    webhook_secret: str = field(repr=False)  # the payments endpoint's
    billing_webhook_secret: str | None = field(default=None, repr=False)  # the billing endpoint's (its own, in Stripe)


@dataclass(frozen=True)
class Intent:
    """A PaymentIntent as the payments context needs it."""

    id: str
    status: str  # requires_payment_method, requires_action, processing, succeeded, canceled, …
    amount: Money  # in the platform's minor units
    client_secret: str = field(repr=False)  # for the member's app (Stripe.js) to confirm the payment
    methods: tuple[str, ...]
    latest_charge: str | None
    metadata: dict[str, str]


@dataclass(frozen=True)
class RefundMade:
    id: str
    status: str  # pending, requires_action, succeeded, failed, canceled
    amount: Money


@dataclass(frozen=True)
class PayeeAccount:
    """A Stripe Connect account a payee (a distributor) is paid out to."""

    id: str
    transfers_enabled: bool  # onboarding done and not restricted: transfers to it are taken
    payouts_enabled: bool


@dataclass(frozen=True)
class TransferMade:
    id: str
    destination: str
    amount: Money
    reversed: Money  # what has been reversed back to the platform so far
    metadata: dict[str, str]


@dataclass(frozen=True)
class Notification:
    """A verified webhook event: its id, type, creation time and the object it carries."""

    id: str
    type: str
    created: int  # epoch seconds, Stripe's clock
    object: dict[str, Any]  # as Stripe sent it: its amounts in Stripe's units (read them with `money`)

    def money(self, field: str) -> Money | None:
        """The object's amount `field` (`amount`, `amount_refunded` …) in the platform's minor units;
        None when the object has no such amount or no currency the platform knows."""
        amount, currency = self.object.get(field), str(self.object.get("currency") or "").upper()
        if not isinstance(amount, int) or isinstance(amount, bool) or currency not in MINOR_UNITS:
            return None
        return from_stripe(amount, currency)


class InvalidSignature(BadRequest):
    slug, title = "invalid-signature", "Invalid signature"


class ProviderRefused(DomainError):
    """Stripe refused the request: `code` and `message` are Stripe's."""

    status, slug, title = 422, "payment-provider-refused", "Refused by the payment provider"

    def __init__(self, message: str, *, code: str | None, param: str | None = None) -> None:
        super().__init__(message, errors=[FieldError(param or "payment", code or "refused", message)])
        self.code = code


class ProviderUnavailable(DomainError):
    """Stripe could not be reached or failed; the same call may be retried with the same key."""

    status, slug, title = 503, "payment-provider-unavailable", "Payment provider unavailable"


def keys() -> StripeKeys:
    """The Stripe keys from Secrets Manager, read again once they are older than the max age."""
    name = settings().stripe_secret
    if not name:
        raise SettingsError("PANACEA_STRIPE_SECRET is not set for this function")
    value = secret_json(name)
    secret_key, webhook_secret = value.get("secret_key", ""), value.get("webhook_secret", "")
    if not str(secret_key).startswith(("sk_", "rk_")) or not str(webhook_secret).startswith("whsec_"):
        raise SettingsError(f"secret {name} does not hold Stripe keys yet (see README: Deploy)")
    billing = value.get("billing_webhook_secret")
    return StripeKeys(
        secret_key=str(secret_key),
        webhook_secret=str(webhook_secret),
        billing_webhook_secret=str(billing) if str(billing or "").startswith("whsec_") else None,
    )


_clients: dict[str, StripeClient] = {}  # the current secret key's client only
on_reset(_clients.clear)


def stripe_client() -> StripeClient:
    """The client for the current secret key (made again when the key is rotated)."""
    secret_key = keys().secret_key
    made = _clients.get(secret_key)
    if made is None:
        import stripe  # noqa: PLC0415 - on first use: readers of payments never load it

        base = settings().stripe_api_base
        made = stripe.StripeClient(
            secret_key, base_addresses={"api": base} if base else None, max_network_retries=NETWORK_RETRIES
        )
        _clients.clear()  # a rotated-out key's client goes
        _clients[secret_key] = made
    return made


# --- intents ----------------------------------------------------------------------------------


def create_intent(
    *,
    amount: Money,
    methods: list[str],
    metadata: dict[str, str],
    idempotency_key: str,
    description: str | None = None,
) -> Intent:
    """A PaymentIntent for `amount`, payable by `methods` (card, alipay, wechat_pay);
    `AmountNotPayable` (422, on `amount`) when Stripe cannot take the amount exactly."""
    params: dict[str, Any] = {
        "amount": to_stripe(amount),
        "currency": amount.currency.lower(),
        "allowed_payment_method_types": methods,
        "metadata": metadata,
    }
    if description:
        params["description"] = description
    with stripe_errors():
        made = stripe_client().v1.payment_intents.create(params, {"idempotency_key": idempotency_key})  # type: ignore[arg-type]
    return _intent(made)


def retrieve_intent(intent_id: str) -> Intent:
    with stripe_errors():
        return _intent(stripe_client().v1.payment_intents.retrieve(intent_id))


def method_used(intent_id: str) -> str | None:
    """The type of payment method a paid intent's charge was made with (card, alipay, wechat_pay)."""
    with stripe_errors():
        raw = stripe_client().v1.payment_intents.retrieve(intent_id, {"expand": ["latest_charge"]}).to_dict()
    charge = raw.get("latest_charge")
    details = charge.get("payment_method_details") if isinstance(charge, dict) else None
    return str(details["type"]) if isinstance(details, dict) and details.get("type") else None


def cancel_intent(intent_id: str, *, idempotency_key: str) -> Intent:
    """Cancel an intent nobody has paid yet (Stripe refuses once it succeeded: ProviderRefused)."""
    with stripe_errors():
        canceled = stripe_client().v1.payment_intents.cancel(
            intent_id, {"cancellation_reason": "abandoned"}, {"idempotency_key": idempotency_key}
        )
    return _intent(canceled)


def _intent(obj: StripeObject) -> Intent:
    raw = obj.to_dict()
    charge = raw.get("latest_charge")
    return Intent(
        id=str(raw["id"]),
        status=str(raw["status"]),
        amount=from_stripe(int(raw["amount"]), str(raw["currency"])),
        client_secret=str(raw.get("client_secret") or ""),
        methods=tuple(str(m) for m in raw.get("payment_method_types") or ()),
        latest_charge=charge if isinstance(charge, str) else (charge or {}).get("id"),
        metadata={str(k): str(v) for k, v in (raw.get("metadata") or {}).items()},
    )


# --- refunds ----------------------------------------------------------------------------------


def create_refund(*, intent_id: str, amount: Money, metadata: dict[str, str], idempotency_key: str) -> RefundMade:
    """Refund `amount` of a paid intent (Stripe refuses more than is left: ProviderRefused; an amount
    Stripe cannot take exactly is refused before it is sent: AmountNotPayable)."""
    params: dict[str, Any] = {"payment_intent": intent_id, "amount": to_stripe(amount), "metadata": metadata}
    with stripe_errors():
        made = stripe_client().v1.refunds.create(params, {"idempotency_key": idempotency_key})  # type: ignore[arg-type]
    raw = made.to_dict()
    return RefundMade(
        id=str(raw["id"]), status=str(raw["status"]), amount=from_stripe(int(raw["amount"]), str(raw["currency"]))
    )


# --- payouts (Stripe Connect) -----------------------------------------------------------------


def create_payee_account(*, country: str, email: str, metadata: dict[str, str], idempotency_key: str) -> PayeeAccount:
    """An Express account for a payee in `country` (ISO 3166-1), asking for the transfers capability;
    it takes transfers once its holder has onboarded (`onboarding_link`)."""
    params: dict[str, Any] = {
        "type": "express",
        "country": country,
        "email": email,
        "capabilities": {"transfers": {"requested": True}},
        "metadata": metadata,
    }
    with stripe_errors():
        made = stripe_client().v1.accounts.create(params, {"idempotency_key": idempotency_key})  # type: ignore[arg-type]
    return _payee(made)


def payee_account(account_id: str) -> PayeeAccount:
    with stripe_errors():
        return _payee(stripe_client().v1.accounts.retrieve(account_id))


def onboarding_link(account_id: str, *, refresh_url: str, return_url: str) -> str:
    """Where the account's holder gives Stripe what it needs to pay them (the link expires quickly:
    `refresh_url` is where Stripe sends them to ask for a new one)."""
    params: dict[str, Any] = {
        "account": account_id,
        "refresh_url": refresh_url,
        "return_url": return_url,
        "type": "account_onboarding",
    }
    with stripe_errors():
        return str(stripe_client().v1.account_links.create(params).to_dict()["url"])  # type: ignore[arg-type]


def _payee(obj: StripeObject) -> PayeeAccount:
    raw = obj.to_dict()
    capabilities = raw.get("capabilities") or {}
    return PayeeAccount(
        id=str(raw["id"]),
        transfers_enabled=capabilities.get("transfers") == "active",
        payouts_enabled=bool(raw.get("payouts_enabled")),
    )


def create_transfer(
    *, destination: str, amount: Money, metadata: dict[str, str], idempotency_key: str, group: str | None = None
) -> TransferMade:
    """Move `amount` from the platform's balance to a payee's account (Stripe refuses an account
    that cannot take transfers yet, or more than the platform's available balance: ProviderRefused)."""
    params: dict[str, Any] = {
        "amount": to_stripe(amount),
        "currency": amount.currency.lower(),
        "destination": destination,
        "metadata": metadata,
    }
    if group:
        params["transfer_group"] = group
    with stripe_errors():
        made = stripe_client().v1.transfers.create(params, {"idempotency_key": idempotency_key})  # type: ignore[arg-type]
    return _transfer(made)


def reverse_transfer(
    transfer_id: str, *, amount: Money | None, metadata: dict[str, str], idempotency_key: str
) -> TransferMade:
    """Take `amount` (all that is left, if None) of a transfer back to the platform's balance."""
    params: dict[str, Any] = {"metadata": metadata}
    if amount is not None:
        params["amount"] = to_stripe(amount)
    with stripe_errors():
        stripe_client().v1.transfers.reversals.create(transfer_id, params, {"idempotency_key": idempotency_key})  # type: ignore[arg-type]
        return _transfer(stripe_client().v1.transfers.retrieve(transfer_id))


def _transfer(obj: StripeObject) -> TransferMade:
    raw = obj.to_dict()
    currency = str(raw["currency"])
    return TransferMade(
        id=str(raw["id"]),
        destination=str(raw["destination"]),
        amount=from_stripe(int(raw["amount"]), currency),
        reversed=from_stripe(int(raw.get("amount_reversed") or 0), currency),
        metadata={str(k): str(v) for k, v in (raw.get("metadata") or {}).items()},
    )


# --- webhooks ---------------------------------------------------------------------------------


def verify(payload: bytes, signature: str | None, *, endpoint: str = "payments") -> Notification:
    """The event a webhook carries, if Stripe signed exactly these bytes within the tolerance with
    the secret of `endpoint` (payments, or billing: each endpoint has its own secret in Stripe)."""
    import stripe  # noqa: PLC0415

    held = keys()
    secret = held.webhook_secret if endpoint == "payments" else held.billing_webhook_secret
    if secret is None:
        raise SettingsError(f"the Stripe secret holds no {endpoint}_webhook_secret yet (see README: Deploy)")
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret, tolerance=SIGNATURE_TOLERANCE_S)
    except stripe.SignatureVerificationError:
        raise InvalidSignature(
            "the Stripe-Signature header does not sign this body with the endpoint's secret in the last "
            f"{SIGNATURE_TOLERANCE_S} seconds",
            errors=[FieldError("header.Stripe-Signature", "invalid")],
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError):  # signed, yet not an event (never from Stripe)
        raise InvalidSignature("the body is not a Stripe event", errors=[FieldError("body", "not_an_event")]) from None
    raw = event.to_dict()
    data = raw.get("data") or {}
    obj = data.get("object") if isinstance(data, dict) else None
    if not isinstance(obj, dict) or not raw.get("id") or not raw.get("type") or not isinstance(raw.get("created"), int):
        raise InvalidSignature("the body is not a Stripe event", errors=[FieldError("body", "not_an_event")])
    return Notification(id=str(raw["id"]), type=str(raw["type"]), created=int(raw["created"]), object=obj)


# --- errors -----------------------------------------------------------------------------------


@contextlib.contextmanager
def stripe_errors() -> Iterator[None]:
    """Stripe's errors as the port's: refusals (4xx) and unavailability (network, 5xx)."""
    import stripe  # noqa: PLC0415

    try:
        yield
    except (stripe.CardError, stripe.InvalidRequestError, stripe.IdempotencyError) as exc:
        raise ProviderRefused(_message(exc), code=exc.code, param=getattr(exc, "param", None)) from exc
    except (stripe.APIConnectionError, stripe.APIError, stripe.RateLimitError) as exc:
        raise ProviderUnavailable(f"Stripe did not answer: {_message(exc)}") from exc
    # authentication and permission errors are configuration bugs: they stay 5xx


def _message(exc: StripeError) -> str:
    return str(exc.user_message or exc._message or type(exc).__name__)
