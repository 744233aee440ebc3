from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stripe_event_data_previous_attributes_type_0 import (
        StripeEventDataPreviousAttributesType0,
    )
    from ..models.stripe_object import StripeObject


T = TypeVar("T", bound="StripeEventData")


@_attrs_define
class StripeEventData:
    """
    Attributes:
        object_ (StripeObject): The object an event is about, as Stripe sends it: a PaymentIntent for
            `payment_intent.*`, a
            Charge for `charge.refunded`, a Dispute for `charge.dispute.created`. It carries more fields than
            these, which are the ones payments reads; amounts are in Stripe's units.
        previous_attributes (None | StripeEventDataPreviousAttributesType0 | Unset): what an update changed
    """

    object_: StripeObject
    previous_attributes: None | StripeEventDataPreviousAttributesType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stripe_event_data_previous_attributes_type_0 import (
            StripeEventDataPreviousAttributesType0,
        )

        object_ = self.object_.to_dict()

        previous_attributes: dict[str, Any] | None | Unset
        if isinstance(self.previous_attributes, Unset):
            previous_attributes = UNSET
        elif isinstance(
            self.previous_attributes, StripeEventDataPreviousAttributesType0
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
        from ..models.stripe_event_data_previous_attributes_type_0 import (
            StripeEventDataPreviousAttributesType0,
        )
        from ..models.stripe_object import StripeObject

        d = dict(src_dict)
        object_ = StripeObject.from_dict(d.pop("object"))

        def _parse_previous_attributes(
            data: object,
        ) -> None | StripeEventDataPreviousAttributesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                previous_attributes_type_0 = (
                    StripeEventDataPreviousAttributesType0.from_dict(data)
                )

                return previous_attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StripeEventDataPreviousAttributesType0 | Unset, data)

        previous_attributes = _parse_previous_attributes(
            d.pop("previous_attributes", UNSET)
        )

        stripe_event_data = cls(
            object_=object_,
            previous_attributes=previous_attributes,
        )

        stripe_event_data.additional_properties = d
        return stripe_event_data

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
