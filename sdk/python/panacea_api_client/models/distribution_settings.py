from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.binding_scope import BindingScope
from ..models.binding_term import BindingTerm
from ..models.recruitment import Recruitment
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistributionSettings")


@_attrs_define
class DistributionSettings:
    """Member distribution: share links earn commission on up to three levels (e.g. 8% + 4%).
    `enabled` switches all of it (binding and commission); `who_may_distribute: off` only stops
    new distributors.

        Attributes:
            binding_days (int | Unset):  Default: 30.
            binding_scope (BindingScope | Unset): Whom a code binds: any member not bound yet, or only new members (at
                registration, or before
                their first paid order).
            binding_term (BindingTerm | Unset): How long a member stays bound to their referrer: for good; `binding_days`
                from the binding;
                until another distributor's code is used (the last click wins).
            enabled (bool | Unset):  Default: False.
            freeze_days (int | Unset): days commission stays frozen after the order completes Default: 14.
            level_rates_bps (list[int] | Unset):
            levels (int | Unset): levels of the referral chain that earn commission Default: 2.
            min_withdrawal (int | Unset): minor units of the tenant's currency Default: 1000.
            self_purchase_commission (bool | Unset):  Default: False.
            spending_threshold (int | Unset): minor units of the tenant's currency Default: 0.
            wallet_at_checkout (bool | Unset):  Default: False.
            who_may_distribute (Recruitment | Unset): Who may become a distributor: nobody new; those staff appoint; every
                member who asks; a
                member whose paid orders reach `spending_threshold` (0: their first paid order).
    """

    binding_days: int | Unset = 30
    binding_scope: BindingScope | Unset = UNSET
    binding_term: BindingTerm | Unset = UNSET
    enabled: bool | Unset = False
    freeze_days: int | Unset = 14
    level_rates_bps: list[int] | Unset = UNSET
    levels: int | Unset = 2
    min_withdrawal: int | Unset = 1000
    self_purchase_commission: bool | Unset = False
    spending_threshold: int | Unset = 0
    wallet_at_checkout: bool | Unset = False
    who_may_distribute: Recruitment | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        binding_days = self.binding_days

        binding_scope: str | Unset = UNSET
        if not isinstance(self.binding_scope, Unset):
            binding_scope = self.binding_scope.value

        binding_term: str | Unset = UNSET
        if not isinstance(self.binding_term, Unset):
            binding_term = self.binding_term.value

        enabled = self.enabled

        freeze_days = self.freeze_days

        level_rates_bps: list[int] | Unset = UNSET
        if not isinstance(self.level_rates_bps, Unset):
            level_rates_bps = self.level_rates_bps

        levels = self.levels

        min_withdrawal = self.min_withdrawal

        self_purchase_commission = self.self_purchase_commission

        spending_threshold = self.spending_threshold

        wallet_at_checkout = self.wallet_at_checkout

        who_may_distribute: str | Unset = UNSET
        if not isinstance(self.who_may_distribute, Unset):
            who_may_distribute = self.who_may_distribute.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        binding_days = d.pop("binding_days", UNSET)

        _binding_scope = d.pop("binding_scope", UNSET)
        binding_scope: BindingScope | Unset
        if isinstance(_binding_scope, Unset):
            binding_scope = UNSET
        else:
            binding_scope = BindingScope(_binding_scope)

        _binding_term = d.pop("binding_term", UNSET)
        binding_term: BindingTerm | Unset
        if isinstance(_binding_term, Unset):
            binding_term = UNSET
        else:
            binding_term = BindingTerm(_binding_term)

        enabled = d.pop("enabled", UNSET)

        freeze_days = d.pop("freeze_days", UNSET)

        level_rates_bps = cast(list[int], d.pop("level_rates_bps", UNSET))

        levels = d.pop("levels", UNSET)

        min_withdrawal = d.pop("min_withdrawal", UNSET)

        self_purchase_commission = d.pop("self_purchase_commission", UNSET)

        spending_threshold = d.pop("spending_threshold", UNSET)

        wallet_at_checkout = d.pop("wallet_at_checkout", UNSET)

        _who_may_distribute = d.pop("who_may_distribute", UNSET)
        who_may_distribute: Recruitment | Unset
        if isinstance(_who_may_distribute, Unset):
            who_may_distribute = UNSET
        else:
            who_may_distribute = Recruitment(_who_may_distribute)

        distribution_settings = cls(
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

        distribution_settings.additional_properties = d
        return distribution_settings

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
