from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.record_category import RecordCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewCheckupRecord")


@_attrs_define
class NewCheckupRecord:
    """
    Attributes:
        category (RecordCategory):
        file_key (str): the `key` of your upload, once the file is posted
        title (str):
        note (str | Unset):  Default: ''.
        taken_on (datetime.date | None | Unset): when the checkup took place
    """

    category: RecordCategory
    file_key: str
    title: str
    note: str | Unset = ""
    taken_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        file_key = self.file_key

        title = self.title

        note = self.note

        taken_on: None | str | Unset
        if isinstance(self.taken_on, Unset):
            taken_on = UNSET
        elif isinstance(self.taken_on, datetime.date):
            taken_on = self.taken_on.isoformat()
        else:
            taken_on = self.taken_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "file_key": file_key,
                "title": title,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if taken_on is not UNSET:
            field_dict["taken_on"] = taken_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        category = RecordCategory(d.pop("category"))

        file_key = d.pop("file_key")

        title = d.pop("title")

        note = d.pop("note", UNSET)

        def _parse_taken_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                taken_on_type_0 = datetime.date.fromisoformat(data)

                return taken_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        taken_on = _parse_taken_on(d.pop("taken_on", UNSET))

        new_checkup_record = cls(
            category=category,
            file_key=file_key,
            title=title,
            note=note,
            taken_on=taken_on,
        )

        return new_checkup_record
