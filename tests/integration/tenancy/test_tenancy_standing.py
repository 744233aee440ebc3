"""Tenancy's face for the contexts that check a tenant: its standing, read alone or inside another
context's TransactGetItems, is one DynamoDB request either way."""

from __future__ import annotations

from panacea import tenancy
from panacea.identity import dal as identity
from tests.support import onboard


def test_a_tenants_standing_is_read_in_the_same_request_as_identitys_items(dynamodb_requests: list[str]):
    # Given an active tenant
    tenant = onboard()
    dynamodb_requests.clear()
    # When identity reads a person, a login's holder and the gate's standing, each with the tenant
    standing, nobody = identity.standing(tenant["id"], "01HZZZZZZZZZZZZZZZZZZZZZZZ")
    with_login, holder = identity.tenant_and_login(tenant["id"], "email", "nobody@example.com")
    person, with_person = identity.user_and_tenant(tenant["id"], "01HZZZZZZZZZZZZZZZZZZZZZZZ")
    # Then each is one TransactGetItems, tenancy's gets added to identity's
    assert dynamodb_requests == ["TransactGetItems"] * 3
    # And tenancy's view says who the tenant is, with its settings where they were asked for
    assert standing is not None
    assert standing.active
    assert standing.slug == tenant["slug"]
    assert standing.settings is None
    assert nobody is None
    assert with_login is not None
    assert with_login.settings is not None
    assert holder is None
    assert with_person is not None
    assert with_person.jurisdiction == tenant["jurisdiction"]
    assert person is None


def test_a_slug_and_a_standing_are_read_through_the_face(dynamodb_requests: list[str]):
    # Given an active tenant
    tenant = onboard()
    dynamodb_requests.clear()
    # When another context asks which tenant a slug names, and how that tenant stands
    tenant_id = tenancy.tenant_of_slug(tenant["slug"])
    standing = tenancy.standing_of(tenant["id"], with_settings=True)
    # Then it learns both, in one request each
    assert tenant_id == tenant["id"]
    assert standing is not None
    assert standing.active
    assert standing.settings is not None
    assert dynamodb_requests == ["GetItem", "TransactGetItems"]
    # And an unknown slug or tenant is simply not there
    assert tenancy.tenant_of_slug("no-such-tenant-slug") is None
    assert tenancy.standing_of("01HZZZZZZZZZZZZZZZZZZZZZZZ") is None
