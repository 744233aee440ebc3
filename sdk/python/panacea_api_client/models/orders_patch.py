from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.online_payment_method import OnlinePaymentMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersPatch")


@_attrs_define
class OrdersPatch:
    """
    Attributes:
        auto_complete_days (int | None | Unset):
        cancel_window_minutes (int | None | Unset):
        offline_payment (bool | None | Unset):
        payment_methods (list[OnlinePaymentMethod] | None | Unset):
        payment_timeout_minutes (int | None | Unset):
    """

    auto_complete_days: int | None | Unset = UNSET
    cancel_window_minutes: int | None | Unset = UNSET
    offline_payment: bool | None | Unset = UNSET
    payment_methods: list[OnlinePaymentMethod] | None | Unset = UNSET
    payment_timeout_minutes: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        auto_complete_days: int | None | Unset
        if isinstance(self.auto_complete_days, Unset):
            auto_complete_days = UNSET
        else:
            auto_complete_days = self.auto_complete_days

        cancel_window_minutes: int | None | Unset
        if isinstance(self.cancel_window_minutes, Unset):
            cancel_window_minutes = UNSET
        else:
            cancel_window_minutes = self.cancel_window_minutes

        offline_payment: bool | None | Unset
        if isinstance(self.offline_payment, Unset):
            offline_payment = UNSET
        else:
            offline_payment = self.offline_payment

        payment_methods: list[str] | None | Unset
        if isinstance(self.payment_methods, Unset):
            payment_methods = UNSET
        elif isinstance(self.payment_methods, list):
            payment_methods = []
            for payment_methods_type_0_item_data in self.payment_methods:
                payment_methods_type_0_item = payment_methods_type_0_item_data.value
                payment_methods.append(payment_methods_type_0_item)

        else:
            payment_methods = self.payment_methods

        payment_timeout_minutes: int | None | Unset
        if isinstance(self.payment_timeout_minutes, Unset):
            payment_timeout_minutes = UNSET
        else:
            payment_timeout_minutes = self.payment_timeout_minutes

        field_dict: dict[str, Any] = {}

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

        def _parse_auto_complete_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        auto_complete_days = _parse_auto_complete_days(
            d.pop("auto_complete_days", UNSET)
        )

        def _parse_cancel_window_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cancel_window_minutes = _parse_cancel_window_minutes(
            d.pop("cancel_window_minutes", UNSET)
        )

        def _parse_offline_payment(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        offline_payment = _parse_offline_payment(d.pop("offline_payment", UNSET))

        def _parse_payment_methods(
            data: object,
        ) -> list[OnlinePaymentMethod] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                payment_methods_type_0 = []
                _payment_methods_type_0 = data
                for payment_methods_type_0_item_data in _payment_methods_type_0:
                    payment_methods_type_0_item = OnlinePaymentMethod(
                        payment_methods_type_0_item_data
                    )

                    payment_methods_type_0.append(payment_methods_type_0_item)

                return payment_methods_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OnlinePaymentMethod] | None | Unset, data)

        payment_methods = _parse_payment_methods(d.pop("payment_methods", UNSET))

        def _parse_payment_timeout_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        payment_timeout_minutes = _parse_payment_timeout_minutes(
            d.pop("payment_timeout_minutes", UNSET)
        )

        orders_patch = cls(
            auto_complete_days=auto_complete_days,
            cancel_window_minutes=cancel_window_minutes,
            offline_payment=offline_payment,
            payment_methods=payment_methods,
            payment_timeout_minutes=payment_timeout_minutes,
        )

        return orders_patch
