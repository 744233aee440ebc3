"""Where a member's withdrawals go: an account finance pays by hand (bank, Alipay, WeChat), whose
details are sealed at rest (`panacea.platform.sealing`, bound to the tenant and the member) and shown
masked, or a Stripe Connect account the member onboards at Stripe's link.

A withdrawal keeps a sealed copy of the account as it was when it was asked for, so a later change
of account never redirects money already on its way; finance reads it in full to make the transfer.
"""

from __future__ import annotations

import hashlib
import json

from panacea.distribution.wallet_access import WalletAction
from panacea.distribution.wallet_items import PayoutAccountItem
from panacea.distribution.wallet_models import (
    AccountKind,
    ExternalAccount,
    PayoutAccount,
    PayoutDetails,
    StripeAccountSetup,
)
from panacea.platform import clock, payments, sealing
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import NotFound

SEALED_FOR = "payout-account"
SHOWN = 4  # the last characters of a number a mask shows


class NoPayoutAccount(NotFound):
    slug, title = "no-payout-account", "No payout account"


def mask(number: str) -> str:
    """`•••• 4567`: enough for the member to recognise the account, not enough to use it."""
    compact = number.replace(" ", "")
    return f"•••• {compact[-SHOWN:]}" if len(compact) > SHOWN else "••••"


def _context(tenant_id: str, member_id: str) -> tuple[str, str, str]:
    return SEALED_FOR, tenant_id, member_id


def set_external(actor: Actor, account: ExternalAccount) -> PayoutAccount:
    """The member's bank, Alipay or WeChat account for withdrawals paid by hand (replaces any)."""
    authorize(actor, WalletAction.USE_WALLET)
    tenant_id, member_id = actor.tenant, actor.user_id
    details = {"holder_name": account.holder_name, "account_number": account.account_number}
    if account.bank_name:
        details["bank_name"] = account.bank_name
    item = PayoutAccountItem.new(
        tenant_id=tenant_id,
        member_id=member_id,
        kind=AccountKind(account.kind.value),
        sealed=sealing.seal(json.dumps(details), context=_context(tenant_id, member_id)),
        masked_number=mask(account.account_number),
        stripe_account_id=None,
        at=clock.now(),
    )
    item.save()
    return item.view(holder_name=account.holder_name, bank_name=account.bank_name)


def set_up_stripe(actor: Actor, setup: StripeAccountSetup) -> PayoutAccount:
    """A Stripe Connect account for the member (made once per country and email), and the link
    where they onboard; withdrawals reach it once Stripe has enabled its transfers."""
    authorize(actor, WalletAction.USE_WALLET)
    tenant_id, member_id = actor.tenant, actor.user_id
    asked = hashlib.sha256(f"{tenant_id}:{member_id}:{setup.country}:{setup.email}".encode()).hexdigest()
    payee = payments.create_payee_account(
        country=setup.country,
        email=setup.email,
        metadata={"tenant_id": tenant_id, "member_id": member_id},
        idempotency_key=f"payee-{asked}",
    )
    link = payments.onboarding_link(payee.id, refresh_url=setup.refresh_url, return_url=setup.return_url)
    item = PayoutAccountItem.new(
        tenant_id=tenant_id,
        member_id=member_id,
        kind=AccountKind.STRIPE_CONNECT,
        sealed=None,
        masked_number=None,
        stripe_account_id=payee.id,
        at=clock.now(),
    )
    item.save()
    view = item.view()
    return view.model_copy(update={"onboarding_url": link, "transfers_enabled": payee.transfers_enabled})


def account_item(tenant_id: str, member_id: str) -> PayoutAccountItem | None:
    return PayoutAccountItem.find(*PayoutAccountItem.key(tenant_id, member_id), consistent_read=True)


def my_account(actor: Actor) -> PayoutAccount:
    """The member's payout account, its number masked."""
    authorize(actor, WalletAction.USE_WALLET)
    item = account_item(actor.tenant, actor.user_id)
    if item is None:
        raise NoPayoutAccount("you have not given a payout account yet", field="payout_account")
    details = details_of(item.tenant_id, item.member_id, item.kind, item.sealed, item.stripe_account_id)
    return item.view(holder_name=details.holder_name, bank_name=details.bank_name)


def details_of(
    tenant_id: str, member_id: str, kind: str, sealed: str | None, stripe_account_id: str | None
) -> PayoutDetails:
    """An account's details in full (unsealed): for finance making a transfer, and the member."""
    opened = json.loads(sealing.unseal(sealed, context=_context(tenant_id, member_id))) if sealed else {}
    return PayoutDetails(kind=AccountKind(kind), stripe_account_id=stripe_account_id, **opened)
