from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.member_kind import MemberKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.group_details import GroupDetails
    from ..models.individual_details import IndividualDetails


T = TypeVar("T", bound="Registration")


@_attrs_define
class Registration:
    """A new member: an email and a password (confirmed by an emailed code), or a mobile number
    (confirmed by an SMS code, and signing in with SMS codes from then on).

        Attributes:
            kind (MemberKind):
            tenant (str): the tenant's public slug (only calls made before signing in name their tenant)
            email (None | str | Unset):
            group (GroupDetails | None | Unset):
            individual (IndividualDetails | None | Unset):
            password (None | str | Unset):
            phone (None | str | Unset):
            referral_code (None | str | Unset): the code of the share link, QR code or invitation the member came by; the
                member is bound to its distributor when the registration is confirmed, if the tenant's distribution rules allow
                it
    """

    kind: MemberKind
    tenant: str
    email: None | str | Unset = UNSET
    group: GroupDetails | None | Unset = UNSET
    individual: IndividualDetails | None | Unset = UNSET
    password: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    referral_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.group_details import GroupDetails
        from ..models.individual_details import IndividualDetails

        kind = self.kind.value

        tenant = self.tenant

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

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        referral_code: None | str | Unset
        if isinstance(self.referral_code, Unset):
            referral_code = UNSET
        else:
            referral_code = self.referral_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "tenant": tenant,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if group is not UNSET:
            field_dict["group"] = group
        if individual is not UNSET:
            field_dict["individual"] = individual
        if password is not UNSET:
            field_dict["password"] = password
        if phone is not UNSET:
            field_dict["phone"] = phone
        if referral_code is not UNSET:
            field_dict["referral_code"] = referral_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.group_details import GroupDetails
        from ..models.individual_details import IndividualDetails

        d = dict(src_dict)
        kind = MemberKind(d.pop("kind"))

        tenant = d.pop("tenant")

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

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_referral_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referral_code = _parse_referral_code(d.pop("referral_code", UNSET))

        registration = cls(
            kind=kind,
            tenant=tenant,
            email=email,
            group=group,
            individual=individual,
            password=password,
            phone=phone,
            referral_code=referral_code,
        )

        return registration
