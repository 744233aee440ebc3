from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ForgottenPassword")


@_attrs_define
class ForgottenPassword:
    """
    Attributes:
        email (str):
        tenant (str): the tenant's public slug (only calls made before signing in name their tenant)
    """

    email: str
    tenant: str

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        tenant = self.tenant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        tenant = d.pop("tenant")

        forgotten_password = cls(
            email=email,
            tenant=tenant,
        )

        return forgotten_password
