from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CouponCodeState")


@_attrs_define
class CouponCodeState:
    """
    Attributes:
        batch_id (None | str):
        code (str):
        issued_at (datetime.datetime):
        single_use (bool):
        used_at (datetime.datetime | None | Unset):
        used_by_member (None | str | Unset):
        used_by_order (None | str | Unset):
    """

    batch_id: None | str
    code: str
    issued_at: datetime.datetime
    single_use: bool
    used_at: datetime.datetime | None | Unset = UNSET
    used_by_member: None | str | Unset = UNSET
    used_by_order: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id: None | str
        batch_id = self.batch_id

        code = self.code

        issued_at = self.issued_at.isoformat()

        single_use = self.single_use

        used_at: None | str | Unset
        if isinstance(self.used_at, Unset):
            used_at = UNSET
        elif isinstance(self.used_at, datetime.datetime):
            used_at = self.used_at.isoformat()
        else:
            used_at = self.used_at

        used_by_member: None | str | Unset
        if isinstance(self.used_by_member, Unset):
            used_by_member = UNSET
        else:
            used_by_member = self.used_by_member

        used_by_order: None | str | Unset
        if isinstance(self.used_by_order, Unset):
            used_by_order = UNSET
        else:
            used_by_order = self.used_by_order

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "code": code,
                "issued_at": issued_at,
                "single_use": single_use,
            }
        )
        if used_at is not UNSET:
            field_dict["used_at"] = used_at
        if used_by_member is not UNSET:
            field_dict["used_by_member"] = used_by_member
        if used_by_order is not UNSET:
            field_dict["used_by_order"] = used_by_order

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_batch_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        batch_id = _parse_batch_id(d.pop("batch_id"))

        code = d.pop("code")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        single_use = d.pop("single_use")

        def _parse_used_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                used_at_type_0 = datetime.datetime.fromisoformat(data)

                return used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        used_at = _parse_used_at(d.pop("used_at", UNSET))

        def _parse_used_by_member(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        used_by_member = _parse_used_by_member(d.pop("used_by_member", UNSET))

        def _parse_used_by_order(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        used_by_order = _parse_used_by_order(d.pop("used_by_order", UNSET))

        coupon_code_state = cls(
            batch_id=batch_id,
            code=code,
            issued_at=issued_at,
            single_use=single_use,
            used_at=used_at,
            used_by_member=used_by_member,
            used_by_order=used_by_order,
        )

        coupon_code_state.additional_properties = d
        return coupon_code_state

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
