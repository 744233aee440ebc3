from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.broadcast_request_data import BroadcastRequestData


T = TypeVar("T", bound="BroadcastRequest")


@_attrs_define
class BroadcastRequest:
    """Tell every member with a tag (the audience pages through them, never scanning).

    Attributes:
        event_type (str): an event with a rule, e.g. `news.published` (marketing)
        tag (str):
        data (BroadcastRequestData | Unset):
    """

    event_type: str
    tag: str
    data: BroadcastRequestData | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        tag = self.tag

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_type": event_type,
                "tag": tag,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.broadcast_request_data import BroadcastRequestData

        d = dict(src_dict)
        event_type = d.pop("event_type")

        tag = d.pop("tag")

        _data = d.pop("data", UNSET)
        data: BroadcastRequestData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = BroadcastRequestData.from_dict(_data)

        broadcast_request = cls(
            event_type=event_type,
            tag=tag,
            data=data,
        )

        return broadcast_request
