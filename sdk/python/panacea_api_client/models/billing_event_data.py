from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_event_data_previous_attributes_type_0 import (
        BillingEventDataPreviousAttributesType0,
    )
    from ..models.billing_event_object import BillingEventObject


T = TypeVar("T", bound="BillingEventData")


@_attrs_define
class BillingEventData:
    """
    Attributes:
        object_ (BillingEventObject): The object an event is about (a Subscription, an Invoice, a Checkout Session, an
            active
            entitlement summary); billing reads only its `customer` and re-reads the rest from Stripe.
        previous_attributes (BillingEventDataPreviousAttributesType0 | None | Unset):
    """

    object_: BillingEventObject
    previous_attributes: BillingEventDataPreviousAttributesType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_event_data_previous_attributes_type_0 import (
            BillingEventDataPreviousAttributesType0,
        )

        object_ = self.object_.to_dict()

        previous_attributes: dict[str, Any] | None | Unset
        if isinstance(self.previous_attributes, Unset):
            previous_attributes = UNSET
        elif isinstance(
            self.previous_attributes, BillingEventDataPreviousAttributesType0
        ):
            previous_attributes = self.previous_attributes.to_dict()
        else:
            previous_attributes = self.previous_attributes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
            }
        )
        if previous_attributes is not UNSET:
            field_dict["previous_attributes"] = previous_attributes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_event_data_previous_attributes_type_0 import (
            BillingEventDataPreviousAttributesType0,
        )
        from ..models.billing_event_object import BillingEventObject

        d = dict(src_dict)
        object_ = BillingEventObject.from_dict(d.pop("object"))

        def _parse_previous_attributes(
            data: object,
        ) -> BillingEventDataPreviousAttributesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                previous_attributes_type_0 = (
                    BillingEventDataPreviousAttributesType0.from_dict(data)
                )

                return previous_attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingEventDataPreviousAttributesType0 | None | Unset, data)

        previous_attributes = _parse_previous_attributes(
            d.pop("previous_attributes", UNSET)
        )

        billing_event_data = cls(
            object_=object_,
            previous_attributes=previous_attributes,
        )

        billing_event_data.additional_properties = d
        return billing_event_data

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
