"""Logistics' section of a tenant's settings (`logistics`): how long the sample-logistics workflow
waits at each stage of a sample before it reminds and escalates (`waits`: `SampleWaits`)."""

from __future__ import annotations

from pydantic import ConfigDict

from panacea.logistics.waits import SampleWaits, SampleWaitsPatch
from panacea.platform.inputs import Command
from panacea.platform.sections import SettingsSection


class LogisticsPatch(Command):
    model_config = ConfigDict(extra="forbid")

    waits: SampleWaitsPatch | None = None


class LogisticsSettings(SettingsSection, name="logistics", patch=LogisticsPatch):
    """Sample logistics: the waits of each stage of a sample."""

    waits: SampleWaits = SampleWaits()
