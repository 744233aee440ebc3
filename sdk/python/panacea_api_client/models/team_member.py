from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bound_by import BoundBy
from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamMember")


@_attrs_define
class TeamMember:
    """
    Attributes:
        bound_at (datetime.datetime):
        how (BoundBy): How a member came to be bound to their referrer: the evidence's `how`.
        level (int): 1: bound to you; 2: bound to someone bound to you; …
        member_id (str):
        referrer_id (str):
        until (datetime.datetime | None | Unset):
    """

    bound_at: datetime.datetime
    how: BoundBy
    level: int
    member_id: str
    referrer_id: str
    until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bound_at = self.bound_at.isoformat()

        how = self.how.value

        level = self.level

        member_id = self.member_id

        referrer_id = self.referrer_id

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bound_at": bound_at,
                "how": how,
                "level": level,
                "member_id": member_id,
                "referrer_id": referrer_id,
            }
        )
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bound_at = datetime.datetime.fromisoformat(d.pop("bound_at"))

        how = BoundBy(d.pop("how"))

        level = d.pop("level")

        member_id = d.pop("member_id")

        referrer_id = d.pop("referrer_id")

        def _parse_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        team_member = cls(
            bound_at=bound_at,
            how=how,
            level=level,
            member_id=member_id,
            referrer_id=referrer_id,
            until=until,
        )

        team_member.additional_properties = d
        return team_member

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
