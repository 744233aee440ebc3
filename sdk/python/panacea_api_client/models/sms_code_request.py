from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SmsCodeRequest")


@_attrs_define
class SmsCodeRequest:
    """
    Attributes:
        phone (str): a phone number, international (+44…) or as dialled in the tenant's country
        tenant (str): the tenant's public slug (only calls made before signing in name their tenant)
    """

    phone: str
    tenant: str

    def to_dict(self) -> dict[str, Any]:
        phone = self.phone

        tenant = self.tenant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "phone": phone,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        phone = d.pop("phone")

        tenant = d.pop("tenant")

        sms_code_request = cls(
            phone=phone,
            tenant=tenant,
        )

        return sms_code_request
