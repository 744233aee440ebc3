from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sender_names_patch import SenderNamesPatch


T = TypeVar("T", bound="BrandingPatch")


@_attrs_define
class BrandingPatch:
    """
    Attributes:
        accent_colour (None | str | Unset):
        display_name (None | str | Unset):
        logo_key (None | str | Unset):
        primary_colour (None | str | Unset):
        sender_names (None | SenderNamesPatch | Unset):
    """

    accent_colour: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    logo_key: None | str | Unset = UNSET
    primary_colour: None | str | Unset = UNSET
    sender_names: None | SenderNamesPatch | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.sender_names_patch import SenderNamesPatch

        accent_colour: None | str | Unset
        if isinstance(self.accent_colour, Unset):
            accent_colour = UNSET
        else:
            accent_colour = self.accent_colour

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        logo_key: None | str | Unset
        if isinstance(self.logo_key, Unset):
            logo_key = UNSET
        else:
            logo_key = self.logo_key

        primary_colour: None | str | Unset
        if isinstance(self.primary_colour, Unset):
            primary_colour = UNSET
        else:
            primary_colour = self.primary_colour

        sender_names: dict[str, Any] | None | Unset
        if isinstance(self.sender_names, Unset):
            sender_names = UNSET
        elif isinstance(self.sender_names, SenderNamesPatch):
            sender_names = self.sender_names.to_dict()
        else:
            sender_names = self.sender_names

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if accent_colour is not UNSET:
            field_dict["accent_colour"] = accent_colour
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if logo_key is not UNSET:
            field_dict["logo_key"] = logo_key
        if primary_colour is not UNSET:
            field_dict["primary_colour"] = primary_colour
        if sender_names is not UNSET:
            field_dict["sender_names"] = sender_names

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sender_names_patch import SenderNamesPatch

        d = dict(src_dict)

        def _parse_accent_colour(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accent_colour = _parse_accent_colour(d.pop("accent_colour", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_logo_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_key = _parse_logo_key(d.pop("logo_key", UNSET))

        def _parse_primary_colour(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        primary_colour = _parse_primary_colour(d.pop("primary_colour", UNSET))

        def _parse_sender_names(data: object) -> None | SenderNamesPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sender_names_type_0 = SenderNamesPatch.from_dict(data)

                return sender_names_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SenderNamesPatch | Unset, data)

        sender_names = _parse_sender_names(d.pop("sender_names", UNSET))

        branding_patch = cls(
            accent_colour=accent_colour,
            display_name=display_name,
            logo_key=logo_key,
            primary_colour=primary_colour,
            sender_names=sender_names,
        )

        return branding_patch
