from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SmsSignIn")


@_attrs_define
class SmsSignIn:
    """
    Attributes:
        code (str): the 6-digit code that was sent
        phone (str): a phone number, international (+44…) or as dialled in the tenant's country
        tenant (str): the tenant's public slug (only calls made before signing in name their tenant)
    """

    code: str
    phone: str
    tenant: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        phone = self.phone

        tenant = self.tenant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "phone": phone,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        phone = d.pop("phone")

        tenant = d.pop("tenant")

        sms_sign_in = cls(
            code=code,
            phone=phone,
            tenant=tenant,
        )

        return sms_sign_in
