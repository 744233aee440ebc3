"""Logistics' queue consumer: orders' payments and refunds, followed by `panacea.logistics.following`."""

from __future__ import annotations

from panacea.logistics import following
from panacea.platform.consumers import consumer_entry

handler = consumer_entry("logistics.events", following.follow)
