from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.store_kind import StoreKind
from ..models.store_status import StoreStatus

if TYPE_CHECKING:
    from ..models.contact import Contact


T = TypeVar("T", bound="Store")


@_attrs_define
class Store:
    """
    Attributes:
        contact (Contact):
        created_at (datetime.datetime):
        id (str):
        kind (StoreKind):
        licence_number (None | str):
        name (str):
        status (StoreStatus):
        updated_at (datetime.datetime):
    """

    contact: Contact
    created_at: datetime.datetime
    id: str
    kind: StoreKind
    licence_number: None | str
    name: str
    status: StoreStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact = self.contact.to_dict()

        created_at = self.created_at.isoformat()

        id = self.id

        kind = self.kind.value

        licence_number: None | str
        licence_number = self.licence_number

        name = self.name

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact": contact,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "licence_number": licence_number,
                "name": name,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact import Contact

        d = dict(src_dict)
        contact = Contact.from_dict(d.pop("contact"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        kind = StoreKind(d.pop("kind"))

        def _parse_licence_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        licence_number = _parse_licence_number(d.pop("licence_number"))

        name = d.pop("name")

        status = StoreStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        store = cls(
            contact=contact,
            created_at=created_at,
            id=id,
            kind=kind,
            licence_number=licence_number,
            name=name,
            status=status,
            updated_at=updated_at,
        )

        store.additional_properties = d
        return store

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
