from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..models.user_kind import UserKind
from ..models.user_status import UserStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """A person at a tenant, as lists of people show them.

    Attributes:
        created_at (datetime.datetime):
        id (str):
        name (str):
        roles (list[Role]):
        status (UserStatus):
        tenant_id (str):
        email (None | str | Unset):
        kind (UserKind | Unset):
        phone (None | str | Unset):
    """

    created_at: datetime.datetime
    id: str
    name: str
    roles: list[Role]
    status: UserStatus
    tenant_id: str
    email: None | str | Unset = UNSET
    kind: UserKind | Unset = UNSET
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        status = self.status.value

        tenant_id = self.tenant_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "name": name,
                "roles": roles,
                "status": status,
                "tenant_id": tenant_id,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if kind is not UNSET:
            field_dict["kind"] = kind
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role(roles_item_data)

            roles.append(roles_item)

        status = UserStatus(d.pop("status"))

        tenant_id = d.pop("tenant_id")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: UserKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = UserKind(_kind)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        user = cls(
            created_at=created_at,
            id=id,
            name=name,
            roles=roles,
            status=status,
            tenant_id=tenant_id,
            email=email,
            kind=kind,
            phone=phone,
        )

        user.additional_properties = d
        return user

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
