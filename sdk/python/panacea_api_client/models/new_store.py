from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.new_store_kind import NewStoreKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact import Contact


T = TypeVar("T", bound="NewStore")


@_attrs_define
class NewStore:
    """A pharmacy or institution selling in the tenant's mall.

    Attributes:
        kind (NewStoreKind):
        licence_number (str): the store's dispensing or business licence number, unique within the tenant
        name (str):
        contact (Contact | Unset):
    """

    kind: NewStoreKind
    licence_number: str
    name: str
    contact: Contact | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        licence_number = self.licence_number

        name = self.name

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "licence_number": licence_number,
                "name": name,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact import Contact

        d = dict(src_dict)
        kind = NewStoreKind(d.pop("kind"))

        licence_number = d.pop("licence_number")

        name = d.pop("name")

        _contact = d.pop("contact", UNSET)
        contact: Contact | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = Contact.from_dict(_contact)

        new_store = cls(
            kind=kind,
            licence_number=licence_number,
            name=name,
            contact=contact,
        )

        return new_store
