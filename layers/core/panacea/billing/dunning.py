"""What a subscription's status leaves a tenant able to do, and for how long.

Stripe's Smart Retries keep retrying a failed renewal while the subscription is `past_due`; the
tenant keeps FULL access for a grace period of 7 days from the first failure, then is READ_ONLY
until day 21, then SUSPENDED (tenancy's suspend) until it pays. An `unpaid` subscription (the
retries gave up) follows the same ladder but is never better than READ_ONLY. `paused` (a trial
ended without a payment method) is READ_ONLY; `incomplete`, `incomplete_expired` and `canceled`
leave no plan at all (NONE). A subscription set to cancel at its period's end keeps its access
until that end, then has NONE.

Each answer says when it stops holding (`until`), so the caller can rebuild then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from panacea.billing.models import SubscriptionRead
from panacea.billing.vocabulary import Access, SubscriptionStatus

GRACE = timedelta(days=7)
READ_ONLY_UNTIL = timedelta(days=21)

_NO_PLAN = {SubscriptionStatus.INCOMPLETE, SubscriptionStatus.INCOMPLETE_EXPIRED, SubscriptionStatus.CANCELED}


@dataclass(frozen=True)
class Standing:
    access: Access
    until: datetime | None  # when the same subscription would give another answer (None: never by time)


def ladder(since: datetime, now: datetime) -> Standing:
    """Access `now` of a subscription whose renewal first failed at `since`."""
    if now < since + GRACE:
        return Standing(Access.FULL, since + GRACE)
    if now < since + READ_ONLY_UNTIL:
        return Standing(Access.READ_ONLY, since + READ_ONLY_UNTIL)
    return Standing(Access.SUSPENDED, None)


def standing(subscription: SubscriptionRead, now: datetime) -> Standing:
    """The access `subscription` gives `now`, by its status, dunning and a cancellation at period end."""
    status = subscription.status
    if status in _NO_PLAN:
        return Standing(Access.NONE, None)
    if status is SubscriptionStatus.PAUSED:
        return Standing(Access.READ_ONLY, None)
    if status in (SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID):
        # Stripe fails a renewal at the start of the new period: the fallback when no failure time was read
        since = subscription.past_due_since or subscription.current_period_start
        found = ladder(since, now)
        if status is SubscriptionStatus.UNPAID and found.access is Access.FULL:
            return Standing(Access.READ_ONLY, since + READ_ONLY_UNTIL)
        return found
    if subscription.cancel_at_period_end:
        end = subscription.current_period_end
        return Standing(Access.FULL, end) if now < end else Standing(Access.NONE, None)
    return Standing(Access.FULL, None)
