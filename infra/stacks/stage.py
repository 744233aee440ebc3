"""The stage a stack is deployed as (`-c stage=dev-alice`), and what follows from it.

A stage names every resource (`panacea-<stage>-…`) and is the `PANACEA_STAGE` each function
reads, so it obeys the same pattern as the settings model. Disposable stages (`dev`, `test`,
`dev-<anyone>`) may be deleted with their data; every other stage keeps its table, user pool
and logs when the stack goes, and refuses to delete them while it stands.

The API functions start from a SnapStart snapshot on every stage but a developer's own
(`dev-<anyone>`): SnapStart for Python bills a cache per published version and a charge per
restore (README: Deploy), not worth paying for a copy one person pokes at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aws_cdk import RemovalPolicy
from aws_cdk import aws_logs as logs

STAGE_PATTERN = re.compile(r"^[a-z][a-z0-9-]{0,19}$")  # = panacea.platform.settings.Settings.stage
DISPOSABLE = frozenset({"dev", "test"})


@dataclass(frozen=True)
class Stage:
    name: str

    def __post_init__(self) -> None:
        if not STAGE_PATTERN.match(self.name):
            raise ValueError(
                f"stage {self.name!r} must be 1-20 lowercase letters, digits or dashes, starting with a letter"
            )

    @property
    def disposable(self) -> bool:
        """A developer's or a test's copy: its data may go with the stack."""
        return self.name in DISPOSABLE or self.personal

    @property
    def personal(self) -> bool:
        """One developer's own copy (`dev-<name>`)."""
        return self.name.startswith("dev-")

    @property
    def snap_start(self) -> bool:
        """Whether the API functions are published with SnapStart and invoked through an alias."""
        return not self.personal

    @property
    def prefix(self) -> str:
        return f"panacea-{self.name}"

    def named(self, name: str) -> str:
        """The physical name of a resource of this stage: `panacea-<stage>-<name>`."""
        return f"{self.prefix}-{name}"

    @property
    def removal_policy(self) -> RemovalPolicy:
        """What becomes of stateful resources (table, user pool, logs) when the stack is deleted."""
        return RemovalPolicy.DESTROY if self.disposable else RemovalPolicy.RETAIN

    @property
    def log_retention(self) -> logs.RetentionDays:
        return logs.RetentionDays.ONE_MONTH if self.disposable else logs.RetentionDays.ONE_YEAR
