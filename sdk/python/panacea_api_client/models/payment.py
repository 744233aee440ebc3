from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.method import Method
from ..models.payment_status import PaymentStatus
from ..models.provider import Provider
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dispute import Dispute
    from ..models.money import Money


T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """One payment of an order: online (a Stripe PaymentIntent) or offline (confirmed by finance).

    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        created_at (datetime.datetime):
        id (str):
        methods (list[Method]): the methods the member may pay with
        order_id (str):
        provider (Provider):
        refundable (Money): An amount in minor units (pence, fen, cents) of one currency.
        refunded (Money): An amount in minor units (pence, fen, cents) of one currency.
        status (PaymentStatus):
        updated_at (datetime.datetime):
        customer_ref (None | str | Unset): who pays: the member's user id at the tenant
        dispute (Dispute | None | Unset):
        failure (None | str | Unset): why the last attempt failed: Stripe's code and message
        intent_id (None | str | Unset): the Stripe PaymentIntent (online payments)
        method (Method | None | Unset): the method the member paid with, once paid
        paid_at (datetime.datetime | None | Unset):
        reference (None | str | Unset): the offline payment's reference
    """

    amount: Money
    created_at: datetime.datetime
    id: str
    methods: list[Method]
    order_id: str
    provider: Provider
    refundable: Money
    refunded: Money
    status: PaymentStatus
    updated_at: datetime.datetime
    customer_ref: None | str | Unset = UNSET
    dispute: Dispute | None | Unset = UNSET
    failure: None | str | Unset = UNSET
    intent_id: None | str | Unset = UNSET
    method: Method | None | Unset = UNSET
    paid_at: datetime.datetime | None | Unset = UNSET
    reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dispute import Dispute

        amount = self.amount.to_dict()

        created_at = self.created_at.isoformat()

        id = self.id

        methods = []
        for methods_item_data in self.methods:
            methods_item = methods_item_data.value
            methods.append(methods_item)

        order_id = self.order_id

        provider = self.provider.value

        refundable = self.refundable.to_dict()

        refunded = self.refunded.to_dict()

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        customer_ref: None | str | Unset
        if isinstance(self.customer_ref, Unset):
            customer_ref = UNSET
        else:
            customer_ref = self.customer_ref

        dispute: dict[str, Any] | None | Unset
        if isinstance(self.dispute, Unset):
            dispute = UNSET
        elif isinstance(self.dispute, Dispute):
            dispute = self.dispute.to_dict()
        else:
            dispute = self.dispute

        failure: None | str | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        else:
            failure = self.failure

        intent_id: None | str | Unset
        if isinstance(self.intent_id, Unset):
            intent_id = UNSET
        else:
            intent_id = self.intent_id

        method: None | str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        elif isinstance(self.method, Method):
            method = self.method.value
        else:
            method = self.method

        paid_at: None | str | Unset
        if isinstance(self.paid_at, Unset):
            paid_at = UNSET
        elif isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "id": id,
                "methods": methods,
                "order_id": order_id,
                "provider": provider,
                "refundable": refundable,
                "refunded": refunded,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if customer_ref is not UNSET:
            field_dict["customer_ref"] = customer_ref
        if dispute is not UNSET:
            field_dict["dispute"] = dispute
        if failure is not UNSET:
            field_dict["failure"] = failure
        if intent_id is not UNSET:
            field_dict["intent_id"] = intent_id
        if method is not UNSET:
            field_dict["method"] = method
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dispute import Dispute
        from ..models.money import Money

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        methods = []
        _methods = d.pop("methods")
        for methods_item_data in _methods:
            methods_item = Method(methods_item_data)

            methods.append(methods_item)

        order_id = d.pop("order_id")

        provider = Provider(d.pop("provider"))

        refundable = Money.from_dict(d.pop("refundable"))

        refunded = Money.from_dict(d.pop("refunded"))

        status = PaymentStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_customer_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_ref = _parse_customer_ref(d.pop("customer_ref", UNSET))

        def _parse_dispute(data: object) -> Dispute | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dispute_type_0 = Dispute.from_dict(data)

                return dispute_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Dispute | None | Unset, data)

        dispute = _parse_dispute(d.pop("dispute", UNSET))

        def _parse_failure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        def _parse_intent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        intent_id = _parse_intent_id(d.pop("intent_id", UNSET))

        def _parse_method(data: object) -> Method | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                method_type_0 = Method(data)

                return method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Method | None | Unset, data)

        method = _parse_method(d.pop("method", UNSET))

        def _parse_paid_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        paid_at = _parse_paid_at(d.pop("paid_at", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        payment = cls(
            amount=amount,
            created_at=created_at,
            id=id,
            methods=methods,
            order_id=order_id,
            provider=provider,
            refundable=refundable,
            refunded=refunded,
            status=status,
            updated_at=updated_at,
            customer_ref=customer_ref,
            dispute=dispute,
            failure=failure,
            intent_id=intent_id,
            method=method,
            paid_at=paid_at,
            reference=reference,
        )

        payment.additional_properties = d
        return payment

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
