"""Logistics' kit consumer: paid orders' gene-test lines and samples on their way, each followed by
`panacea.logistics.kit_following`."""

from __future__ import annotations

from panacea.logistics import kit_following
from panacea.platform.consumers import consumer_entry

handler = consumer_entry("logistics.kits", kit_following.follow)
