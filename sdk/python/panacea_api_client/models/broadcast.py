from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.broadcast_skipped import BroadcastSkipped


T = TypeVar("T", bound="Broadcast")


@_attrs_define
class Broadcast:
    """
    Attributes:
        accepted (int):
        created_at (datetime.datetime):
        event_type (str):
        id (str):
        pages_done (int):
        status (str): sending or done
        tag (str):
        finished_at (datetime.datetime | None | Unset):
        skipped (BroadcastSkipped | Unset): members left out, by reason
    """

    accepted: int
    created_at: datetime.datetime
    event_type: str
    id: str
    pages_done: int
    status: str
    tag: str
    finished_at: datetime.datetime | None | Unset = UNSET
    skipped: BroadcastSkipped | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        created_at = self.created_at.isoformat()

        event_type = self.event_type

        id = self.id

        pages_done = self.pages_done

        status = self.status

        tag = self.tag

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        skipped: dict[str, Any] | Unset = UNSET
        if not isinstance(self.skipped, Unset):
            skipped = self.skipped.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "created_at": created_at,
                "event_type": event_type,
                "id": id,
                "pages_done": pages_done,
                "status": status,
                "tag": tag,
            }
        )
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if skipped is not UNSET:
            field_dict["skipped"] = skipped

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.broadcast_skipped import BroadcastSkipped

        d = dict(src_dict)
        accepted = d.pop("accepted")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        event_type = d.pop("event_type")

        id = d.pop("id")

        pages_done = d.pop("pages_done")

        status = d.pop("status")

        tag = d.pop("tag")

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        _skipped = d.pop("skipped", UNSET)
        skipped: BroadcastSkipped | Unset
        if isinstance(_skipped, Unset):
            skipped = UNSET
        else:
            skipped = BroadcastSkipped.from_dict(_skipped)

        broadcast = cls(
            accepted=accepted,
            created_at=created_at,
            event_type=event_type,
            id=id,
            pages_done=pages_done,
            status=status,
            tag=tag,
            finished_at=finished_at,
            skipped=skipped,
        )

        broadcast.additional_properties = d
        return broadcast

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
