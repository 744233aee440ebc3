from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CheckoutStarted")


@_attrs_define
class CheckoutStarted:
    """
    Attributes:
        checkout_id (str):
        customer_id (str):
        url (str): send the owner here to pay (Stripe's page)
    """

    checkout_id: str
    customer_id: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkout_id = self.checkout_id

        customer_id = self.customer_id

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkout_id": checkout_id,
                "customer_id": customer_id,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        checkout_id = d.pop("checkout_id")

        customer_id = d.pop("customer_id")

        url = d.pop("url")

        checkout_started = cls(
            checkout_id=checkout_id,
            customer_id=customer_id,
            url=url,
        )

        checkout_started.additional_properties = d
        return checkout_started

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
