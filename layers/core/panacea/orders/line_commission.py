"""What an order line carries of its product's commission override (catalog's, copied when the
order is placed, as `cashback_bps` is): per level, a rate in basis points of what the buyer paid
for the line, or a fixed amount per unit. The distribution context applies it (else the level's
rate); events stored before it existed have none."""

from __future__ import annotations

from panacea.platform.models import BaseModel
from panacea.platform.money import Money


class LineCommission(BaseModel):
    """One level's override: `rate_bps` of what was paid for the line, or `fixed` per unit."""

    level: int
    rate_bps: int | None = None
    fixed: Money | None = None
