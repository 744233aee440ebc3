from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sender_names import SenderNames


T = TypeVar("T", bound="Branding")


@_attrs_define
class Branding:
    """
    Attributes:
        display_name (str):
        accent_colour (str | Unset):  Default: '#F2A541'.
        logo_key (None | str | Unset):
        primary_colour (str | Unset):  Default: '#0B6E4F'.
        sender_names (SenderNames | Unset): How messages from this tenant are signed on each channel.
    """

    display_name: str
    accent_colour: str | Unset = "#F2A541"
    logo_key: None | str | Unset = UNSET
    primary_colour: str | Unset = "#0B6E4F"
    sender_names: SenderNames | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        accent_colour = self.accent_colour

        logo_key: None | str | Unset
        if isinstance(self.logo_key, Unset):
            logo_key = UNSET
        else:
            logo_key = self.logo_key

        primary_colour = self.primary_colour

        sender_names: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sender_names, Unset):
            sender_names = self.sender_names.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "display_name": display_name,
            }
        )
        if accent_colour is not UNSET:
            field_dict["accent_colour"] = accent_colour
        if logo_key is not UNSET:
            field_dict["logo_key"] = logo_key
        if primary_colour is not UNSET:
            field_dict["primary_colour"] = primary_colour
        if sender_names is not UNSET:
            field_dict["sender_names"] = sender_names

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sender_names import SenderNames

        d = dict(src_dict)
        display_name = d.pop("display_name")

        accent_colour = d.pop("accent_colour", UNSET)

        def _parse_logo_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_key = _parse_logo_key(d.pop("logo_key", UNSET))

        primary_colour = d.pop("primary_colour", UNSET)

        _sender_names = d.pop("sender_names", UNSET)
        sender_names: SenderNames | Unset
        if isinstance(_sender_names, Unset):
            sender_names = UNSET
        else:
            sender_names = SenderNames.from_dict(_sender_names)

        branding = cls(
            display_name=display_name,
            accent_colour=accent_colour,
            logo_key=logo_key,
            primary_colour=primary_colour,
            sender_names=sender_names,
        )

        branding.additional_properties = d
        return branding

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
