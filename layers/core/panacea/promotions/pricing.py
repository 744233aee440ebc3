"""The pricing rules of promotions, with no I/O: whether a promotion applies to an order, what
it takes off, how a discount is spread over the lines, and which combination of a campaign and
a coupon wins. The rule, in words, is `models.COMBINATION_RULE`; these functions are it.

Amounts here are integer minor units of one currency (the lines'); a promotion of another
currency does not apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from panacea.platform.money import Money
from panacea.promotions.models import (
    Offer,
    PromotionKind,
    PromotionMethod,
    PromotionStatus,
    Scope,
    SpendTier,
)
from panacea.promotions.quotes import (
    QuoteLine,
)


@dataclass(frozen=True)
class Candidate:
    """A promotion as pricing sees it: its terms, and what is left of its limits for this member."""

    promotion_id: str
    name: str
    method: PromotionMethod
    currency: str
    offer: Offer
    status: PromotionStatus
    starts_at: datetime
    ends_at: datetime | None
    min_spend: int = 0
    first_order_only: bool = False
    combinable: bool = False
    uses_left: int | None = None  # None: no usage limit
    budget_left: int | None = None  # None: no budget
    per_member_limit: int | None = None
    member_uses: int = 0
    code: str | None = None  # the coupon code the member entered for it
    code_used: bool = False  # a single-use code some order already took

    @property
    def member_limit(self) -> int | None:
        """The member's limit redeeming checks: a first-order promotion is one use per member."""
        return 1 if self.first_order_only else self.per_member_limit

    @property
    def is_coupon(self) -> bool:
        return self.method != PromotionMethod.AUTOMATIC


@dataclass(frozen=True)
class Refusal:
    """Why a promotion does not apply: a machine-readable code and a sentence for people."""

    code: str
    message: str


@dataclass(frozen=True)
class Applied:
    candidate: Candidate
    discount: int
    per_line: tuple[int, ...]  # this promotion's share of each line (0 outside its scope)


@dataclass(frozen=True)
class Priced:
    applied: tuple[Applied, ...]
    line_discounts: tuple[int, ...]
    coupon_applied: bool
    notes: tuple[str, ...] = field(default=())

    @property
    def discount(self) -> int:
        return sum(self.line_discounts)


# --- one promotion ---------------------------------------------------------------------------


def in_scope(offer: Offer, line: QuoteLine) -> bool:
    if offer.scope == Scope.PRODUCTS:
        return line.product_id in offer.product_ids
    if offer.scope == Scope.CATEGORIES:
        return not set(line.category_ids).isdisjoint(offer.category_ids)
    return True


def scoped(offer: Offer, lines: Sequence[QuoteLine]) -> list[int]:
    """The indexes of the lines `offer` applies to."""
    return [i for i, line in enumerate(lines) if in_scope(offer, line)]


def tier_reached(tiers: Sequence[SpendTier], spend: int) -> SpendTier | None:
    """The highest tier whose spend is reached."""
    return next((t for t in reversed(tiers) if spend >= t.spend), None)


def discount_of(offer: Offer, *, base: int, left: int, currency: str) -> int:
    """What `offer` takes off scoped lines that came to `base` before any discount and to `left`
    now: thresholds look at `base`, a percentage at `left`, and nothing takes off more than `left`."""
    if offer.kind == PromotionKind.AMOUNT_OFF:
        wanted = offer.amount_off or 0
    elif offer.kind == PromotionKind.PERCENTAGE_OFF:
        wanted = Money(amount=left, currency=currency).share(offer.percentage_bps or 0).amount
    else:
        tier = tier_reached(offer.tiers, base)
        wanted = tier.off if tier else 0
    return max(0, min(wanted, left))


def spread(total: int, amounts: Sequence[int]) -> list[int]:
    """`total` over `amounts` in proportion, each share rounded down; the remainder goes on the
    last amount, or the one before it when that one has no room left. No share exceeds its amount."""
    whole = sum(amounts)
    if not 0 <= total <= whole:
        raise ValueError(f"cannot spread {total} over amounts worth {whole}")
    if whole == 0:
        return [0] * len(amounts)
    shares = [total * amount // whole for amount in amounts]
    remainder = total - sum(shares)
    for i in reversed(range(len(amounts))):
        if remainder == 0:
            break
        extra = min(remainder, amounts[i] - shares[i])
        shares[i] += extra
        remainder -= extra
    return shares


def _money(amount: int, currency: str) -> str:
    return str(Money(amount=amount, currency=currency))


def refusal(
    candidate: Candidate, lines: Sequence[QuoteLine], *, currency: str, first_order: bool, at: datetime
) -> Refusal | None:
    """Why `candidate`, on its own, does not apply to these lines for this member now (None: it does).
    The checks run in this order, and the first that fails is the answer."""
    what = f"coupon {candidate.code}" if candidate.code else f"“{candidate.name}”"
    return (
        _not_running(candidate, what, at)
        or _not_for_this_order(candidate, what, lines, currency=currency, first_order=first_order)
        or _nothing_left(candidate, what, lines, currency=currency)
    )


def _not_running(c: Candidate, what: str, at: datetime) -> Refusal | None:
    if c.status == PromotionStatus.ENDED:
        return Refusal("expired", f"{what} has ended")
    if c.status != PromotionStatus.ACTIVE:
        return Refusal("inactive", f"{what} is not running at the moment")
    if at < c.starts_at:
        return Refusal("not_started", f"{what} starts at {c.starts_at.isoformat()}")
    if c.ends_at is not None and at >= c.ends_at:
        return Refusal("expired", f"{what} ended at {c.ends_at.isoformat()}")
    return None


def _not_for_this_order(
    c: Candidate, what: str, lines: Sequence[QuoteLine], *, currency: str, first_order: bool
) -> Refusal | None:
    if c.currency != currency:
        return Refusal("currency", f"{what} is for orders in {c.currency}, not {currency}")
    if c.first_order_only and not first_order:
        return Refusal("first_order_only", f"{what} is for a member's first order only")
    indexes = scoped(c.offer, lines)
    if not indexes:
        return Refusal("not_for_these_products", f"{what} does not apply to any product in this order")
    base = sum(lines[i].amount.amount for i in indexes)
    threshold = max(c.min_spend, c.offer.tiers[0].spend if c.offer.kind == PromotionKind.SPEND_AND_SAVE else 0)
    if base < threshold:
        return Refusal(
            "min_spend_not_met",
            f"{what} needs a spend of {_money(threshold, currency)} on the products it covers; "
            f"this order has {_money(base, currency)} ({_money(threshold - base, currency)} more to go)",
        )
    return None


def _nothing_left(c: Candidate, what: str, lines: Sequence[QuoteLine], *, currency: str) -> Refusal | None:
    if c.uses_left is not None and c.uses_left <= 0:
        return Refusal("used_up", f"{what} has been used as many times as it may be")
    limit = c.member_limit
    if limit is not None and c.member_uses >= limit:
        return Refusal("member_limit_reached", f"you have already used {what} as many times as you may ({limit})")
    if c.code_used:
        return Refusal("code_used", f"{what} is a single-use code and has already been used")
    base = sum(lines[i].amount.amount for i in scoped(c.offer, lines))
    discount = discount_of(c.offer, base=base, left=base, currency=currency)
    if discount <= 0:
        return Refusal("no_discount", f"{what} takes nothing off this order")
    if c.budget_left is not None and discount > c.budget_left:
        return Refusal("used_up", f"{what} has spent its budget")
    return None


# --- combining -------------------------------------------------------------------------------


def apply_in_order(option: Sequence[Candidate], lines: Sequence[QuoteLine], *, currency: str) -> list[Applied] | None:
    """Apply the promotions one after the other, each on what the ones before left; None if one
    of them would take nothing off."""
    base = [line.amount.amount for line in lines]
    left = list(base)
    applied: list[Applied] = []
    for candidate in option:
        indexes = scoped(candidate.offer, lines)
        discount = discount_of(
            candidate.offer,
            base=sum(base[i] for i in indexes),
            left=sum(left[i] for i in indexes),
            currency=currency,
        )
        if discount <= 0:
            return None
        shares = spread(discount, [left[i] for i in indexes])
        per_line = [0] * len(lines)
        for i, share in zip(indexes, shares, strict=True):
            per_line[i] = share
            left[i] -= share
        applied.append(Applied(candidate, discount, tuple(per_line)))
    return applied


def best(
    lines: Sequence[QuoteLine],
    campaigns: Sequence[Candidate],
    coupon: Candidate | None,
    *,
    currency: str,
) -> Priced:
    """The allowed combination with the largest total discount (see `models.COMBINATION_RULE`).

    `campaigns` and `coupon` are those that apply on their own (`refusal` is None for each).
    Allowed: nothing; one campaign; the coupon; one campaign and the coupon, both combinable.
    Ties go to the combination with the coupon, then to fewer promotions, then to the campaign
    created first (ids are ULIDs, so the smaller id).
    """
    ordered = sorted(campaigns, key=lambda c: c.promotion_id)
    options: list[tuple[tuple[int, int, int, int], list[Applied]]] = [((0, 0, 0, 0), [])]

    def consider(option: list[Candidate], campaign_rank: int) -> None:
        applied = apply_in_order(option, lines, currency=currency)
        if applied is not None:
            total = sum(a.discount for a in applied)
            key = (total, int(coupon in option), -len(option), -campaign_rank)
            options.append((key, applied))

    if coupon is not None:
        consider([coupon], 0)
    for rank, campaign in enumerate(ordered):
        consider([campaign], rank)
        if coupon is not None and campaign.combinable and coupon.combinable:
            consider([campaign, coupon], rank)
    _, chosen = max(options, key=lambda o: o[0])
    line_discounts = tuple(sum(a.per_line[i] for a in chosen) for i in range(len(lines)))
    coupon_applied = coupon is not None and any(a.candidate is coupon for a in chosen)
    notes: list[str] = []
    if coupon is not None and not coupon_applied:
        alone = apply_in_order([coupon], lines, currency=currency) or []
        winner = ", ".join(f"“{a.candidate.name}”" for a in chosen)
        notes.append(
            f"coupon {coupon.code} would take {_money(sum(a.discount for a in alone), currency)} off; "
            f"{winner} takes {_money(sum(a.discount for a in chosen), currency)} and they do not combine, "
            "so the larger discount applies"
        )
    return Priced(tuple(chosen), line_discounts, coupon_applied, tuple(notes))
