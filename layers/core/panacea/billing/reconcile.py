"""The nightly reconcile: every billing account's customer re-read from Stripe and its tenant's
entitlements rebuilt, so a webhook Stripe never delivered (or delivered to a stage that was down
for longer than Stripe retries) costs at most a day, and access steps down the dunning ladder
(grace → read-only → suspended) on the day it should even when Stripe has nothing new to say."""

from __future__ import annotations

from panacea.billing import dal
from panacea.billing.stripe_events import refresh
from panacea.platform import clock, isolation
from panacea.platform.models import BaseModel
from panacea.platform.observability import logger

PAGE = 100


class Reconciled(BaseModel):
    accounts: int  # re-read
    changed: int  # whose record this rebuild wrote
    failed: int  # left for the next night (Stripe out of reach, …), each logged


def reconcile_all(*, page_size: int = PAGE) -> Reconciled:
    accounts = changed = failed = 0
    after: str | None = None
    while True:
        page, after = dal.accounts_page(after, page_size)
        for tenant_id, customer in page:
            accounts += 1
            try:
                with isolation.acting_for(tenant_id):
                    _, written = refresh(tenant_id, customer, as_of=clock.now())
                changed += written
            except Exception:  # one tenant's failure must not stop the others'
                failed += 1
                logger.exception("reconcile failed", extra={"tenant_id": tenant_id})
        if after is None:
            return Reconciled(accounts=accounts, changed=changed, failed=failed)
