"""The local Stripe's Billing: what Panacea's billing context calls, as the API version the client
pins does, with Stripe's own shapes (`stripe_fixtures.json`) and refusals.

    POST|GET /v1/products, GET|POST /v1/products/{id}      name, metadata, active, marketing_features
    POST /v1/prices, GET /v1/prices/{id}, POST /v1/prices/{id}
                                             product, currency, unit_amount, recurring[interval], lookup_key,
                                             transfer_lookup_key, metadata, nickname, active
    GET  /v1/prices                          lookup_keys[], active, product
    POST|GET /v1/entitlements/features       name, lookup_key (unique: 400), metadata; ?lookup_key=
    GET  /v1/entitlements/features/{id}
    POST|GET /v1/products/{id}/features, DELETE /v1/products/{id}/features/{id}   entitlement_feature
    POST /v1/customers, GET /v1/customers/{id}                 email, name, metadata
    POST /v1/checkout/sessions, GET /v1/checkout/sessions/{id} mode=subscription, customer, line_items,
                                             subscription_data[trial_period_days|metadata], urls, metadata
    POST /v1/billing_portal/sessions         customer, return_url
    subscriptions, invoices, active entitlements: stripe_billing_subscriptions.py; meters: stripe_billing_meters.py

The pages a customer would see are the sandbox's (`GET /_sandbox/checkout/sessions/{id}`,
`GET /_sandbox/billing_portal/sessions/{id}`), and what the customer and time do are controls:

    POST /_sandbox/checkout/sessions/{id}/complete                    the customer pays on the page
    POST /_sandbox/subscriptions/{id}/renew [outcome=paid|failed|action_required]   the next period's invoice
    POST /_sandbox/invoices/{id}/pay                                  a retry of an open invoice succeeds
    POST /_sandbox/subscriptions/{id}/trial_will_end                  three days before the trial ends
    POST /_sandbox/subscriptions/{id}/end_trial [outcome=…]           the trial ends now

A mixin of `StripeSandbox`, whose state (`billing`, a `BillingBook`) and helpers it uses; times
are the platform's clock, so a test that fixes the clock fixes every `created` and period.
"""

from __future__ import annotations

import copy
import re
import secrets
from collections.abc import Callable
from typing import Any

from infra.local.stripe_billing_meters import BillingMeters
from infra.local.stripe_billing_state import Obj, flag, named, page, required
from infra.local.stripe_billing_subscriptions import BillingSubscriptions
from infra.local.stripe_rules import StripeProblem, check_units
from panacea.platform import clock

Route = tuple[str, str, Callable[..., Any]]
CHECKOUT_TTL_S = 24 * 3600  # a Checkout Session expires after 24 hours, as Stripe's do


class StripeBilling(BillingSubscriptions, BillingMeters):
    """Products, prices, features, customers, Checkout and the portal; subscriptions and meters mixed in."""

    url: str

    def billing_routes(self) -> list[Route]:
        return [
            ("POST", r"/v1/products", self.create_product),
            ("GET", r"/v1/products", self.list_products),
            ("GET", r"/v1/products/(?P<id>\w+)", self.retrieve_product),
            ("POST", r"/v1/products/(?P<id>\w+)", self.update_product),
            ("POST", r"/v1/products/(?P<id>\w+)/features", self.attach_feature),
            ("GET", r"/v1/products/(?P<id>\w+)/features", self.list_product_features),
            ("DELETE", r"/v1/products/(?P<id>\w+)/features/(?P<attachment>\w+)", self.detach_feature),
            ("POST", r"/v1/prices", self.create_price),
            ("GET", r"/v1/prices", self.list_prices),
            ("GET", r"/v1/prices/(?P<id>\w+)", self.retrieve_price),
            ("POST", r"/v1/prices/(?P<id>\w+)", self.update_price),
            ("POST", r"/v1/entitlements/features", self.create_feature),
            ("GET", r"/v1/entitlements/features", self.list_features),
            ("GET", r"/v1/entitlements/features/(?P<id>\w+)", self.retrieve_feature),
            ("POST", r"/v1/customers", self.create_customer),
            ("GET", r"/v1/customers/(?P<id>\w+)", self.retrieve_customer),
            ("POST", r"/v1/checkout/sessions", self.create_checkout_session),
            ("GET", r"/v1/checkout/sessions/(?P<id>\w+)", self.retrieve_checkout_session),
            ("POST", r"/v1/billing_portal/sessions", self.create_portal_session),
            *self.subscription_routes(),
            *self.meter_routes(),
        ]

    def billing_control(self, method: str, path: str, params: dict[str, Any]) -> Any:
        """A Billing control's answer, or None when `path` is not one."""
        outcome = str(params.get("outcome") or "paid")
        controls: list[tuple[str, str, Callable[[str], Any]]] = [
            ("GET", r"/_sandbox/checkout/sessions/(\w+)", lambda id_: self.retrieve_checkout_session(params, id_)),
            ("GET", r"/_sandbox/billing_portal/sessions/(\w+)", self.portal_page),
            ("POST", r"/_sandbox/checkout/sessions/(\w+)/complete", self.complete_checkout),
            ("POST", r"/_sandbox/invoices/(\w+)/pay", self.pay_invoice),
            ("POST", r"/_sandbox/subscriptions/(\w+)/renew", lambda id_: self.renew(id_, outcome=outcome)),
            ("POST", r"/_sandbox/subscriptions/(\w+)/end_trial", lambda id_: self.end_trial(id_, outcome=outcome)),
            ("POST", r"/_sandbox/subscriptions/(\w+)/trial_will_end", self.trial_will_end),
        ]
        for verb, pattern, action in controls:
            if verb == method and (match := re.fullmatch(pattern, path)):
                return action(match.group(1))
        return None

    # --- products ------------------------------------------------------------------------------

    def create_product(self, params: dict[str, Any]) -> Obj:
        required(params, "name")
        product = self._new("product", "prod")
        if params.get("id"):
            if params["id"] in self.billing.products:
                raise StripeProblem(
                    400, "invalid_request_error", "Product already exists.", code="resource_already_exists"
                )
            product["id"] = params["id"]
        product.update(
            active=flag(params.get("active", "true")),
            default_price=None,
            description=params.get("description"),
            marketing_features=[{"name": f["name"]} for f in params.get("marketing_features") or []],
            metadata=dict(params.get("metadata") or {}),
            name=params["name"],
            package_dimensions=None,
            type="service",
            updated=product["created"],
        )
        self.billing.products[product["id"]] = product
        return product

    def retrieve_product(self, params: dict[str, Any], id: str) -> Obj:
        return named("product", self.billing.products, id)

    def list_products(self, params: dict[str, Any]) -> Obj:
        found = [
            p for p in self.billing.products.values() if "active" not in params or p["active"] == flag(params["active"])
        ]
        return page(found[::-1], params, "/v1/products")

    def update_product(self, params: dict[str, Any], id: str) -> Obj:
        product = self.retrieve_product(params, id)
        if "name" in params:
            product["name"] = params["name"]
        if "active" in params:
            product["active"] = flag(params["active"])
        if "metadata" in params:
            product["metadata"] = {k: v for k, v in {**product["metadata"], **params["metadata"]}.items() if v != ""}
        if "marketing_features" in params:
            product["marketing_features"] = [{"name": f["name"]} for f in params["marketing_features"] or []]
        product["updated"] = clock.epoch_seconds()
        return product

    # --- prices --------------------------------------------------------------------------------

    def create_price(self, params: dict[str, Any]) -> Obj:
        required(params, "currency", "unit_amount")
        product = named("product", self.billing.products, str(params.get("product") or ""), param="product")
        currency = str(params["currency"]).lower()
        try:
            amount = int(params["unit_amount"])
        except ValueError:
            raise StripeProblem(400, "invalid_request_error", "Invalid integer", param="unit_amount") from None
        check_units(amount, currency)
        price = self._new("price", "price")
        recurring = params.get("recurring")
        price.update(
            active=flag(params.get("active", "true")),
            currency=currency,
            custom_unit_amount=None,
            metadata=dict(params.get("metadata") or {}),
            nickname=params.get("nickname"),
            product=product["id"],
            recurring=None,
            transform_quantity=None,
            type="recurring" if recurring else "one_time",
            unit_amount=amount,
            unit_amount_decimal=str(amount),
            lookup_key=None,
        )
        if recurring:
            required(recurring, "interval")
            if recurring["interval"] not in ("day", "week", "month", "year"):
                raise StripeProblem(
                    400, "invalid_request_error", "Invalid recurring[interval]", param="recurring[interval]"
                )
            price["recurring"] = {
                "interval": recurring["interval"],
                "interval_count": int(recurring.get("interval_count") or 1),
                "meter": recurring.get("meter"),
                "usage_type": recurring.get("usage_type") or "licensed",
                "trial_period_days": None,
            }
        self._take_lookup_key(price, params)
        self.billing.prices[price["id"]] = price
        return price

    def _take_lookup_key(self, price: Obj, params: dict[str, Any]) -> None:
        """A lookup key names one price: another price's key is refused, or moved with transfer_lookup_key."""
        key = params.get("lookup_key")
        if key is None:
            return
        holder = next((p for p in self.billing.prices.values() if p["lookup_key"] == key and p is not price), None)
        if holder is not None:
            if not flag(params.get("transfer_lookup_key")):
                raise StripeProblem(
                    400,
                    "invalid_request_error",
                    f"A price (`{holder['id']}`) already uses that lookup key.",
                    param="lookup_key",
                )
            holder["lookup_key"] = None
        price["lookup_key"] = key or None

    def retrieve_price(self, params: dict[str, Any], id: str) -> Obj:
        return named("price", self.billing.prices, id)

    def list_prices(self, params: dict[str, Any]) -> Obj:
        found = list(self.billing.prices.values())[::-1]
        if "lookup_keys" in params:
            keys = params["lookup_keys"] if isinstance(params["lookup_keys"], list) else [params["lookup_keys"]]
            found = [p for p in found if p["lookup_key"] in keys]
        if "active" in params:
            found = [p for p in found if p["active"] == flag(params["active"])]
        if params.get("product"):
            found = [p for p in found if p["product"] == params["product"]]
        return page(found, params, "/v1/prices")

    def update_price(self, params: dict[str, Any], id: str) -> Obj:
        price = self.retrieve_price(params, id)
        if "active" in params:
            price["active"] = flag(params["active"])
        if "nickname" in params:
            price["nickname"] = params["nickname"] or None
        if "metadata" in params:
            price["metadata"] = {k: v for k, v in {**price["metadata"], **params["metadata"]}.items() if v != ""}
        self._take_lookup_key(price, params)
        return price

    # --- entitlement features ------------------------------------------------------------------

    def create_feature(self, params: dict[str, Any]) -> Obj:
        required(params, "name", "lookup_key")
        if any(f["lookup_key"] == params["lookup_key"] for f in self.billing.features.values()):
            raise StripeProblem(
                400,
                "invalid_request_error",
                f"A feature with lookup_key '{params['lookup_key']}' already exists.",
                param="lookup_key",
            )
        feature = copy.deepcopy(self._shapes["entitlements.feature"])
        feature.update(
            id=f"feat_test_{secrets.token_hex(16)}",
            active=True,
            livemode=False,
            lookup_key=params["lookup_key"],
            metadata=dict(params.get("metadata") or {}),
            name=params["name"],
        )
        self.billing.features[feature["id"]] = feature
        return dict(feature)

    def list_features(self, params: dict[str, Any]) -> Obj:
        found = list(self.billing.features.values())[::-1]
        if params.get("lookup_key"):
            found = [f for f in found if f["lookup_key"] == params["lookup_key"]]
        if "archived" in params:
            found = [f for f in found if f["active"] != flag(params["archived"])]
        return page(found, params, "/v1/entitlements/features")

    def retrieve_feature(self, params: dict[str, Any], id: str) -> Obj:
        return named("entitlements.feature", self.billing.features, id)

    def attach_feature(self, params: dict[str, Any], id: str) -> Obj:
        product = self.retrieve_product(params, id)
        feature_id = str(params.get("entitlement_feature") or "")
        feature = named("entitlements.feature", self.billing.features, feature_id, param="entitlement_feature")
        attached = self.billing.product_features.setdefault(product["id"], {})
        if any(a["entitlement_feature"]["id"] == feature_id for a in attached.values()):
            raise StripeProblem(
                400,
                "invalid_request_error",
                f"The feature {feature_id} is already attached to the product {product['id']}.",
                param="entitlement_feature",
            )
        attachment = copy.deepcopy(self._shapes["product_feature"])
        attachment.update(id=f"prodft_{secrets.token_hex(12)}", entitlement_feature=copy.deepcopy(feature))
        attached[attachment["id"]] = attachment
        self.refresh_entitlements()
        return dict(attachment)

    def list_product_features(self, params: dict[str, Any], id: str) -> Obj:
        product = self.retrieve_product(params, id)
        attached = list(self.billing.product_features.get(product["id"], {}).values())
        return page(attached, params, f"/v1/products/{product['id']}/features")

    def detach_feature(self, params: dict[str, Any], id: str, attachment: str) -> Obj:
        attached = self.billing.product_features.get(self.retrieve_product(params, id)["id"], {})
        named("product_feature", attached, attachment)
        del attached[attachment]
        self.refresh_entitlements()
        return {**copy.deepcopy(self._shapes["deleted_product_feature"]), "id": attachment}

    # --- customers, Checkout, the portal -----------------------------------------------------------

    def create_customer(self, params: dict[str, Any]) -> Obj:
        customer = self._new("customer", "cus")
        customer.update(
            address=None,
            currency=None,
            discount=None,
            email=params.get("email"),
            invoice_prefix=secrets.token_hex(4).upper(),
            metadata=dict(params.get("metadata") or {}),
            name=params.get("name"),
            shipping=None,
        )
        self.billing.customers[customer["id"]] = customer
        return customer

    def retrieve_customer(self, params: dict[str, Any], id: str) -> Obj:
        return named("customer", self.billing.customers, id)

    def create_checkout_session(self, params: dict[str, Any]) -> Obj:
        if params.get("mode") != "subscription":
            raise StripeProblem(
                400, "invalid_request_error", "The sandbox's Checkout has subscription mode only.", param="mode"
            )
        required(params, "success_url")
        lines = params.get("line_items") or []
        if not lines or not lines[0] or not lines[0].get("price"):
            raise StripeProblem(400, "invalid_request_error", "Missing required param: line_items.", param="line_items")
        price = named("price", self.billing.prices, str(lines[0]["price"]), param="line_items[0][price]")
        if price["type"] != "recurring":
            raise StripeProblem(
                400,
                "invalid_request_error",
                "You must specify at least one recurring price in `subscription` mode when using prices.",
                param="line_items[0][price]",
            )
        if params.get("customer"):
            named("customer", self.billing.customers, str(params["customer"]), param="customer")
        data = params.get("subscription_data") or {}
        session = self._new("checkout.session", "cs_test")
        quantity = int(lines[0].get("quantity") or 1)
        session.update(
            after_expiration=None,
            amount_subtotal=price["unit_amount"] * quantity,
            amount_total=price["unit_amount"] * quantity,
            cancel_url=params.get("cancel_url"),
            client_reference_id=params.get("client_reference_id"),
            collected_information=None,
            currency=price["currency"],
            currency_conversion=None,
            custom_text={"after_submit": None, "shipping_address": None, "submit": None},
            customer=params.get("customer"),
            customer_details=None,
            customer_email=params.get("customer_email"),
            expires_at=session["created"] + CHECKOUT_TTL_S,
            metadata=dict(params.get("metadata") or {}),
            mode="subscription",
            payment_intent=None,
            payment_method_configuration_details=None,
            shipping_address_collection=None,
            shipping_cost=None,
            status="open",
            success_url=params["success_url"],
            total_details={"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
        )
        session["url"] = f"{self.url}/_sandbox/checkout/sessions/{session['id']}"
        session["_order"] = {  # what completing it subscribes to (not shown)
            "price": price["id"],
            "quantity": quantity,
            "trial_period_days": int(data.get("trial_period_days") or 0),
            "metadata": dict(data.get("metadata") or {}),
        }
        self.billing.checkout_sessions[session["id"]] = session
        return self._shown(session)

    @staticmethod
    def _shown(session: Obj) -> Obj:
        return {k: v for k, v in session.items() if not k.startswith("_")}

    def retrieve_checkout_session(self, params: dict[str, Any], id: str) -> Obj:
        return self._shown(named("checkout.session", self.billing.checkout_sessions, id))

    def create_portal_session(self, params: dict[str, Any]) -> Obj:
        required(params, "customer")
        customer = named("customer", self.billing.customers, str(params["customer"]), param="customer")
        portal = self._new("billing_portal.session", "bps")
        portal.update(
            configuration=params.get("configuration") or "bpc_sandbox_default",
            customer=customer["id"],
            flow=None,
            livemode=False,
            return_url=params.get("return_url"),
            url=f"{self.url}/_sandbox/billing_portal/sessions/{portal['id']}",
        )
        portal.pop("metadata", None)
        self.billing.portal_sessions[portal["id"]] = portal
        return portal

    def portal_page(self, portal_id: str) -> Obj:
        """What the portal shows: the session and its customer's subscriptions."""
        with self._lock:
            portal = named("billing_portal.session", self.billing.portal_sessions, portal_id)
            mine = [s for s in self.billing.subscriptions.values() if s["customer"] == portal["customer"]]
            return {"session": portal, "subscriptions": mine[::-1]}
