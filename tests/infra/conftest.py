"""The CDK app, synthesized once per session as `infra/app.py` builds it (stage `test`, cdk-nag
on), with bundling skipped: assets are hashed from their sources and pip never runs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

import pytest
from aws_cdk import App, Validations
from aws_cdk.assertions import Template

from infra.app import build
from infra.stacks import PanaceaStack, Stage
from tests.infra.template import STAGE, Acknowledgment, Synthesized, app_context, nested_templates


def _acknowledgments(app: App) -> Iterator[Acknowledgment]:
    key = Validations.ACKNOWLEDGED_RULES_METADATA_KEY
    for construct in app.node.find_all():
        for entry in construct.node.metadata:
            if entry.type == key:
                for rule, reason in dict(entry.data).items():
                    yield Acknowledgment(construct.node.path, rule, reason)


@pytest.fixture(scope="session")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Synthesized:
    outdir = tmp_path_factory.mktemp("cdk.out")
    app = App(outdir=str(outdir), context=app_context(stage=STAGE))
    stack = build(app)
    try:
        app.synth()
        failure = None
    except RuntimeError as exc:  # ValidationFailed: the template is written, the report says why
        failure = str(exc)
    template_path = outdir / stack.template_file
    raw = json.loads(template_path.read_text())
    report_path = outdir / "validation-report.json"
    report = json.loads(report_path.read_text()) if report_path.exists() else {"pluginReports": []}
    acknowledgments = list(_acknowledgments(app))
    nested = nested_templates(stack, outdir)
    return Synthesized(Template.from_json(raw), raw, template_path, failure, report, acknowledgments, nested=nested)


@pytest.fixture(scope="session")
def production() -> Template:
    """The stack as a non-disposable stage (`prod`) synthesizes it (no cdk-nag: same constructs)."""
    app = App(context=app_context(stage="prod"))
    return Template.from_stack(PanaceaStack(app, "panacea-prod", stage=Stage("prod")))


@pytest.fixture(scope="session")
def personal(tmp_path_factory: pytest.TempPathFactory) -> Synthesized:
    """The stack as a developer's own stage (`dev-alice`) synthesizes it (no cdk-nag: same constructs)."""
    outdir = tmp_path_factory.mktemp("cdk.out.personal")
    app = App(outdir=str(outdir), context=app_context(stage="dev-alice"))
    stack = PanaceaStack(app, "panacea-dev-alice", stage=Stage("dev-alice"))
    app.synth()
    raw = json.loads((outdir / stack.template_file).read_text())
    return Synthesized(
        Template.from_json(raw),
        raw,
        outdir / stack.template_file,
        None,
        {"pluginReports": []},
        [],
        stack_name="panacea-dev-alice",
        nested=nested_templates(stack, outdir),
    )
