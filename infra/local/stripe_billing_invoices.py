"""The local Stripe's invoices for subscriptions, as Stripe shapes them: the subscription under
`parent.subscription_details`, each line's price under `pricing`, a cycle line per subscription item
under `parent.subscription_item_details`, and prorations as invoice items
(`parent.invoice_item_details`, `proration: true`). An invoice is made finalized (open); `_settle`
attempts its payment and sends `invoice.paid`, `invoice.payment_failed` (the next attempt in three
days, as Smart Retries would) or `invoice.payment_action_required`."""

from __future__ import annotations

import copy
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from infra.local.stripe_billing_state import BillingBook, Obj, named, page
from panacea.platform import clock

RETRY_AFTER_S = 3 * 24 * 3600  # Smart Retries' next attempt, roughly


def plan_of(price: Obj) -> Obj:
    """The legacy `plan` Stripe still shows on a subscription item, read from its price."""
    recurring = price["recurring"] or {}
    return {
        "active": price["active"],
        "amount": price["unit_amount"],
        "amount_decimal": price["unit_amount_decimal"],
        "billing_scheme": "per_unit",
        "created": price["created"],
        "currency": price["currency"],
        "id": price["id"],
        "interval": recurring.get("interval"),
        "interval_count": recurring.get("interval_count"),
        "livemode": False,
        "metadata": price["metadata"],
        "meter": None,
        "nickname": price["nickname"],
        "object": "plan",
        "product": price["product"],
        "tiers_mode": None,
        "transform_usage": None,
        "trial_period_days": None,
        "usage_type": "licensed",
    }


class BillingInvoices:
    """Subscription items, invoice lines, invoices and their payment attempts."""

    url: str
    billing: BillingBook
    _shapes: dict[str, Any]
    _new: Callable[[str, str], Obj]
    _emit: Callable[[str, Obj], Obj]

    def _item(self, subscription_id: str, price: Obj, quantity: int, start: int, end: int) -> Obj:
        item = self._new("subscription_item", "si")
        item.update(
            billing_thresholds=None,
            current_period_end=end,
            current_period_start=start,
            plan=plan_of(price),
            price=copy.deepcopy(price),
            quantity=quantity,
            subscription=subscription_id,
        )
        return item

    def _cycle_line(self, subscription: Obj, item: Obj, start: int, end: int, *, trial: bool) -> Obj:
        amount = 0 if trial else item["price"]["unit_amount"] * item["quantity"]
        return self._line(subscription, item, amount, start, end, proration=False, price=item["price"], trial=trial)

    def _line(
        self,
        subscription: Obj,
        item: Obj,
        amount: int,
        start: int,
        end: int,
        *,
        proration: bool,
        price: Obj | None,
        unused: bool = False,
        trial: bool = False,
    ) -> Obj:
        """An invoice line, as Stripe words it ("1 × Professional", "Unused time on Professional after 04 Mar 2027")."""  # noqa: RUF002
        shown = price or item["price"]
        name = self.billing.products[shown["product"]]["name"]
        if proration:
            after = datetime.fromtimestamp(start, UTC).strftime("%d %b %Y")
            description = f"{'Unused' if unused else 'Remaining'} time on {name} after {after}"
        else:
            description = f"{'Trial period for' if trial else str(item['quantity']) + ' ×'} {name}"  # noqa: RUF001
        line = copy.deepcopy(self._shapes["line_item"])
        details = {
            "invoice_item": f"ii_{secrets.token_hex(12)}" if proration else None,
            "proration": proration,
            "proration_details": {"credited_items": None},
            "subscription": subscription["id"],
            "subscription_item": item["id"],
        }
        line.update(
            id=f"il_{secrets.token_hex(12)}",
            amount=amount,
            currency=subscription["currency"],
            description=description,
            metadata={},
            period={"start": start, "end": end},
            quantity=item["quantity"],
            subscription=subscription["id"],
            pretax_credit_amounts=[],
            taxes=[],
            subtotal=amount,
            parent={
                "type": "invoice_item_details" if proration else "subscription_item_details",
                "invoice_item_details": details if proration else None,
                "subscription_item_details": None if proration else details,
            },
            pricing={
                "type": "price_details",
                "price_details": {"price": shown["id"], "product": shown["product"]},
                "unit_amount_decimal": shown["unit_amount_decimal"],
            },
        )
        return dict(line)

    def _invoice(self, subscription: Obj, reason: str, lines: list[Obj], start: int, end: int) -> Obj:
        """An invoice for the subscription, finalized (open) and not yet attempted."""
        customer = self.billing.customers[subscription["customer"]]
        invoice = self._new("invoice", "in")
        total = sum(line["amount"] for line in lines)
        for line in lines:
            line["invoice"] = invoice["id"]
        number = sum(1 for i in self.billing.invoices.values() if i["customer"] == customer["id"]) + 1
        invoice.update(
            amount_due=max(total, 0),
            amount_overpaid=0,
            amount_paid=0,
            amount_remaining=max(total, 0),
            attempt_count=0,
            attempted=False,
            auto_advance=True,
            billing_reason=reason,
            currency=subscription["currency"],
            customer=customer["id"],
            customer_address=None,
            customer_email=customer["email"],
            customer_name=customer["name"],
            customer_shipping=None,
            due_date=None,
            effective_at=invoice["created"],
            ending_balance=0,
            from_invoice=None,
            hosted_invoice_url=f"{self.url}/_sandbox/invoices/{invoice['id']}",
            last_finalization_error=None,
            lines={"object": "list", "data": lines, "has_more": False, "url": f"/v1/invoices/{invoice['id']}/lines"},
            next_payment_attempt=None,
            number=f"{customer['invoice_prefix']}-{number:04d}",
            parent={
                "type": "subscription_details",
                "quote_details": None,
                "subscription_details": {
                    "metadata": dict(subscription["metadata"]),
                    "subscription": subscription["id"],
                },
            },
            period_end=end,
            period_start=start,
            shipping_cost=None,
            shipping_details=None,
            status="open",
            status_transitions={
                "finalized_at": invoice["created"],
                "marked_uncollectible_at": None,
                "paid_at": None,
                "voided_at": None,
            },
            subtotal=total,
            subtotal_excluding_tax=total,
            total=total,
            total_excluding_tax=total,
            webhooks_delivered_at=None,
        )
        self.billing.invoices[invoice["id"]] = invoice
        return invoice

    def _settle(self, invoice: Obj, outcome: str, *, send: bool = True) -> None:
        """The invoice's payment is attempted, with `outcome`; its event is sent (unless the caller sends it)."""
        now = clock.epoch_seconds()
        charged = invoice["amount_due"] > 0
        invoice.update(attempted=True, attempt_count=invoice["attempt_count"] + (1 if charged else 0))
        if outcome == "paid":
            invoice.update(
                amount_paid=invoice["amount_due"], amount_remaining=0, status="paid", next_payment_attempt=None
            )
            invoice["status_transitions"]["paid_at"] = now
            if send:
                self._emit("invoice.paid", invoice)
        elif outcome == "failed":
            invoice["next_payment_attempt"] = now + RETRY_AFTER_S
            if send:
                self._emit("invoice.payment_failed", invoice)
        elif send:
            self._emit("invoice.payment_action_required", invoice)

    def retrieve_invoice(self, params: dict[str, Any], id: str) -> Obj:
        return named("invoice", self.billing.invoices, id)

    def list_invoices(self, params: dict[str, Any]) -> Obj:
        found = list(self.billing.invoices.values())[::-1]
        if params.get("customer"):
            found = [i for i in found if i["customer"] == params["customer"]]
        if params.get("subscription"):
            found = [i for i in found if i["parent"]["subscription_details"]["subscription"] == params["subscription"]]
        if params.get("status"):
            found = [i for i in found if i["status"] == params["status"]]
        return page(found, params, "/v1/invoices")
