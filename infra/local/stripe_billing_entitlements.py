"""The local Stripe's active entitlements: the features attached to the products of a customer's
active, trialing and past_due subscriptions, each with a stable `ent_…` id, listed as Stripe pages
them; whenever that set changes, `entitlements.active_entitlement_summary.updated` carries the first
10 (features expanded) and `has_more`, as Stripe's summary does."""

from __future__ import annotations

import copy
import secrets
from collections.abc import Callable
from typing import Any

from infra.local.stripe_billing_state import BillingBook, Obj, named, page
from infra.local.stripe_rules import StripeProblem

ENTITLING = ("active", "trialing", "past_due")  # the statuses whose products' features a customer has


class BillingEntitlements:
    """Who is entitled to which features, and the summaries sent when that changes."""

    billing: BillingBook
    _shapes: dict[str, Any]
    _emit: Callable[[str, Obj], Obj]

    def features_of(self, product_id: str) -> list[str]:
        return [a["entitlement_feature"]["id"] for a in self.billing.product_features.get(product_id, {}).values()]

    def entitled_features(self, customer_id: str) -> list[str]:
        """The features of the products of the customer's active, trialing and past_due subscriptions."""
        features: list[str] = []
        for subscription in self.billing.subscriptions.values():
            if subscription["customer"] == customer_id and subscription["status"] in ENTITLING:
                for item in subscription["items"]["data"]:
                    features += [f for f in self.features_of(item["price"]["product"]) if f not in features]
        return features

    def active_entitlements(self, customer_id: str, *, expand: bool = False) -> list[Obj]:
        shown = []
        for feature_id in self.entitled_features(customer_id):
            key = (customer_id, feature_id)
            entitlement_id = self.billing.entitlement_ids.setdefault(key, f"ent_test_{secrets.token_hex(16)}")
            feature = self.billing.features[feature_id]
            shown.append(
                {
                    "feature": copy.deepcopy(feature) if expand else feature_id,
                    "id": entitlement_id,
                    "livemode": False,
                    "lookup_key": feature["lookup_key"],
                    "object": "entitlements.active_entitlement",
                }
            )
        return shown

    def list_active_entitlements(self, params: dict[str, Any]) -> Obj:
        if not params.get("customer"):
            raise StripeProblem(400, "invalid_request_error", "Missing required param: customer.", param="customer")
        customer = named("customer", self.billing.customers, str(params["customer"]), param="customer")
        expand = "data.feature" in (params.get("expand") or [])
        return page(
            self.active_entitlements(customer["id"], expand=expand), params, "/v1/entitlements/active_entitlements"
        )

    def refresh_entitlements(self) -> None:
        """Send each customer whose entitled features changed their new summary (the first 10)."""
        customers = {s["customer"] for s in self.billing.subscriptions.values()} | set(self.billing.entitled)
        for customer_id in sorted(customers):
            now = self.entitled_features(customer_id)
            if now == self.billing.entitled.get(customer_id, []):
                continue
            self.billing.entitled[customer_id] = now
            summary = copy.deepcopy(self._shapes["entitlements.active_entitlement_summary"])
            entitlements = self.active_entitlements(customer_id, expand=True)
            summary.update(
                customer=customer_id,
                livemode=False,
                entitlements=page(entitlements, {}, f"/v1/customer/{customer_id}/entitlements"),
            )
            self._emit("entitlements.active_entitlement_summary.updated", summary)
