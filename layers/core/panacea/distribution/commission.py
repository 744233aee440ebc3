"""What commission comes to, written once: a level's share of each line the buyer paid for, after
discounts and wallet credit, rounded down (`Money.share`: the platform never pays out more than it
took), none on a zero-priced line; and how a refund's money is spread over the order's lines, so
the commission left is always the rule of what is left paid, rounded down.

A line's rule for a level (`LineRule`, fixed when the order is paid and kept on its evidence) is the
level's rate, or the product's override for that level (`orders.LineFact.commission`, catalog's
`LevelCommission`): a rate in basis points, or a fixed amount per unit. A fixed amount becomes the
line's fixed commission for what was paid then (`fixed` = per unit * quantity), and scales with what
is left paid of the line: `fixed * left // paid`, rounded down. It is capped when the order is paid so
that the levels together never earn more than the line's price paid (`line_rules`): a fixed amount
in another currency than the order's does not apply (the level's rate does)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from panacea.platform.money import BASIS_POINTS_IN_WHOLE, Money


@dataclass(frozen=True)
class LineRule:
    """What one level earns on one line: `rate_bps` of what is left paid, or, when `fixed` is set,
    that amount for the whole of what was paid, scaled with what is left paid; rounded down."""

    rate_bps: int = 0
    fixed: int | None = None

    def on(self, left: int, paid: int) -> int:
        """The commission on a line of which `left` is still paid, out of `paid` when it was paid."""
        if left <= 0 or paid <= 0:
            return 0
        if self.fixed is None:
            return left * self.rate_bps // BASIS_POINTS_IN_WHOLE
        return self.fixed * min(left, paid) // paid

    def stored(self) -> dict[str, int]:
        return {"rate_bps": self.rate_bps} if self.fixed is None else {"fixed": self.fixed}

    @classmethod
    def of_stored(cls, rule: Mapping[str, Any]) -> LineRule:
        if "fixed" in rule:
            return cls(fixed=int(rule["fixed"]))
        return cls(rate_bps=int(rule["rate_bps"]))


class Override(Protocol):
    """A level's override as an order line carries it (`orders.LineFact.commission`)."""

    level: int
    rate_bps: int | None
    fixed: Money | None


def line_rules(
    rates: Mapping[int, int], overrides: Sequence[Override], *, quantity: int, paid: int, currency: str
) -> dict[int, LineRule]:
    """Each level's rule for one line (`rates`: level → the level's rate, for the levels that earn):
    the line's override for that level where it has one, else the level's rate. A fixed amount is
    per unit, and capped so that the levels together earn at most `paid` (level 1 first)."""
    by_level = {o.level: o for o in overrides}
    rules: dict[int, LineRule] = {}
    for level, rate in rates.items():
        override = by_level.get(level)
        if override is not None and override.rate_bps is not None:
            rules[level] = LineRule(rate_bps=int(override.rate_bps))
        elif override is not None and override.fixed is not None and override.fixed.currency == currency:
            rules[level] = LineRule(fixed=max(0, override.fixed.amount) * quantity)
        else:
            rules[level] = LineRule(rate_bps=rate)
    room = paid * (BASIS_POINTS_IN_WHOLE - sum(r.rate_bps for r in rules.values() if r.fixed is None))
    room = max(0, room // BASIS_POINTS_IN_WHOLE)
    for level in sorted(rules):
        fixed = rules[level].fixed
        if fixed is not None:
            rules[level] = LineRule(fixed=min(fixed, room))
            room -= rules[level].fixed or 0
    return rules


def earned(rules: Mapping[int, LineRule], paid: Mapping[int, int], left: Mapping[int, int]) -> int:
    """One level's commission: each line's rule (`rules`, by line) on what is left paid of it,
    out of what was `paid` for it, each line rounded down; a line without a rule earns nothing."""
    return sum(rule.on(left.get(no, 0), paid.get(no, 0)) for no, rule in rules.items())


def commission(paid_by_line: Mapping[int, int], rate_bps: int) -> int:
    """One level's commission on what is paid for each line (minor units), each line rounded down."""
    return sum(amount * rate_bps // BASIS_POINTS_IN_WHOLE for amount in paid_by_line.values() if amount > 0)


def allocate(amount: int, room: Mapping[int, int]) -> dict[int, int]:
    """`amount` spread over lines in proportion to `room` (what each line can still give back),
    each line's part rounded down, then the minor units left one each to the lines with the largest
    remainders (the lowest line number first on a tie); no line gets more than its room, and the
    parts add up to `amount` (at most the sum of the room)."""
    total_room = sum(max(0, r) for r in room.values())
    amount = min(max(0, amount), total_room)
    if amount == 0:
        return dict.fromkeys(room, 0)
    parts = {line: max(0, r) * amount // total_room for line, r in room.items()}
    remainders = sorted(room, key=lambda line: (-(max(0, room[line]) * amount % total_room), line))
    left = amount - sum(parts.values())
    for line in remainders:
        if left == 0:
            break
        if parts[line] < room[line]:
            parts[line] += 1
            left -= 1
    return parts
