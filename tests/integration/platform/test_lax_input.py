"""Lax input, as issue 9 found it from outside: each case through the route's function, as API
Gateway hands it over. What a client sends is taken as the JSON type its schema names, free text
holds no control characters, countries and currencies are real ones, and ids a patch names are
checked as on create: a 422 naming the field, nothing written, never a 5xx."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.integration.catalog_support import catalog_staff, product, tag
from tests.integration.commerce import Shop, shop
from tests.support import PLATFORM_ADMIN, call, new_tenant_body, onboard, signed_up_member, staff
from tests.support.builders import ADDRESS
from tests.support.transport import Answer

PASSWORD = "Harbour-Gene-2026!"


def fields_refused(answer: Answer) -> list[str]:
    """The fields a 422 names (and that it is one)."""
    assert answer.status == 422, (answer.status, answer.body)
    assert answer.headers.get("Content-Type") == "application/problem+json", answer.headers
    return sorted({error["field"] for error in answer.body["errors"]})


@pytest.fixture(scope="module")
def store() -> Shop:
    return shop()


@pytest.fixture(scope="module")
def tenant() -> dict[str, Any]:
    return onboard()


@pytest.fixture
def member(tenant: dict[str, Any]) -> dict[str, str]:
    """A confirmed member with no address yet, as the authorizer hands them to functions."""
    email = f"lax-{uuid.uuid4().hex[:10]}@example.com"
    return staff(tenant["id"], "member", user_id=signed_up_member(tenant["slug"], email, PASSWORD))


@pytest.mark.parametrize("quantity", [True, "1", 1.0])
def test_an_order_is_not_placed_for_a_quantity_that_is_not_a_whole_number(store: Shop, quantity: Any):
    # Given a member at a shop
    member = store.member()
    # When they check out a line whose quantity is a boolean, a string or a float
    line = {**store.line("device"), "quantity": quantity}
    placed = call("POST", "/v1/orders", caller=member, body={"payment_method": "card", "lines": [line]})
    # Then checkout is refused, naming the quantity, and no order is placed
    assert fields_refused(placed) == ["lines[0].quantity"]
    assert call("GET", "/v1/me/orders", caller=member).body["items"] == []
    # And the cart refuses it too
    cart = call("PUT", "/v1/me/cart", caller=member, body={"lines": [line]})
    assert fields_refused(cart) == ["lines[0].quantity"]


def test_a_string_is_not_a_boolean(tenant: dict[str, Any], member: dict[str, str]):
    # When a member adds an address with "default": "yes"
    added = call("POST", "/v1/me/addresses", caller=member, body={**ADDRESS, "default": "yes"})
    # Then it is refused, naming `default`, and the address book stays empty
    assert fields_refused(added) == ["default"]
    assert call("GET", "/v1/me/addresses", caller=member).body["items"] == []
    # And a tenant's settings take no "yes" for true either
    owner = staff(tenant["id"], "owner")
    patched = call("PATCH", "/v1/tenant/settings", caller=owner, body={"orders": {"offline_payment": "yes"}})
    assert fields_refused(patched) == ["orders.offline_payment"]


def test_an_address_is_in_a_real_country_and_the_refusal_names_the_country(member: dict[str, str]):
    # When a member adds an address in "ZZ" (CLDR's unknown region), with a national phone number
    added = call("POST", "/v1/me/addresses", caller=member, body={**ADDRESS, "phone": "07400 123456", "country": "ZZ"})
    # Then it is refused, naming the country (not the phone number it could not be read with)
    assert fields_refused(added) == ["country"]
    assert call("GET", "/v1/me/addresses", caller=member).body["items"] == []
    # And an address in the UK cannot be moved to "ZZ" either
    home = call("POST", "/v1/me/addresses", caller=member, body=ADDRESS)
    assert home.status == 201, home.body
    moved = call("PATCH", f"/v1/me/addresses/{home.body['id']}", caller=member, body={"country": "ZZ"})
    assert fields_refused(moved) == ["country"]
    assert call("GET", "/v1/me/addresses", caller=member).body["items"][0]["country"] == "GB"


def test_a_tenant_is_in_a_real_country_and_currency():
    # When a platform admin creates tenants in "ZZ", and in Zimbabwe's withdrawn ZWL
    nowhere = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(jurisdiction="ZZ"))
    withdrawn = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(currency="ZWL"))
    # Then each is refused, naming its field
    assert fields_refused(nowhere) == ["jurisdiction"]
    assert fields_refused(withdrawn) == ["currency"]


def test_text_with_a_control_character_is_not_stored(tenant: dict[str, Any], member: dict[str, str]):
    # When a member, and the catalog's staff, send text holding a NUL
    address = call("POST", "/v1/me/addresses", caller=member, body={**ADDRESS, "recipient": "A\u0000B"})
    profile = call("PATCH", "/v1/me", caller=member, body={"individual": {"occupation": "A\u0000B"}})
    drops = {"name": "A\u0000B", "kind": "medicine"}
    made = call("POST", "/v1/catalog/products", caller=catalog_staff(tenant["id"]), body=drops)
    # Then each is refused, naming the field
    assert fields_refused(address) == ["recipient"]
    assert fields_refused(profile) == ["individual.occupation"]
    assert fields_refused(made) == ["name"]
    # And nothing of it was stored
    assert call("GET", "/v1/me/addresses", caller=member).body["items"] == []
    assert call("GET", "/v1/me", caller=member).body["individual"]["occupation"] is None


def test_a_price_is_a_whole_number_of_minor_units(tenant: dict[str, Any]):
    # Given a draft product
    draft = product(tenant["id"], "Vitamin D3 drops", kind="medicine")
    # When a SKU is added with its price as a string
    body = {"code": f"D3-{uuid.uuid4().hex[:6]}", "prices": [{"amount": "1299", "currency": "GBP"}]}
    added = call("POST", f"/v1/catalog/products/{draft['id']}/skus", caller=catalog_staff(tenant["id"]), body=body)
    # Then it is refused, naming the amount
    assert fields_refused(added) == ["prices[0].amount"]


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"tag_ids": [""]}, "tag_ids[0]"),
        ({"tag_ids": ["a#b"]}, "tag_ids[0]"),
        ({"tag_ids": ["nope"]}, "tag_ids[0]"),
        ({"tag_ids": ["01JD7PX3M5Q7S9V1X3Z5B7D9F1"]}, "tag_ids[0]"),  # well formed, but no such tag
        ({"category_ids": ["a#b"]}, "category_ids[0]"),
        ({"category_ids": ["nope"]}, "category_ids[0]"),
        ({"store_id": "a#b"}, "store_id"),
        ({"store_id": "nope"}, "store_id"),
    ],
)
def test_a_product_patch_checks_the_ids_it_names_as_create_does(
    tenant: dict[str, Any], patch: dict[str, Any], field: str
):
    # Given a draft product with a tag
    owner = catalog_staff(tenant["id"])
    best = tag(tenant["id"], f"best-{uuid.uuid4().hex[:6]}")
    draft = product(tenant["id"], "Home Blood Pressure Monitor", kind="device", tag_ids=[best["id"]])
    # When a patch names a tag, category or store id that is malformed or unknown
    patched = call("PATCH", f"/v1/catalog/products/{draft['id']}", caller=owner, body=patch)
    # Then it is refused as create refuses it, naming the id, and the product is unchanged
    assert fields_refused(patched) == [field]
    assert patched.body["type"] == "/errors/bad-reference"
    assert call("GET", f"/v1/catalog/products/{draft['id']}", caller=owner).body == draft
    # While a patch naming ids that exist is taken
    retagged = call("PATCH", f"/v1/catalog/products/{draft['id']}", caller=owner, body={"tag_ids": []})
    assert (retagged.status, retagged.body["tag_ids"]) == (200, [])
