"""cdk-nag on every synth, and the one way this app acknowledges a finding: with a reason.

An unacknowledged error fails the synth (`ValidationFailed`, details in
`cdk.out/validation-report.json`). Acknowledgments sit next to the construct they excuse, name
one rule (and, for rules with findings, one finding), and say why.
"""

from __future__ import annotations

from aws_cdk import Acknowledgment, App, Validations
from cdk_nag import AwsSolutionsChecks, ServerlessChecks
from constructs import IConstruct

MIN_REASON = 40  # characters: a reason says why, not just "ok"


def add_checks(app: App) -> None:
    """Run the AWS Solutions and Serverless rule packs over every stack of `app`."""
    Validations.of(app).add_plugins(AwsSolutionsChecks(app), ServerlessChecks(app))


def acknowledge(construct: IConstruct, rule: str, reason: str) -> None:
    """Accept finding `rule` (e.g. `AwsSolutions-IAM5[Resource::*]`) on `construct` and below."""
    if len(reason) < MIN_REASON:
        raise ValueError(f"acknowledging {rule} needs a reason of at least {MIN_REASON} characters")
    pack = rule.split("-", 1)[0]
    Validations.of(construct).acknowledge(Acknowledgment(id=f"{pack}::{rule}", reason=reason))
