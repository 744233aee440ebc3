from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sex import Sex
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.individual_details_extras import IndividualDetailsExtras


T = TypeVar("T", bound="IndividualDetails")


@_attrs_define
class IndividualDetails:
    """What an individual member may tell about themselves (all optional).

    Attributes:
        birth_date (datetime.date | None | Unset):
        extras (IndividualDetailsExtras | Unset): anything else the tenant asks for
        occupation (None | str | Unset):
        real_name (None | str | Unset):
        sex (None | Sex | Unset):
    """

    birth_date: datetime.date | None | Unset = UNSET
    extras: IndividualDetailsExtras | Unset = UNSET
    occupation: None | str | Unset = UNSET
    real_name: None | str | Unset = UNSET
    sex: None | Sex | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        extras: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extras, Unset):
            extras = self.extras.to_dict()

        occupation: None | str | Unset
        if isinstance(self.occupation, Unset):
            occupation = UNSET
        else:
            occupation = self.occupation

        real_name: None | str | Unset
        if isinstance(self.real_name, Unset):
            real_name = UNSET
        else:
            real_name = self.real_name

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if extras is not UNSET:
            field_dict["extras"] = extras
        if occupation is not UNSET:
            field_dict["occupation"] = occupation
        if real_name is not UNSET:
            field_dict["real_name"] = real_name
        if sex is not UNSET:
            field_dict["sex"] = sex

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.individual_details_extras import IndividualDetailsExtras

        d = dict(src_dict)

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

        _extras = d.pop("extras", UNSET)
        extras: IndividualDetailsExtras | Unset
        if isinstance(_extras, Unset):
            extras = UNSET
        else:
            extras = IndividualDetailsExtras.from_dict(_extras)

        def _parse_occupation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        occupation = _parse_occupation(d.pop("occupation", UNSET))

        def _parse_real_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        real_name = _parse_real_name(d.pop("real_name", UNSET))

        def _parse_sex(data: object) -> None | Sex | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        individual_details = cls(
            birth_date=birth_date,
            extras=extras,
            occupation=occupation,
            real_name=real_name,
            sex=sex,
        )

        return individual_details
