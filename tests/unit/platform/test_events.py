from datetime import UTC, datetime

import pytest

from panacea.platform.clock import FixedClock, use_clock
from panacea.platform.events import DomainEvent, UnknownEvent, envelope, parse
from panacea.tenancy.models import TenantSuspended


def test_an_event_knows_its_name_version_and_source():
    assert (TenantSuspended.event_type, TenantSuspended.event_version) == ("tenant.suspended", 1)
    assert TenantSuspended.event_source == "panacea.tenancy"


def test_a_consumer_parses_the_envelope_back_into_the_same_model():
    # Given an event wrapped in its envelope at a known time
    with use_clock(FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))):
        env = envelope(TenantSuspended(tenant_id="T1", reason="unpaid"), tenant_id="T1")
    # When a consumer parses the detail it received
    metadata, event = parse("tenant.suspended", env.model_dump_json())
    # Then it gets the typed event and its metadata back
    assert event == TenantSuspended(tenant_id="T1", reason="unpaid")
    assert metadata.tenant_id == "T1"
    assert metadata.occurred_at.isoformat() == "2026-11-23T09:00:00+00:00"


def test_an_unknown_version_is_refused_loudly():
    env = envelope(TenantSuspended(tenant_id="T1", reason="unpaid"), tenant_id="T1").model_dump()
    env["metadata"]["event_version"] = 2
    with pytest.raises(UnknownEvent):
        parse("tenant.suspended", env)


def test_an_event_name_is_defined_once():
    with pytest.raises(TypeError, match="defined twice"):

        class Again(DomainEvent, name="tenant.suspended", version=1):
            pass
