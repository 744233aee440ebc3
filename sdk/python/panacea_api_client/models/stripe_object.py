from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stripe_object_last_payment_error_type_0 import (
        StripeObjectLastPaymentErrorType0,
    )
    from ..models.stripe_object_latest_charge_type_1 import (
        StripeObjectLatestChargeType1,
    )
    from ..models.stripe_object_metadata_type_0 import StripeObjectMetadataType0
    from ..models.stripe_object_payment_intent_type_1 import (
        StripeObjectPaymentIntentType1,
    )


T = TypeVar("T", bound="StripeObject")


@_attrs_define
class StripeObject:
    """The object an event is about, as Stripe sends it: a PaymentIntent for `payment_intent.*`, a
    Charge for `charge.refunded`, a Dispute for `charge.dispute.created`. It carries more fields than
    these, which are the ones payments reads; amounts are in Stripe's units.

        Attributes:
            id (str):
            object_ (str): its kind: payment_intent, charge, dispute …
            amount (int | None | Unset): an intent's or dispute's amount
            amount_refunded (int | None | Unset): all a charge's refunds so far
            created (int | None | Unset):
            currency (None | str | Unset): ISO 4217, lower case
            last_payment_error (None | StripeObjectLastPaymentErrorType0 | Unset): why an intent's attempt failed
            latest_charge (None | str | StripeObjectLatestChargeType1 | Unset): an intent's charge
            metadata (None | StripeObjectMetadataType0 | Unset): what the platform wrote on the intent; the platform's own
                record decides
            payment_intent (None | str | StripeObjectPaymentIntentType1 | Unset): a charge's or dispute's PaymentIntent: its
                id (or the intent, expanded)
            reason (None | str | Unset): why a dispute was opened
            status (None | str | Unset):
    """

    id: str
    object_: str
    amount: int | None | Unset = UNSET
    amount_refunded: int | None | Unset = UNSET
    created: int | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    last_payment_error: None | StripeObjectLastPaymentErrorType0 | Unset = UNSET
    latest_charge: None | str | StripeObjectLatestChargeType1 | Unset = UNSET
    metadata: None | StripeObjectMetadataType0 | Unset = UNSET
    payment_intent: None | str | StripeObjectPaymentIntentType1 | Unset = UNSET
    reason: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stripe_object_last_payment_error_type_0 import (
            StripeObjectLastPaymentErrorType0,
        )
        from ..models.stripe_object_latest_charge_type_1 import (
            StripeObjectLatestChargeType1,
        )
        from ..models.stripe_object_metadata_type_0 import StripeObjectMetadataType0
        from ..models.stripe_object_payment_intent_type_1 import (
            StripeObjectPaymentIntentType1,
        )

        id = self.id

        object_ = self.object_

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        amount_refunded: int | None | Unset
        if isinstance(self.amount_refunded, Unset):
            amount_refunded = UNSET
        else:
            amount_refunded = self.amount_refunded

        created: int | None | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        else:
            created = self.created

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        last_payment_error: dict[str, Any] | None | Unset
        if isinstance(self.last_payment_error, Unset):
            last_payment_error = UNSET
        elif isinstance(self.last_payment_error, StripeObjectLastPaymentErrorType0):
            last_payment_error = self.last_payment_error.to_dict()
        else:
            last_payment_error = self.last_payment_error

        latest_charge: dict[str, Any] | None | str | Unset
        if isinstance(self.latest_charge, Unset):
            latest_charge = UNSET
        elif isinstance(self.latest_charge, StripeObjectLatestChargeType1):
            latest_charge = self.latest_charge.to_dict()
        else:
            latest_charge = self.latest_charge

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, StripeObjectMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        payment_intent: dict[str, Any] | None | str | Unset
        if isinstance(self.payment_intent, Unset):
            payment_intent = UNSET
        elif isinstance(self.payment_intent, StripeObjectPaymentIntentType1):
            payment_intent = self.payment_intent.to_dict()
        else:
            payment_intent = self.payment_intent

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if amount_refunded is not UNSET:
            field_dict["amount_refunded"] = amount_refunded
        if created is not UNSET:
            field_dict["created"] = created
        if currency is not UNSET:
            field_dict["currency"] = currency
        if last_payment_error is not UNSET:
            field_dict["last_payment_error"] = last_payment_error
        if latest_charge is not UNSET:
            field_dict["latest_charge"] = latest_charge
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if payment_intent is not UNSET:
            field_dict["payment_intent"] = payment_intent
        if reason is not UNSET:
            field_dict["reason"] = reason
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stripe_object_last_payment_error_type_0 import (
            StripeObjectLastPaymentErrorType0,
        )
        from ..models.stripe_object_latest_charge_type_1 import (
            StripeObjectLatestChargeType1,
        )
        from ..models.stripe_object_metadata_type_0 import StripeObjectMetadataType0
        from ..models.stripe_object_payment_intent_type_1 import (
            StripeObjectPaymentIntentType1,
        )

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object")

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_amount_refunded(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_refunded = _parse_amount_refunded(d.pop("amount_refunded", UNSET))

        def _parse_created(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created = _parse_created(d.pop("created", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_last_payment_error(
            data: object,
        ) -> None | StripeObjectLastPaymentErrorType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_payment_error_type_0 = StripeObjectLastPaymentErrorType0.from_dict(
                    data
                )

                return last_payment_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StripeObjectLastPaymentErrorType0 | Unset, data)

        last_payment_error = _parse_last_payment_error(
            d.pop("last_payment_error", UNSET)
        )

        def _parse_latest_charge(
            data: object,
        ) -> None | str | StripeObjectLatestChargeType1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_charge_type_1 = StripeObjectLatestChargeType1.from_dict(data)

                return latest_charge_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | str | StripeObjectLatestChargeType1 | Unset, data)

        latest_charge = _parse_latest_charge(d.pop("latest_charge", UNSET))

        def _parse_metadata(data: object) -> None | StripeObjectMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = StripeObjectMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StripeObjectMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_payment_intent(
            data: object,
        ) -> None | str | StripeObjectPaymentIntentType1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_intent_type_1 = StripeObjectPaymentIntentType1.from_dict(data)

                return payment_intent_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | str | StripeObjectPaymentIntentType1 | Unset, data)

        payment_intent = _parse_payment_intent(d.pop("payment_intent", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        stripe_object = cls(
            id=id,
            object_=object_,
            amount=amount,
            amount_refunded=amount_refunded,
            created=created,
            currency=currency,
            last_payment_error=last_payment_error,
            latest_charge=latest_charge,
            metadata=metadata,
            payment_intent=payment_intent,
            reason=reason,
            status=status,
        )

        stripe_object.additional_properties = d
        return stripe_object

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
