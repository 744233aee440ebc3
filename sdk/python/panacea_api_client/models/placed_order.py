from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order import Order


T = TypeVar("T", bound="PlacedOrder")


@_attrs_define
class PlacedOrder:
    """What checkout answers: the order, and what the member's app needs to pay for it.

    Attributes:
        order (Order): An order as its member and the tenant's staff see it.
        client_secret (None | str | Unset): Stripe's client secret for Stripe.js; absent for offline methods or if not
            started
        payment_error (None | str | Unset): why payment could not start now; retry with POST
            /v1/orders/{order_id}/payment
    """

    order: Order
    client_secret: None | str | Unset = UNSET
    payment_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order = self.order.to_dict()

        client_secret: None | str | Unset
        if isinstance(self.client_secret, Unset):
            client_secret = UNSET
        else:
            client_secret = self.client_secret

        payment_error: None | str | Unset
        if isinstance(self.payment_error, Unset):
            payment_error = UNSET
        else:
            payment_error = self.payment_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order": order,
            }
        )
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if payment_error is not UNSET:
            field_dict["payment_error"] = payment_error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.order import Order

        d = dict(src_dict)
        order = Order.from_dict(d.pop("order"))

        def _parse_client_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_secret = _parse_client_secret(d.pop("client_secret", UNSET))

        def _parse_payment_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_error = _parse_payment_error(d.pop("payment_error", UNSET))

        placed_order = cls(
            order=order,
            client_secret=client_secret,
            payment_error=payment_error,
        )

        placed_order.additional_properties = d
        return placed_order

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
