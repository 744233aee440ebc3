"""Stock as staff see and count it, and the lines orders ask the catalog to price."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import ConfigDict, Field, field_validator

from panacea.catalog.commission import LevelCommission
from panacea.catalog.models import (
    MAX_QUANTITY,
    MAX_STOCK,
    Movement,
    ProductKind,
    Reason,
)
from panacea.platform.inputs import Command
from panacea.platform.models import BaseModel
from panacea.platform.money import Money

# --- stock ---------------------------------------------------------------------------------------


class StockLevelSet(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"available": 40, "reason": "stock count 2026-11"}]}
    )

    available: Annotated[int, Field(ge=0, le=MAX_STOCK)]
    reason: Reason


class StockAdjustment(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"delta": 25, "reason": "delivery of 25 kits from the lab"},
                {"delta": -2, "reason": "damaged"},
            ]
        },
    )

    delta: Annotated[int, Field(ge=-MAX_STOCK, le=MAX_STOCK, description="units added (or, negative, taken away)")]
    reason: Reason

    @field_validator("delta")
    @classmethod
    def _not_zero(cls, delta: int) -> int:
        if delta == 0:
            raise ValueError("an adjustment changes the stock")
        return delta


class StockLevel(BaseModel):
    sku_id: str
    store_id: str
    available: int = Field(description="may be sold now")
    reserved: int = Field(description="held by orders awaiting payment")
    sold: int = Field(description="paid for (and not refunded)")
    updated_at: datetime


class StockMovement(BaseModel):
    """One entry of a stock line's ledger: what changed, why, by whom or for which order."""

    id: str
    sku_id: str
    store_id: str
    movement: Movement
    available_delta: int
    reserved_delta: int
    sold_delta: int
    reason: str | None = None
    order_id: str | None = None
    actor_id: str | None = None
    at: datetime


# --- pricing (for the orders context) ------------------------------------------------------------


class LineRequest(BaseModel):
    """A line someone wants to buy: a SKU, how many, and from which store (the seller if absent)."""

    sku_id: str
    quantity: Annotated[int, Field(ge=1, le=MAX_QUANTITY)]
    store_id: str | None = None


class PricedLine(BaseModel):
    """A line priced by the server from the catalog as it is now."""

    model_config = ConfigDict(frozen=True)

    sku_id: str
    sku_code: str
    specs: dict[str, str]
    product_id: str
    product_name: str
    product_kind: ProductKind
    store_id: str
    category_ids: list[str]
    tag_ids: list[str]
    unit_price: Money
    quantity: int
    line_total: Money = Field(description="unit price times quantity")
    cashback_bps: int
    commission: list[LevelCommission] = Field(default=[], description="the product's override, per level")
