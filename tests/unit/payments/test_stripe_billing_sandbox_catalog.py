"""The local Stripe's Billing catalog answers the real `stripe` library as Stripe does: products,
prices found by lookup key (one price per key, moved only with transfer_lookup_key), features
unique by lookup key and attached to products, customers, and portal sessions."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import stripe

from tests.support.stripe_billing import Billing, running


@pytest.fixture
def billing() -> Iterator[Billing]:
    with running() as served:
        yield served


def test_prices_are_found_by_lookup_key_and_a_key_names_one_price(billing: Billing):
    # Given Professional and Enterprise priced by lookup key
    _, professional = billing.product("Professional", price=4_900, key="professional_gbp_month")
    product, enterprise = billing.product("Enterprise", price=29_900, key="enterprise_gbp_month")
    # When the prices are looked up by their keys
    found = billing.client.v1.prices.list(
        params={"lookup_keys": ["professional_gbp_month", "enterprise_gbp_month"], "active": True}
    )
    # Then both come back, with their amounts and intervals
    assert {(p.id, p.unit_amount, p.recurring and p.recurring.interval) for p in found.data} == {
        (professional, 4_900, "month"),
        (enterprise, 29_900, "month"),
    }
    # When another price takes Enterprise's key without transfer_lookup_key, Then Stripe refuses it
    with pytest.raises(stripe.InvalidRequestError) as refused:
        billing.client.v1.prices.create(
            params={"product": product, "currency": "gbp", "unit_amount": 31_900, "lookup_key": "enterprise_gbp_month"}
        )
    assert refused.value.param == "lookup_key"
    # When it takes it with transfer_lookup_key, Then the key names the new price and the old one has none
    newer = billing.client.v1.prices.create(
        params={
            "product": product,
            "currency": "gbp",
            "unit_amount": 31_900,
            "recurring": {"interval": "month"},
            "lookup_key": "enterprise_gbp_month",
            "transfer_lookup_key": True,
        }
    )
    assert [p.id for p in billing.client.v1.prices.list(params={"lookup_keys": ["enterprise_gbp_month"]})] == [newer.id]
    assert billing.client.v1.prices.retrieve(enterprise).lookup_key is None
    # When the old price is archived, Then it is left out of the active prices
    billing.client.v1.prices.update(enterprise, params={"active": False})
    assert enterprise not in {p.id for p in billing.client.v1.prices.list(params={"active": True}).data}


def test_features_are_unique_by_lookup_key_and_attach_to_products(billing: Billing):
    # Given a feature and a product
    messaging = billing.feature("messaging")
    product, _ = billing.product("Professional", price=4_900, key="professional")
    # When a second feature takes the same lookup key, Then it is refused
    with pytest.raises(stripe.InvalidRequestError) as refused:
        billing.client.v1.entitlements.features.create(params={"name": "Again", "lookup_key": "messaging"})
    assert (refused.value.http_status, refused.value.param) == (400, "lookup_key")
    # Then the feature is found by its key
    found = billing.client.v1.entitlements.features.list(params={"lookup_key": "messaging"})
    assert [f.id for f in found.data] == [messaging]
    # When it is attached to the product, Then the product lists it, until it is detached
    attached = billing.client.v1.products.features.create(product, params={"entitlement_feature": messaging})
    listed = billing.client.v1.products.features.list(product)
    assert [(a.id, a.entitlement_feature.lookup_key) for a in listed.data] == [(attached.id, "messaging")]
    deleted = billing.client.v1.products.features.delete(product, attached.id)
    assert deleted.deleted is True
    assert billing.client.v1.products.features.list(product).data == []


def test_a_product_is_updated_and_listed(billing: Billing):
    # Given a product
    product, _ = billing.product("Professional", price=4_900, key="professional")
    # When it is renamed, given marketing features and metadata, and archived
    billing.client.v1.products.update(
        product,
        params={
            "name": "Professional (2027)",
            "metadata": {"plan": "professional"},
            "marketing_features": [{"name": "1,000 members"}],
            "active": False,
        },
    )
    # Then it reads back so, and is listed among the archived only
    read = billing.client.v1.products.retrieve(product)
    assert (read.name, read.metadata.to_dict(), read.marketing_features[0].name, read.active) == (
        "Professional (2027)",
        {"plan": "professional"},
        "1,000 members",
        False,
    )
    assert [p.id for p in billing.client.v1.products.list(params={"active": False})] == [product]
    assert billing.client.v1.products.list(params={"active": True}).data == []


def test_a_customer_opens_the_portal_on_the_sandboxs_page(billing: Billing):
    # Given a customer
    customer = billing.client.v1.customers.create(params={"email": "owner@clinic.example", "metadata": {"t": "1"}})
    assert billing.client.v1.customers.retrieve(customer.id).email == "owner@clinic.example"
    # When a portal session is made for them
    portal = billing.client.v1.billing_portal.sessions.create(
        params={"customer": customer.id, "return_url": "https://app.example/billing"}
    )
    # Then its url is the sandbox's page for that customer, and it returns to the platform
    assert portal.url.startswith(billing.sandbox.url)
    status, page = billing.sandbox.handle("GET", urlsplit(portal.url).path, {}, b"")
    assert (status, page["session"]["customer"], portal.return_url) == (200, customer.id, "https://app.example/billing")
    # When the customer is unknown, Then Stripe refuses it naming the parameter
    with pytest.raises(stripe.InvalidRequestError) as refused:
        billing.client.v1.billing_portal.sessions.create(params={"customer": "cus_nobody"})
    assert refused.value.param == "customer"
