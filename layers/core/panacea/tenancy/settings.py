"""The sections of a tenant's settings that tenancy holds for contexts not built yet.

`distribution` belongs to the distribution context: when that context is built, this section
moves to `distribution/settings.py` as it is (the stored document and the API do not change),
and this module goes. Tenancy's own settings (currency, locale, branding) are the top of the
document, in `tenancy/models.py`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from panacea.platform.inputs import Command
from panacea.platform.money import BasisPoints
from panacea.platform.sections import SettingsSection, TenantProfile


class DistributionPatch(Command):
    model_config = ConfigDict(extra="forbid")
    enabled: bool | None = None
    level_rates_bps: Annotated[list[BasisPoints], Field(max_length=3)] | None = None
    refund_window_days: Annotated[int, Field(ge=0, le=90)] | None = None
    min_withdrawal: Annotated[int, Field(ge=0)] | None = None


class DistributionSettings(SettingsSection, name="distribution", patch=DistributionPatch):
    """Member distribution: share links earn commission on up to three levels (e.g. 8% + 4%)."""

    enabled: bool = False
    level_rates_bps: Annotated[list[BasisPoints], Field(max_length=3, examples=[[800, 400]])] = []
    refund_window_days: Annotated[int, Field(ge=0, le=90)] = 14
    min_withdrawal: Annotated[int, Field(ge=0, description="minor units of the tenant's currency")] = 1000

    @model_validator(mode="after")
    def _rates_fit(self) -> DistributionSettings:
        if self.enabled and not self.level_rates_bps:
            raise ValueError("distribution needs a rate for at least one level")
        if sum(self.level_rates_bps) > 5000:
            raise ValueError("commission on all levels together cannot exceed 50% of a sale")
        return self

    @classmethod
    def default_for(cls, tenant: TenantProfile) -> DistributionSettings:
        """Gene-testing and internet-hospital malls sell through member distribution (8% + 4%);
        practices and clinics do not."""
        sells_by_distribution = tenant.kind in {"gene_testing", "internet_hospital"}
        return cls(enabled=sells_by_distribution, level_rates_bps=[800, 400] if sells_by_distribution else [])
