from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.distributor_kind import DistributorKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Appointment")


@_attrs_define
class Appointment:
    """Staff make a member a distributor (or an existing, suspended or removed one active again).

    Attributes:
        member_id (str): a member's user id
        kind (DistributorKind | Unset):
        store_id (None | str | Unset):
    """

    member_id: str
    kind: DistributorKind | Unset = UNSET
    store_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        member_id = self.member_id

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        store_id: None | str | Unset
        if isinstance(self.store_id, Unset):
            store_id = UNSET
        else:
            store_id = self.store_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if store_id is not UNSET:
            field_dict["store_id"] = store_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        member_id = d.pop("member_id")

        _kind = d.pop("kind", UNSET)
        kind: DistributorKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = DistributorKind(_kind)

        def _parse_store_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        store_id = _parse_store_id(d.pop("store_id", UNSET))

        appointment = cls(
            member_id=member_id,
            kind=kind,
            store_id=store_id,
        )

        return appointment
