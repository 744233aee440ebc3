from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..models.user_kind import UserKind
from ..models.user_status import UserStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.group_details import GroupDetails
    from ..models.individual_details import IndividualDetails


T = TypeVar("T", bound="Profile")


@_attrs_define
class Profile:
    """A person's own account: who they are, how to reach them, their default address.

    Attributes:
        created_at (datetime.datetime):
        id (str):
        name (str):
        roles (list[Role]):
        status (UserStatus):
        tenant_id (str):
        default_address_id (None | str | Unset):
        email (None | str | Unset):
        group (GroupDetails | None | Unset):
        individual (IndividualDetails | None | Unset):
        kind (UserKind | Unset):
        phone (None | str | Unset):
        updated_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    id: str
    name: str
    roles: list[Role]
    status: UserStatus
    tenant_id: str
    default_address_id: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    group: GroupDetails | None | Unset = UNSET
    individual: IndividualDetails | None | Unset = UNSET
    kind: UserKind | Unset = UNSET
    phone: None | str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.group_details import GroupDetails
        from ..models.individual_details import IndividualDetails

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        status = self.status.value

        tenant_id = self.tenant_id

        default_address_id: None | str | Unset
        if isinstance(self.default_address_id, Unset):
            default_address_id = UNSET
        else:
            default_address_id = self.default_address_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        group: dict[str, Any] | None | Unset
        if isinstance(self.group, Unset):
            group = UNSET
        elif isinstance(self.group, GroupDetails):
            group = self.group.to_dict()
        else:
            group = self.group

        individual: dict[str, Any] | None | Unset
        if isinstance(self.individual, Unset):
            individual = UNSET
        elif isinstance(self.individual, IndividualDetails):
            individual = self.individual.to_dict()
        else:
            individual = self.individual

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

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
        if default_address_id is not UNSET:
            field_dict["default_address_id"] = default_address_id
        if email is not UNSET:
            field_dict["email"] = email
        if group is not UNSET:
            field_dict["group"] = group
        if individual is not UNSET:
            field_dict["individual"] = individual
        if kind is not UNSET:
            field_dict["kind"] = kind
        if phone is not UNSET:
            field_dict["phone"] = phone
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.group_details import GroupDetails
        from ..models.individual_details import IndividualDetails

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

        def _parse_default_address_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_address_id = _parse_default_address_id(
            d.pop("default_address_id", UNSET)
        )

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_group(data: object) -> GroupDetails | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                group_type_0 = GroupDetails.from_dict(data)

                return group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GroupDetails | None | Unset, data)

        group = _parse_group(d.pop("group", UNSET))

        def _parse_individual(data: object) -> IndividualDetails | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                individual_type_0 = IndividualDetails.from_dict(data)

                return individual_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IndividualDetails | None | Unset, data)

        individual = _parse_individual(d.pop("individual", UNSET))

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

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        profile = cls(
            created_at=created_at,
            id=id,
            name=name,
            roles=roles,
            status=status,
            tenant_id=tenant_id,
            default_address_id=default_address_id,
            email=email,
            group=group,
            individual=individual,
            kind=kind,
            phone=phone,
            updated_at=updated_at,
        )

        profile.additional_properties = d
        return profile

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
