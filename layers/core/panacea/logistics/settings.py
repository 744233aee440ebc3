"""Logistics' section of a tenant's settings (`logistics`): the replacement kits' policy and the
samples' default stability window (replacement_rules.py holds their models)."""

from __future__ import annotations

from pydantic import ConfigDict

from panacea.logistics.replacement_rules import (
    DEFAULT_STABILITY_DAYS,
    ReplacementPolicy,
    ReplacementPolicyPatch,
    StabilityDays,
)
from panacea.platform.inputs import Command
from panacea.platform.sections import SettingsSection


class LogisticsPatch(Command):
    model_config = ConfigDict(extra="forbid")
    replacements: ReplacementPolicyPatch | None = None
    sample_stability_days: StabilityDays | None = None


class LogisticsSettings(SettingsSection, name="logistics", patch=LogisticsPatch):
    """Sample logistics: replacement kits (`replacements`) and the default stability window."""

    replacements: ReplacementPolicy = ReplacementPolicy()
    sample_stability_days: StabilityDays = DEFAULT_STABILITY_DAYS
