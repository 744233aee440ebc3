"""What commission comes to, written once: a level's share of each line the buyer paid for, after
discounts and wallet credit, rounded down (`Money.share`: the platform never pays out more than it
took), none on a zero-priced line; and how a refund's money is spread over the order's lines, so
the commission left is always the rate of what is left paid, rounded down."""

from __future__ import annotations

from collections.abc import Mapping

from panacea.platform.money import BASIS_POINTS_IN_WHOLE


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
