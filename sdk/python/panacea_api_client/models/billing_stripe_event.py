from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_stripe_event_type import BillingStripeEventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_event_data import BillingEventData
    from ..models.billing_stripe_event_request_type_0 import (
        BillingStripeEventRequestType0,
    )


T = TypeVar("T", bound="BillingStripeEvent")


@_attrs_define
class BillingStripeEvent:
    """An event as Stripe POSTs it to billing's endpoint (Stripe's Event object; it may carry more
    fields than these). It is answered only if `Stripe-Signature` signs its exact bytes.

        Attributes:
            created (int): when it happened, Unix seconds by Stripe's clock
            data (BillingEventData):
            id (str): Stripe's event id: each is answered at most once
            object_ (Literal['event']):
            type_ (BillingStripeEventType): what happened: billing answers these types; any other is acknowledged (200,
                `ignored`)
            api_version (None | str | Unset):
            livemode (bool | None | Unset):
            pending_webhooks (int | None | Unset):
            request (BillingStripeEventRequestType0 | None | Unset):
    """

    created: int
    data: BillingEventData
    id: str
    object_: Literal["event"]
    type_: BillingStripeEventType
    api_version: None | str | Unset = UNSET
    livemode: bool | None | Unset = UNSET
    pending_webhooks: int | None | Unset = UNSET
    request: BillingStripeEventRequestType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_stripe_event_request_type_0 import (
            BillingStripeEventRequestType0,
        )

        created = self.created

        data = self.data.to_dict()

        id = self.id

        object_ = self.object_

        type_ = self.type_.value

        api_version: None | str | Unset
        if isinstance(self.api_version, Unset):
            api_version = UNSET
        else:
            api_version = self.api_version

        livemode: bool | None | Unset
        if isinstance(self.livemode, Unset):
            livemode = UNSET
        else:
            livemode = self.livemode

        pending_webhooks: int | None | Unset
        if isinstance(self.pending_webhooks, Unset):
            pending_webhooks = UNSET
        else:
            pending_webhooks = self.pending_webhooks

        request: dict[str, Any] | None | Unset
        if isinstance(self.request, Unset):
            request = UNSET
        elif isinstance(self.request, BillingStripeEventRequestType0):
            request = self.request.to_dict()
        else:
            request = self.request

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "data": data,
                "id": id,
                "object": object_,
                "type": type_,
            }
        )
        if api_version is not UNSET:
            field_dict["api_version"] = api_version
        if livemode is not UNSET:
            field_dict["livemode"] = livemode
        if pending_webhooks is not UNSET:
            field_dict["pending_webhooks"] = pending_webhooks
        if request is not UNSET:
            field_dict["request"] = request

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_event_data import BillingEventData
        from ..models.billing_stripe_event_request_type_0 import (
            BillingStripeEventRequestType0,
        )

        d = dict(src_dict)
        created = d.pop("created")

        data = BillingEventData.from_dict(d.pop("data"))

        id = d.pop("id")

        object_ = cast(Literal["event"], d.pop("object"))
        if object_ != "event":
            raise ValueError(f"object must match const 'event', got '{object_}'")

        type_ = BillingStripeEventType(d.pop("type"))

        def _parse_api_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api_version = _parse_api_version(d.pop("api_version", UNSET))

        def _parse_livemode(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        livemode = _parse_livemode(d.pop("livemode", UNSET))

        def _parse_pending_webhooks(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pending_webhooks = _parse_pending_webhooks(d.pop("pending_webhooks", UNSET))

        def _parse_request(
            data: object,
        ) -> BillingStripeEventRequestType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                request_type_0 = BillingStripeEventRequestType0.from_dict(data)

                return request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingStripeEventRequestType0 | None | Unset, data)

        request = _parse_request(d.pop("request", UNSET))

        billing_stripe_event = cls(
            created=created,
            data=data,
            id=id,
            object_=object_,
            type_=type_,
            api_version=api_version,
            livemode=livemode,
            pending_webhooks=pending_webhooks,
            request=request,
        )

        billing_stripe_event.additional_properties = d
        return billing_stripe_event

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
