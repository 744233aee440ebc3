"""Tenant onboarding through every pipe: API → table → stream → outbox relay → bus → rule →
Step Functions (the ASL file) → Lambda tasks → table and user pool → bus → queue → consumer."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta

import boto3

from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.runtime import LocalPlatform
from panacea.analytics import logic as analytics
from panacea.identity import dal as identity
from panacea.platform import clock, usage
from panacea.platform.ids import new_id
from panacea.tenancy import dal
from panacea.tenancy.models import TenantKind, Tier
from panacea.tenancy.tiers import usage_key
from tests.support import PLATFORM_ADMIN, call, eventually, new_tenant_body, onboard, resources


def test_onboarding_writes_defaults_enrols_the_owner_and_announces_it(platform: LocalPlatform):
    # When a tenant is created and the workflow runs
    email = f"owner-{new_id().lower()}@example.com"
    started = clock.now()
    tenant = onboard(
        kind="internet_hospital", currency="CNY", locale="zh-CN", first_admin={"email": email, "name": "Li Owner"}
    )
    # Then it is active with the defaults of its kind
    assert tenant["status"] == "active"
    assert tenant["settings"]["currency"] == "CNY"
    assert tenant["settings"]["distribution"]["level_rates_bps"] == [800, 400]
    # And its first owner exists in the table and can sign in to this tenant only
    idp = boto3.client("cognito-idp", endpoint_url=platform.aws_url, region_name=REGION)
    users = idp.list_users(UserPoolId=resources(platform).user_pool_id, Filter=f'email = "{email}"')
    owner = next(u for u in users["Users"] if {"Name": "custom:tenant_id", "Value": tenant["id"]} in u["Attributes"])
    groups = idp.admin_list_groups_for_user(UserPoolId=resources(platform).user_pool_id, Username=owner["Username"])
    assert [g["GroupName"] for g in groups["Groups"]] == ["owner"]
    account = identity.user(tenant["id"], owner["Username"])
    assert account is not None
    assert account.roles == {"owner"}
    # And tenant.onboarded reached the analytics consumer through the bus and its queue, counted on the
    # tenant's local day (the day, or the two, of its time zone this test ran in)
    days = {analytics.day_of(tenant["id"], at) for at in (started, clock.now())}

    def counted() -> Counter[str]:
        return sum((Counter(analytics.counts(tenant["id"], day)) for day in days), Counter())

    counts = eventually(lambda: (c := counted()).get("tenant.onboarded") and c)
    assert counts["tenant.created"] == 1
    assert counts["staff.invited"] == 1


def _quiet_onboarding_tenant(created_at: datetime | None = None) -> str:
    """A tenant in `onboarding` written straight to the table: no event, so no workflow runs for it."""
    tenant_id = new_id()
    body = new_tenant_body()
    dal.TenantRecord.new(
        tenant_id=tenant_id,
        name=body["name"],
        slug=body["slug"],
        kind=TenantKind.GENE_TESTING,
        parent_partner_id=None,
        jurisdiction="GB",
        tier=Tier.TRIAL,
        at=created_at or datetime.now(UTC),
    ).save()
    return tenant_id


def test_a_failing_step_marks_the_tenant_onboarding_failed(platform: LocalPlatform):
    # Given a tenant onboarding, and a created event naming an owner id the directory cannot take
    tenant_id = _quiet_onboarding_tenant()
    event = {
        "id": f"bad-owner-{tenant_id}",
        "detail-type": "tenant.created",
        "source": "panacea.tenancy",
        "detail": {
            "metadata": {"correlation_id": "test"},
            "data": {
                "tenant_id": tenant_id,
                "currency": "GBP",
                "locale": "en-GB",
                "first_admin_user_id": "bad#id",
                "first_admin_email": "x@example.com",
                "first_admin_name": "X",
            },
        },
    }
    # When the onboarding workflow runs on it
    sfn = boto3.client("stepfunctions", endpoint_url=platform.aws_url, region_name=REGION)
    arn = sfn.start_execution(
        stateMachineArn=resources(platform).state_machines["tenant-onboarding"],
        name=event["id"],
        input=json.dumps(event),
    )["executionArn"]
    status = eventually(lambda: (s := sfn.describe_execution(executionArn=arn)["status"]) != "RUNNING" and s)
    # Then the run fails after the Catch, and the tenant says so instead of staying onboarding
    assert status == "FAILED"
    assert sfn.describe_execution(executionArn=arn)["error"] == "OnboardingFailed"
    tenant = call("GET", f"/v1/tenants/{tenant_id}", caller=PLATFORM_ADMIN).body
    assert tenant["status"] == "onboarding_failed"


def test_a_stalled_onboarding_is_marked_failed_by_the_hourly_job():
    # Given a tenant that has been onboarding for two hours, and one that just started
    stalled = _quiet_onboarding_tenant(created_at=datetime.now(UTC) - timedelta(hours=2))
    fresh = _quiet_onboarding_tenant()
    # When the scheduled job fires, as the scheduler fires it from the wiring
    job = next(s for s in wiring.SCHEDULES if s.function == "TenancyJobs")
    fn = wiring.function(job.function)
    answer = invoke(fn.handler, dict(job.payload), function_name=fn.name)
    # Then the stalled one is marked failed and the fresh one is left alone
    assert stalled in answer["failed"]
    assert fresh not in answer["failed"]
    assert call("GET", f"/v1/tenants/{stalled}", caller=PLATFORM_ADMIN).body["status"] == "onboarding_failed"
    assert call("GET", f"/v1/tenants/{fresh}", caller=PLATFORM_ADMIN).body["status"] == "onboarding"


def test_an_onboarded_tenant_is_counted_in_its_tiers_usage_plan(platform: LocalPlatform):
    # When an enterprise tenant is onboarded
    tenant = onboard(tier="enterprise")
    # Then its usage key sits in the enterprise plan, and in no other
    apigateway = boto3.client("apigateway", endpoint_url=platform.aws_url, region_name=REGION)
    [key] = [k for k in apigateway.get_api_keys(includeValues=True)["items"] if k["name"] == f"tenant-{tenant['id']}"]
    assert key["value"] == usage_key("local", tenant["id"])
    plans = {p["name"]: p["id"] for p in apigateway.get_usage_plans()["items"]}
    holding = [
        name
        for name, plan_id in plans.items()
        if key["id"] in {k["id"] for k in apigateway.get_usage_plan_keys(usagePlanId=plan_id)["items"]}
    ]
    assert holding == ["panacea-local-enterprise"]


def test_a_tier_change_moves_the_usage_key_to_the_new_plan(platform: LocalPlatform):
    # Given an onboarded professional tenant
    tenant = onboard(tier="professional")
    apigateway = boto3.client("apigateway", endpoint_url=platform.aws_url, region_name=REGION)
    # When its key is enrolled in the flagship plan (as a tier change would)
    usage.enrol(key_name=f"tenant-{tenant['id']}", key_value=usage_key("local", tenant["id"]), plan="flagship")
    # Then it sits in the flagship plan only
    [key] = [k for k in apigateway.get_api_keys()["items"] if k["name"] == f"tenant-{tenant['id']}"]
    assert [p["name"] for p in apigateway.get_usage_plans(keyId=key["id"])["items"]] == ["panacea-local-flagship"]
