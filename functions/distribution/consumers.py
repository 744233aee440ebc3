"""Distribution's queue consumer: members' registrations and orders' outcomes, each followed by
`panacea.distribution.following`."""

from __future__ import annotations

from panacea.distribution import following
from panacea.platform.consumers import envelope_entry

handler = envelope_entry("distribution.events", following.follow)
