from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_method import PaymentMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_in import LineIn
    from ..models.money import Money


T = TypeVar("T", bound="Checkout")


@_attrs_define
class Checkout:
    """Checkout from the cart (no `lines`) or "buy now" (`lines`); part of it paid from the wallet
    (`wallet_credit`: more than zero, at most the total after discounts and what the wallet holds, in
    the order's currency, where the tenant takes it), the rest by `payment_method`.

        Attributes:
            payment_method (PaymentMethod): Online (Stripe) methods a tenant enables in its settings, and offline ones it
                may allow.
            address_id (None | str | Unset): from your address book; needed when anything is posted (goods, kits)
            coupon_code (None | str | Unset):
            lines (list[LineIn] | None | Unset): buy now; absent: check out the cart
            referral_code (None | str | Unset): the share link's code; kept on the order for the distribution context
            wallet_credit (Money | None | Unset): wallet credit to spend; the method pays the rest
    """

    payment_method: PaymentMethod
    address_id: None | str | Unset = UNSET
    coupon_code: None | str | Unset = UNSET
    lines: list[LineIn] | None | Unset = UNSET
    referral_code: None | str | Unset = UNSET
    wallet_credit: Money | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money

        payment_method = self.payment_method.value

        address_id: None | str | Unset
        if isinstance(self.address_id, Unset):
            address_id = UNSET
        else:
            address_id = self.address_id

        coupon_code: None | str | Unset
        if isinstance(self.coupon_code, Unset):
            coupon_code = UNSET
        else:
            coupon_code = self.coupon_code

        lines: list[dict[str, Any]] | None | Unset
        if isinstance(self.lines, Unset):
            lines = UNSET
        elif isinstance(self.lines, list):
            lines = []
            for lines_type_0_item_data in self.lines:
                lines_type_0_item = lines_type_0_item_data.to_dict()
                lines.append(lines_type_0_item)

        else:
            lines = self.lines

        referral_code: None | str | Unset
        if isinstance(self.referral_code, Unset):
            referral_code = UNSET
        else:
            referral_code = self.referral_code

        wallet_credit: dict[str, Any] | None | Unset
        if isinstance(self.wallet_credit, Unset):
            wallet_credit = UNSET
        elif isinstance(self.wallet_credit, Money):
            wallet_credit = self.wallet_credit.to_dict()
        else:
            wallet_credit = self.wallet_credit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "payment_method": payment_method,
            }
        )
        if address_id is not UNSET:
            field_dict["address_id"] = address_id
        if coupon_code is not UNSET:
            field_dict["coupon_code"] = coupon_code
        if lines is not UNSET:
            field_dict["lines"] = lines
        if referral_code is not UNSET:
            field_dict["referral_code"] = referral_code
        if wallet_credit is not UNSET:
            field_dict["wallet_credit"] = wallet_credit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.line_in import LineIn
        from ..models.money import Money

        d = dict(src_dict)
        payment_method = PaymentMethod(d.pop("payment_method"))

        def _parse_address_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address_id = _parse_address_id(d.pop("address_id", UNSET))

        def _parse_coupon_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code", UNSET))

        def _parse_lines(data: object) -> list[LineIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lines_type_0 = []
                _lines_type_0 = data
                for lines_type_0_item_data in _lines_type_0:
                    lines_type_0_item = LineIn.from_dict(lines_type_0_item_data)

                    lines_type_0.append(lines_type_0_item)

                return lines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LineIn] | None | Unset, data)

        lines = _parse_lines(d.pop("lines", UNSET))

        def _parse_referral_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referral_code = _parse_referral_code(d.pop("referral_code", UNSET))

        def _parse_wallet_credit(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                wallet_credit_type_0 = Money.from_dict(data)

                return wallet_credit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        wallet_credit = _parse_wallet_credit(d.pop("wallet_credit", UNSET))

        checkout = cls(
            payment_method=payment_method,
            address_id=address_id,
            coupon_code=coupon_code,
            lines=lines,
            referral_code=referral_code,
            wallet_credit=wallet_credit,
        )

        return checkout
