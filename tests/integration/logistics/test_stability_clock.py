"""The specimen-stability clock, with the clock fixed: a sample the lab receives within its window
(`collected_at` + the gene test's window: its SKU's `sample_stability_days`, else the tenant's
default) is received; one a second late becomes a `sample_error` with reason `sample_too_old`, final,
and a replacement kit follows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from panacea.platform import clock
from tests.integration.catalog_support import product, sku
from tests.integration.logistics.kit_support import in_stock, lab, lab_says, member, owner, paid_gene_test
from tests.integration.logistics.replacement_support import events_named, kit, policy, replace, sent_and_registered
from tests.integration.stripe_support import shop
from tests.support import call


def arrival() -> datetime:
    """The moment the lab's calls arrive, fixed (to the second), near the real time the lab signs at."""
    return datetime.now(UTC).replace(microsecond=0)


def collected_and_sent(tenant: str, barcode: str, collected_at: datetime) -> None:
    """The member collected the sample at `collected_at` and sent it back."""
    me = member(tenant)
    at = {"collected_at": collected_at.isoformat().replace("+00:00", "Z")}
    assert call("POST", f"/v1/kits/{barcode}/collection", caller=me, body=at).status == 200
    back = {"carrier": "Royal Mail", "tracking_number": "RM1"}
    assert call("POST", f"/v1/kits/{barcode}/return", caller=me, body=back).status == 200


def arrives(key: dict[str, Any], barcode: str, at: datetime, event_id: str) -> dict[str, Any]:
    with clock.use_clock(clock.FixedClock(at)):
        answer = lab_says(key, event_id, "received", barcode)
    assert answer.status == 200, answer.body
    return dict(answer.body)


def test_a_sample_reaching_the_lab_after_the_tenants_window_fails_as_too_old():
    # Given the default window (28 days), a sample collected 28 days before it reaches the lab
    # and another collected a second earlier
    tenant = shop()
    the_lab, key = lab(tenant)
    in_stock(tenant, "GT-ST-0001", "GT-ST-0002", "GT-ST-0900")
    now = arrival()
    for barcode, collected in (
        ("GT-ST-0001", now - timedelta(days=28)),
        ("GT-ST-0002", now - timedelta(days=28, seconds=1)),
    ):
        sent_and_registered(tenant, barcode, the_lab["id"], paid_gene_test(tenant))
        collected_and_sent(tenant, barcode, collected)

    # When both reach the lab at the same moment: one as its window closes, the other a second after its own
    in_time = arrives(key, "GT-ST-0001", now, "s1")
    late = arrives(key, "GT-ST-0002", now, "s2")

    # Then the first is received; the second failed, too old, a final state the lab cannot undo
    assert (in_time["outcome"], in_time["kit"]["state"]) == ("applied", "received")
    assert (late["outcome"], late["kit"]["state"], late["kit"]["reason_code"]) == (
        "applied", "sample_error", "sample_too_old",
    )  # fmt: skip
    assert lab_says(key, "s3", "processing", "GT-ST-0002").body["outcome"] == "stale"
    errors = events_named(tenant, "sample.error")
    assert [(e["barcode"], e["reason_code"], e["lab_event_id"]) for e in errors] == [
        ("GT-ST-0002", "sample_too_old", "s2")
    ]
    assert not events_named(tenant, "sample.received_by_lab")[1:]
    # And the too-old sample's kit is replaced like any failed one
    replacement = replace(tenant, "GT-ST-0002")
    assert replacement is not None
    assert (replacement["barcode"], replacement["replaces"]) == ("GT-ST-0900", "GT-ST-0002")
    assert kit(tenant, "GT-ST-0002")["received_at"] is not None


def test_the_gene_tests_own_window_comes_before_the_tenants():
    # Given a tenant whose samples keep 10 days, and a gene test whose SKU says its samples keep 30
    tenant = shop()
    assert policy(tenant, sample_stability_days=10)["sample_stability_days"] == 10
    made = product(tenant, "Blood panel", kind="gene_test")
    keeps_30 = sku(tenant, made["id"], specs={"sample_stability_days": "30", "sample": "blood"})
    the_lab, key = lab(tenant)
    in_stock(tenant, "GT-SK-0001", "GT-SK-0002")
    sent_and_registered(tenant, "GT-SK-0001", the_lab["id"], paid_gene_test(tenant, sku_id=keeps_30["id"]))
    sent_and_registered(tenant, "GT-SK-0002", the_lab["id"], paid_gene_test(tenant))
    at = arrival()
    for barcode in ("GT-SK-0001", "GT-SK-0002"):
        collected_and_sent(tenant, barcode, at - timedelta(days=11))

    # When both reach the lab 11 days after collection
    own_window = arrives(key, "GT-SK-0001", at, "k1")
    tenants_window = arrives(key, "GT-SK-0002", at, "k2")

    # Then the SKU's window keeps the first good; the tenant's fails the second
    assert own_window["kit"]["state"] == "received"
    assert (tenants_window["kit"]["state"], tenants_window["kit"]["reason_code"]) == ("sample_error", "sample_too_old")
    # And a bad setting is refused, naming the field
    bad = call("PATCH", "/v1/tenant/settings", caller=member(tenant), body={"logistics": {"sample_stability_days": 0}})
    assert bad.status in {403, 422}

    refused = call(
        "PATCH", "/v1/tenant/settings", caller=owner(tenant), body={"logistics": {"sample_stability_days": 0}}
    )
    assert refused.status == 422, refused.body
    assert refused.body["errors"][0]["field"] == "logistics.sample_stability_days"
