"""What the catalog says about a gene test beyond its price: the sample's stability window.

A gene-test SKU carries it among its specs as `sample_stability_days` (whole days, 1 to 365): how
long a collected sample stays good for the lab (a saliva panel and a blood panel of one product may
differ, so it is the SKU's). Logistics reads it through the face when an order's gene-test line is
paid; a SKU without it (or with a value that is no whole number of days in range) leaves the
tenant's default (logistics' settings) to apply."""

from __future__ import annotations

from panacea.catalog.product_items import SkuItem, sku_key

STABILITY_SPEC = "sample_stability_days"
MAX_STABILITY_DAYS = 365


def sample_stability_days(tenant_id: str, sku_id: str) -> int | None:
    """The SKU's stability window in days, or None when it names none (one GetItem)."""
    found = SkuItem.find(*sku_key(tenant_id, sku_id)) if 0 < len(sku_id) <= 64 else None
    if not isinstance(found, SkuItem):
        return None
    value = str((found.specs or {}).get(STABILITY_SPEC) or "").strip()
    if not value.isdigit() or not 1 <= int(value) <= MAX_STABILITY_DAYS:
        return None
    return int(value)
