"""Analytics' queue consumer: every Panacea event, counted per tenant and the tenant's local day."""

from __future__ import annotations

# Event models register themselves on import; the consumer parses every context's events.
import panacea.identity.models
import panacea.tenancy.models  # noqa: F401
from panacea.analytics import logic
from panacea.platform.consumers import consumer_entry

handler = consumer_entry("analytics.count_events", logic.count)
