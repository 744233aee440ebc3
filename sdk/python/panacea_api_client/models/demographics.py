from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sample_sex import SampleSex
from ..types import UNSET, Unset

T = TypeVar("T", bound="Demographics")


@_attrs_define
class Demographics:
    """What the lab needs about the person the sample is from.

    Attributes:
        full_name (str):
        birth_date (datetime.date | None | Unset): ISO date
        sex (None | SampleSex | Unset):
    """

    full_name: str
    birth_date: datetime.date | None | Unset = UNSET
    sex: None | SampleSex | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name = self.full_name

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, SampleSex):
            sex = self.sex.value
        else:
            sex = self.sex

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "full_name": full_name,
            }
        )
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if sex is not UNSET:
            field_dict["sex"] = sex

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        full_name = d.pop("full_name")

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_sex(data: object) -> None | SampleSex | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = SampleSex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SampleSex | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        demographics = cls(
            full_name=full_name,
            birth_date=birth_date,
            sex=sex,
        )

        return demographics
