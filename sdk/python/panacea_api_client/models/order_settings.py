from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.online_payment_method import OnlinePaymentMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderSettings")


@_attrs_define
class OrderSettings:
    """
    Attributes:
        auto_complete_days (int | Unset):  Default: 10.
        cancel_window_minutes (int | Unset):  Default: 60.
        offline_payment (bool | Unset):  Default: False.
        payment_methods (list[OnlinePaymentMethod] | Unset):
        payment_timeout_minutes (int | Unset):  Default: 30.
    """

    auto_complete_days: int | Unset = 10
    cancel_window_minutes: int | Unset = 60
    offline_payment: bool | Unset = False
    payment_methods: list[OnlinePaymentMethod] | Unset = UNSET
    payment_timeout_minutes: int | Unset = 30
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_complete_days = self.auto_complete_days

        cancel_window_minutes = self.cancel_window_minutes

        offline_payment = self.offline_payment

        payment_methods: list[str] | Unset = UNSET
        if not isinstance(self.payment_methods, Unset):
            payment_methods = []
            for payment_methods_item_data in self.payment_methods:
                payment_methods_item = payment_methods_item_data.value
                payment_methods.append(payment_methods_item)

        payment_timeout_minutes = self.payment_timeout_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auto_complete_days is not UNSET:
            field_dict["auto_complete_days"] = auto_complete_days
        if cancel_window_minutes is not UNSET:
            field_dict["cancel_window_minutes"] = cancel_window_minutes
        if offline_payment is not UNSET:
            field_dict["offline_payment"] = offline_payment
        if payment_methods is not UNSET:
            field_dict["payment_methods"] = payment_methods
        if payment_timeout_minutes is not UNSET:
            field_dict["payment_timeout_minutes"] = payment_timeout_minutes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        auto_complete_days = d.pop("auto_complete_days", UNSET)

        cancel_window_minutes = d.pop("cancel_window_minutes", UNSET)

        offline_payment = d.pop("offline_payment", UNSET)

        _payment_methods = d.pop("payment_methods", UNSET)
        payment_methods: list[OnlinePaymentMethod] | Unset = UNSET
        if _payment_methods is not UNSET:
            payment_methods = []
            for payment_methods_item_data in _payment_methods:
                payment_methods_item = OnlinePaymentMethod(payment_methods_item_data)

                payment_methods.append(payment_methods_item)

        payment_timeout_minutes = d.pop("payment_timeout_minutes", UNSET)

        order_settings = cls(
            auto_complete_days=auto_complete_days,
            cancel_window_minutes=cancel_window_minutes,
            offline_payment=offline_payment,
            payment_methods=payment_methods,
            payment_timeout_minutes=payment_timeout_minutes,
        )

        order_settings.additional_properties = d
        return order_settings

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
