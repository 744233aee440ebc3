"""Billing's items in the single table, and every request that reads or writes them.

BillingAccount   PK T#<tenant>#BILLING · SK ACCOUNT        the Stripe Customer the tenant pays Panacea as
EntitlementItem  PK T#<tenant>#BILLING · SK ENTITLEMENTS   the one effective entitlements record every
                                                           limit check reads, beside the inputs it was
                                                           rebuilt from; written only over an older one
                                                           (`version`, then `evaluated_at`: the condition
                                                           is entitlements.supersedes, as DynamoDB judges it)
CustomerPointer  PK P#STRIPE#CUS#<customer> · SK STRIPE_CUS   which tenant a Stripe Customer is: how a
                                                           webhook finds its tenant (a platform item, read
                                                           and written with the function's own role)
AccountListing   PK P#BILLING#ACCOUNTS · SK <tenant>       every billing account, for the nightly
                                                           reconcile's pages (a platform item, as above)
BillingEventSeen PK T#<tenant>#BILLING_EVENT#<event> · SK BILLING_EVENT   a Stripe event already answered
                                                           (TTL 30 days; Stripe retries for 3)
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import PutError

from panacea.billing.entitlements import EntitlementInputs
from panacea.billing.models import EffectiveEntitlements
from panacea.platform import isolation
from panacea.platform.keys import platform_key, tenant_key
from panacea.platform.table import DocumentAttribute, TableItem

SEEN_FOR = timedelta(days=30)
LISTING = platform_key("BILLING", "ACCOUNTS")


class BillingAccount(TableItem, discriminator="billing_account"):
    tenant_id = UnicodeAttribute()
    customer_id = UnicodeAttribute()
    email = UnicodeAttribute()


class EntitlementItem(TableItem, discriminator="entitlements"):
    tenant_id = UnicodeAttribute()
    version = NumberAttribute()
    evaluated_at = UTCDateTimeAttribute()
    record = DocumentAttribute()
    inputs = DocumentAttribute()


class CustomerPointer(TableItem, discriminator="stripe_customer"):
    tenant_id = UnicodeAttribute()


class AccountListing(TableItem, discriminator="billing_account_listing"):
    customer_id = UnicodeAttribute()


class BillingEventSeen(TableItem, discriminator="billing_event_seen"):
    event_type = UnicodeAttribute()


def _partition(tenant_id: str) -> str:
    return tenant_key(tenant_id, "BILLING")


def _pointer(customer_id: str) -> str:
    return platform_key("STRIPE", "CUS", customer_id)


# --- the account ---------------------------------------------------------------------------------


def account(tenant_id: str) -> BillingAccount | None:
    return BillingAccount.find(_partition(tenant_id), "ACCOUNT")


def open_account(tenant_id: str, customer_id: str, email: str) -> BillingAccount:
    """Remember the tenant's Stripe Customer (its pointer first: a webhook may follow at once)."""
    with isolation.acting_for(None):  # platform keys: the function's own role, never a tenant's
        CustomerPointer(_pointer(customer_id), "STRIPE_CUS", tenant_id=tenant_id).save(
            condition=CustomerPointer.pk.does_not_exist() | (CustomerPointer.tenant_id == tenant_id)
        )
        AccountListing(LISTING, tenant_id, customer_id=customer_id).save()
    item = BillingAccount(_partition(tenant_id), "ACCOUNT", tenant_id=tenant_id, customer_id=customer_id, email=email)
    item.save()
    return item


def accounts_page(after: str | None, limit: int) -> tuple[list[tuple[str, str]], str | None]:
    """A page of (tenant, customer) of every billing account, and the tenant to continue after."""
    start = {"PK": {"S": LISTING}, "SK": {"S": after}} if after else None
    with isolation.acting_for(None):
        results = AccountListing.query(LISTING, limit=limit, last_evaluated_key=start)
        page = [(str(item.sk), str(item.customer_id)) for item in results]
        last = results.last_evaluated_key
    return page, (str(last["SK"]["S"]) if last else None)


def customer_owner(customer_id: str) -> str | None:
    """The tenant a Stripe Customer of this platform pays for, or None."""
    with isolation.acting_for(None):
        try:
            return str(CustomerPointer.get(_pointer(customer_id), "STRIPE_CUS").tenant_id)
        except CustomerPointer.DoesNotExist:
            return None


# --- entitlements ----------------------------------------------------------------------------------


def entitlements(tenant_id: str) -> tuple[EffectiveEntitlements, EntitlementInputs] | None:
    """The stored record and the inputs it was rebuilt from, or None before the first."""
    item = EntitlementItem.find(_partition(tenant_id), "ENTITLEMENTS", consistent_read=True)
    if item is None:
        return None
    return EffectiveEntitlements.model_validate(item.record), EntitlementInputs.model_validate(item.inputs)


def keep_entitlements(record: EffectiveEntitlements, inputs: EntitlementInputs) -> bool:
    """Write `record` unless a newer one is stored (DynamoDB judges, so concurrent rebuilds settle on
    the newest); whether it was written."""
    item = EntitlementItem(
        _partition(record.tenant_id),
        "ENTITLEMENTS",
        tenant_id=record.tenant_id,
        version=record.version,
        evaluated_at=record.evaluated_at,
        record=record.model_dump(mode="json"),
        inputs=inputs.model_dump(mode="json"),
    )
    older = (EntitlementItem.version < record.version) | (
        (EntitlementItem.version == record.version) & (EntitlementItem.evaluated_at < record.evaluated_at)
    )
    try:
        item.save(condition=EntitlementItem.pk.does_not_exist() | older)
    except PutError as refused:
        if refused.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True


# --- events answered ---------------------------------------------------------------------------------


def seen(tenant_id: str, event_id: str) -> bool:
    return BillingEventSeen.find(tenant_key(tenant_id, "BILLING_EVENT", event_id), "BILLING_EVENT") is not None


def note_seen(tenant_id: str, event_id: str, event_type: str, at: datetime) -> None:
    BillingEventSeen(
        tenant_key(tenant_id, "BILLING_EVENT", event_id),
        "BILLING_EVENT",
        event_type=event_type,
        expires_at=at + SEEN_FOR,
    ).save()
