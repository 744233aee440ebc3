from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LabCall")


@_attrs_define
class LabCall:
    """One event the lab reports about a kit.

    Attributes:
        barcode (str):
        event_id (str):
        type_ (str): a LabEventType; others are acknowledged
        occurred_at (datetime.datetime | None | Unset):
        reason_code (None | str | Unset):
    """

    barcode: str
    event_id: str
    type_: str
    occurred_at: datetime.datetime | None | Unset = UNSET
    reason_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        barcode = self.barcode

        event_id = self.event_id

        type_ = self.type_

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "barcode": barcode,
                "event_id": event_id,
                "type": type_,
            }
        )
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        barcode = d.pop("barcode")

        event_id = d.pop("event_id")

        type_ = d.pop("type")

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

        lab_call = cls(
            barcode=barcode,
            event_id=event_id,
            type_=type_,
            occurred_at=occurred_at,
            reason_code=reason_code,
        )

        return lab_call
