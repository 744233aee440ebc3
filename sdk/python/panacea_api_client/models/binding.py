from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bound_by import BoundBy
from ..types import UNSET, Unset

T = TypeVar("T", bound="Binding")


@_attrs_define
class Binding:
    """A member's referrer and the evidence of how they were bound (none: unbound).

    Attributes:
        active (bool): bound now: a referrer, and not lapsed
        member_id (str):
        referrer_id (None | str): none: unbound
        bound_at (datetime.datetime | None | Unset):
        code (None | str | Unset): the referral code used
        how (BoundBy | None | Unset):
        rule_version (None | str | Unset): fingerprint of the tenant's rules it was made under
        until (datetime.datetime | None | Unset): when the binding lapses; none: it does not
    """

    active: bool
    member_id: str
    referrer_id: None | str
    bound_at: datetime.datetime | None | Unset = UNSET
    code: None | str | Unset = UNSET
    how: BoundBy | None | Unset = UNSET
    rule_version: None | str | Unset = UNSET
    until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        member_id = self.member_id

        referrer_id: None | str
        referrer_id = self.referrer_id

        bound_at: None | str | Unset
        if isinstance(self.bound_at, Unset):
            bound_at = UNSET
        elif isinstance(self.bound_at, datetime.datetime):
            bound_at = self.bound_at.isoformat()
        else:
            bound_at = self.bound_at

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        how: None | str | Unset
        if isinstance(self.how, Unset):
            how = UNSET
        elif isinstance(self.how, BoundBy):
            how = self.how.value
        else:
            how = self.how

        rule_version: None | str | Unset
        if isinstance(self.rule_version, Unset):
            rule_version = UNSET
        else:
            rule_version = self.rule_version

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
                "active": active,
                "member_id": member_id,
                "referrer_id": referrer_id,
            }
        )
        if bound_at is not UNSET:
            field_dict["bound_at"] = bound_at
        if code is not UNSET:
            field_dict["code"] = code
        if how is not UNSET:
            field_dict["how"] = how
        if rule_version is not UNSET:
            field_dict["rule_version"] = rule_version
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active = d.pop("active")

        member_id = d.pop("member_id")

        def _parse_referrer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referrer_id = _parse_referrer_id(d.pop("referrer_id"))

        def _parse_bound_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bound_at_type_0 = datetime.datetime.fromisoformat(data)

                return bound_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        bound_at = _parse_bound_at(d.pop("bound_at", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_how(data: object) -> BoundBy | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                how_type_0 = BoundBy(data)

                return how_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BoundBy | None | Unset, data)

        how = _parse_how(d.pop("how", UNSET))

        def _parse_rule_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rule_version = _parse_rule_version(d.pop("rule_version", UNSET))

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

        binding = cls(
            active=active,
            member_id=member_id,
            referrer_id=referrer_id,
            bound_at=bound_at,
            code=code,
            how=how,
            rule_version=rule_version,
            until=until,
        )

        binding.additional_properties = d
        return binding

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
