"""Payments' items in the single table, and every query that reads them.

PaymentItem      PK T#<tenant>#PAYMENT#<payment> · SK PAYMENT            one payment of an order
                 GSI1 T#<tenant>#PAYMENTS · <payment>                   the tenant's payments, newest first
                 GSI2 T#<tenant>#PAYMENTS#ORDER#<order> · <payment>     an order's payments, newest first
RefundItem       PK T#<tenant>#PAYMENT#<payment> · SK REFUND#<refund>   a payment's refunds, oldest first
                                                                        (Query on PK, SK begins_with REFUND#)
StripeEventSeen  PK T#<tenant>#STRIPE_EVENT#<event> · SK STRIPE_EVENT   a Stripe event already applied (TTL 30
                                                                        days, Stripe retries for 3), put with
                                                                        attribute_not_exists with the change
IntentPointer    PK P#STRIPE#PI#<intent> · SK STRIPE_PI                 which tenant and payment a PaymentIntent
                                                                        belongs to: how a webhook finds its tenant
Uniqueness       PK T#<tenant>#UNIQUE#payment_request#<sha256 of key>   one payment per start_payment key
                 PK T#<tenant>#UNIQUE#refund_request#<payment>.<sha256 of key>   one refund per refund key
                 PK T#<tenant>#UNIQUE#offline_reference#<sha256 of reference>    a bank transfer or receipt
                                                                        is recorded once

Amounts are integer minor units beside their currency. A payment's `refund_reserved` is every
refund asked of it (accepted, on its way, or confirmed); a refund is reserved by adding to it
under the condition `refund_reserved <= amount - refund`, in the transaction that records the
refund, so concurrent refunds can never promise more than was paid. `refunded` is what Stripe
(or finance, offline) confirmed. `version` counts changes: a change computed from what was
read is saved on the condition that nobody changed the payment since (`save_changed`).

The intent pointer is a platform item (`P#…`): a tenant's credentials may neither read nor
write it, by design, so it is read and written with the function's own role
(`isolation.acting_for(None)`). It holds nothing but the two ids, is written once before the
payment learns its intent, and never changes.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UnicodeSetAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import PutError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.transactions import TransactGet

from panacea.payments.models import (
    PAID,
    Dispute,
    Method,
    Payment,
    PaymentStatus,
    Provider,
    Refund,
    RefundStatus,
)
from panacea.platform import isolation
from panacea.platform.errors import ConcurrentUpdate, Conflict
from panacea.platform.keys import owner_key, platform_key, tenant_key
from panacea.platform.money import Money
from panacea.platform.table import (
    DocumentAttribute,
    Page,
    TableItem,
    Uniqueness,
    connection,
    decode_cursor,
    found,
    page_of,
)
from panacea.platform.transaction import UnitOfWork

EVENT_MEMORY = timedelta(days=30)


def digest(value: str) -> str:
    """A client's key or reference as it can stand in a key, whatever characters it has."""
    return hashlib.sha256(value.encode()).hexdigest()


def _payment_pk(tenant_id: str, payment_id: str) -> str:
    return tenant_key(tenant_id, "PAYMENT", payment_id)


def _all_payments(tenant_id: str) -> str:
    return tenant_key(tenant_id, "PAYMENTS")


def _order_payments(tenant_id: str, order_id: str) -> str:
    return tenant_key(tenant_id, "PAYMENTS", "ORDER", order_id)


class PaymentItem(TableItem, discriminator="payment"):
    payment_id = UnicodeAttribute()
    tenant_id = UnicodeAttribute()
    order_id = UnicodeAttribute()
    currency = UnicodeAttribute()
    amount = NumberAttribute()
    refunded = NumberAttribute(default=0)
    refund_reserved = NumberAttribute(default=0)
    status = UnicodeAttribute()
    provider = UnicodeAttribute()
    methods = UnicodeSetAttribute()
    method = UnicodeAttribute(null=True)
    customer_ref = UnicodeAttribute(null=True)
    intent_id = UnicodeAttribute(null=True)
    charge_id = UnicodeAttribute(null=True)
    reference = UnicodeAttribute(null=True)
    recorded_by = UnicodeAttribute(null=True)  # who confirmed an offline payment
    failure = UnicodeAttribute(null=True)
    dispute = DocumentAttribute(null=True)
    # Stripe's `created` of the newest event applied to each part of the payment: an older event
    # of the same kind would overwrite newer state, and is ignored.
    intent_event_at = NumberAttribute(default=0)
    refund_event_at = NumberAttribute(default=0)
    dispute_event_at = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    paid_at = UTCDateTimeAttribute(null=True)
    version = NumberAttribute(default=0)

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        payment_id: str,
        order_id: str,
        amount: Money,
        provider: Provider,
        methods: list[Method],
        customer_ref: str | None,
        at: datetime,
    ) -> PaymentItem:
        return cls(
            _payment_pk(tenant_id, payment_id),
            "PAYMENT",
            gsi1pk=_all_payments(tenant_id),
            gsi1sk=payment_id,
            gsi2pk=_order_payments(tenant_id, order_id),
            gsi2sk=payment_id,
            payment_id=payment_id,
            tenant_id=tenant_id,
            order_id=order_id,
            currency=amount.currency,
            amount=amount.amount,
            status=PaymentStatus.PENDING.value,
            provider=provider.value,
            methods={m.value for m in methods},
            customer_ref=customer_ref,
            created_at=at,
            updated_at=at,
        )

    def money(self, minor_units: int) -> Money:
        return Money(amount=int(minor_units), currency=self.currency)

    @property
    def total(self) -> Money:
        return self.money(int(self.amount))

    @property
    def refunded_total(self) -> Money:
        return self.money(int(self.refunded))

    @property
    def current_status(self) -> PaymentStatus:
        return PaymentStatus(self.status)

    @property
    def refundable(self) -> Money:
        """What may still be refunded: paid, less every refund already asked for."""
        return self.money(max(0, int(self.amount) - int(self.refund_reserved)))

    def view(self) -> Payment:
        return Payment(
            id=self.payment_id,
            order_id=self.order_id,
            amount=self.total,
            refunded=self.refunded_total,
            refundable=self.refundable if self.current_status in PAID else self.money(0),
            status=self.current_status,
            provider=Provider(self.provider),
            methods=sorted(Method(m) for m in self.methods),
            method=Method(self.method) if self.method else None,
            customer_ref=self.customer_ref,
            intent_id=self.intent_id,
            reference=self.reference,
            failure=self.failure,
            dispute=Dispute.model_validate(self.dispute) if self.dispute else None,
            created_at=self.created_at,
            updated_at=self.updated_at,
            paid_at=self.paid_at,
        )


class RefundItem(TableItem, discriminator="refund"):
    refund_id = UnicodeAttribute()
    payment_id = UnicodeAttribute()
    tenant_id = UnicodeAttribute()
    order_id = UnicodeAttribute()
    currency = UnicodeAttribute()
    amount = NumberAttribute()
    reason = UnicodeAttribute()
    status = UnicodeAttribute()
    stripe_refund_id = UnicodeAttribute(null=True)
    failure = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def new(
        cls, *, payment: PaymentItem, refund_id: str, amount: Money, reason: str, status: RefundStatus, at: datetime
    ) -> RefundItem:
        return cls(
            payment.pk,
            f"REFUND#{refund_id}",
            refund_id=refund_id,
            payment_id=payment.payment_id,
            tenant_id=payment.tenant_id,
            order_id=payment.order_id,
            currency=amount.currency,
            amount=amount.amount,
            reason=reason,
            status=status.value,
            created_at=at,
            updated_at=at,
        )

    @property
    def money(self) -> Money:
        return Money(amount=int(self.amount), currency=self.currency)

    @property
    def current_status(self) -> RefundStatus:
        return RefundStatus(self.status)

    def view(self) -> Refund:
        return Refund(
            id=self.refund_id,
            payment_id=self.payment_id,
            order_id=self.order_id,
            amount=self.money,
            reason=self.reason,
            status=self.current_status,
            stripe_refund_id=self.stripe_refund_id,
            failure=self.failure,
            created_at=self.created_at,
            updated_at=self.updated_at,
        )


class StripeEventSeen(TableItem, discriminator="stripe_event_seen"):
    event_type = UnicodeAttribute()
    payment_id = UnicodeAttribute()

    @classmethod
    def of(cls, tenant_id: str, event_id: str, *, event_type: str, payment_id: str, at: datetime) -> StripeEventSeen:
        return cls(
            tenant_key(tenant_id, "STRIPE_EVENT", event_id),
            "STRIPE_EVENT",
            event_type=event_type,
            payment_id=payment_id,
            expires_at=at + EVENT_MEMORY,
        )


class IntentPointer(TableItem, discriminator="stripe_intent"):
    tenant_id = UnicodeAttribute()
    payment_id = UnicodeAttribute()


def _pointer_key(intent_id: str) -> str:
    return platform_key("STRIPE", "PI", intent_id)


# --- writes ------------------------------------------------------------------------------


def point(intent_id: str, *, tenant_id: str, payment_id: str) -> None:
    """Remember whose intent this is (once; writing the same again is harmless)."""
    item = IntentPointer(_pointer_key(intent_id), "STRIPE_PI", tenant_id=tenant_id, payment_id=payment_id)
    same = (IntentPointer.tenant_id == tenant_id) & (IntentPointer.payment_id == payment_id)
    with isolation.acting_for(None):  # a platform key: the function's own role, never a tenant's
        try:
            item.save(condition=IntentPointer.pk.does_not_exist() | same)
        except PutError as exc:
            raise Conflict(f"intent {intent_id} already belongs to another payment") from exc


def save_changed(uow: UnitOfWork, item: PaymentItem) -> None:
    """Save a payment changed from what was read, if nobody changed it since (ConcurrentUpdate)."""
    read_at = item.version
    item.version = read_at + 1
    uow.save(
        item,
        condition=PaymentItem.version == read_at,
        conflict=ConcurrentUpdate("this payment was changed meanwhile; read it again"),
    )


def reserve_refund(uow: UnitOfWork, payment: PaymentItem, amount: Money, *, at: datetime, refused: Conflict) -> None:
    """Add `amount` to what is promised back, only while it still fits in what was paid."""
    uow.update(
        payment,
        [
            PaymentItem.refund_reserved.add(amount.amount),
            PaymentItem.version.add(1),
            PaymentItem.updated_at.set(at),
        ],
        condition=(PaymentItem.refund_reserved <= int(payment.amount) - amount.amount)
        & PaymentItem.status.is_in(PaymentStatus.SUCCEEDED.value, PaymentStatus.PARTIALLY_REFUNDED.value),
        conflict=refused,
    )


def release_refund(uow: UnitOfWork, payment: PaymentItem, amount: Money, *, at: datetime) -> None:
    """Give back a reservation whose refund was refused."""
    actions: list[Action] = [
        PaymentItem.refund_reserved.add(-amount.amount),
        PaymentItem.version.add(1),
        PaymentItem.updated_at.set(at),
    ]
    uow.update(payment, actions, condition=PaymentItem.refund_reserved >= amount.amount)


# --- reads -------------------------------------------------------------------------------


def payment(tenant_id: str, payment_id: str) -> PaymentItem | None:
    return PaymentItem.find(_payment_pk(tenant_id, payment_id), "PAYMENT")


def payment_and_event(tenant_id: str, payment_id: str, event_id: str) -> tuple[PaymentItem | None, bool]:
    """A payment, and whether a Stripe event was already applied, in one request."""
    with TransactGet(connection=connection()) as tx:
        item = tx.get(PaymentItem, _payment_pk(tenant_id, payment_id), "PAYMENT")
        seen = tx.get(StripeEventSeen, tenant_key(tenant_id, "STRIPE_EVENT", event_id), "STRIPE_EVENT")
    return found(item), found(seen) is not None


def refund(tenant_id: str, payment_id: str, refund_id: str) -> RefundItem | None:
    return RefundItem.find(_payment_pk(tenant_id, payment_id), f"REFUND#{refund_id}")


def refunds(tenant_id: str, payment_id: str) -> list[RefundItem]:
    """A payment's refunds, oldest first (a payment has few: they are bounded by its amount)."""
    return list(RefundItem.query(_payment_pk(tenant_id, payment_id), RefundItem.sk.startswith("REFUND#")))


def claim_owner(tenant_id: str, kind: str, value: str) -> str | None:
    """Who holds a uniqueness claim (the payment or refund a key or reference was used for)."""
    try:
        return str(Uniqueness.get(owner_key(tenant_id, "UNIQUE", kind, value.lower()), "UNIQUE").owner)
    except Uniqueness.DoesNotExist:
        return None


def intent_owner(intent_id: str) -> tuple[str, str] | None:
    """(tenant, payment) of a PaymentIntent the platform created, or None."""
    with isolation.acting_for(None):  # a platform key: the function's own role, never a tenant's
        try:
            found = IntentPointer.get(_pointer_key(intent_id), "STRIPE_PI")
        except IntentPointer.DoesNotExist:
            return None
    return str(found.tenant_id), str(found.payment_id)


def payments(
    tenant_id: str, *, order_id: str | None, status: PaymentStatus | None, cursor: str | None, limit: int
) -> Page[Payment]:
    """The tenant's payments (GSI1), or one order's (GSI2), newest first; status narrows with a filter."""
    condition: Condition | None = PaymentItem.status == status.value if status else None
    if order_id:
        partition = _order_payments(tenant_id, order_id)
        results = PaymentItem.by_gsi2.query(
            partition,
            filter_condition=condition,
            scan_index_forward=False,
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, partition=("GSI2PK", partition), query=status),
        )
    else:
        partition = _all_payments(tenant_id)
        results = PaymentItem.by_gsi1.query(
            partition,
            filter_condition=condition,
            scan_index_forward=False,
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition), query=status),
        )
    return page_of(results, PaymentItem.view, query=status)  # type: ignore[arg-type]
