from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupPatch")


@_attrs_define
class GroupPatch:
    """
    Attributes:
        company_name (None | str | Unset):
        contact_email (None | str | Unset):
        contact_name (None | str | Unset):
        contact_phone (None | str | Unset):
        nature (None | str | Unset):
    """

    company_name: None | str | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    contact_name: None | str | Unset = UNSET
    contact_phone: None | str | Unset = UNSET
    nature: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        company_name: None | str | Unset
        if isinstance(self.company_name, Unset):
            company_name = UNSET
        else:
            company_name = self.company_name

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        contact_name: None | str | Unset
        if isinstance(self.contact_name, Unset):
            contact_name = UNSET
        else:
            contact_name = self.contact_name

        contact_phone: None | str | Unset
        if isinstance(self.contact_phone, Unset):
            contact_phone = UNSET
        else:
            contact_phone = self.contact_phone

        nature: None | str | Unset
        if isinstance(self.nature, Unset):
            nature = UNSET
        else:
            nature = self.nature

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if contact_phone is not UNSET:
            field_dict["contact_phone"] = contact_phone
        if nature is not UNSET:
            field_dict["nature"] = nature

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_company_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_name = _parse_company_name(d.pop("company_name", UNSET))

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        def _parse_contact_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_name = _parse_contact_name(d.pop("contact_name", UNSET))

        def _parse_contact_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone", UNSET))

        def _parse_nature(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nature = _parse_nature(d.pop("nature", UNSET))

        group_patch = cls(
            company_name=company_name,
            contact_email=contact_email,
            contact_name=contact_name,
            contact_phone=contact_phone,
            nature=nature,
        )

        return group_patch
