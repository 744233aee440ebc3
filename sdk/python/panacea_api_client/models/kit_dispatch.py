from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KitDispatch")


@_attrs_define
class KitDispatch:
    """
    Attributes:
        barcode (str):
        carrier (str):
        lab_id (str): the lab that will test the sample
        line_no (int):
        order_id (str):
        tracking_number (str):
    """

    barcode: str
    carrier: str
    lab_id: str
    line_no: int
    order_id: str
    tracking_number: str

    def to_dict(self) -> dict[str, Any]:
        barcode = self.barcode

        carrier = self.carrier

        lab_id = self.lab_id

        line_no = self.line_no

        order_id = self.order_id

        tracking_number = self.tracking_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "barcode": barcode,
                "carrier": carrier,
                "lab_id": lab_id,
                "line_no": line_no,
                "order_id": order_id,
                "tracking_number": tracking_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        barcode = d.pop("barcode")

        carrier = d.pop("carrier")

        lab_id = d.pop("lab_id")

        line_no = d.pop("line_no")

        order_id = d.pop("order_id")

        tracking_number = d.pop("tracking_number")

        kit_dispatch = cls(
            barcode=barcode,
            carrier=carrier,
            lab_id=lab_id,
            line_no=line_no,
            order_id=order_id,
            tracking_number=tracking_number,
        )

        return kit_dispatch
