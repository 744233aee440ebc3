from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dimension import Dimension

T = TypeVar("T", bound="Category")


@_attrs_define
class Category:
    """
    Attributes:
        created_at (datetime.datetime):
        description (str):
        dimension (Dimension): The axes products are classified along; a category belongs to one of them.
        id (str):
        name (str):
        position (int):
    """

    created_at: datetime.datetime
    description: str
    dimension: Dimension
    id: str
    name: str
    position: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        dimension = self.dimension.value

        id = self.id

        name = self.name

        position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "description": description,
                "dimension": dimension,
                "id": id,
                "name": name,
                "position": position,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        dimension = Dimension(d.pop("dimension"))

        id = d.pop("id")

        name = d.pop("name")

        position = d.pop("position")

        category = cls(
            created_at=created_at,
            description=description,
            dimension=dimension,
            id=id,
            name=name,
            position=position,
        )

        category.additional_properties = d
        return category

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
