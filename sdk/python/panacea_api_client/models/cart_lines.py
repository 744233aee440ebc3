from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.line_in import LineIn


T = TypeVar("T", bound="CartLines")


@_attrs_define
class CartLines:
    """The whole cart (a PUT replaces it).

    Attributes:
        lines (list[LineIn]):
    """

    lines: list[LineIn]

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.line_in import LineIn

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        cart_lines = cls(
            lines=lines,
        )

        return cart_lines
