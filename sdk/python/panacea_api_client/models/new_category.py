from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.dimension import Dimension
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewCategory")


@_attrs_define
class NewCategory:
    """
    Attributes:
        dimension (Dimension): The axes products are classified along; a category belongs to one of them.
        name (str):
        description (str | Unset):  Default: ''.
        position (int | Unset): order within its dimension, lowest first Default: 0.
    """

    dimension: Dimension
    name: str
    description: str | Unset = ""
    position: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        dimension = self.dimension.value

        name = self.name

        description = self.description

        position = self.position

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dimension": dimension,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dimension = Dimension(d.pop("dimension"))

        name = d.pop("name")

        description = d.pop("description", UNSET)

        position = d.pop("position", UNSET)

        new_category = cls(
            dimension=dimension,
            name=name,
            description=description,
            position=position,
        )

        return new_category
