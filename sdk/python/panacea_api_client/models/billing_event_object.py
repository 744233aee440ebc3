from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_event_object_customer_type_1 import (
        BillingEventObjectCustomerType1,
    )


T = TypeVar("T", bound="BillingEventObject")


@_attrs_define
class BillingEventObject:
    """The object an event is about (a Subscription, an Invoice, a Checkout Session, an active
    entitlement summary); billing reads only its `customer` and re-reads the rest from Stripe.

        Attributes:
            object_ (str): its kind
            customer (BillingEventObjectCustomerType1 | None | str | Unset): the Stripe Customer: who the tenant is
    """

    object_: str
    customer: BillingEventObjectCustomerType1 | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_event_object_customer_type_1 import (
            BillingEventObjectCustomerType1,
        )

        object_ = self.object_

        customer: dict[str, Any] | None | str | Unset
        if isinstance(self.customer, Unset):
            customer = UNSET
        elif isinstance(self.customer, BillingEventObjectCustomerType1):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
            }
        )
        if customer is not UNSET:
            field_dict["customer"] = customer

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_event_object_customer_type_1 import (
            BillingEventObjectCustomerType1,
        )

        d = dict(src_dict)
        object_ = d.pop("object")

        def _parse_customer(
            data: object,
        ) -> BillingEventObjectCustomerType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_1 = BillingEventObjectCustomerType1.from_dict(data)

                return customer_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingEventObjectCustomerType1 | None | str | Unset, data)

        customer = _parse_customer(d.pop("customer", UNSET))

        billing_event_object = cls(
            object_=object_,
            customer=customer,
        )

        billing_event_object.additional_properties = d
        return billing_event_object

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
