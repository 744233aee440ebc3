"""A local Stripe: the endpoints Panacea's Stripe client calls, over HTTP, and webhooks signed as
Stripe signs them, delivered to the local gateway's webhook route.

The real `stripe` library talks to it (`StripeClient(..., base_addresses={"api": <this URL>})`,
set through `PANACEA_STRIPE_API_BASE`), so the payments adapter runs exactly the code it runs
against Stripe. Answers are built from Stripe's own example objects (`stripe_fixtures.json`,
from Stripe's OpenAPI repository) with ids, amounts, statuses and times changed as the request
says. What it implements, as the API version the client pins (2026-10-28.endive) does:

    POST /v1/payment_intents                 allowed_payment_method_types (payment_method_types: 400,
                                             payment_method_types_no_longer_supported), metadata, Idempotency-Key
    GET  /v1/payment_intents/{id}            expand[]=latest_charge
    POST /v1/payment_intents/{id}/cancel
    POST /v1/refunds                         payment_intent or charge, amount, metadata, Idempotency-Key;
                                             never more than is left of the charge (400, amount_too_large)
    GET  /v1/refunds/{id}, GET /v1/events/{id}
    Connect: accounts, onboarding links, transfers and reversals (stripe_connect.py)
    Billing: products, prices, features, customers, Checkout, the portal, subscriptions, invoices,
             active entitlements and meters, with their controls (stripe_billing*.py)

Amounts are in Stripe's units and checked as Stripe checks them: ISK in multiples of 100 (400,
invalid_charge_amount_no_decimal_compatible), BHD JOD KWD OMR TND ending in 0 (400), for intents and
refunds alike.

Requests need `Authorization: Bearer <the secret key>` (401 otherwise; a test rolls the key by
setting `secret_key`). A key reused with other
parameters is refused (400, idempotency_error), as Stripe refuses it.

What a member and their bank would do, Stripe's dashboard too, are controls (local only), as
Python methods (tests) and as routes on the sandbox's port (`make dev`):

    POST /_sandbox/payment_intents/{id}/succeed   [method=card|alipay|wechat_pay]   the member pays
    POST /_sandbox/payment_intents/{id}/fail      [code=card_declined]              the payment fails
    POST /_sandbox/payment_intents/{id}/dispute   [reason=fraudulent]               the bank opens a dispute
    POST /_sandbox/payment_intents/{id}/refund    [amount=…]                        a refund in the dashboard
    GET  /_sandbox/events                                                            events and their deliveries
    POST /_sandbox/events/{id}/resend                                                deliver an event again

Each of these produces the events Stripe would (`charge.succeeded` + `payment_intent.succeeded`,
`charge.failed` + `payment_intent.payment_failed`, `charge.dispute.created`, `charge.refunded`,
`payment_intent.canceled`), delivered in order by one background thread, each POSTed with a
`Stripe-Signature` made by `stripe.WebhookSignature.generate_signature_header` with the
endpoint's secret, and retried a few times (quickly: Stripe retries for days) until a 2xx
(`stripe_webhooks.py`). How requests are read and refused, as Stripe words it: `stripe_rules.py`.
"""

from __future__ import annotations

import copy
import json
import queue
import re
import secrets
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from infra.local.http_server import LocalHttpServer
from infra.local.stripe_billing import StripeBilling
from infra.local.stripe_billing_state import BillingBook
from infra.local.stripe_connect import ConnectAccounts
from infra.local.stripe_rules import StripeProblem, api_key, check_units, form, missing, positive_int
from infra.local.stripe_webhooks import API_VERSION, Delivery, WebhookSending
from panacea.platform import clock

FIXTURES = Path(__file__).with_name("stripe_fixtures.json")
METHODS = ("card", "alipay", "wechat_pay")
MAX_AMOUNT = 99_999_999  # Stripe's limit on one payment, in minor units


class StripeSandbox(WebhookSending, ConnectAccounts, StripeBilling):
    """The sandbox's state, its API (`handle`), its controls, and its webhook sender."""

    def __init__(self, *, secret_key: str, webhook_secret: str, log: Callable[[str], None] = lambda line: None):
        self.secret_key, self.webhook_secret, self.log = secret_key, webhook_secret, log
        self.webhook_url: str | None = None
        self.billing_endpoint: tuple[str, str] | None = None
        self._shapes = json.loads(FIXTURES.read_text())
        self._lock = threading.RLock()
        self.intents: dict[str, dict[str, Any]] = {}
        self.charges: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.disputes: dict[str, dict[str, Any]] = {}
        self.accounts: dict[str, dict[str, Any]] = {}  # Connect (stripe_connect.py)
        self.transfers: dict[str, dict[str, Any]] = {}
        self.billing = BillingBook()  # Billing (stripe_billing.py)
        self.events: dict[str, dict[str, Any]] = {}  # in the order they happened
        self.deliveries: dict[str, Delivery] = {}
        self._idempotent: dict[str, tuple[str, dict[str, Any], int, dict[str, Any]]] = {}
        self._outbox: queue.Queue[str | None] = queue.Queue()
        self._sending = threading.Event()  # cleared while deliveries are held
        self._sending.set()
        self._server: ThreadingHTTPServer | None = None
        self._sender: threading.Thread | None = None
        self.url = ""

    # --- lifecycle -----------------------------------------------------------------------------

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> str:
        sandbox = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = sandbox.handle(self.command, self.path, dict(self.headers.items()), body)
                raw = json.dumps(payload, indent=2).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Request-Id", f"req_{secrets.token_hex(7)}")
                self.send_header("Stripe-Version", API_VERSION)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_DELETE = _any

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = LocalHttpServer((host, port), Handler)
        threading.Thread(target=self._server.serve_forever, name="stripe-sandbox", daemon=True).start()
        self._sender = threading.Thread(target=self._send_forever, name="stripe-webhooks", daemon=True)
        self._sender.start()
        self.url = f"http://{host}:{self._server.server_address[1]}"
        return self.url

    def stop(self) -> None:
        self._outbox.put(None)
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    # --- HTTP --------------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        url = urlsplit(target)
        params = form(parse_qsl(url.query, keep_blank_values=True) + parse_qsl(body.decode(), keep_blank_values=True))
        lowered = {k.lower(): v for k, v in headers.items()}
        try:
            if url.path.startswith("/_sandbox/"):
                return 200, self._control(method, url.path, params)
            if api_key(lowered.get("authorization", "")) != self.secret_key:
                raise StripeProblem(401, "invalid_request_error", "Invalid API Key provided")
            key = lowered.get("idempotency-key") if method == "POST" else None
            if key:
                return self._once(key, method, url.path, params)
            return 200, self._api(method, url.path, params)
        except StripeProblem as problem:
            return problem.status, problem.body()

    def _once(self, key: str, method: str, path: str, params: dict[str, Any]) -> tuple[int, Any]:
        """Stripe's idempotency: a key answers its first answer, and only for the same request."""
        with self._lock:
            if key in self._idempotent:
                first_path, first_params, status, answer = self._idempotent[key]
                if (first_path, first_params) != (path, params):
                    raise StripeProblem(
                        400,
                        "idempotency_error",
                        f"Keys for idempotent requests can only be used with the same parameters they were first "
                        f"used with. Try using a key other than '{key}' if you meant to execute a different request.",
                    )
                return status, answer
            try:
                status, answer = 200, self._api(method, path, params)
            except StripeProblem as problem:
                if problem.status >= 500:
                    raise
                status, answer = problem.status, problem.body()
            self._idempotent[key] = (path, params, status, answer)
            return status, answer

    def _api(self, method: str, path: str, params: dict[str, Any]) -> Any:
        routes: list[tuple[str, str, Callable[..., Any]]] = [
            ("POST", r"/v1/payment_intents", self.create_intent),
            ("GET", r"/v1/payment_intents/(?P<id>[\w]+)", self.retrieve_intent),
            ("POST", r"/v1/payment_intents/(?P<id>[\w]+)/cancel", self.cancel_intent),
            ("POST", r"/v1/refunds", self.create_refund),
            ("GET", r"/v1/refunds/(?P<id>[\w]+)", self.retrieve_refund),
            ("GET", r"/v1/events/(?P<id>[\w]+)", self.retrieve_event),
            *self.connect_routes(),
            *self.billing_routes(),
        ]
        for verb, pattern, action in routes:
            if verb == method and (match := re.fullmatch(pattern, path)):
                with self._lock:
                    return action(params, **match.groupdict())
        raise StripeProblem(404, "invalid_request_error", f"Unrecognized request URL ({method}: {path})")

    def _control(self, method: str, path: str, params: dict[str, Any]) -> Any:
        with self._lock:
            found = self.connect_control(method, path)
            if found is None:
                found = self.billing_control(method, path, params)
        if found is None:
            found = self.event_control(method, path)
        if found is not None:
            return found
        match = re.fullmatch(r"/_sandbox/payment_intents/(\w+)/(succeed|fail|dispute|refund)", path)
        if method != "POST" or not match:
            raise StripeProblem(404, "invalid_request_error", f"no sandbox control {method} {path}")
        intent_id, action = match.groups()
        if action == "succeed":
            return self.succeed(intent_id, method=params.get("method"))
        if action == "fail":
            return self.fail(intent_id, code=params.get("code") or "card_declined")
        if action == "dispute":
            return self.dispute(intent_id, reason=params.get("reason") or "fraudulent")
        amount = params.get("amount")
        return self.refund_in_dashboard(intent_id, amount=int(amount) if amount else None)

    # --- the API -----------------------------------------------------------------------------

    def _new(self, kind: str, prefix: str) -> dict[str, Any]:
        obj = copy.deepcopy(self._shapes[kind])
        obj.update(id=f"{prefix}_{secrets.token_hex(12)}", created=clock.epoch_seconds(), livemode=False, metadata={})
        return dict(obj)

    def create_intent(self, params: dict[str, Any]) -> dict[str, Any]:
        if "payment_method_types" in params:
            raise StripeProblem(
                400,
                "invalid_request_error",
                "payment_method_types is no longer supported on this API version; use allowed_payment_method_types",
                code="payment_method_types_no_longer_supported",
                param="payment_method_types",
            )
        amount, currency = positive_int(params.get("amount"), "amount"), str(params.get("currency") or "").lower()
        if not re.fullmatch(r"[a-z]{3}", currency):
            raise StripeProblem(400, "invalid_request_error", "Missing required param: currency.", param="currency")
        if amount > MAX_AMOUNT:
            raise StripeProblem(
                400,
                "invalid_request_error",
                f"Amount must be no more than {MAX_AMOUNT} (in the currency's minor units).",
                code="amount_too_large",
                param="amount",
            )
        check_units(amount, currency)
        allowed = list(params.get("allowed_payment_method_types") or ["card"])
        unknown = [m for m in allowed if m not in METHODS]
        if unknown:
            raise StripeProblem(
                400,
                "invalid_request_error",
                f"The payment method type {unknown[0]!r} is invalid.",
                code="parameter_invalid_enum",
                param="allowed_payment_method_types",
            )
        intent = self._new("payment_intent", "pi")
        intent.update(
            amount=amount,
            amount_capturable=0,
            amount_received=0,
            automatic_payment_methods=None,
            canceled_at=None,
            cancellation_reason=None,
            client_secret=f"{intent['id']}_secret_{secrets.token_urlsafe(18)}",
            currency=currency,
            description=params.get("description"),
            last_payment_error=None,
            latest_charge=None,
            metadata=dict(params.get("metadata") or {}),
            next_action=None,
            payment_method=None,
            payment_method_types=allowed,
            allowed_payment_method_types=allowed,
            processing=None,
            status="requires_payment_method",
            transfer_data=None,
        )
        self.intents[intent["id"]] = intent
        return intent

    def _intent(self, intent_id: str) -> dict[str, Any]:
        if intent_id not in self.intents:
            raise missing("payment_intent", intent_id)
        return self.intents[intent_id]

    def retrieve_intent(self, params: dict[str, Any], id: str) -> dict[str, Any]:
        intent = copy.deepcopy(self._intent(id))
        if "latest_charge" in (params.get("expand") or []) and intent["latest_charge"]:
            intent["latest_charge"] = copy.deepcopy(self.charges[intent["latest_charge"]])
        return intent

    def cancel_intent(self, params: dict[str, Any], id: str) -> dict[str, Any]:
        intent = self._intent(id)
        if intent["status"] in ("succeeded", "canceled", "processing"):
            raise StripeProblem(
                400,
                "invalid_request_error",
                f"You cannot cancel this PaymentIntent because it has a status of {intent['status']}.",
                code="payment_intent_unexpected_state",
            )
        intent.update(
            status="canceled", canceled_at=clock.epoch_seconds(), cancellation_reason=params.get("cancellation_reason")
        )
        self._emit("payment_intent.canceled", intent)
        return intent

    def create_refund(self, params: dict[str, Any]) -> dict[str, Any]:
        charge = self._refundable_charge(params)
        left = charge["amount_captured"] - charge["amount_refunded"]
        amount = positive_int(params["amount"], "amount") if params.get("amount") else left
        check_units(amount, charge["currency"])
        if left <= 0:
            raise StripeProblem(
                400,
                "invalid_request_error",
                f"Charge {charge['id']} has already been refunded.",
                code="charge_already_refunded",
            )
        if amount > left:
            raise StripeProblem(
                400,
                "invalid_request_error",
                f"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})",
                code="amount_too_large",
                param="amount",
            )
        refund = self._new("refund", "re")
        refund.update(
            amount=amount,
            balance_transaction=f"txn_{secrets.token_hex(12)}",
            charge=charge["id"],
            currency=charge["currency"],
            metadata=dict(params.get("metadata") or {}),
            payment_intent=charge["payment_intent"],
            reason=params.get("reason"),
            status="succeeded",
            destination_details={"type": charge["payment_method_details"]["type"]},
        )
        self.refunds[refund["id"]] = refund
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] >= charge["amount_captured"]
        charge["refunds"] = {
            "object": "list",
            "data": [r for r in self.refunds.values() if r["charge"] == charge["id"]][::-1],
            "has_more": False,
            "url": f"/v1/charges/{charge['id']}/refunds",
        }
        self._emit("refund.created", refund)
        self._emit("charge.refunded", charge)
        return refund

    def _refundable_charge(self, params: dict[str, Any]) -> dict[str, Any]:
        charge: dict[str, Any] | None
        if params.get("charge"):
            if params["charge"] not in self.charges:
                raise missing("charge", params["charge"])
            charge = self.charges[params["charge"]]
        elif params.get("payment_intent"):
            intent = self._intent(params["payment_intent"])
            charge = self.charges.get(intent["latest_charge"] or "")
        else:
            raise StripeProblem(400, "invalid_request_error", "One of charge or payment_intent is required.")
        if charge is None or charge["status"] != "succeeded":
            raise StripeProblem(
                400,
                "invalid_request_error",
                "This PaymentIntent does not have a successful charge to refund.",
                code="charge_not_refundable",
            )
        return charge

    def retrieve_refund(self, params: dict[str, Any], id: str) -> dict[str, Any]:
        if id not in self.refunds:
            raise missing("refund", id)
        return self.refunds[id]

    def retrieve_event(self, params: dict[str, Any], id: str) -> dict[str, Any]:
        if id not in self.events:
            raise missing("event", id)
        return self.events[id]

    # --- what members, banks and the dashboard do ------------------------------------------------

    def _charge_for(self, intent: dict[str, Any], method: str, *, paid: bool, code: str | None) -> dict[str, Any]:
        charge = self._new("charge", "ch")
        details: dict[str, Any] = (
            copy.deepcopy(self._shapes["charge"]["payment_method_details"])
            if method == "card"
            else {"type": method, method: {}}
        )
        if method == "card":
            details["card"]["amount_authorized"] = intent["amount"] if paid else None
        messages = {
            "card_declined": "Your card was declined.",
            "expired_card": "Your card has expired.",
            "insufficient_funds": "Your card has insufficient funds.",
            "authentication_required": "The payment was not authenticated.",
        }
        charge.update(
            amount=intent["amount"],
            amount_captured=intent["amount"] if paid else 0,
            amount_refunded=0,
            balance_transaction=f"txn_{secrets.token_hex(12)}" if paid else None,
            captured=paid,
            currency=intent["currency"],
            description=intent.get("description"),
            disputed=False,
            failure_code=None if paid else code,
            failure_message=None if paid else messages.get(code or "", "The payment failed."),
            metadata=dict(intent["metadata"]),
            paid=paid,
            payment_intent=intent["id"],
            payment_method=f"pm_{secrets.token_hex(12)}",
            payment_method_details=details,
            refunded=False,
            refunds={"object": "list", "data": [], "has_more": False, "url": f"/v1/charges/{charge['id']}/refunds"},
            source=None,
            status="succeeded" if paid else "failed",
            transfer_data=None,
        )
        self.charges[charge["id"]] = charge
        return charge

    def succeed(self, intent_id: str, *, method: str | None = None) -> dict[str, Any]:
        """The member pays (with `method`, by default the first the intent allows)."""
        with self._lock:
            intent = self._intent(intent_id)
            if intent["status"] not in ("requires_payment_method", "requires_confirmation", "requires_action"):
                raise StripeProblem(400, "invalid_request_error", f"intent is {intent['status']}; it cannot succeed")
            used = method or intent["payment_method_types"][0]
            if used not in intent["payment_method_types"]:
                raise StripeProblem(400, "invalid_request_error", f"{used} is not allowed for this intent")
            charge = self._charge_for(intent, used, paid=True, code=None)
            intent.update(
                status="succeeded",
                amount_received=intent["amount"],
                latest_charge=charge["id"],
                payment_method=charge["payment_method"],
                last_payment_error=None,
            )
            self._emit("charge.succeeded", charge)
            self._emit("payment_intent.succeeded", intent)
            return intent

    def fail(self, intent_id: str, *, code: str = "card_declined", method: str | None = None) -> dict[str, Any]:
        """The member's attempt fails; the intent waits for another method, as on Stripe."""
        with self._lock:
            intent = self._intent(intent_id)
            if intent["status"] not in ("requires_payment_method", "requires_confirmation", "requires_action"):
                raise StripeProblem(400, "invalid_request_error", f"intent is {intent['status']}; it cannot fail")
            used = method or intent["payment_method_types"][0]
            charge = self._charge_for(intent, used, paid=False, code=code)
            intent.update(
                status="requires_payment_method",
                latest_charge=charge["id"],
                payment_method=None,
                last_payment_error={
                    "type": "card_error" if used == "card" else "invalid_request_error",
                    "code": code,
                    "decline_code": code if code in ("insufficient_funds", "card_declined") else None,
                    "message": charge["failure_message"],
                    "charge": charge["id"],
                    "payment_method_type": used,
                },
            )
            self._emit("charge.failed", charge)
            self._emit("payment_intent.payment_failed", intent)
            return intent

    def dispute(self, intent_id: str, *, reason: str = "fraudulent", amount: int | None = None) -> dict[str, Any]:
        """The member's bank opens a dispute on the intent's charge."""
        with self._lock:
            intent = self._intent(intent_id)
            charge = self.charges.get(intent["latest_charge"] or "")
            if charge is None or charge["status"] != "succeeded":
                raise StripeProblem(400, "invalid_request_error", "only a paid charge can be disputed")
            dispute = self._new("dispute", "dp")
            dispute.update(
                amount=amount or charge["amount"] - charge["amount_refunded"],
                charge=charge["id"],
                currency=charge["currency"],
                payment_intent=intent_id,
                reason=reason,
                status="needs_response",
                is_charge_refundable=False,
                payment_method_details={"type": charge["payment_method_details"]["type"]},
            )
            charge["disputed"] = True
            self.disputes[dispute["id"]] = dispute
            self._emit("charge.dispute.created", dispute)
            return dispute

    def refund_in_dashboard(self, intent_id: str, *, amount: int | None = None) -> dict[str, Any]:
        """Someone refunds the intent in Stripe's dashboard (not through the platform)."""
        with self._lock:
            params: dict[str, Any] = {"payment_intent": intent_id}
            if amount:
                params["amount"] = str(amount)
            return self.create_refund(params)
