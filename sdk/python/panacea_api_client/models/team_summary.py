from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.level_summary import LevelSummary


T = TypeVar("T", bound="TeamSummary")


@_attrs_define
class TeamSummary:
    """
    Attributes:
        complete (bool): false: the team is larger than a summary reads; counts stop there
        distributor_id (str):
        levels (list[LevelSummary]):
    """

    complete: bool
    distributor_id: str
    levels: list[LevelSummary]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        complete = self.complete

        distributor_id = self.distributor_id

        levels = []
        for levels_item_data in self.levels:
            levels_item = levels_item_data.to_dict()
            levels.append(levels_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "complete": complete,
                "distributor_id": distributor_id,
                "levels": levels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.level_summary import LevelSummary

        d = dict(src_dict)
        complete = d.pop("complete")

        distributor_id = d.pop("distributor_id")

        levels = []
        _levels = d.pop("levels")
        for levels_item_data in _levels:
            levels_item = LevelSummary.from_dict(levels_item_data)

            levels.append(levels_item)

        team_summary = cls(
            complete=complete,
            distributor_id=distributor_id,
            levels=levels,
        )

        team_summary.additional_properties = d
        return team_summary

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
