from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="StripeAccountSetup")


@_attrs_define
class StripeAccountSetup:
    """A Stripe Connect (Express) account for the member's withdrawals; they onboard at the link
    the answer carries.

        Attributes:
            country (str): ISO 3166-1 alpha-2
            email (str):
            refresh_url (str):
            return_url (str):
    """

    country: str
    email: str
    refresh_url: str
    return_url: str

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        email = self.email

        refresh_url = self.refresh_url

        return_url = self.return_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
                "email": email,
                "refresh_url": refresh_url,
                "return_url": return_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        country = d.pop("country")

        email = d.pop("email")

        refresh_url = d.pop("refresh_url")

        return_url = d.pop("return_url")

        stripe_account_setup = cls(
            country=country,
            email=email,
            refresh_url=refresh_url,
            return_url=return_url,
        )

        return stripe_account_setup
