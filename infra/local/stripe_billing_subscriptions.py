"""The local Stripe's subscriptions, their invoices and the entitlements they grant, as Stripe keeps
them (periods on the subscription's items, an invoice's subscription under `parent`):

    GET    /v1/subscriptions/{id}            expand[]=items.data.price.product
    GET    /v1/subscriptions                 customer, price, status (all, or one; canceled left out by default)
    POST   /v1/subscriptions/{id}            items[0][id] + items[0][price] (proration_behavior=create_prorations:
                                             the next invoice carries the prorations; always_invoice: billed now;
                                             none), cancel_at_period_end, metadata
    DELETE /v1/subscriptions/{id}            cancel now
    GET    /v1/invoices/{id}, GET /v1/invoices           subscription, customer, status
    GET    /v1/entitlements/active_entitlements          customer (paginated: limit, starting_after)

Every change sends `customer.subscription.updated` with `data.previous_attributes` (or `.deleted`);
a renewal sends it for the new period, then the invoice's event (`invoice.paid`,
`invoice.payment_failed`, `invoice.payment_action_required`), then the status the invoice leaves
the subscription in (past_due on a failure, active again once paid). Whenever the features a
customer is entitled to change (the products of its active, trialing and past_due subscriptions),
`entitlements.active_entitlement_summary.updated` is sent with the first 10 of them.
Invoices are made in stripe_billing_invoices.py, entitlements kept in stripe_billing_entitlements.py.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from typing import Any

from infra.local.stripe_billing_entitlements import BillingEntitlements
from infra.local.stripe_billing_invoices import BillingInvoices, plan_of
from infra.local.stripe_billing_state import BillingBook, Obj, flag, named, page, period_end, previous_attributes
from infra.local.stripe_rules import StripeProblem
from panacea.platform import clock

Route = tuple[str, str, Callable[..., Any]]
OUTCOMES = ("paid", "failed", "action_required")


class BillingSubscriptions(BillingInvoices, BillingEntitlements):
    """Checkout's completion, subscriptions, invoices, renewals, and active entitlements."""

    url: str
    billing: BillingBook
    _shapes: dict[str, Any]
    _lock: threading.RLock
    _new: Callable[[str, str], Obj]
    _emit: Callable[[str, Obj], Obj]
    create_customer: Callable[[dict[str, Any]], Obj]

    def subscription_routes(self) -> list[Route]:
        return [
            ("GET", r"/v1/subscriptions", self.list_subscriptions),
            ("GET", r"/v1/subscriptions/(?P<id>\w+)", self.retrieve_subscription),
            ("POST", r"/v1/subscriptions/(?P<id>\w+)", self.update_subscription),
            ("DELETE", r"/v1/subscriptions/(?P<id>\w+)", self.cancel_subscription),
            ("GET", r"/v1/invoices", self.list_invoices),
            ("GET", r"/v1/invoices/(?P<id>\w+)", self.retrieve_invoice),
            ("GET", r"/v1/entitlements/active_entitlements", self.list_active_entitlements),
        ]

    # --- Checkout's completion ---------------------------------------------------------------

    def complete_checkout(self, session_id: str) -> Obj:
        """The customer pays on Checkout's page: the subscription starts (trialing when the session
        gives trial days, else active with its first invoice paid)."""
        with self._lock:
            session = named("checkout.session", self.billing.checkout_sessions, session_id)
            if session["status"] != "open":
                raise StripeProblem(400, "invalid_request_error", f"checkout session is {session['status']}")
            order = session["_order"]
            price = self.billing.prices[order["price"]]
            customer = self.billing.customers.get(session["customer"] or "") or self.create_customer(
                {"email": session["customer_email"]}
            )
            now, trial_days = clock.epoch_seconds(), order["trial_period_days"]
            end = now + trial_days * 86400 if trial_days else self._period_after(now, price, anchor=now)
            subscription = self._new("subscription", "sub")
            subscription.update(
                automatic_tax={"enabled": False, "liability": None, "disabled_reason": None},
                billing_cycle_anchor=end if trial_days else now,
                billing_cycle_anchor_config=None,
                billing_schedules=[],
                cancel_at=None,
                cancel_at_period_end=False,
                canceled_at=None,
                cancellation_details={"comment": None, "feedback": None, "reason": None},
                currency=price["currency"],
                customer=customer["id"],
                ended_at=None,
                managed_payments={"enabled": False},
                metadata=dict(order["metadata"]),
                next_pending_invoice_item_invoice=None,
                pause_collection=None,
                pending_invoice_item_interval=None,
                pending_update=None,
                schedule=None,
                start_date=now,
                status="trialing" if trial_days else "active",
                transfer_data=None,
                trial_end=end if trial_days else None,
                trial_start=now if trial_days else None,
            )
            item = self._item(subscription["id"], price, order["quantity"], now, end)
            subscription["items"] = {
                "object": "list",
                "data": [item],
                "has_more": False,
                "url": f"/v1/subscription_items?subscription={subscription['id']}",
            }
            line = self._cycle_line(subscription, item, now, end, trial=bool(trial_days))
            invoice = self._invoice(subscription, "subscription_create", [line], now, now)
            self._settle(invoice, "paid", send=False)  # its event follows the session's and the subscription's
            subscription["latest_invoice"] = invoice["id"]
            self.billing.subscriptions[subscription["id"]] = subscription
            session.update(
                customer=customer["id"],
                customer_details={
                    "address": None,
                    "email": customer["email"],
                    "name": customer["name"],
                    "phone": None,
                    "tax_exempt": "none",
                    "tax_ids": [],
                    "business_name": None,
                    "individual_name": None,
                },
                invoice=invoice["id"],
                payment_status="no_payment_required" if trial_days else "paid",
                status="complete",
                subscription=subscription["id"],
            )
            shown = {k: v for k, v in session.items() if not k.startswith("_")}
            self._emit("checkout.session.completed", shown)
            self._emit("customer.subscription.created", subscription)
            if not trial_days:
                self._emit("invoice.paid", invoice)
            self.refresh_entitlements()
            return shown

    # --- subscriptions -----------------------------------------------------------------------

    def _subscription(self, subscription_id: str) -> Obj:
        return named("subscription", self.billing.subscriptions, subscription_id)

    def retrieve_subscription(self, params: dict[str, Any], id: str) -> Obj:
        subscription = self._subscription(id)
        if "items.data.price.product" not in (params.get("expand") or []):
            return subscription
        shown = copy.deepcopy(subscription)
        for item in shown["items"]["data"]:
            item["price"]["product"] = copy.deepcopy(self.billing.products[item["price"]["product"]])
        return shown

    def list_subscriptions(self, params: dict[str, Any]) -> Obj:
        found = list(self.billing.subscriptions.values())[::-1]
        status = params.get("status")
        if status != "all":
            found = [s for s in found if s["status"] == status or (not status and s["status"] != "canceled")]
        if params.get("customer"):
            found = [s for s in found if s["customer"] == params["customer"]]
        if params.get("price"):
            found = [s for s in found if any(i["price"]["id"] == params["price"] for i in s["items"]["data"])]
        return page(found, params, "/v1/subscriptions")

    def update_subscription(self, params: dict[str, Any], id: str) -> Obj:
        subscription = self._subscription(id)
        if subscription["status"] == "canceled":
            raise StripeProblem(
                400,
                "invalid_request_error",
                "A canceled subscription can only update its cancellation_details and metadata.",
            )
        before, now = copy.deepcopy(subscription), clock.epoch_seconds()
        if "metadata" in params:
            merged = {**subscription["metadata"], **(params["metadata"] or {})}
            subscription["metadata"] = {k: v for k, v in merged.items() if v != ""}
        if "cancel_at_period_end" in params:
            ending = flag(params["cancel_at_period_end"])
            subscription.update(
                cancel_at_period_end=ending,
                cancel_at=subscription["items"]["data"][0]["current_period_end"] if ending else None,
                canceled_at=now if ending else None,
                cancellation_details={
                    "comment": None,
                    "feedback": None,
                    "reason": "cancellation_requested" if ending else None,
                },
            )
        behaviour = str(params.get("proration_behavior") or "create_prorations")
        if behaviour not in ("create_prorations", "none", "always_invoice"):
            raise StripeProblem(400, "invalid_request_error", "Invalid proration_behavior", param="proration_behavior")
        prorations: list[Obj] = []
        for index, change in enumerate(params.get("items") or []):
            prorations += self._change_item(subscription, change, index, now, prorate=behaviour != "none")
        invoice = None
        if prorations and behaviour == "always_invoice":
            item = subscription["items"]["data"][0]
            invoice = self._invoice(subscription, "subscription_update", prorations, now, item["current_period_end"])
            subscription["latest_invoice"] = invoice["id"]
        elif prorations:
            self.billing.pending_lines.setdefault(subscription["id"], []).extend(prorations)
        self._emit_updated(subscription, before)
        if invoice is not None:
            self._settle(invoice, "paid")
        self.refresh_entitlements()
        return subscription

    def _change_item(self, subscription: Obj, change: Obj, index: int, now: int, *, prorate: bool) -> list[Obj]:
        """Move one item to another price; the prorations it makes (unused time credited, the rest charged)."""
        items = {i["id"]: i for i in subscription["items"]["data"]}
        item = named("subscription_item", items, str(change.get("id") or ""), param=f"items[{index}][id]")
        price = item["price"]
        if change.get("price"):
            price = named("price", self.billing.prices, str(change["price"]), param=f"items[{index}][price]")
        if price["currency"] != subscription["currency"]:
            raise StripeProblem(
                400,
                "invalid_request_error",
                "The price specified has a different currency from the subscription's.",
                param=f"items[{index}][price]",
            )
        quantity = int(change.get("quantity") or item["quantity"])
        old_amount, new_amount = item["price"]["unit_amount"] * item["quantity"], price["unit_amount"] * quantity
        lines: list[Obj] = []
        start, end = item["current_period_start"], item["current_period_end"]
        if prorate and subscription["status"] != "trialing" and old_amount != new_amount and start <= now < end:
            left = (end - now) / (end - start)
            lines = [
                self._line(
                    subscription, item, -round(old_amount * left), now, end, proration=True, unused=True, price=None
                ),
                self._line(subscription, item, round(new_amount * left), now, end, proration=True, price=price),
            ]
        item.update(price=copy.deepcopy(price), plan=plan_of(price), quantity=quantity)
        return lines

    def cancel_subscription(self, params: dict[str, Any], id: str) -> Obj:
        subscription = self._subscription(id)
        if subscription["status"] == "canceled":
            raise StripeProblem(400, "invalid_request_error", f"The subscription {id} is already canceled.")
        now = clock.epoch_seconds()
        subscription.update(status="canceled", canceled_at=now, ended_at=now, cancel_at=None)
        subscription["cancellation_details"]["reason"] = "cancellation_requested"
        self._emit("customer.subscription.deleted", subscription)
        self.refresh_entitlements()
        return subscription

    def _emit_updated(self, subscription: Obj, before: Obj) -> None:
        changed = previous_attributes(before, subscription)
        if changed:
            event = self._emit("customer.subscription.updated", subscription)
            event["data"]["previous_attributes"] = changed  # the recorded event, sent after the lock is let go

    # --- what customers and time do ------------------------------------------------------------

    def renew(self, subscription_id: str, *, outcome: str = "paid") -> Obj:
        """The period ends: the next one starts with its invoice (`outcome`: how its payment goes),
        or the subscription ends, when it was set to cancel at the period's end."""
        with self._lock:
            subscription = self._subscription(subscription_id)
            if subscription["status"] == "canceled":
                raise StripeProblem(400, "invalid_request_error", "a canceled subscription does not renew")
            start = subscription["items"]["data"][0]["current_period_end"]
            if subscription["cancel_at_period_end"]:
                subscription.update(status="canceled", ended_at=start, cancel_at=start)
                self._emit("customer.subscription.deleted", subscription)
                self.refresh_entitlements()
                return subscription
            return self._next_period(subscription, start, "subscription_cycle", outcome)

    def end_trial(self, subscription_id: str, *, outcome: str = "paid") -> Obj:
        """The trial ends now (the period starts again from now, and is billed)."""
        with self._lock:
            subscription = self._subscription(subscription_id)
            if subscription["status"] != "trialing":
                raise StripeProblem(400, "invalid_request_error", "the subscription is not trialing")
            now = clock.epoch_seconds()
            subscription.update(trial_end=now, billing_cycle_anchor=now)
            return self._next_period(subscription, now, "subscription_update", outcome)

    def trial_will_end(self, subscription_id: str) -> Obj:
        """Stripe's notice, three days before a trial ends."""
        with self._lock:
            subscription = self._subscription(subscription_id)
            if subscription["status"] != "trialing":
                raise StripeProblem(400, "invalid_request_error", "the subscription is not trialing")
            self._emit("customer.subscription.trial_will_end", subscription)
            return subscription

    def pay_invoice(self, invoice_id: str) -> Obj:
        """A retry of an open invoice succeeds (the customer fixed their card, or Smart Retries did)."""
        with self._lock:
            invoice = named("invoice", self.billing.invoices, invoice_id)
            if invoice["status"] != "open":
                raise StripeProblem(400, "invalid_request_error", f"Invoice is already {invoice['status']}.")
            self._settle(invoice, "paid")
            subscription = self.billing.subscriptions[invoice["parent"]["subscription_details"]["subscription"]]
            self._follow(subscription)
            return invoice

    def _next_period(self, subscription: Obj, start: int, reason: str, outcome: str) -> Obj:
        if outcome not in OUTCOMES:
            raise StripeProblem(400, "invalid_request_error", f"outcome is one of {', '.join(OUTCOMES)}")
        before = copy.deepcopy(subscription)
        previous_start = subscription["items"]["data"][0]["current_period_start"]
        lines = self.billing.pending_lines.pop(subscription["id"], [])
        for item in subscription["items"]["data"]:
            end = self._period_after(start, item["price"], anchor=subscription["billing_cycle_anchor"])
            item.update(current_period_start=start, current_period_end=end)
            lines.append(self._cycle_line(subscription, item, start, end, trial=False))
        invoice = self._invoice(subscription, reason, lines, previous_start, start)
        subscription["latest_invoice"] = invoice["id"]
        if subscription["status"] == "trialing" and outcome == "paid":
            subscription["status"] = "active"
        self._emit_updated(subscription, before)
        self._settle(invoice, outcome)
        self._follow(subscription)
        return subscription

    def _follow(self, subscription: Obj) -> None:
        """The status the subscription's invoices leave it in: past_due while one is open, else active."""
        unpaid = [
            i
            for i in self.billing.invoices.values()
            if i["status"] == "open" and i["parent"]["subscription_details"]["subscription"] == subscription["id"]
        ]
        status = "past_due" if unpaid else "active"
        if subscription["status"] in ("active", "trialing", "past_due") and subscription["status"] != status:
            before = copy.deepcopy(subscription)
            subscription["status"] = status
            self._emit_updated(subscription, before)
        self.refresh_entitlements()

    @staticmethod
    def _period_after(start: int, price: Obj, *, anchor: int) -> int:
        recurring = price["recurring"]
        return period_end(start, recurring["interval"], recurring["interval_count"], anchor=anchor)
