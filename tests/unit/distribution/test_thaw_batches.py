"""The thaw batch's packing: due shares grouped per distributor, groups packed into transactions
of at most 100 items, so releasing 10,000 due commissions of 1,000 distributors takes well under
the 500 DynamoDB requests the issue allows."""

from __future__ import annotations

from datetime import UTC, datetime

from panacea.distribution import ledger_items as ledger
from panacea.distribution import thawing
from panacea.platform.transaction import MAX_ITEMS


def _due(distributors: int, each: int, *, interleaved: bool = False) -> list[ledger.ShareItem]:
    """Due shares in thaw-time order: each distributor's in a row, or `interleaved` (share i is
    distributor i mod `distributors`'s, as orders complete across a network)."""
    at = datetime(2026, 12, 3, tzinfo=UTC)
    order = (
        [(n, d) for n in range(each) for d in range(distributors)]
        if interleaved
        else [(n, d) for d in range(distributors) for n in range(each)]
    )
    return [
        ledger.ShareItem.new(
            "T1", f"O{d}-{n}", level=1, distributor_id=f"D{d}", rate_bps=800, currency="GBP", amount=100, at=at
        )
        for n, d in order
    ]


def _items(batch: list[list[ledger.ShareItem]]) -> int:
    return sum(len(group) + thawing.GROUP_OVERHEAD for group in batch)


def test_ten_thousand_due_commissions_of_a_thousand_distributors_take_under_500_requests():
    # Given 10,000 due shares, 10 for each of 1,000 distributors
    due = _due(1000, 10)
    # When they are grouped and packed, as the batch reads them a page at a time
    batches = [b for start in range(0, len(due), thawing.PAGE)
               for b in thawing._packed(thawing._groups(due[start : start + thawing.PAGE]))]  # fmt: skip
    # Then every transaction holds at most 100 items, every share is released once
    assert max(_items(batch) for batch in batches) <= MAX_ITEMS
    assert sorted(s.order_id for batch in batches for group in batch for s in group) == sorted(s.order_id for s in due)
    # And the transactions and the Query pages together stay under 500 requests
    queries = len(due) // thawing.PAGE + 1
    assert len(batches) + queries <= 500, len(batches)


def test_interleaved_thaw_times_still_take_under_500_requests():
    # Given 10,000 due shares of 1,000 distributors whose thaw times interleave (share i is
    # distributor i mod 1,000's), as orders complete across a network
    due = _due(1000, 10, interleaved=True)
    # When the batch reads them a page a Query and groups what it read, as thaw_due does
    batches = [b for window in thawing._pages(iter(due)) for b in thawing._packed(thawing._groups(window))]
    # Then each distributor's shares share a group, so the transactions and the Query pages stay under 500
    queries = len(due) // thawing.PAGE + 1
    assert len(batches) + queries <= 500, len(batches)
    assert max(_items(batch) for batch in batches) <= MAX_ITEMS
    assert sorted(s.order_id for batch in batches for group in batch for s in group) == sorted(s.order_id for s in due)


def test_a_distributor_with_more_due_than_a_transaction_holds_is_split():
    groups = thawing._groups(_due(1, 250))
    assert [len(g) for g in groups] == [94, 94, 62]
    assert all(_items(batch) <= MAX_ITEMS for batch in thawing._packed(groups))
