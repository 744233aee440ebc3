from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quote_line import QuoteLine


T = TypeVar("T", bound="QuoteRequest")


@_attrs_define
class QuoteRequest:
    """A preview: the lines as the catalog priced them. Orders price again on the server.

    Attributes:
        lines (list[QuoteLine]):
        coupon_code (None | str | Unset):
        first_order (bool | Unset):  Default: False.
    """

    lines: list[QuoteLine]
    coupon_code: None | str | Unset = UNSET
    first_order: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        coupon_code: None | str | Unset
        if isinstance(self.coupon_code, Unset):
            coupon_code = UNSET
        else:
            coupon_code = self.coupon_code

        first_order = self.first_order

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )
        if coupon_code is not UNSET:
            field_dict["coupon_code"] = coupon_code
        if first_order is not UNSET:
            field_dict["first_order"] = first_order

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.quote_line import QuoteLine

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = QuoteLine.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_coupon_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code", UNSET))

        first_order = d.pop("first_order", UNSET)

        quote_request = cls(
            lines=lines,
            coupon_code=coupon_code,
            first_order=first_order,
        )

        return quote_request
