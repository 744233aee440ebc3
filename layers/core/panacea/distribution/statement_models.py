"""Distribution's views for reading the ledger back: a distributor's statement of a period, their
team summed up by level, and staff's filtered lists of commissions (withdrawals are listed as
`wallet_models.WithdrawalView`).

Every amount is Money (integer minor units and a currency): a statement is in the currency of the
distributor's commission ledger, and what it shows adds up to that ledger to the minor unit:
opening + movements = closing, bucket by bucket.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from panacea.distribution.ledger_items import EntryKind, ShareState
from panacea.platform.models import BaseModel
from panacea.platform.money import Money


class Buckets(BaseModel):
    """A commission balance by state; total = pending + frozen + available."""

    pending: Money
    frozen: Money
    available: Money = Field(description="negative after a clawback larger than what was there")
    total: Money

    @classmethod
    def of(cls, currency: str, *, pending: int, frozen: int, available: int) -> Buckets:
        return cls(
            pending=Money(amount=pending, currency=currency),
            frozen=Money(amount=frozen, currency=currency),
            available=Money(amount=available, currency=currency),
            total=Money(amount=pending + frozen + available, currency=currency),
        )


class StatementEntry(BaseModel):
    """One entry of the commission ledger: what it moved in each state."""

    id: str
    at: datetime
    kind: EntryKind
    order_id: str = Field(description="the order (a thaw's entry: the first of the orders it released)")
    level: int = Field(description="the distributor's level on the order; 0 for a thaw's entry")
    orders: list[str] = Field(default_factory=list, description="a thaw's entry: every order it released")
    amount: Money = Field(description="what it adds to the total (negative: taken back)")
    pending: Money
    frozen: Money
    available: Money


class KindTotal(BaseModel):
    """The period's entries of one kind, added up."""

    kind: EntryKind
    entries: int
    moved: Buckets


class Statement(BaseModel):
    """A distributor's commission ledger over `[start, end)`: the balances by state at its start,
    each entry in it, their totals by kind, and the balances at its end. opening + movements =
    closing in each state; when the period runs to now, closing is the ledger's balance."""

    distributor_id: str
    currency: str
    start: datetime = Field(description="the period's first instant (UTC), included")
    end: datetime = Field(description="the instant after its last (UTC), excluded")
    time_zone: str = Field(description="the tenant's time zone, whose days the period is cut in")
    opening: Buckets
    entries: list[StatementEntry] = Field(description="oldest first")
    totals: list[KindTotal] = Field(description="one per kind of entry in the period")
    movements: Buckets = Field(description="what the period's entries moved, together")
    closing: Buckets
    to_now: bool = Field(description="the period runs to now: closing is the balance now")


class LevelSummary(BaseModel):
    """One level of a distributor's team, added up."""

    level: int = Field(description="1: bound to the distributor; 2: bound to those; …")
    members: int = Field(description="members bound at this level now")
    paid_orders: int = Field(description="the orders those members have paid (ever)")
    sales: Money = Field(description="what those members have paid (ever), in the tenant's currency")
    commission: Money = Field(description="the distributor's commission on orders at this level, after refunds")
    pending: Money
    frozen: Money
    available: Money


class TeamSummary(BaseModel):
    distributor_id: str
    levels: list[LevelSummary]
    complete: bool = Field(description="false: the team is larger than a summary reads; counts stop there")


class CommissionView(BaseModel):
    """One distributor's commission on one order (a share), as it stands."""

    order_id: str
    distributor_id: str
    level: int
    rate_bps: int
    amount: Money = Field(description="now, after refunds")
    state: ShareState
    accrued_at: datetime
    thaw_at: datetime | None = None
