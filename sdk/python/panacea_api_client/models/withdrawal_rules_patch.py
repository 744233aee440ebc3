from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payout_route import PayoutRoute
from ..types import UNSET, Unset

T = TypeVar("T", bound="WithdrawalRulesPatch")


@_attrs_define
class WithdrawalRulesPatch:
    """A change of the withdrawal rules: the fields sent change (null clears the maximum or the cap).

    Attributes:
        fee_bps (int | None | Unset):
        fee_cap (int | None | Unset):
        fee_fixed (int | None | Unset):
        maximum_amount (int | None | Unset):
        minimum_amount (int | None | Unset):
        payout (None | PayoutRoute | Unset):
        review_timeout_hours (int | None | Unset):
    """

    fee_bps: int | None | Unset = UNSET
    fee_cap: int | None | Unset = UNSET
    fee_fixed: int | None | Unset = UNSET
    maximum_amount: int | None | Unset = UNSET
    minimum_amount: int | None | Unset = UNSET
    payout: None | PayoutRoute | Unset = UNSET
    review_timeout_hours: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fee_bps: int | None | Unset
        if isinstance(self.fee_bps, Unset):
            fee_bps = UNSET
        else:
            fee_bps = self.fee_bps

        fee_cap: int | None | Unset
        if isinstance(self.fee_cap, Unset):
            fee_cap = UNSET
        else:
            fee_cap = self.fee_cap

        fee_fixed: int | None | Unset
        if isinstance(self.fee_fixed, Unset):
            fee_fixed = UNSET
        else:
            fee_fixed = self.fee_fixed

        maximum_amount: int | None | Unset
        if isinstance(self.maximum_amount, Unset):
            maximum_amount = UNSET
        else:
            maximum_amount = self.maximum_amount

        minimum_amount: int | None | Unset
        if isinstance(self.minimum_amount, Unset):
            minimum_amount = UNSET
        else:
            minimum_amount = self.minimum_amount

        payout: None | str | Unset
        if isinstance(self.payout, Unset):
            payout = UNSET
        elif isinstance(self.payout, PayoutRoute):
            payout = self.payout.value
        else:
            payout = self.payout

        review_timeout_hours: int | None | Unset
        if isinstance(self.review_timeout_hours, Unset):
            review_timeout_hours = UNSET
        else:
            review_timeout_hours = self.review_timeout_hours

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fee_bps is not UNSET:
            field_dict["fee_bps"] = fee_bps
        if fee_cap is not UNSET:
            field_dict["fee_cap"] = fee_cap
        if fee_fixed is not UNSET:
            field_dict["fee_fixed"] = fee_fixed
        if maximum_amount is not UNSET:
            field_dict["maximum_amount"] = maximum_amount
        if minimum_amount is not UNSET:
            field_dict["minimum_amount"] = minimum_amount
        if payout is not UNSET:
            field_dict["payout"] = payout
        if review_timeout_hours is not UNSET:
            field_dict["review_timeout_hours"] = review_timeout_hours

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_fee_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fee_bps = _parse_fee_bps(d.pop("fee_bps", UNSET))

        def _parse_fee_cap(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fee_cap = _parse_fee_cap(d.pop("fee_cap", UNSET))

        def _parse_fee_fixed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fee_fixed = _parse_fee_fixed(d.pop("fee_fixed", UNSET))

        def _parse_maximum_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        maximum_amount = _parse_maximum_amount(d.pop("maximum_amount", UNSET))

        def _parse_minimum_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        minimum_amount = _parse_minimum_amount(d.pop("minimum_amount", UNSET))

        def _parse_payout(data: object) -> None | PayoutRoute | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payout_type_0 = PayoutRoute(data)

                return payout_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayoutRoute | Unset, data)

        payout = _parse_payout(d.pop("payout", UNSET))

        def _parse_review_timeout_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        review_timeout_hours = _parse_review_timeout_hours(
            d.pop("review_timeout_hours", UNSET)
        )

        withdrawal_rules_patch = cls(
            fee_bps=fee_bps,
            fee_cap=fee_cap,
            fee_fixed=fee_fixed,
            maximum_amount=maximum_amount,
            minimum_amount=minimum_amount,
            payout=payout,
            review_timeout_hours=review_timeout_hours,
        )

        return withdrawal_rules_patch
