"""Thawing, in batches: a schedule releases every frozen commission whose thaw time has come, so
10,000 orders a day are not 10,000 long waits doing one write each. The due shares are read by
thaw time (one Query on GSI2 a page per tenant, no Scan) and grouped per distributor; each group is
its shares, one entry for all of them, the balance and one `commission.available` event, and the
credit of the money to the distributor's wallet (`wallet.credits_items`: an entry and a
`wallet.credited` per group, one balance update per distributor and currency), in the same
transaction; groups are packed into transactions of at most 100 items (a distributor with more due
than one transaction holds is split into several groups)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from panacea import tenancy
from panacea.distribution import ledger_items as ledger
from panacea.distribution import wallet
from panacea.distribution.ledger_items import EntryKind, ShareState
from panacea.distribution.models import CommissionAvailable
from panacea.distribution.wallet_models import Credit
from panacea.distribution.wallet_models import EntryKind as WalletEntry
from panacea.platform import clock
from panacea.platform.errors import DomainError
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from panacea.platform.observability import logger
from panacea.platform.transaction import MAX_ITEMS, unit_of_work

PAGE = 1000  # due shares read a Query
# Due shares grouped together: thaw times interleave distributors (orders complete across the whole
# network), so grouping each page apart gave most distributors a group of one share in every page;
# grouping a window of pages gives each distributor one group (its entry, event, balance and wallet
# credit once) for all its shares due in the window (make bench: the thaw at 10,000).
WINDOW = 10 * PAGE
# A group's items besides its shares: the ledger's entry, balance and event, and the wallet's entry,
# event and balance (at most one a group: credits_items updates a distributor's balance once).
GROUP_OVERHEAD = 6


@dataclass(frozen=True)
class Released:
    shares: int
    distributors: int
    transactions: int


def thaw_every_tenant() -> Released:
    """The schedule's job: every tenant's due commission, each tenant's with its own credentials."""
    total = Released(0, 0, 0)
    for tenant_id in tenancy.tenant_ids():
        with acting_for(tenant_id):
            done = thaw_due(tenant_id)
        total = Released(
            total.shares + done.shares,
            total.distributors + done.distributors,
            total.transactions + done.transactions,
        )
    return total


def thaw_due(tenant_id: str, *, at: datetime | None = None) -> Released:
    """Make every frozen share due by `at` (now) available. A batch that meets a share changed
    meanwhile (refunded as it thawed) is left for the next run, as it is then."""
    at = at or clock.now()
    shares = distributors = transactions = 0
    for due in _pages(ledger.due(tenant_id, at, page_size=PAGE)):
        groups = _groups([s for s in due if s.current_state == ShareState.FROZEN])
        for batch in _packed(groups):
            try:
                _release(tenant_id, batch, at=at)
            except DomainError as exc:
                logger.warning("thaw batch left for the next run", extra={"tenant_id": tenant_id, "why": exc.detail})
                continue
            transactions += 1
            shares += sum(len(group) for group in batch)
            distributors += len({group[0].distributor_id for group in batch})
    return Released(shares, distributors, transactions)


def _pages(items: Iterator[ledger.ShareItem]) -> Iterator[list[ledger.ShareItem]]:
    """The due shares a WINDOW at a time (read a PAGE a Query)."""
    page: list[ledger.ShareItem] = []
    for item in items:
        page.append(item)
        if len(page) == WINDOW:
            yield page
            page = []
    if page:
        yield page


def _groups(due: list[ledger.ShareItem]) -> list[list[ledger.ShareItem]]:
    """Due shares per distributor (and currency), each group small enough for one transaction."""
    by: dict[tuple[str, str], list[ledger.ShareItem]] = defaultdict(list)
    for share in due:
        by[(share.distributor_id, share.currency)].append(share)
    size = MAX_ITEMS - GROUP_OVERHEAD
    return [shares[i : i + size] for shares in by.values() for i in range(0, len(shares), size)]


def _packed(groups: list[list[ledger.ShareItem]]) -> list[list[list[ledger.ShareItem]]]:
    """Groups packed into transactions of at most MAX_ITEMS items, in order."""
    batches: list[list[list[ledger.ShareItem]]] = []
    room = 0
    for group in groups:
        need = len(group) + GROUP_OVERHEAD
        if not batches or need > room:
            batches.append([])
            room = MAX_ITEMS
        batches[-1].append(group)
        room -= need
    return batches


def _release(tenant_id: str, batch: list[list[ledger.ShareItem]], *, at: datetime) -> None:
    credits: list[Credit] = []
    with unit_of_work(tenant_id) as uow:
        for group in batch:
            for share in group:
                uow.update(
                    share,
                    [
                        ledger.ShareItem.state.set(ShareState.AVAILABLE.value),
                        ledger.ShareItem.gsi2pk.set(ledger.state_partition(tenant_id, ShareState.AVAILABLE)),
                        ledger.ShareItem.gsi2sk.set(
                            ledger.accrued_sort(share.accrued_at, share.order_id, int(share.level))
                        ),
                    ],
                    condition=(ledger.ShareItem.state == ShareState.FROZEN.value)
                    & (ledger.ShareItem.amount == int(share.amount)),
                )
            first, amount = group[0], sum(int(s.amount) for s in group)
            orders = [s.order_id for s in group]
            change = ledger.Move(
                EntryKind.AVAILABLE, orders[0], 0, frozen=-amount, available=amount, orders=tuple(orders)
            )
            ledger.move(uow, tenant_id, first.distributor_id, change, currency=first.currency, at=at)
            uow.emit(
                CommissionAvailable(
                    distributor_id=first.distributor_id,
                    amount=Money(amount=amount, currency=first.currency),
                    orders=orders,
                )
            )
            if amount > 0:  # a share refunded to nothing still thaws: nothing to credit
                credits.append(  # a share thaws once, so its group's first share names the credit for good
                    Credit(
                        member_id=first.distributor_id,
                        kind=WalletEntry.COMMISSION,
                        amount=Money(amount=amount, currency=first.currency),
                        reference=f"{first.order_id}:{int(first.level)}",
                    )
                )
        if credits:
            uow.add(wallet.credits_items(tenant_id, credits))
