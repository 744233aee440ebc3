from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_webhook_receipt_outcome import BillingWebhookReceiptOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingWebhookReceipt")


@_attrs_define
class BillingWebhookReceipt:
    """What billing made of a webhook (any 2xx tells Stripe to stop retrying).

    Attributes:
        outcome (BillingWebhookReceiptOutcome): applied: the tenant's entitlements were rebuilt and written; unchanged:
            rebuilt, but a newer record stands; duplicate: this event was answered before; ignored: not billing's, or no
            tenant's
        access (None | str | Unset): the tenant's access after it: full, read_only, suspended, none
        detail (str | Unset):  Default: ''.
        plan_key (None | str | Unset):
        received (bool | Unset):  Default: True.
    """

    outcome: BillingWebhookReceiptOutcome
    access: None | str | Unset = UNSET
    detail: str | Unset = ""
    plan_key: None | str | Unset = UNSET
    received: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        access: None | str | Unset
        if isinstance(self.access, Unset):
            access = UNSET
        else:
            access = self.access

        detail = self.detail

        plan_key: None | str | Unset
        if isinstance(self.plan_key, Unset):
            plan_key = UNSET
        else:
            plan_key = self.plan_key

        received = self.received

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcome": outcome,
            }
        )
        if access is not UNSET:
            field_dict["access"] = access
        if detail is not UNSET:
            field_dict["detail"] = detail
        if plan_key is not UNSET:
            field_dict["plan_key"] = plan_key
        if received is not UNSET:
            field_dict["received"] = received

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        outcome = BillingWebhookReceiptOutcome(d.pop("outcome"))

        def _parse_access(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access = _parse_access(d.pop("access", UNSET))

        detail = d.pop("detail", UNSET)

        def _parse_plan_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_key = _parse_plan_key(d.pop("plan_key", UNSET))

        received = d.pop("received", UNSET)

        billing_webhook_receipt = cls(
            outcome=outcome,
            access=access,
            detail=detail,
            plan_key=plan_key,
            received=received,
        )

        billing_webhook_receipt.additional_properties = d
        return billing_webhook_receipt

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
