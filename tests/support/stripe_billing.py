"""What the local Stripe Billing suites share: the sandbox served on its port, the real `stripe`
library pointed at it, a webhook endpoint that keeps what Stripe sends it (verified with
`stripe.Webhook.construct_event` and the endpoint's secret), a catalog built through the API, and
the platform's clock fixed at a known instant (a 31st, so periods cross short months)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import stripe

from infra.local.stripe_sandbox import StripeSandbox
from panacea.platform import clock
from tests.support.builders import eventually

KEY, SECRET = "sk_test_billing", "whsec_billing"
AT = datetime(2027, 1, 31, 9, 0, tzinfo=UTC)


@dataclass
class Endpoint:
    """The platform's webhook route, as Stripe sees it: it answers 200 and keeps each body and signature."""

    received: list[tuple[bytes, str]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    def serve(self) -> str:
        kept = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                kept.append((body, self.headers.get("Stripe-Signature") or ""))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}/webhooks/stripe"

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()


@dataclass
class Billing:
    sandbox: StripeSandbox
    client: stripe.StripeClient
    clock: clock.FixedClock
    endpoint: Endpoint

    def events(self) -> list[stripe.Event]:
        """Every event delivered so far, in order, each verified as the platform verifies it."""
        eventually(lambda: self.sandbox.settled() or None, timeout_s=10, what="webhooks not all sent")
        return [stripe.Webhook.construct_event(body, header, SECRET) for body, header in self.endpoint.received]

    def types(self, since: int = 0) -> list[str]:
        return [e.type for e in self.events()[since:]]

    def control(self, path: str, **params: str) -> Any:
        status, answer = self.sandbox.handle("POST", path, {}, "&".join(f"{k}={v}" for k, v in params.items()).encode())
        assert status == 200, answer
        return answer

    def product(self, name: str, *, price: int, key: str, features: tuple[str, ...] = ()) -> tuple[str, str]:
        """A product with a monthly GBP price by lookup key and features attached; (product, price)."""
        product = self.client.v1.products.create(params={"name": name})
        made = self.client.v1.prices.create(
            params={
                "product": product.id,
                "currency": "gbp",
                "unit_amount": price,
                "recurring": {"interval": "month"},
                "lookup_key": key,
            }
        )
        for feature in features:
            self.client.v1.products.features.create(product.id, params={"entitlement_feature": feature})
        return product.id, made.id

    def feature(self, key: str) -> str:
        return self.client.v1.entitlements.features.create(params={"name": key.title(), "lookup_key": key}).id

    def subscribed(self, price: str, *, trial_days: int = 0) -> tuple[str, str]:
        """A customer that went through Checkout for `price`; (customer, subscription)."""
        customer = self.client.v1.customers.create(params={"email": "owner@clinic.example", "name": "Clinic"})
        data: Any = {"metadata": {"tenant_id": "t-1"}, **({"trial_period_days": trial_days} if trial_days else {})}
        session = self.client.v1.checkout.sessions.create(
            params={
                "mode": "subscription",
                "customer": customer.id,
                "line_items": [{"price": price, "quantity": 1}],
                "subscription_data": data,
                "success_url": "https://app.example/ok",
                "cancel_url": "https://app.example/no",
                "client_reference_id": "t-1",
            }
        )
        completed = self.control(f"/_sandbox/checkout/sessions/{session.id}/complete")
        return customer.id, str(completed["subscription"])


@contextlib.contextmanager
def running() -> Iterator[Billing]:
    with clock.use_clock(clock.FixedClock(AT)) as fixed:
        sandbox, endpoint = StripeSandbox(secret_key=KEY, webhook_secret=SECRET), Endpoint()
        sandbox.webhook_url = endpoint.serve()
        sandbox.serve()
        try:
            yield Billing(sandbox, stripe.StripeClient(KEY, base_addresses={"api": sandbox.url}), fixed, endpoint)
        finally:
            sandbox.stop()
            endpoint.stop()
