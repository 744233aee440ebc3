from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.record_category import RecordCategory

T = TypeVar("T", bound="CheckupRecord")


@_attrs_define
class CheckupRecord:
    """
    Attributes:
        added_at (datetime.datetime):
        category (RecordCategory):
        content_type (str):
        id (str):
        note (str):
        size (int):
        taken_on (datetime.date | None):
        title (str):
    """

    added_at: datetime.datetime
    category: RecordCategory
    content_type: str
    id: str
    note: str
    size: int
    taken_on: datetime.date | None
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added_at = self.added_at.isoformat()

        category = self.category.value

        content_type = self.content_type

        id = self.id

        note = self.note

        size = self.size

        taken_on: None | str
        if isinstance(self.taken_on, datetime.date):
            taken_on = self.taken_on.isoformat()
        else:
            taken_on = self.taken_on

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "added_at": added_at,
                "category": category,
                "content_type": content_type,
                "id": id,
                "note": note,
                "size": size,
                "taken_on": taken_on,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        category = RecordCategory(d.pop("category"))

        content_type = d.pop("content_type")

        id = d.pop("id")

        note = d.pop("note")

        size = d.pop("size")

        def _parse_taken_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                taken_on_type_0 = datetime.date.fromisoformat(data)

                return taken_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        taken_on = _parse_taken_on(d.pop("taken_on"))

        title = d.pop("title")

        checkup_record = cls(
            added_at=added_at,
            category=category,
            content_type=content_type,
            id=id,
            note=note,
            size=size,
            taken_on=taken_on,
            title=title,
        )

        checkup_record.additional_properties = d
        return checkup_record

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
