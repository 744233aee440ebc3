from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent_source import ConsentSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentGiven")


@_attrs_define
class ConsentGiven:
    """
    Attributes:
        source (ConsentSource | Unset):
        wording (None | str | Unset):
    """

    source: ConsentSource | Unset = UNSET
    wording: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        wording: None | str | Unset
        if isinstance(self.wording, Unset):
            wording = UNSET
        else:
            wording = self.wording

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source is not UNSET:
            field_dict["source"] = source
        if wording is not UNSET:
            field_dict["wording"] = wording

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _source = d.pop("source", UNSET)
        source: ConsentSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = ConsentSource(_source)

        def _parse_wording(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wording = _parse_wording(d.pop("wording", UNSET))

        consent_given = cls(
            source=source,
            wording=wording,
        )

        consent_given.additional_properties = d
        return consent_given

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
