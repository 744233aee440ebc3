from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.checkout_request_currency import CheckoutRequestCurrency
from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckoutRequest")


@_attrs_define
class CheckoutRequest:
    """Start paying for a plan: Stripe Checkout (subscription mode), with the plan's trial.

    Attributes:
        billing_email (str): where Stripe sends invoices and receipts
        cancel_url (str):
        plan_key (str):
        success_url (str):
        currency (CheckoutRequestCurrency | Unset):  Default: CheckoutRequestCurrency.GBP.
    """

    billing_email: str
    cancel_url: str
    plan_key: str
    success_url: str
    currency: CheckoutRequestCurrency | Unset = CheckoutRequestCurrency.GBP
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        billing_email = self.billing_email

        cancel_url = self.cancel_url

        plan_key = self.plan_key

        success_url = self.success_url

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "billing_email": billing_email,
                "cancel_url": cancel_url,
                "plan_key": plan_key,
                "success_url": success_url,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        billing_email = d.pop("billing_email")

        cancel_url = d.pop("cancel_url")

        plan_key = d.pop("plan_key")

        success_url = d.pop("success_url")

        _currency = d.pop("currency", UNSET)
        currency: CheckoutRequestCurrency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = CheckoutRequestCurrency(_currency)

        checkout_request = cls(
            billing_email=billing_email,
            cancel_url=cancel_url,
            plan_key=plan_key,
            success_url=success_url,
            currency=currency,
        )

        checkout_request.additional_properties = d
        return checkout_request

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
