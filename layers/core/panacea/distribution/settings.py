"""Distribution's section of a tenant's settings (`distribution`): who may distribute, how a member
is bound to the distributor who brought them, how many levels earn commission and at what rates,
how long commission stays frozen, and what a withdrawal needs.

The section moved here from tenancy as it was stored (`enabled`, `level_rates_bps`,
`min_withdrawal`; `refund_window_days` is read as `freeze_days`): settings stored before read the
new fields at their defaults.

The levels a tenant may pay are capped by its jurisdiction (`LEVEL_CAPS`). Tenancy validates a
settings patch with the tenant's jurisdiction in pydantic's validation context
(`JURISDICTION`), so a patch beyond the cap is a 422 naming `distribution.levels`.
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from typing import Annotated, Any

from pydantic import ConfigDict, Field, ValidationInfo, model_validator

from panacea.platform.inputs import Command, FromString
from panacea.platform.money import BasisPoints
from panacea.platform.sections import JURISDICTION, SettingsSection, TenantProfile

MAX_LEVELS = 3
MAX_TOTAL_BPS = 5000  # commission on all levels together: at most half of what the buyer paid

# Levels of commission a tenant's jurisdiction allows (ISO 3166-1 alpha-2 → levels), else MAX_LEVELS.
#
# CN: 2. The Regulations on Prohibition of Pyramid Selling (《禁止传销条例》, State Council Decree
# No. 444, 2005) Art. 7 call pyramid selling paying people on what those they recruited, directly
# or indirectly, bring in (items 2 and 3: "拉人头", "团队计酬"). Chinese market regulators and
# courts have read commission on three or more levels of a referral chain as that, and WeChat's
# external-link content rules (《微信外部链接内容管理规范》, where Chinese tenants' share links and
# QR codes live) forbid promoting "三级及以上分销" (distribution of three levels or more). So a
# tenant in China pays at most two levels (the rule CRMEB and the large Chinese mall platforms
# follow). Not legal advice: a tenant's own counsel decides whether even two is right for it.
LEVEL_CAPS: dict[str, int] = {"CN": 2}


def level_cap(jurisdiction: str | None) -> int:
    """How many levels of commission a tenant of `jurisdiction` may pay."""
    return LEVEL_CAPS.get((jurisdiction or "").upper(), MAX_LEVELS)


class Recruitment(StrEnum):
    """Who may become a distributor: nobody new; those staff appoint; every member who asks; a
    member whose paid orders reach `spending_threshold` (0: their first paid order)."""

    OFF = "off"
    APPOINTED = "appointed"
    EVERYONE = "everyone"
    SPENDING = "spending"


class BindingTerm(StrEnum):
    """How long a member stays bound to their referrer: for good; `binding_days` from the binding;
    until another distributor's code is used (the last click wins)."""

    PERMANENT = "permanent"
    DAYS = "days"
    LAST_CLICK = "last_click"


class BindingScope(StrEnum):
    """Whom a code binds: any member not bound yet, or only new members (at registration, or before
    their first paid order)."""

    ANYONE = "anyone"
    NEW_MEMBERS = "new_members"


Levels = Annotated[int, Field(ge=1, le=MAX_LEVELS, description="levels of the referral chain that earn commission")]
Rates = Annotated[list[BasisPoints], Field(max_length=MAX_LEVELS, examples=[[800, 400]])]
Days = Annotated[int, Field(ge=1, le=3650)]
FreezeDays = Annotated[int, Field(ge=0, le=90, description="days commission stays frozen after the order completes")]
MinorUnits = Annotated[int, Field(ge=0, le=10**12, description="minor units of the tenant's currency")]


class DistributionPatch(Command):
    model_config = ConfigDict(extra="forbid")
    enabled: bool | None = None
    wallet_at_checkout: bool | None = None
    who_may_distribute: FromString[Recruitment] | None = None
    spending_threshold: MinorUnits | None = None
    binding_term: FromString[BindingTerm] | None = None
    binding_days: Days | None = None
    binding_scope: FromString[BindingScope] | None = None
    levels: Levels | None = None
    level_rates_bps: Rates | None = None
    freeze_days: FreezeDays | None = None
    self_purchase_commission: bool | None = None
    min_withdrawal: MinorUnits | None = None


class DistributionSettings(SettingsSection, name="distribution", patch=DistributionPatch):
    """Member distribution: share links earn commission on up to three levels (e.g. 8% + 4%).
    `enabled` switches all of it (binding and commission); `who_may_distribute: off` only stops
    new distributors."""

    enabled: bool = False
    # Members may spend their wallet (commission, cashback) on an order, a payment part beside
    # the card; off by default. Independent of `enabled`: a wallet that holds money stays spendable.
    wallet_at_checkout: bool = False
    who_may_distribute: Recruitment = Recruitment.APPOINTED
    spending_threshold: MinorUnits = 0
    binding_term: BindingTerm = BindingTerm.PERMANENT
    binding_days: Days = 30
    binding_scope: BindingScope = BindingScope.ANYONE
    levels: Levels = 2
    level_rates_bps: Rates = []
    freeze_days: FreezeDays = 14
    self_purchase_commission: bool = False
    min_withdrawal: MinorUnits = 1000

    @model_validator(mode="before")
    @classmethod
    def _stored_before(cls, data: Any) -> Any:
        """The refund window tenancy held is the freeze: commission thaws when it closes."""
        if isinstance(data, dict) and "refund_window_days" in data:
            window = data["refund_window_days"]
            data = {k: v for k, v in data.items() if k != "refund_window_days"}
            data.setdefault("freeze_days", window)
        return data

    @model_validator(mode="after")
    def _rates_fit(self, info: ValidationInfo) -> DistributionSettings:
        if self.enabled and not self.level_rates_bps:
            raise ValueError("distribution needs a rate for at least one level")
        if self.level_rates_bps and len(self.level_rates_bps) != self.levels:
            raise ValueError(f"give level_rates_bps one rate for each of the {self.levels} levels")
        if sum(self.level_rates_bps) > MAX_TOTAL_BPS:
            raise ValueError("commission on all levels together cannot exceed 50% of a sale")
        jurisdiction = (info.context or {}).get(JURISDICTION) if isinstance(info.context, dict) else None
        if self.levels > level_cap(jurisdiction):
            raise ValueError(
                f"a tenant in {jurisdiction} may pay commission on at most {level_cap(jurisdiction)} levels"
            )
        return self

    @classmethod
    def default_for(cls, tenant: TenantProfile) -> DistributionSettings:
        """Gene-testing and internet-hospital malls sell through member distribution (8% + 4%, two
        levels, within every jurisdiction's cap); practices and clinics do not."""
        sells_by_distribution = tenant.kind in {"gene_testing", "internet_hospital"}
        return cls(enabled=sells_by_distribution, level_rates_bps=[800, 400] if sells_by_distribution else [])

    @property
    def rates(self) -> list[int]:
        """The rate of each level that earns, level 1 first."""
        return list(self.level_rates_bps[: self.levels])

    @property
    def rule_version(self) -> str:
        """A fingerprint of the rules a binding and its commission follow: evidence kept with each
        binding and each order, so that a later change of the rules never rewrites them."""
        rules = self.model_dump(
            mode="json",
            include={"binding_term", "binding_days", "binding_scope", "levels", "level_rates_bps",
                     "self_purchase_commission", "freeze_days"},
        )  # fmt: skip
        return hashlib.sha256(json.dumps(rules, sort_keys=True).encode()).hexdigest()[:12]
