"""Analytics counts a tenant's events on the tenant's local days (its settings' time zone), not on
UTC days: a Shanghai evening in UTC is the next morning there, and a London day is as long as its
clocks make it (23 hours on 29 March 2026, 25 on 25 October). Events are made at fixed instants
(the injectable clock) and handed to the analytics consumer as SQS delivers them."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime
from typing import Any

from infra import wiring
from infra.local.invoke import REGION, invoke
from panacea.analytics import logic as analytics
from panacea.platform import clock
from panacea.platform.context import invocation
from panacea.platform.events import envelope
from panacea.tenancy import dal as tenancy_dal
from panacea.tenancy.models import TenantSuspended
from tests.support import onboard

EVENT = "tenant.suspended"  # never emitted by onboarding, so only these events are counted under it


def _record(tenant_id: str, at: datetime) -> dict[str, Any]:
    """An SQS record carrying a `tenant.suspended` event of the tenant that occurred at `at`."""
    with clock.use_clock(clock.FixedClock(at)):
        detail = envelope(TenantSuspended(tenant_id=tenant_id, reason="unpaid"), tenant_id=tenant_id)
    body = {"id": detail.metadata.event_id, "detail-type": EVENT, "source": "panacea.tenancy", "detail": detail}
    return {
        "messageId": detail.metadata.event_id,
        "body": json.dumps(body, default=lambda model: model.model_dump(mode="json")),
        "eventSource": "aws:sqs",
        "awsRegion": REGION,
    }


def _counted(tenant_id: str, *instants: datetime) -> None:
    consumer = wiring.function("AnalyticsConsumers")
    batch = {"Records": [_record(tenant_id, at) for at in instants]}
    assert invoke(consumer.handler, batch, function_name=consumer.name) == {"batchItemFailures": []}


def _per_day(tenant_id: str, *days: date) -> dict[date, int]:
    return {day: analytics.counts(tenant_id, day).get(EVENT, 0) for day in days}


def test_a_shanghai_tenants_evening_in_utc_counts_on_the_next_day():
    # Given a tenant in China (its zone, from its jurisdiction: Asia/Shanghai, UTC+8)
    tenant = onboard(jurisdiction="CN", currency="CNY", locale="zh-CN")
    assert tenant["settings"]["time_zone"] == "Asia/Shanghai"
    # When events occur at 15:59 and 17:30 UTC on 1 March 2026 (23:59 on the 1st, 01:30 on the 2nd there)
    _counted(tenant["id"], datetime(2026, 3, 1, 15, 59, tzinfo=UTC), datetime(2026, 3, 1, 17, 30, tzinfo=UTC))
    # Then each counts on its Shanghai day, and the tenant's reads ask for Shanghai dates
    assert _per_day(tenant["id"], date(2026, 3, 1), date(2026, 3, 2)) == {date(2026, 3, 1): 1, date(2026, 3, 2): 1}


def test_a_london_tenants_days_follow_summer_time_in_and_out():
    # Given a tenant in Great Britain (Europe/London: summer time from 01:00 UTC on 29 March 2026 to
    # 01:00 UTC on 25 October 2026)
    tenant = onboard(jurisdiction="GB")
    assert tenant["settings"]["time_zone"] == "Europe/London"
    # When events occur around both changes
    _counted(
        tenant["id"],
        datetime(2026, 3, 28, 23, 30, tzinfo=UTC),  # 23:30 GMT, 28 March
        datetime(2026, 3, 29, 0, 30, tzinfo=UTC),  # 00:30 GMT, 29 March
        datetime(2026, 3, 29, 22, 59, tzinfo=UTC),  # 23:59 BST, 29 March (a 23-hour day)
        datetime(2026, 3, 29, 23, 0, tzinfo=UTC),  # 00:00 BST, 30 March
        datetime(2026, 10, 24, 22, 59, tzinfo=UTC),  # 23:59 BST, 24 October
        datetime(2026, 10, 24, 23, 0, tzinfo=UTC),  # 00:00 BST, 25 October
        datetime(2026, 10, 25, 23, 59, tzinfo=UTC),  # 23:59 GMT, 25 October (a 25-hour day)
        datetime(2026, 10, 26, 0, 0, tzinfo=UTC),  # 00:00 GMT, 26 October
    )
    # Then each counts on the London day it occurred in
    march = _per_day(tenant["id"], date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30))
    october = _per_day(tenant["id"], date(2026, 10, 24), date(2026, 10, 25), date(2026, 10, 26))
    assert march == {date(2026, 3, 28): 1, date(2026, 3, 29): 2, date(2026, 3, 30): 1}
    assert october == {date(2026, 10, 24): 1, date(2026, 10, 25): 2, date(2026, 10, 26): 1}


def test_a_tenant_without_settings_and_the_platform_count_on_utc_days():
    # Given a tenant id with no settings (before onboarding made them), and the platform itself
    at = datetime(2026, 3, 1, 17, 30, tzinfo=UTC)
    # Then their days are UTC days
    assert analytics.day_of("01M8Z0000000000000000000NA", at) == date(2026, 3, 1)
    assert analytics.day_of(None, at) == date(2026, 3, 1)


def test_the_tenants_zone_is_read_once_per_invocation(monkeypatch):
    # Given a Shanghai tenant, and every read of a tenant's settings item made by this test noted (the local
    # platform's queue pollers, counting the tenant's onboarding events meanwhile, run in other threads)
    tenant = onboard(jurisdiction="CN", currency="CNY", locale="zh-CN")
    reads: list[str] = []
    read, here = tenancy_dal.settings_item, threading.get_ident()

    def noted(tenant_id: str) -> Any:
        if threading.get_ident() == here:
            reads.append(tenant_id)
        return read(tenant_id)

    monkeypatch.setattr(tenancy_dal, "settings_item", noted)
    at = datetime(2026, 3, 1, 17, 30, tzinfo=UTC)
    # When the days of three events are found in one invocation, and of one in another
    with invocation():
        days = {analytics.day_of(tenant["id"], at) for _ in range(3)}
    with invocation():
        analytics.day_of(tenant["id"], at)
    # Then the settings were read once in each
    assert (days, reads) == ({date(2026, 3, 2)}, [tenant["id"], tenant["id"]])
