from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.became import Became
from ..models.distributor_kind import DistributorKind
from ..models.distributor_status import DistributorStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Distributor")


@_attrs_define
class Distributor:
    """
    Attributes:
        became (Became): How a member became a distributor.
        created_at (datetime.datetime):
        kind (DistributorKind):
        member_id (str):
        referral_code (str): what share links and QR codes carry; unique in the tenant
        status (DistributorStatus): Active distributors bind members and earn; suspended ones do neither until appointed
            again;
            removed ones keep the network bound to them but earn nothing new.
        updated_at (datetime.datetime):
        status_reason (None | str | Unset):
        store_id (None | str | Unset):
    """

    became: Became
    created_at: datetime.datetime
    kind: DistributorKind
    member_id: str
    referral_code: str
    status: DistributorStatus
    updated_at: datetime.datetime
    status_reason: None | str | Unset = UNSET
    store_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        became = self.became.value

        created_at = self.created_at.isoformat()

        kind = self.kind.value

        member_id = self.member_id

        referral_code = self.referral_code

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        store_id: None | str | Unset
        if isinstance(self.store_id, Unset):
            store_id = UNSET
        else:
            store_id = self.store_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "became": became,
                "created_at": created_at,
                "kind": kind,
                "member_id": member_id,
                "referral_code": referral_code,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if store_id is not UNSET:
            field_dict["store_id"] = store_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        became = Became(d.pop("became"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        kind = DistributorKind(d.pop("kind"))

        member_id = d.pop("member_id")

        referral_code = d.pop("referral_code")

        status = DistributorStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.pop("status_reason", UNSET))

        def _parse_store_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        store_id = _parse_store_id(d.pop("store_id", UNSET))

        distributor = cls(
            became=became,
            created_at=created_at,
            kind=kind,
            member_id=member_id,
            referral_code=referral_code,
            status=status,
            updated_at=updated_at,
            status_reason=status_reason,
            store_id=store_id,
        )

        distributor.additional_properties = d
        return distributor

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
