"""Logistics' journey consumer: the kit, lab and appointment events, reports' release and orders'
refunds that move the samples the sample-logistics workflow follows (`panacea.logistics.journey_following`)."""

from __future__ import annotations

from panacea.logistics import journey_following
from panacea.platform.consumers import consumer_entry

handler = consumer_entry("logistics.journeys", journey_following.follow)
