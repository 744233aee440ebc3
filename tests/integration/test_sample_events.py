"""The sample events in events/ are what each trigger really sends: each one, handed to its
function, is handled (they double as `sam local invoke -e` inputs and as documentation)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from infra import wiring
from infra.local.invoke import invoke
from panacea.platform.events import parse
from panacea.tenancy import dal
from panacea.tenancy.models import TenantCreated, TenantKind, Tier
from tests.support import PLATFORM_ADMIN, call

EVENTS = Path(__file__).resolve().parents[2] / "events"


def _sample(path: str) -> dict:
    return json.loads((EVENTS / path).read_text())


def _run(function: str, sample: str) -> dict:
    fn = wiring.function(function)
    return invoke(fn.handler, _sample(f"{function}/{sample}"), function_name=fn.name)


def test_every_function_of_the_wiring_has_a_sample_event():
    assert {p.parent.name for p in EVENTS.glob("*/*.json")} >= {f.name for f in wiring.FUNCTIONS}


def test_the_onboarding_samples_replay_in_order():
    # Given the tenant the samples were recorded for, as the API wrote it
    created = _sample("tenant-onboarding/tenant-created.json")
    _, event = parse(created["detail-type"], created["detail"])
    assert isinstance(event, TenantCreated)
    dal.TenantRecord.new(
        tenant_id=event.tenant_id,
        name=event.name,
        slug=f"sample-{event.slug}",
        kind=TenantKind(event.kind),
        parent_partner_id=None,
        jurisdiction="GB",
        tier=Tier(event.tier),
        at=datetime.now(UTC),
    ).save()
    # When each task sample is handed to its function, in the workflow's order
    for function, sample in [
        ("TenancySteps", "apply-defaults.json"),
        ("IdentitySteps", "enrol-owner.json"),
        ("TenancySteps", "complete-onboarding.json"),
    ]:
        _run(function, sample)
    # Then the tenant is onboarded, and its owner's request sample reads it
    assert call("GET", f"/v1/tenants/{event.tenant_id}", caller=PLATFORM_ADMIN).body["status"] == "active"
    own = _run("TenancyApi", "own-tenant.json")
    assert own["statusCode"] == 200
    assert json.loads(own["body"])["id"] == event.tenant_id


def test_the_api_samples_are_answered():
    assert _run("TenancyApi", "create-tenant.json")["statusCode"] == 201
    assert _run("PlatformDocs", "health.json")["statusCode"] == 200


def test_the_stream_and_queue_samples_are_handled_without_failures():
    assert _run("OutboxRelay", "tenant-created-insert.json") == {"batchItemFailures": []}
    assert _run("AnalyticsConsumers", "tenant-created.json") == {"batchItemFailures": []}


def test_the_authorizer_sample_is_judged():
    # A signed partner request from the past (its five minutes are long gone) is refused with 401
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        _run("IdentityAuthorizer", "signed-partner-request.json")


def test_the_schedule_sample_is_handled():
    assert "failed" in _run("TenancyJobs", "stalled-onboardings.json")
