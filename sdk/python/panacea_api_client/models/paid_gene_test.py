from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaidGeneTest")


@_attrs_define
class PaidGeneTest:
    """A gene test the member paid for, as logistics learnt it from `order.paid`.

    Attributes:
        line_no (int):
        order_id (str):
        product_id (str):
        sku_id (str):
        appointment_id (None | str | Unset): the appointment that holds it, if any
        refunded (bool | Unset):  Default: False.
    """

    line_no: int
    order_id: str
    product_id: str
    sku_id: str
    appointment_id: None | str | Unset = UNSET
    refunded: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line_no = self.line_no

        order_id = self.order_id

        product_id = self.product_id

        sku_id = self.sku_id

        appointment_id: None | str | Unset
        if isinstance(self.appointment_id, Unset):
            appointment_id = UNSET
        else:
            appointment_id = self.appointment_id

        refunded = self.refunded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line_no": line_no,
                "order_id": order_id,
                "product_id": product_id,
                "sku_id": sku_id,
            }
        )
        if appointment_id is not UNSET:
            field_dict["appointment_id"] = appointment_id
        if refunded is not UNSET:
            field_dict["refunded"] = refunded

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        line_no = d.pop("line_no")

        order_id = d.pop("order_id")

        product_id = d.pop("product_id")

        sku_id = d.pop("sku_id")

        def _parse_appointment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        appointment_id = _parse_appointment_id(d.pop("appointment_id", UNSET))

        refunded = d.pop("refunded", UNSET)

        paid_gene_test = cls(
            line_no=line_no,
            order_id=order_id,
            product_id=product_id,
            sku_id=sku_id,
            appointment_id=appointment_id,
            refunded=refunded,
        )

        paid_gene_test.additional_properties = d
        return paid_gene_test

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
