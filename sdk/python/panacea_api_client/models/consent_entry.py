from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentEntry")


@_attrs_define
class ConsentEntry:
    """
    Attributes:
        at (datetime.datetime):
        by (str): who recorded it: the member, or a member of staff
        given (bool): true: consent given; false: withdrawn
        source (str):
        wording (None | str | Unset):
    """

    at: datetime.datetime
    by: str
    given: bool
    source: str
    wording: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        by = self.by

        given = self.given

        source = self.source

        wording: None | str | Unset
        if isinstance(self.wording, Unset):
            wording = UNSET
        else:
            wording = self.wording

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "by": by,
                "given": given,
                "source": source,
            }
        )
        if wording is not UNSET:
            field_dict["wording"] = wording

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        by = d.pop("by")

        given = d.pop("given")

        source = d.pop("source")

        def _parse_wording(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wording = _parse_wording(d.pop("wording", UNSET))

        consent_entry = cls(
            at=at,
            by=by,
            given=given,
            source=source,
            wording=wording,
        )

        consent_entry.additional_properties = d
        return consent_entry

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
