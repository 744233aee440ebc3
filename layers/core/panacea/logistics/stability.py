"""The specimen-stability clock: a collected sample stays good for its gene test's window (the
SKU's `sample_stability_days`, kept on the line from `order.paid`, else the tenant's
`logistics.sample_stability_days`). A sample that reaches the lab after `collected_at` + window is
failed on arrival: the lab's `received` makes it a `sample_error` with reason `sample_too_old`
(final: a replacement kit follows, replacements.py). A sample without `collected_at` is not timed."""

from __future__ import annotations

from datetime import datetime, timedelta

from panacea import tenancy
from panacea.logistics.kit_items import GeneTestLineItem, KitItem
from panacea.logistics.settings import LogisticsSettings


def window_of(item: KitItem) -> timedelta:
    """How long the kit's sample stays good (one read of its line, one of the settings)."""
    line = None
    if item.order_id is not None and item.line_no is not None:
        line = GeneTestLineItem.read(item.tenant_id, item.order_id, int(item.line_no))
    if line is not None and line.stability_days:
        return timedelta(days=int(line.stability_days))
    found = tenancy.settings_of(item.tenant_id)
    settings = LogisticsSettings() if found is None else LogisticsSettings.of(found)
    return timedelta(days=settings.sample_stability_days)


def too_old(item: KitItem, arrived_at: datetime) -> bool:
    """Whether the sample arrived after its window closed (the boundary itself is in time)."""
    if item.collected_at is None:
        return False
    return arrived_at > item.collected_at + window_of(item)
