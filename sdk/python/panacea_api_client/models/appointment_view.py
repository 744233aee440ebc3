from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appointment_state import AppointmentState
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentView")


@_attrs_define
class AppointmentView:
    """
    Attributes:
        created_at (datetime.datetime):
        ends_at (datetime.datetime):
        id (str):
        line_no (int):
        member_id (str):
        order_id (str):
        point_id (str):
        starts_at (datetime.datetime):
        state (AppointmentState):
        updated_at (datetime.datetime):
        version (int):
        cancelled_by (None | str | Unset): member or staff
        note (None | str | Unset):
        reason (None | str | Unset): why it was declined or cancelled
    """

    created_at: datetime.datetime
    ends_at: datetime.datetime
    id: str
    line_no: int
    member_id: str
    order_id: str
    point_id: str
    starts_at: datetime.datetime
    state: AppointmentState
    updated_at: datetime.datetime
    version: int
    cancelled_by: None | str | Unset = UNSET
    note: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        id = self.id

        line_no = self.line_no

        member_id = self.member_id

        order_id = self.order_id

        point_id = self.point_id

        starts_at = self.starts_at.isoformat()

        state = self.state.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        cancelled_by: None | str | Unset
        if isinstance(self.cancelled_by, Unset):
            cancelled_by = UNSET
        else:
            cancelled_by = self.cancelled_by

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "ends_at": ends_at,
                "id": id,
                "line_no": line_no,
                "member_id": member_id,
                "order_id": order_id,
                "point_id": point_id,
                "starts_at": starts_at,
                "state": state,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if cancelled_by is not UNSET:
            field_dict["cancelled_by"] = cancelled_by
        if note is not UNSET:
            field_dict["note"] = note
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        id = d.pop("id")

        line_no = d.pop("line_no")

        member_id = d.pop("member_id")

        order_id = d.pop("order_id")

        point_id = d.pop("point_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        state = AppointmentState(d.pop("state"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_cancelled_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancelled_by = _parse_cancelled_by(d.pop("cancelled_by", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        appointment_view = cls(
            created_at=created_at,
            ends_at=ends_at,
            id=id,
            line_no=line_no,
            member_id=member_id,
            order_id=order_id,
            point_id=point_id,
            starts_at=starts_at,
            state=state,
            updated_at=updated_at,
            version=version,
            cancelled_by=cancelled_by,
            note=note,
            reason=reason,
        )

        appointment_view.additional_properties = d
        return appointment_view

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
