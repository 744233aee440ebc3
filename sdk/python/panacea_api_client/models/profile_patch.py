from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.group_patch import GroupPatch
    from ..models.individual_patch import IndividualPatch


T = TypeVar("T", bound="ProfilePatch")


@_attrs_define
class ProfilePatch:
    """A merge patch of your own profile: only the fields sent change, `null` clears one.

    Attributes:
        group (GroupPatch | None | Unset):
        individual (IndividualPatch | None | Unset):
        name (None | str | Unset):
    """

    group: GroupPatch | None | Unset = UNSET
    individual: IndividualPatch | None | Unset = UNSET
    name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.group_patch import GroupPatch
        from ..models.individual_patch import IndividualPatch

        group: dict[str, Any] | None | Unset
        if isinstance(self.group, Unset):
            group = UNSET
        elif isinstance(self.group, GroupPatch):
            group = self.group.to_dict()
        else:
            group = self.group

        individual: dict[str, Any] | None | Unset
        if isinstance(self.individual, Unset):
            individual = UNSET
        elif isinstance(self.individual, IndividualPatch):
            individual = self.individual.to_dict()
        else:
            individual = self.individual

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if group is not UNSET:
            field_dict["group"] = group
        if individual is not UNSET:
            field_dict["individual"] = individual
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.group_patch import GroupPatch
        from ..models.individual_patch import IndividualPatch

        d = dict(src_dict)

        def _parse_group(data: object) -> GroupPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                group_type_0 = GroupPatch.from_dict(data)

                return group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GroupPatch | None | Unset, data)

        group = _parse_group(d.pop("group", UNSET))

        def _parse_individual(data: object) -> IndividualPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                individual_type_0 = IndividualPatch.from_dict(data)

                return individual_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IndividualPatch | None | Unset, data)

        individual = _parse_individual(d.pop("individual", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        profile_patch = cls(
            group=group,
            individual=individual,
            name=name,
        )

        return profile_patch
