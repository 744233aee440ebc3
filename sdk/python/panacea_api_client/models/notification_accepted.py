from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.skipped import Skipped


T = TypeVar("T", bound="NotificationAccepted")


@_attrs_define
class NotificationAccepted:
    """
    Attributes:
        message_ids (list[str]):
        request_id (str):
        skipped (list[Skipped] | Unset):
    """

    message_ids: list[str]
    request_id: str
    skipped: list[Skipped] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_ids = self.message_ids

        request_id = self.request_id

        skipped: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skipped, Unset):
            skipped = []
            for skipped_item_data in self.skipped:
                skipped_item = skipped_item_data.to_dict()
                skipped.append(skipped_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message_ids": message_ids,
                "request_id": request_id,
            }
        )
        if skipped is not UNSET:
            field_dict["skipped"] = skipped

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.skipped import Skipped

        d = dict(src_dict)
        message_ids = cast(list[str], d.pop("message_ids"))

        request_id = d.pop("request_id")

        _skipped = d.pop("skipped", UNSET)
        skipped: list[Skipped] | Unset = UNSET
        if _skipped is not UNSET:
            skipped = []
            for skipped_item_data in _skipped:
                skipped_item = Skipped.from_dict(skipped_item_data)

                skipped.append(skipped_item)

        notification_accepted = cls(
            message_ids=message_ids,
            request_id=request_id,
            skipped=skipped,
        )

        notification_accepted.additional_properties = d
        return notification_accepted

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
