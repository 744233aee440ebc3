"""A partner's revenue share for one period: what its sub-tenants paid Panacea, and the part of it
the partner earns by its level (bronze 15%, silver 20%, gold 25%, platinum 30%: plans.json).

- A sub-tenant's revenue is what its invoices of the period paid, less what was refunded of them
  (a refund may take a line below zero: a refund in this period of an earlier period's invoice).
- The minimum monthly revenue is a threshold: when the period's total revenue is below the
  level's minimum (in the statement's currency), the partner earns NO share for that period (it
  owes nothing either: its base fee is its own subscription's invoice, never netted here). At or
  above the minimum it earns its rate on the whole total, not only on the part above.
- The share is `rate x total`, rounded DOWN to the minor unit (the house rule: the platform never
  pays out more than it took; `Money.share`). It is spread over the sub-tenants by their positive
  revenue with the largest-remainder method: each line takes the floor of its exact part, and the
  pennies left go one each to the lines with the largest remainders (ties: the sub-tenant id), so
  the lines add up exactly to the share.
- One statement is in one currency; an invoice in another is refused (statements per currency).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from pydantic import ConfigDict, Field

from panacea.billing.plans import plan
from panacea.platform.models import BaseModel
from panacea.platform.money import BASIS_POINTS_IN_WHOLE, BasisPoints, Currency, CurrencyMismatch, Money


class SubTenantInvoice(BaseModel):
    """One of a sub-tenant's Stripe invoices in the period: paid, and refunded of it so far."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    invoice_id: str
    tenant_id: str
    currency: Currency
    amount_paid: int = Field(ge=0)
    amount_refunded: int = Field(default=0, ge=0)


class StatementLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    tenant_id: str
    invoices: tuple[str, ...]
    revenue: Money
    share: Money


class RevenueShareStatement(BaseModel):
    model_config = ConfigDict(frozen=True)

    partner_plan: str
    period: str = Field(description="the calendar month, e.g. 2026-11")
    currency: Currency
    lines: tuple[StatementLine, ...]
    total_revenue: Money
    share_rate_bps: BasisPoints
    minimum_monthly_revenue: Money
    minimum_met: bool
    share: Money


def apportion(total: int, weights: Mapping[str, int]) -> dict[str, int]:
    """`total` minor units spread over `weights` (each ≥ 0) by the largest remainder: the parts add up
    to `total` exactly (all to nothing when every weight is 0 and total is 0)."""
    whole = sum(weights.values())
    if total < 0 or any(w < 0 for w in weights.values()):
        raise ValueError("apportion a non-negative total by non-negative weights")
    if whole == 0:
        if total:
            raise ValueError("no weight to carry a non-zero total")
        return dict.fromkeys(weights, 0)
    parts = {key: total * w // whole for key, w in weights.items()}
    left = total - sum(parts.values())
    by_remainder = sorted(weights, key=lambda key: (-(total * weights[key] % whole), key))
    for key in by_remainder[:left]:
        parts[key] += 1
    return parts


def _revenue_by_tenant(invoices: Iterable[SubTenantInvoice], currency: str) -> dict[str, list[SubTenantInvoice]]:
    by_tenant: dict[str, list[SubTenantInvoice]] = {}
    seen: set[str] = set()
    for invoice in invoices:
        if invoice.currency != currency:
            raise CurrencyMismatch(f"invoice {invoice.invoice_id} is in {invoice.currency}, the statement {currency}")
        if invoice.invoice_id in seen:
            raise ValueError(f"invoice {invoice.invoice_id} is listed twice")
        seen.add(invoice.invoice_id)
        by_tenant.setdefault(invoice.tenant_id, []).append(invoice)
    return by_tenant


def statement(
    partner_plan: str, period: date, currency: str, invoices: Sequence[SubTenantInvoice]
) -> RevenueShareStatement:
    """The revenue share statement of a partner on `partner_plan` for the month of `period`."""
    terms = plan(partner_plan).partner
    if terms is None:
        raise ValueError(f"{partner_plan} is not a partner plan")
    if currency not in terms.minimum_monthly_revenue:
        raise CurrencyMismatch(f"{partner_plan} has no minimum monthly revenue in {currency}")
    by_tenant = _revenue_by_tenant(invoices, currency)
    revenue = {t: sum(i.amount_paid - i.amount_refunded for i in found) for t, found in sorted(by_tenant.items())}
    total = sum(revenue.values())
    minimum = terms.minimum_monthly_revenue[currency]
    met = total >= minimum and total > 0
    share = total * terms.revenue_share_bps // BASIS_POINTS_IN_WHOLE if met else 0
    parts = apportion(share, {t: max(amount, 0) for t, amount in revenue.items()})
    lines = tuple(
        StatementLine(
            tenant_id=t,
            invoices=tuple(sorted(i.invoice_id for i in by_tenant[t])),
            revenue=Money(amount=amount, currency=currency),
            share=Money(amount=parts[t], currency=currency),
        )
        for t, amount in revenue.items()
    )
    return RevenueShareStatement(
        partner_plan=partner_plan,
        period=period.strftime("%Y-%m"),
        currency=currency,
        lines=lines,
        total_revenue=Money(amount=total, currency=currency),
        share_rate_bps=terms.revenue_share_bps,
        minimum_monthly_revenue=Money(amount=minimum, currency=currency),
        minimum_met=met,
        share=Money(amount=share, currency=currency),
    )
