from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NewPassword")


@_attrs_define
class NewPassword:
    """A password set with an emailed code: a reset, or an invitation accepted.

    Attributes:
        code (str): the 6-digit code that was sent
        email (str):
        password (str): at least 12 characters with a lower-case letter, an upper-case letter, a digit and a symbol
        tenant (str): the tenant's public slug (only calls made before signing in name their tenant)
    """

    code: str
    email: str
    password: str
    tenant: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        email = self.email

        password = self.password

        tenant = self.tenant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "email": email,
                "password": password,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        email = d.pop("email")

        password = d.pop("password")

        tenant = d.pop("tenant")

        new_password = cls(
            code=code,
            email=email,
            password=password,
            tenant=tenant,
        )

        return new_password
