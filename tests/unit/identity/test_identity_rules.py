"""Identity's rules that need no AWS: what registration accepts, phone numbers, masking, codes,
and the permission matrix."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from functions.platform import docs
from infra import wiring
from panacea.identity import codes
from panacea.identity.access import Action
from panacea.identity.commands import Invitation, Registration, RolesChange
from panacea.identity.contact import mask, normalise_phone
from panacea.identity.vocabulary import Channel
from panacea.platform.access import PERMISSIONS, Actor, Role, authorize, holders, requires
from panacea.platform.errors import Forbidden, Unprocessable


def _fields(exc: ValidationError) -> set[str]:
    return {".".join(str(p) for p in e["loc"]) for e in exc.errors()}


def _registration(**fields):
    return Registration.model_validate({"tenant": "harbour-gene", "kind": "individual", **fields})


def test_an_email_registration_needs_a_strong_password():
    # Given registrations by email with no password, and with weak ones
    for password in [None, "short1!A", "alllowercase-and-long1", "NoDigitsHere-Long!", "NoSymbols12345abc"]:
        # When they are read
        with pytest.raises(ValidationError) as refused:
            _registration(email="mei@example.com", password=password)
        # Then the password is at fault
        assert _fields(refused.value) == {"password"}
    assert _registration(email="mei@example.com", password="Harbour-Gene-2026!").password


def test_a_registration_names_exactly_one_of_email_and_phone():
    with pytest.raises(ValidationError) as neither:
        _registration()
    with pytest.raises(ValidationError) as both:
        _registration(email="mei@example.com", phone="+447400123456", password="Harbour-Gene-2026!")
    assert _fields(neither.value) == {"phone"}
    assert "phone" in _fields(both.value)


def test_a_phone_registration_has_no_password():
    with pytest.raises(ValidationError) as refused:
        _registration(phone="+447400123456", password="Harbour-Gene-2026!")
    assert _fields(refused.value) == {"password"}


@pytest.mark.parametrize("birth_date", ["1850-01-01", "2999-01-01"])
def test_a_birth_date_is_plausible(birth_date):
    with pytest.raises(ValidationError) as refused:
        _registration(phone="+447400123456", individual={"birth_date": birth_date})
    assert _fields(refused.value) == {"individual.birth_date"}


def test_details_follow_the_kind_of_member():
    with pytest.raises(ValidationError) as refused:
        _registration(phone="+447400123456", group={"company_name": "Acme"})
    assert _fields(refused.value) == {"group"}


@pytest.mark.parametrize(
    ("raw", "region", "e164"),
    [
        ("07400 123456", "GB", "+447400123456"),
        ("+44 7400 123456", "CN", "+447400123456"),
        ("131 2345 6789", "CN", "+8613123456789"),
    ],
)
def test_phone_numbers_are_read_in_the_tenants_country_and_kept_in_e164(raw, region, e164):
    assert normalise_phone(raw, region=region, field="phone", mobile=True) == e164


@pytest.mark.parametrize(("raw", "code"), [("12345", "invalid_phone"), ("020 7946 0018", "not_mobile")])
def test_a_bad_or_landline_number_is_refused_on_its_field(raw, code):
    with pytest.raises(Unprocessable) as refused:
        normalise_phone(raw, region="GB", field="phone", mobile=True)
    assert [(e.field, e.code) for e in refused.value.errors] == [("phone", code)]


def test_destinations_are_partly_hidden():
    assert mask(Channel.EMAIL, "mei.chen@example.com") == "m***@example.com"
    assert mask(Channel.SMS, "+447400123456") == "+44******3456"


def test_a_code_is_stored_only_as_a_salted_digest():
    # Given the digest of a code under two salts
    first, second = codes._digest("123456", "salt-a"), codes._digest("123456", "salt-b")
    # Then neither shows the code, and the same code stores differently
    assert "123456" not in first
    assert first != second


def test_staff_are_invited_with_staff_roles_and_distributors_are_members():
    with pytest.raises(ValidationError):
        Invitation(email="sam@example.com", name="Sam", roles=[Role.MEMBER])
    with pytest.raises(ValidationError):
        RolesChange(roles=[Role.DISTRIBUTOR])
    with pytest.raises(ValidationError):
        RolesChange(roles=[Role.PLATFORM_ADMIN])
    assert RolesChange(roles=[Role.DISTRIBUTOR, Role.MEMBER]).roles == [Role.DISTRIBUTOR, Role.MEMBER]


def test_the_permission_matrix_keeps_people_and_audit_with_owners_and_admins():
    # Given a catalogue manager, an admin and an owner of one tenant
    catalog = Actor(user_id="c", tenant_id="T1", roles=frozenset({Role.CATALOG_MANAGER}))
    admin = Actor(user_id="a", tenant_id="T1", roles=frozenset({Role.ADMIN}))
    # Then the catalogue manager manages only their own account
    assert catalog.can(Action.READ_OWN_PROFILE)
    for action in [Action.CHANGE_ROLES, Action.INVITE_STAFF, Action.DISABLE_USERS, Action.READ_AUDIT]:
        with pytest.raises(Forbidden):
            authorize(catalog, action)
    # And an admin manages people but only an owner reads the audit trail
    assert admin.can(Action.CHANGE_ROLES)
    assert not admin.can(Action.READ_AUDIT)
    assert holders(Action.READ_AUDIT) == [Role.OWNER]
    assert requires(Action.READ_AUDIT) == "Requires `audit:read` (owner)."


def test_every_tenant_role_may_look_after_its_own_account_and_no_action_is_orphaned():
    for role in Role:
        if role != Role.PLATFORM_ADMIN:
            assert Action.READ_OWN_PROFILE in PERMISSIONS[role]
    assert all(holders(action) for action in Action)


def test_the_api_document_carries_the_permission_matrix_and_each_identity_route_names_its_need():
    # Given the merged OpenAPI document
    document = json.loads(docs.document())
    # Then its description has the permission matrix, generated from the code
    assert "| `audit:read` |  | ✓ |" in document["info"]["description"]
    # And each identity route says what it requires: an action (and who holds it), or nothing
    identity = {r.path for r in wiring.routes() if r.function == "IdentityApi"}
    for path in identity:
        for operation in document["paths"][path].values():
            assert operation["description"].startswith(("Requires `", "Public")), (path, operation["description"])
