from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_receipt_outcome import WebhookReceiptOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookReceipt")


@_attrs_define
class WebhookReceipt:
    """What the webhook endpoint answers Stripe (any 2xx tells Stripe to stop retrying).

    Attributes:
        detail (str):
        outcome (WebhookReceiptOutcome): `applied` (the payment changed), `duplicate` (this event was applied before),
            `stale` (newer state stands), `ignored` (nothing of the platform's to change)
        received (bool | Unset):  Default: True.
    """

    detail: str
    outcome: WebhookReceiptOutcome
    received: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        outcome = self.outcome.value

        received = self.received

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "outcome": outcome,
            }
        )
        if received is not UNSET:
            field_dict["received"] = received

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        detail = d.pop("detail")

        outcome = WebhookReceiptOutcome(d.pop("outcome"))

        received = d.pop("received", UNSET)

        webhook_receipt = cls(
            detail=detail,
            outcome=outcome,
            received=received,
        )

        webhook_receipt.additional_properties = d
        return webhook_receipt

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
