"""The local Stripe's webhooks: events built as Stripe builds them, recorded, signed with the
endpoint's secret (`stripe.WebhookSignature`), and delivered in order by one background thread to
the local gateway's webhook route, retried a few times (quickly: Stripe retries for days) until a
2xx. A mixin of `StripeSandbox`, which holds the state it reads (`events`, `deliveries`, the
outbox queue and the hold switch)."""

from __future__ import annotations

import contextlib
import copy
import json
import queue
import re
import secrets
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import stripe

from infra.local.stripe_rules import missing
from panacea.platform import clock

API_VERSION = "2026-10-28.endive"
# What the billing endpoint is registered for in Stripe (its `enabled_events`); every other event
# goes to the payments endpoint.
BILLING_EVENTS = ("checkout.session.", "customer.subscription.", "invoice.", "entitlements.")
RETRY_DELAYS_S = (0.1, 0.3, 1.0, 2.0)  # after the first delivery fails


@dataclass
class Delivery:
    event_id: str
    attempts: list[int] = field(default_factory=list)  # HTTP status per attempt (0: unreachable)

    @property
    def delivered(self) -> bool:
        return any(200 <= s < 300 for s in self.attempts)


class WebhookSending:
    """Events, their signatures and their deliveries (the state is the sandbox's)."""

    webhook_secret: str
    webhook_url: str | None
    billing_endpoint: tuple[str, str] | None = None  # (url, secret) of a second endpoint, for BILLING_EVENTS
    log: Callable[[str], None]
    events: dict[str, dict[str, Any]]
    deliveries: dict[str, Delivery]
    _shapes: dict[str, Any]
    _lock: threading.RLock
    _outbox: queue.Queue[str | None]
    _sending: threading.Event

    def event_control(self, method: str, path: str) -> Any:
        """The events controls' answer (`GET /_sandbox/events`, `POST /_sandbox/events/{id}/resend`),
        or None when `path` is not one of them."""
        if method == "GET" and path == "/_sandbox/events":
            with self._lock:
                return {
                    "events": [
                        {
                            "id": e["id"],
                            "type": e["type"],
                            "created": e["created"],
                            "object": e["data"]["object"].get("id"),  # an entitlements summary has none
                            "deliveries": self.deliveries[e["id"]].attempts,
                        }
                        for e in self.events.values()
                    ]
                }
        if method == "POST" and (match := re.fullmatch(r"/_sandbox/events/(\w+)/resend", path)):
            with self._lock:
                if match.group(1) not in self.events:
                    raise missing("event", match.group(1))
            return {"status": self.deliver(match.group(1))}
        return None

    def _emit(self, kind: str, obj: dict[str, Any]) -> dict[str, Any]:
        event = self.event(kind, obj)
        self.events[event["id"]] = event
        self.deliveries[event["id"]] = Delivery(event["id"])
        self._outbox.put(event["id"])
        return event

    def event(self, kind: str, obj: dict[str, Any], *, created: int | None = None) -> dict[str, Any]:
        """An event as Stripe builds one (not recorded or sent: tests make their own with it)."""
        event = copy.deepcopy(self._shapes["event"])
        event.update(
            id=f"evt_{secrets.token_hex(12)}",
            api_version=API_VERSION,
            created=created if created is not None else clock.epoch_seconds(),
            data={"object": copy.deepcopy(obj)},
            livemode=False,
            pending_webhooks=1,
            request={"id": f"req_{secrets.token_hex(7)}", "idempotency_key": None},
            type=kind,
        )
        return dict(event)

    def signed(self, event: dict[str, Any], *, at: int | None = None, secret: str | None = None) -> tuple[bytes, str]:
        """The body Stripe sends for `event`, and its `Stripe-Signature` header."""
        payload = json.dumps(event, indent=2)
        header = stripe.WebhookSignature.generate_signature_header(
            # the wall clock, not the platform's: the stripe library checks the signature's age against it
            payload,
            secret or self.webhook_secret,
            timestamp=at if at is not None else int(time.time()),
        )
        return payload.encode(), header

    def endpoint_for(self, kind: str) -> tuple[str | None, str]:
        """The endpoint an event of `kind` is sent to, and its secret (each endpoint has its own)."""
        if self.billing_endpoint is not None and kind.startswith(BILLING_EVENTS):
            return self.billing_endpoint
        return self.webhook_url, self.webhook_secret

    def post(self, payload: bytes, signature: str | None, *, url: str | None = None) -> int:
        """POST a body to the webhook endpoint (or `url`) as Stripe does; the HTTP status (0: unreachable)."""
        url = url or self.webhook_url
        if not url:
            return 0
        headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "Stripe/1.0 (+sandbox)"}
        if signature is not None:
            headers["Stripe-Signature"] = signature
        request = urllib.request.Request(url, data=payload, method="POST", headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - the local gateway
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)
        except (urllib.error.URLError, OSError):
            return 0

    def deliver(self, event_id: str) -> int:
        """Send an event to the endpoint now (again, if it was sent before); its answer's status."""
        with self._lock:
            event = self.events[event_id]
        url, secret = self.endpoint_for(event["type"])
        payload, signature = self.signed(event, secret=secret)
        status = self.post(payload, signature, url=url)
        with self._lock:
            self.deliveries[event_id].attempts.append(status)
        self.log(f"stripe sandbox: {event['type']} {event_id} → {status or 'unreachable'}")
        return status

    def _send_forever(self) -> None:
        while (event_id := self._outbox.get()) is not None:
            self._sending.wait()
            try:
                for delay in (0.0, *RETRY_DELAYS_S):
                    time.sleep(delay)
                    if 200 <= self.deliver(event_id) < 300:
                        break
            finally:
                self._outbox.task_done()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold webhook deliveries in the block (the endpoint is out of reach); sent in order after."""
        self._sending.clear()
        try:
            yield
        finally:
            self._sending.set()

    def settled(self) -> bool:
        """Whether every event so far has been sent (delivered, or given up on after its retries)."""
        return self._outbox.unfinished_tasks == 0
