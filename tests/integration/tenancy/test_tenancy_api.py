"""Tenancy's routes, run by their handler against moto, as API Gateway would call them."""

from __future__ import annotations

import pytest

from tests.support import PLATFORM_ADMIN, call, new_tenant_body, onboard, staff


def test_a_platform_admin_creates_a_tenant_and_onboarding_starts():
    # Given a new tenant's details
    body = new_tenant_body()
    # When a platform admin creates it
    answer = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=body)
    # Then it exists, onboarding, at the place the Location header names
    assert answer.status == 201
    assert answer.body["status"] == "onboarding"
    assert answer.body["slug"] == body["slug"]
    assert answer.headers["Location"] == f"/v1/tenants/{answer.body['id']}"
    assert call("GET", answer.headers["Location"], caller=PLATFORM_ADMIN).body["name"] == body["name"]


def test_a_slug_belongs_to_one_tenant():
    # Given a tenant with a slug
    first = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body())
    # When another tenant asks for the same slug
    again = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(slug=first.body["slug"]))
    # Then it is refused on that field, and nothing of it was written
    assert again.status == 409
    assert again.headers["Content-Type"] == "application/problem+json"
    assert again.body["type"] == "/errors/slug-taken"
    assert again.problem_fields == ["slug"]


def test_bad_input_names_every_field_at_fault():
    # When a tenant is created with a bad slug, an unknown kind and no first admin
    body = new_tenant_body(slug="Not A Slug", kind="spa")
    del body["first_admin"]
    answer = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=body)
    # Then the answer is 422 problem+json naming each field
    assert answer.status == 422
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert set(answer.problem_fields) == {"slug", "kind", "first_admin"}


def test_a_body_that_is_not_json_is_a_bad_request():
    answer = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, raw_body=b"{not json")
    assert answer.status == 400
    assert answer.body["type"] == "/errors/malformed-json"


def test_an_unknown_currency_is_refused():
    answer = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(currency="XYZ"))
    assert answer.status == 422
    assert answer.problem_fields == ["currency"]


def test_a_tenant_admin_cannot_manage_tenants():
    # Given an onboarded tenant and its admin
    tenant = onboard()
    admin = staff(tenant["id"], "admin")
    # When the admin tries the platform's routes
    listing = call("GET", "/v1/tenants", caller=admin)
    creating = call("POST", "/v1/tenants", caller=admin, body=new_tenant_body())
    reading = call("GET", f"/v1/tenants/{tenant['id']}", caller=admin)
    # Then each is forbidden
    assert (listing.status, creating.status, reading.status) == (403, 403, 403)
    assert listing.body["type"] == "/errors/forbidden"


def test_no_verified_caller_is_not_authenticated():
    assert call("GET", "/v1/tenants", caller=None).status == 401


def test_an_unknown_tenant_is_not_found():
    assert call("GET", "/v1/tenants/01JZZZZZZZZZZZZZZZZZZZZZZZ", caller=PLATFORM_ADMIN).status == 404
    assert call("GET", "/v1/tenants/not-an-id", caller=PLATFORM_ADMIN).status == 404


def test_tenants_list_newest_first_in_pages():
    # Given three new tenants
    made = [call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body()).body["id"] for _ in range(3)]
    # When the onboarding tenants are listed two at a time
    first = call("GET", "/v1/tenants?status=onboarding&limit=2", caller=PLATFORM_ADMIN)
    second = call(
        "GET", f"/v1/tenants?status=onboarding&limit=2&cursor={first.body['next_cursor']}", caller=PLATFORM_ADMIN
    )
    # Then the pages follow each other, newest first, without repeats
    ids = [t["id"] for t in first.body["items"] + second.body["items"]]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids, reverse=True)
    assert all(m in ids or m < min(ids) for m in made)


def test_a_forged_cursor_is_a_bad_request():
    answer = call("GET", "/v1/tenants?cursor=eyJQSyI6IlQjQiJ9", caller=PLATFORM_ADMIN)
    assert answer.status == 400
    assert answer.problem_fields == ["cursor"]


def test_a_page_size_out_of_range_is_refused():
    answer = call("GET", "/v1/tenants?limit=1000", caller=PLATFORM_ADMIN)
    assert answer.status == 422
    assert answer.problem_fields == ["query.limit"]


def test_a_white_label_sub_tenant_needs_an_active_partner():
    # Given a gene-testing tenant (not a partner)
    clinic = onboard()
    # When a sub-tenant names it as its partner
    answer = call(
        "POST",
        "/v1/tenants",
        caller=PLATFORM_ADMIN,
        body=new_tenant_body(kind="private_clinic", parent_partner_id=clinic["id"]),
    )
    # Then the parent is refused
    assert answer.status == 422
    assert answer.problem_fields == ["parent_partner_id"]


def test_a_white_label_sub_tenant_starts_in_its_partners_colours():
    # Given an active partner with its own colours
    partner = onboard(kind="partner", tier="white_label")
    call(
        "PATCH",
        f"/v1/tenants/{partner['id']}/settings",
        caller=PLATFORM_ADMIN,
        body={"branding": {"primary_colour": "#112233", "accent_colour": "#445566"}},
    )
    # When a clinic is onboarded under it
    clinic = onboard(kind="private_clinic", parent_partner_id=partner["id"])
    # Then it wears the partner's colours under its own name
    branding = clinic["settings"]["branding"]
    assert (branding["primary_colour"], branding["accent_colour"]) == ("#112233", "#445566")
    assert branding["display_name"] == clinic["name"]
    assert clinic["parent_partner_id"] == partner["id"]


def test_settings_change_by_merge_patch_and_say_what_changed():
    # Given an onboarded tenant
    tenant = onboard()
    # When a platform admin changes one colour and the distribution rates
    answer = call(
        "PATCH",
        f"/v1/tenants/{tenant['id']}/settings",
        caller=PLATFORM_ADMIN,
        body={"branding": {"primary_colour": "#1D3557"}, "distribution": {"level_rates_bps": [1000, 500]}},
    )
    # Then those change and the rest stays
    settings = answer.body["settings"]
    assert answer.status == 200
    assert settings["branding"]["primary_colour"] == "#1D3557"
    assert settings["branding"]["accent_colour"] == tenant["settings"]["branding"]["accent_colour"]
    assert settings["distribution"]["level_rates_bps"] == [1000, 500]


def test_settings_that_do_not_hold_together_are_refused_and_nothing_changes():
    tenant = onboard()
    # When distribution is switched on with rates above half a sale
    answer = call(
        "PATCH",
        f"/v1/tenants/{tenant['id']}/settings",
        caller=PLATFORM_ADMIN,
        body={"distribution": {"level_rates_bps": [4000, 2000]}},
    )
    # Then it is refused and the settings are as they were
    assert answer.status == 422
    after = call("GET", f"/v1/tenants/{tenant['id']}", caller=PLATFORM_ADMIN).body
    assert after["settings"] == tenant["settings"]


def test_a_tenant_keeps_its_days_in_its_jurisdictions_zone_and_may_name_another():
    # Given a tenant onboarded in Great Britain
    tenant = onboard()
    assert tenant["settings"]["time_zone"] == "Europe/London"
    # When it names another IANA zone, and then one that is not
    moved = call(
        "PATCH", f"/v1/tenants/{tenant['id']}/settings", caller=PLATFORM_ADMIN, body={"time_zone": "Asia/Shanghai"}
    )
    refused = call(
        "PATCH", f"/v1/tenants/{tenant['id']}/settings", caller=PLATFORM_ADMIN, body={"time_zone": "Mars/Base"}
    )
    # Then the first is kept and the second refused, naming the field
    assert (moved.status, moved.body["settings"]["time_zone"]) == (200, "Asia/Shanghai")
    assert (refused.status, refused.problem_fields) == (422, ["time_zone"])


def test_an_unknown_settings_field_is_refused():
    tenant = onboard()
    answer = call(
        "PATCH",
        f"/v1/tenants/{tenant['id']}/settings",
        caller=PLATFORM_ADMIN,
        body={"branding": {"font": "Comic Sans"}},
    )
    assert answer.status == 422
    assert answer.problem_fields == ["branding.font"]


def test_a_tenant_reads_and_tunes_its_own_settings_only():
    # Given two onboarded tenants and an owner of the first
    mine, theirs = onboard(), onboard()
    owner = staff(mine["id"], "owner")
    # When the owner reads "my tenant" and changes its colour
    read = call("GET", "/v1/tenant", caller=owner)
    changed = call("PATCH", "/v1/tenant/settings", caller=owner, body={"branding": {"accent_colour": "#ABCDEF"}})
    # Then it is their own tenant that is read and changed, and the other is untouched
    assert read.body["id"] == mine["id"]
    assert changed.body["settings"]["branding"]["accent_colour"] == "#ABCDEF"
    other = call("GET", f"/v1/tenants/{theirs['id']}", caller=PLATFORM_ADMIN).body
    assert other["settings"] == theirs["settings"]


def test_a_member_reads_the_branding_but_cannot_change_settings():
    tenant = onboard()
    member = staff(tenant["id"], "member")
    assert call("GET", "/v1/tenant", caller=member).status == 200
    assert call("PATCH", "/v1/tenant/settings", caller=member, body={"locale": "fr-FR"}).status == 403


def test_suspend_and_reactivate_follow_the_tenants_standing():
    tenant = onboard()
    path = f"/v1/tenants/{tenant['id']}"
    # When an active tenant is suspended
    suspended = call("POST", f"{path}/suspend", caller=PLATFORM_ADMIN, body={"reason": "invoice unpaid"})
    # Then it is suspended with the reason, and cannot be suspended twice
    assert suspended.body["status"] == "suspended"
    assert suspended.body["suspension"]["reason"] == "invoice unpaid"
    assert call("POST", f"{path}/suspend", caller=PLATFORM_ADMIN, body={"reason": "again"}).status == 409
    # And when it is reactivated it is active again, with no suspension
    reactivated = call("POST", f"{path}/reactivate", caller=PLATFORM_ADMIN, body={"reason": "paid"})
    assert reactivated.body["status"] == "active"
    assert reactivated.body["suspension"] is None
    assert call("POST", f"{path}/reactivate", caller=PLATFORM_ADMIN, body={"reason": "again"}).status == 409


@pytest.mark.parametrize("filter_", ["status=suspended", "kind=partner"])
def test_lists_filter_by_status_and_kind(filter_):
    answer = call("GET", f"/v1/tenants?{filter_}&limit=100", caller=PLATFORM_ADMIN)
    field, _, value = filter_.partition("=")
    assert answer.status == 200
    assert all(t[field] == value for t in answer.body["items"])
