from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bound_by import BoundBy
from ..types import UNSET, Unset

T = TypeVar("T", bound="BindingChange")


@_attrs_define
class BindingChange:
    """One entry of a member's binding history.

    Attributes:
        at (datetime.datetime):
        by (str): the staff member, or `member` when the member's own code use bound them
        from_referrer (None | str):
        how (BoundBy | None):
        to_referrer (None | str):
        reason (None | str | Unset):
    """

    at: datetime.datetime
    by: str
    from_referrer: None | str
    how: BoundBy | None
    to_referrer: None | str
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        by = self.by

        from_referrer: None | str
        from_referrer = self.from_referrer

        how: None | str
        if isinstance(self.how, BoundBy):
            how = self.how.value
        else:
            how = self.how

        to_referrer: None | str
        to_referrer = self.to_referrer

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "by": by,
                "from_referrer": from_referrer,
                "how": how,
                "to_referrer": to_referrer,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        by = d.pop("by")

        def _parse_from_referrer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_referrer = _parse_from_referrer(d.pop("from_referrer"))

        def _parse_how(data: object) -> BoundBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                how_type_0 = BoundBy(data)

                return how_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BoundBy | None, data)

        how = _parse_how(d.pop("how"))

        def _parse_to_referrer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to_referrer = _parse_to_referrer(d.pop("to_referrer"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        binding_change = cls(
            at=at,
            by=by,
            from_referrer=from_referrer,
            how=how,
            to_referrer=to_referrer,
            reason=reason,
        )

        binding_change.additional_properties = d
        return binding_change

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
