from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.demographics import Demographics


T = TypeVar("T", bound="KitRegistrationFor")


@_attrs_define
class KitRegistrationFor:
    """Staff register a kit for a member: one sent to them, or one from the clinic's stock handed
    over for a gene-test line of the member's paid order (then `order_id`, `line_no` and `lab_id`).

        Attributes:
            member_id (str):
            demographics (Demographics | None | Unset):
            lab_id (None | str | Unset):
            line_no (int | None | Unset):
            order_id (None | str | Unset):
    """

    member_id: str
    demographics: Demographics | None | Unset = UNSET
    lab_id: None | str | Unset = UNSET
    line_no: int | None | Unset = UNSET
    order_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.demographics import Demographics

        member_id = self.member_id

        demographics: dict[str, Any] | None | Unset
        if isinstance(self.demographics, Unset):
            demographics = UNSET
        elif isinstance(self.demographics, Demographics):
            demographics = self.demographics.to_dict()
        else:
            demographics = self.demographics

        lab_id: None | str | Unset
        if isinstance(self.lab_id, Unset):
            lab_id = UNSET
        else:
            lab_id = self.lab_id

        line_no: int | None | Unset
        if isinstance(self.line_no, Unset):
            line_no = UNSET
        else:
            line_no = self.line_no

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        else:
            order_id = self.order_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
            }
        )
        if demographics is not UNSET:
            field_dict["demographics"] = demographics
        if lab_id is not UNSET:
            field_dict["lab_id"] = lab_id
        if line_no is not UNSET:
            field_dict["line_no"] = line_no
        if order_id is not UNSET:
            field_dict["order_id"] = order_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.demographics import Demographics

        d = dict(src_dict)
        member_id = d.pop("member_id")

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

        def _parse_lab_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lab_id = _parse_lab_id(d.pop("lab_id", UNSET))

        def _parse_line_no(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        line_no = _parse_line_no(d.pop("line_no", UNSET))

        def _parse_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_id = _parse_order_id(d.pop("order_id", UNSET))

        kit_registration_for = cls(
            member_id=member_id,
            demographics=demographics,
            lab_id=lab_id,
            line_no=line_no,
            order_id=order_id,
        )

        return kit_registration_for
