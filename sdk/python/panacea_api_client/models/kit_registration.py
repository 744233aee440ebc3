from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.demographics import Demographics


T = TypeVar("T", bound="KitRegistration")


@_attrs_define
class KitRegistration:
    """A member registers the kit in their hands.

    Attributes:
        barcode (str):
        demographics (Demographics | None | Unset):
    """

    barcode: str
    demographics: Demographics | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.demographics import Demographics

        barcode = self.barcode

        demographics: dict[str, Any] | None | Unset
        if isinstance(self.demographics, Unset):
            demographics = UNSET
        elif isinstance(self.demographics, Demographics):
            demographics = self.demographics.to_dict()
        else:
            demographics = self.demographics

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "barcode": barcode,
            }
        )
        if demographics is not UNSET:
            field_dict["demographics"] = demographics

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.demographics import Demographics

        d = dict(src_dict)
        barcode = d.pop("barcode")

        def _parse_demographics(data: object) -> Demographics | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                demographics_type_0 = Demographics.from_dict(data)

                return demographics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Demographics | None | Unset, data)

        demographics = _parse_demographics(d.pop("demographics", UNSET))

        kit_registration = cls(
            barcode=barcode,
            demographics=demographics,
        )

        return kit_registration
