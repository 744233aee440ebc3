from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.binding_scope import BindingScope
from ..models.binding_term import BindingTerm
from ..models.recruitment import Recruitment
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistributionPatch")


@_attrs_define
class DistributionPatch:
    """
    Attributes:
        binding_days (int | None | Unset):
        binding_scope (BindingScope | None | Unset):
        binding_term (BindingTerm | None | Unset):
        enabled (bool | None | Unset):
        freeze_days (int | None | Unset):
        level_rates_bps (list[int] | None | Unset):
        levels (int | None | Unset):
        min_withdrawal (int | None | Unset):
        self_purchase_commission (bool | None | Unset):
        spending_threshold (int | None | Unset):
        wallet_at_checkout (bool | None | Unset):
        who_may_distribute (None | Recruitment | Unset):
    """

    binding_days: int | None | Unset = UNSET
    binding_scope: BindingScope | None | Unset = UNSET
    binding_term: BindingTerm | None | Unset = UNSET
    enabled: bool | None | Unset = UNSET
    freeze_days: int | None | Unset = UNSET
    level_rates_bps: list[int] | None | Unset = UNSET
    levels: int | None | Unset = UNSET
    min_withdrawal: int | None | Unset = UNSET
    self_purchase_commission: bool | None | Unset = UNSET
    spending_threshold: int | None | Unset = UNSET
    wallet_at_checkout: bool | None | Unset = UNSET
    who_may_distribute: None | Recruitment | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        binding_days: int | None | Unset
        if isinstance(self.binding_days, Unset):
            binding_days = UNSET
        else:
            binding_days = self.binding_days

        binding_scope: None | str | Unset
        if isinstance(self.binding_scope, Unset):
            binding_scope = UNSET
        elif isinstance(self.binding_scope, BindingScope):
            binding_scope = self.binding_scope.value
        else:
            binding_scope = self.binding_scope

        binding_term: None | str | Unset
        if isinstance(self.binding_term, Unset):
            binding_term = UNSET
        elif isinstance(self.binding_term, BindingTerm):
            binding_term = self.binding_term.value
        else:
            binding_term = self.binding_term

        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        freeze_days: int | None | Unset
        if isinstance(self.freeze_days, Unset):
            freeze_days = UNSET
        else:
            freeze_days = self.freeze_days

        level_rates_bps: list[int] | None | Unset
        if isinstance(self.level_rates_bps, Unset):
            level_rates_bps = UNSET
        elif isinstance(self.level_rates_bps, list):
            level_rates_bps = self.level_rates_bps

        else:
            level_rates_bps = self.level_rates_bps

        levels: int | None | Unset
        if isinstance(self.levels, Unset):
            levels = UNSET
        else:
            levels = self.levels

        min_withdrawal: int | None | Unset
        if isinstance(self.min_withdrawal, Unset):
            min_withdrawal = UNSET
        else:
            min_withdrawal = self.min_withdrawal

        self_purchase_commission: bool | None | Unset
        if isinstance(self.self_purchase_commission, Unset):
            self_purchase_commission = UNSET
        else:
            self_purchase_commission = self.self_purchase_commission

        spending_threshold: int | None | Unset
        if isinstance(self.spending_threshold, Unset):
            spending_threshold = UNSET
        else:
            spending_threshold = self.spending_threshold

        wallet_at_checkout: bool | None | Unset
        if isinstance(self.wallet_at_checkout, Unset):
            wallet_at_checkout = UNSET
        else:
            wallet_at_checkout = self.wallet_at_checkout

        who_may_distribute: None | str | Unset
        if isinstance(self.who_may_distribute, Unset):
            who_may_distribute = UNSET
        elif isinstance(self.who_may_distribute, Recruitment):
            who_may_distribute = self.who_may_distribute.value
        else:
            who_may_distribute = self.who_may_distribute

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if binding_days is not UNSET:
            field_dict["binding_days"] = binding_days
        if binding_scope is not UNSET:
            field_dict["binding_scope"] = binding_scope
        if binding_term is not UNSET:
            field_dict["binding_term"] = binding_term
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if freeze_days is not UNSET:
            field_dict["freeze_days"] = freeze_days
        if level_rates_bps is not UNSET:
            field_dict["level_rates_bps"] = level_rates_bps
        if levels is not UNSET:
            field_dict["levels"] = levels
        if min_withdrawal is not UNSET:
            field_dict["min_withdrawal"] = min_withdrawal
        if self_purchase_commission is not UNSET:
            field_dict["self_purchase_commission"] = self_purchase_commission
        if spending_threshold is not UNSET:
            field_dict["spending_threshold"] = spending_threshold
        if wallet_at_checkout is not UNSET:
            field_dict["wallet_at_checkout"] = wallet_at_checkout
        if who_may_distribute is not UNSET:
            field_dict["who_may_distribute"] = who_may_distribute

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_binding_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        binding_days = _parse_binding_days(d.pop("binding_days", UNSET))

        def _parse_binding_scope(data: object) -> BindingScope | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                binding_scope_type_0 = BindingScope(data)

                return binding_scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BindingScope | None | Unset, data)

        binding_scope = _parse_binding_scope(d.pop("binding_scope", UNSET))

        def _parse_binding_term(data: object) -> BindingTerm | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                binding_term_type_0 = BindingTerm(data)

                return binding_term_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BindingTerm | None | Unset, data)

        binding_term = _parse_binding_term(d.pop("binding_term", UNSET))

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        def _parse_freeze_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        freeze_days = _parse_freeze_days(d.pop("freeze_days", UNSET))

        def _parse_level_rates_bps(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                level_rates_bps_type_0 = cast(list[int], data)

                return level_rates_bps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        level_rates_bps = _parse_level_rates_bps(d.pop("level_rates_bps", UNSET))

        def _parse_levels(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        levels = _parse_levels(d.pop("levels", UNSET))

        def _parse_min_withdrawal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_withdrawal = _parse_min_withdrawal(d.pop("min_withdrawal", UNSET))

        def _parse_self_purchase_commission(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        self_purchase_commission = _parse_self_purchase_commission(
            d.pop("self_purchase_commission", UNSET)
        )

        def _parse_spending_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        spending_threshold = _parse_spending_threshold(
            d.pop("spending_threshold", UNSET)
        )

        def _parse_wallet_at_checkout(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        wallet_at_checkout = _parse_wallet_at_checkout(
            d.pop("wallet_at_checkout", UNSET)
        )

        def _parse_who_may_distribute(data: object) -> None | Recruitment | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                who_may_distribute_type_0 = Recruitment(data)

                return who_may_distribute_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Recruitment | Unset, data)

        who_may_distribute = _parse_who_may_distribute(
            d.pop("who_may_distribute", UNSET)
        )

        distribution_patch = cls(
            binding_days=binding_days,
            binding_scope=binding_scope,
            binding_term=binding_term,
            enabled=enabled,
            freeze_days=freeze_days,
            level_rates_bps=level_rates_bps,
            levels=levels,
            min_withdrawal=min_withdrawal,
            self_purchase_commission=self_purchase_commission,
            spending_threshold=spending_threshold,
            wallet_at_checkout=wallet_at_checkout,
            who_may_distribute=who_may_distribute,
        )

        return distribution_patch
