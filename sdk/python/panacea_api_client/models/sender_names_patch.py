from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SenderNamesPatch")


@_attrs_define
class SenderNamesPatch:
    """
    Attributes:
        email (None | str | Unset):
        sms (None | str | Unset):
        whatsapp (None | str | Unset):
    """

    email: None | str | Unset = UNSET
    sms: None | str | Unset = UNSET
    whatsapp: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        sms: None | str | Unset
        if isinstance(self.sms, Unset):
            sms = UNSET
        else:
            sms = self.sms

        whatsapp: None | str | Unset
        if isinstance(self.whatsapp, Unset):
            whatsapp = UNSET
        else:
            whatsapp = self.whatsapp

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if sms is not UNSET:
            field_dict["sms"] = sms
        if whatsapp is not UNSET:
            field_dict["whatsapp"] = whatsapp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_sms(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sms = _parse_sms(d.pop("sms", UNSET))

        def _parse_whatsapp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        whatsapp = _parse_whatsapp(d.pop("whatsapp", UNSET))

        sender_names_patch = cls(
            email=email,
            sms=sms,
            whatsapp=whatsapp,
        )

        return sender_names_patch
