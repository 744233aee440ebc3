from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_state import OrderState
from ..models.payment_method import PaymentMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_snapshot import AddressSnapshot
    from ..models.fulfilment_group import FulfilmentGroup
    from ..models.money import Money
    from ..models.order_line import OrderLine
    from ..models.order_promotion import OrderPromotion
    from ..models.order_refund import OrderRefund
    from ..models.payment_info import PaymentInfo
    from ..models.refund_request import RefundRequest
    from ..models.transition import Transition


T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """An order as its member and the tenant's staff see it.

    Attributes:
        cancel_until (datetime.datetime): the member may cancel or change the address until then
        created_at (datetime.datetime):
        currency (str):
        discount (Money): An amount in minor units (pence, fen, cents) of one currency.
        id (str):
        lines (list[OrderLine]):
        member_id (str):
        payment (PaymentInfo):
        payment_due_at (datetime.datetime):
        payment_method (PaymentMethod): Online (Stripe) methods a tenant enables in its settings, and offline ones it
            may allow.
        receipt_days (int): days after shipment until a parcel counts as received
        refunded (Money): An amount in minor units (pence, fen, cents) of one currency.
        state (OrderState): Where an order is in its life (finance reports the same words).
        subtotal (Money): An amount in minor units (pence, fen, cents) of one currency.
        total (Money): An amount in minor units (pence, fen, cents) of one currency.
        updated_at (datetime.datetime):
        address (AddressSnapshot | None | Unset):
        coupon_code (None | str | Unset):
        groups (list[FulfilmentGroup] | Unset):
        history (list[Transition] | Unset):
        promotions (list[OrderPromotion] | Unset):
        referral_code (None | str | Unset):
        refund_request (None | RefundRequest | Unset):
        refunds (list[OrderRefund] | Unset):
        wallet_paid (Money | None | Unset): paid from the wallet; the payment is for the rest
        wallet_returned (Money | None | Unset): of `refunded`, what went back to the wallet
    """

    cancel_until: datetime.datetime
    created_at: datetime.datetime
    currency: str
    discount: Money
    id: str
    lines: list[OrderLine]
    member_id: str
    payment: PaymentInfo
    payment_due_at: datetime.datetime
    payment_method: PaymentMethod
    receipt_days: int
    refunded: Money
    state: OrderState
    subtotal: Money
    total: Money
    updated_at: datetime.datetime
    address: AddressSnapshot | None | Unset = UNSET
    coupon_code: None | str | Unset = UNSET
    groups: list[FulfilmentGroup] | Unset = UNSET
    history: list[Transition] | Unset = UNSET
    promotions: list[OrderPromotion] | Unset = UNSET
    referral_code: None | str | Unset = UNSET
    refund_request: None | RefundRequest | Unset = UNSET
    refunds: list[OrderRefund] | Unset = UNSET
    wallet_paid: Money | None | Unset = UNSET
    wallet_returned: Money | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_snapshot import AddressSnapshot
        from ..models.money import Money
        from ..models.refund_request import RefundRequest

        cancel_until = self.cancel_until.isoformat()

        created_at = self.created_at.isoformat()

        currency = self.currency

        discount = self.discount.to_dict()

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        member_id = self.member_id

        payment = self.payment.to_dict()

        payment_due_at = self.payment_due_at.isoformat()

        payment_method = self.payment_method.value

        receipt_days = self.receipt_days

        refunded = self.refunded.to_dict()

        state = self.state.value

        subtotal = self.subtotal.to_dict()

        total = self.total.to_dict()

        updated_at = self.updated_at.isoformat()

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, AddressSnapshot):
            address = self.address.to_dict()
        else:
            address = self.address

        coupon_code: None | str | Unset
        if isinstance(self.coupon_code, Unset):
            coupon_code = UNSET
        else:
            coupon_code = self.coupon_code

        groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = []
            for groups_item_data in self.groups:
                groups_item = groups_item_data.to_dict()
                groups.append(groups_item)

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        promotions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.promotions, Unset):
            promotions = []
            for promotions_item_data in self.promotions:
                promotions_item = promotions_item_data.to_dict()
                promotions.append(promotions_item)

        referral_code: None | str | Unset
        if isinstance(self.referral_code, Unset):
            referral_code = UNSET
        else:
            referral_code = self.referral_code

        refund_request: dict[str, Any] | None | Unset
        if isinstance(self.refund_request, Unset):
            refund_request = UNSET
        elif isinstance(self.refund_request, RefundRequest):
            refund_request = self.refund_request.to_dict()
        else:
            refund_request = self.refund_request

        refunds: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.refunds, Unset):
            refunds = []
            for refunds_item_data in self.refunds:
                refunds_item = refunds_item_data.to_dict()
                refunds.append(refunds_item)

        wallet_paid: dict[str, Any] | None | Unset
        if isinstance(self.wallet_paid, Unset):
            wallet_paid = UNSET
        elif isinstance(self.wallet_paid, Money):
            wallet_paid = self.wallet_paid.to_dict()
        else:
            wallet_paid = self.wallet_paid

        wallet_returned: dict[str, Any] | None | Unset
        if isinstance(self.wallet_returned, Unset):
            wallet_returned = UNSET
        elif isinstance(self.wallet_returned, Money):
            wallet_returned = self.wallet_returned.to_dict()
        else:
            wallet_returned = self.wallet_returned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancel_until": cancel_until,
                "created_at": created_at,
                "currency": currency,
                "discount": discount,
                "id": id,
                "lines": lines,
                "member_id": member_id,
                "payment": payment,
                "payment_due_at": payment_due_at,
                "payment_method": payment_method,
                "receipt_days": receipt_days,
                "refunded": refunded,
                "state": state,
                "subtotal": subtotal,
                "total": total,
                "updated_at": updated_at,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if coupon_code is not UNSET:
            field_dict["coupon_code"] = coupon_code
        if groups is not UNSET:
            field_dict["groups"] = groups
        if history is not UNSET:
            field_dict["history"] = history
        if promotions is not UNSET:
            field_dict["promotions"] = promotions
        if referral_code is not UNSET:
            field_dict["referral_code"] = referral_code
        if refund_request is not UNSET:
            field_dict["refund_request"] = refund_request
        if refunds is not UNSET:
            field_dict["refunds"] = refunds
        if wallet_paid is not UNSET:
            field_dict["wallet_paid"] = wallet_paid
        if wallet_returned is not UNSET:
            field_dict["wallet_returned"] = wallet_returned

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address_snapshot import AddressSnapshot
        from ..models.fulfilment_group import FulfilmentGroup
        from ..models.money import Money
        from ..models.order_line import OrderLine
        from ..models.order_promotion import OrderPromotion
        from ..models.order_refund import OrderRefund
        from ..models.payment_info import PaymentInfo
        from ..models.refund_request import RefundRequest
        from ..models.transition import Transition

        d = dict(src_dict)
        cancel_until = datetime.datetime.fromisoformat(d.pop("cancel_until"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        discount = Money.from_dict(d.pop("discount"))

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLine.from_dict(lines_item_data)

            lines.append(lines_item)

        member_id = d.pop("member_id")

        payment = PaymentInfo.from_dict(d.pop("payment"))

        payment_due_at = datetime.datetime.fromisoformat(d.pop("payment_due_at"))

        payment_method = PaymentMethod(d.pop("payment_method"))

        receipt_days = d.pop("receipt_days")

        refunded = Money.from_dict(d.pop("refunded"))

        state = OrderState(d.pop("state"))

        subtotal = Money.from_dict(d.pop("subtotal"))

        total = Money.from_dict(d.pop("total"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_address(data: object) -> AddressSnapshot | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = AddressSnapshot.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressSnapshot | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_coupon_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code", UNSET))

        _groups = d.pop("groups", UNSET)
        groups: list[FulfilmentGroup] | Unset = UNSET
        if _groups is not UNSET:
            groups = []
            for groups_item_data in _groups:
                groups_item = FulfilmentGroup.from_dict(groups_item_data)

                groups.append(groups_item)

        _history = d.pop("history", UNSET)
        history: list[Transition] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = Transition.from_dict(history_item_data)

                history.append(history_item)

        _promotions = d.pop("promotions", UNSET)
        promotions: list[OrderPromotion] | Unset = UNSET
        if _promotions is not UNSET:
            promotions = []
            for promotions_item_data in _promotions:
                promotions_item = OrderPromotion.from_dict(promotions_item_data)

                promotions.append(promotions_item)

        def _parse_referral_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referral_code = _parse_referral_code(d.pop("referral_code", UNSET))

        def _parse_refund_request(data: object) -> None | RefundRequest | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                refund_request_type_0 = RefundRequest.from_dict(data)

                return refund_request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RefundRequest | Unset, data)

        refund_request = _parse_refund_request(d.pop("refund_request", UNSET))

        _refunds = d.pop("refunds", UNSET)
        refunds: list[OrderRefund] | Unset = UNSET
        if _refunds is not UNSET:
            refunds = []
            for refunds_item_data in _refunds:
                refunds_item = OrderRefund.from_dict(refunds_item_data)

                refunds.append(refunds_item)

        def _parse_wallet_paid(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                wallet_paid_type_0 = Money.from_dict(data)

                return wallet_paid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        wallet_paid = _parse_wallet_paid(d.pop("wallet_paid", UNSET))

        def _parse_wallet_returned(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                wallet_returned_type_0 = Money.from_dict(data)

                return wallet_returned_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        wallet_returned = _parse_wallet_returned(d.pop("wallet_returned", UNSET))

        order = cls(
            cancel_until=cancel_until,
            created_at=created_at,
            currency=currency,
            discount=discount,
            id=id,
            lines=lines,
            member_id=member_id,
            payment=payment,
            payment_due_at=payment_due_at,
            payment_method=payment_method,
            receipt_days=receipt_days,
            refunded=refunded,
            state=state,
            subtotal=subtotal,
            total=total,
            updated_at=updated_at,
            address=address,
            coupon_code=coupon_code,
            groups=groups,
            history=history,
            promotions=promotions,
            referral_code=referral_code,
            refund_request=refund_request,
            refunds=refunds,
            wallet_paid=wallet_paid,
            wallet_returned=wallet_returned,
        )

        order.additional_properties = d
        return order

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
