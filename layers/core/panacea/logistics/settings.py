"""Logistics' section of a tenant's settings (`logistics`): the replacement kits' policy, the
samples' default stability window (replacement_rules.py holds their models) and how long the
sample-logistics workflow waits at each stage of a sample before it reminds and escalates
(`waits`: `SampleWaits`, waits.py)."""

from __future__ import annotations

from pydantic import ConfigDict

from panacea.logistics.replacement_rules import (
    DEFAULT_STABILITY_DAYS,
    ReplacementPolicy,
    ReplacementPolicyPatch,
    StabilityDays,
)
from panacea.logistics.waits import SampleWaits, SampleWaitsPatch
from panacea.platform.inputs import Command
from panacea.platform.sections import SettingsSection


class LogisticsPatch(Command):
    model_config = ConfigDict(extra="forbid")

    replacements: ReplacementPolicyPatch | None = None
    sample_stability_days: StabilityDays | None = None
    waits: SampleWaitsPatch | None = None


class LogisticsSettings(SettingsSection, name="logistics", patch=LogisticsPatch):
    """Sample logistics: replacement kits (`replacements`), the default stability window and the
    workflow's waits at each stage of a sample."""

    replacements: ReplacementPolicy = ReplacementPolicy()
    sample_stability_days: StabilityDays = DEFAULT_STABILITY_DAYS
    waits: SampleWaits = SampleWaits()
