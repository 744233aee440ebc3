from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fulfilment_group_delivered_by_type_0 import (
    FulfilmentGroupDeliveredByType0,
)
from ..models.group_kind import GroupKind
from ..models.group_status import GroupStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.shipment import Shipment


T = TypeVar("T", bound="FulfilmentGroup")


@_attrs_define
class FulfilmentGroup:
    """
    Attributes:
        id (str): e.g. S1 (a store's parcel), V2 (line 2's vouchers), G3 (line 3's gene test)
        kind (GroupKind): How a part of an order is fulfilled (one branch of the workflow's Map each).
        line_nos (list[int]):
        delivered_at (datetime.datetime | None | Unset):
        delivered_by (FulfilmentGroupDeliveredByType0 | None | Unset):
        reported_at (datetime.datetime | None | Unset):
        shipment (None | Shipment | Unset):
        status (GroupStatus | Unset):
        store_id (None | str | Unset):
        vouchers (list[str] | Unset):
    """

    id: str
    kind: GroupKind
    line_nos: list[int]
    delivered_at: datetime.datetime | None | Unset = UNSET
    delivered_by: FulfilmentGroupDeliveredByType0 | None | Unset = UNSET
    reported_at: datetime.datetime | None | Unset = UNSET
    shipment: None | Shipment | Unset = UNSET
    status: GroupStatus | Unset = UNSET
    store_id: None | str | Unset = UNSET
    vouchers: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.shipment import Shipment

        id = self.id

        kind = self.kind.value

        line_nos = self.line_nos

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        delivered_by: None | str | Unset
        if isinstance(self.delivered_by, Unset):
            delivered_by = UNSET
        elif isinstance(self.delivered_by, FulfilmentGroupDeliveredByType0):
            delivered_by = self.delivered_by.value
        else:
            delivered_by = self.delivered_by

        reported_at: None | str | Unset
        if isinstance(self.reported_at, Unset):
            reported_at = UNSET
        elif isinstance(self.reported_at, datetime.datetime):
            reported_at = self.reported_at.isoformat()
        else:
            reported_at = self.reported_at

        shipment: dict[str, Any] | None | Unset
        if isinstance(self.shipment, Unset):
            shipment = UNSET
        elif isinstance(self.shipment, Shipment):
            shipment = self.shipment.to_dict()
        else:
            shipment = self.shipment

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        store_id: None | str | Unset
        if isinstance(self.store_id, Unset):
            store_id = UNSET
        else:
            store_id = self.store_id

        vouchers: list[str] | Unset = UNSET
        if not isinstance(self.vouchers, Unset):
            vouchers = self.vouchers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "line_nos": line_nos,
            }
        )
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at
        if delivered_by is not UNSET:
            field_dict["delivered_by"] = delivered_by
        if reported_at is not UNSET:
            field_dict["reported_at"] = reported_at
        if shipment is not UNSET:
            field_dict["shipment"] = shipment
        if status is not UNSET:
            field_dict["status"] = status
        if store_id is not UNSET:
            field_dict["store_id"] = store_id
        if vouchers is not UNSET:
            field_dict["vouchers"] = vouchers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.shipment import Shipment

        d = dict(src_dict)
        id = d.pop("id")

        kind = GroupKind(d.pop("kind"))

        line_nos = cast(list[int], d.pop("line_nos"))

        def _parse_delivered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))

        def _parse_delivered_by(
            data: object,
        ) -> FulfilmentGroupDeliveredByType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_by_type_0 = FulfilmentGroupDeliveredByType0(data)

                return delivered_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FulfilmentGroupDeliveredByType0 | None | Unset, data)

        delivered_by = _parse_delivered_by(d.pop("delivered_by", UNSET))

        def _parse_reported_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_at_type_0 = datetime.datetime.fromisoformat(data)

                return reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reported_at = _parse_reported_at(d.pop("reported_at", UNSET))

        def _parse_shipment(data: object) -> None | Shipment | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipment_type_0 = Shipment.from_dict(data)

                return shipment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Shipment | Unset, data)

        shipment = _parse_shipment(d.pop("shipment", UNSET))

        _status = d.pop("status", UNSET)
        status: GroupStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = GroupStatus(_status)

        def _parse_store_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        store_id = _parse_store_id(d.pop("store_id", UNSET))

        vouchers = cast(list[str], d.pop("vouchers", UNSET))

        fulfilment_group = cls(
            id=id,
            kind=kind,
            line_nos=line_nos,
            delivered_at=delivered_at,
            delivered_by=delivered_by,
            reported_at=reported_at,
            shipment=shipment,
            status=status,
            store_id=store_id,
            vouchers=vouchers,
        )

        fulfilment_group.additional_properties = d
        return fulfilment_group

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
