"""cdk-nag finds nothing unacknowledged, each acknowledgment says why and excuses a real finding,
and cfn-lint accepts the template."""

from __future__ import annotations

import json
from pathlib import Path

from aws_cdk import App
from cfnlint.api import ManualArgs, lint_by_config  # type: ignore[import-untyped]

from infra import wiring
from infra.app import build
from infra.stacks.checks import MIN_REASON
from infra.stacks.functions import IN_ACCOUNT, SMS_AND_PUSH, SMS_TO_PHONES_ONLY, X_RAY_HAS_NO_RESOURCES
from tests.infra.template import STACK, Synthesized, app_context

# The findings this app accepts, each with its reason next to the construct it excuses. Adding
# one here is a decision to review, not a way to make a synth pass.
ACCEPTED = {
    "AwsSolutions::AwsSolutions-L1",  # python3.12 on purpose (layers and tests are cp3.12)
    "Serverless::Serverless-LambdaLatestVersion",  # the same, as the Serverless pack words it
    # X-Ray and log delivery have no resource-level permissions; nor has SMS to a phone number (sns:Publish)
    "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
    # onboarding puts each tenant's usage key in its tier's plan: ids made after the policy
    "AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/apikeys/*]",
    "AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/usageplans/*]",
    "AwsSolutions::AwsSolutions-APIG3",  # no WAF web ACL by default
    "AwsSolutions::AwsSolutions-APIG4",  # the public routes of the wiring (health, docs)
    "AwsSolutions::AwsSolutions-COG4",  # public routes, and the Lambda authorizer that verifies Cognito tokens
    "AwsSolutions::AwsSolutions-COG2",  # MFA optional for members
    "AwsSolutions::AwsSolutions-COG8",  # Essentials plan, not Plus
    "Serverless::Serverless-SQSRedrivePolicy",  # dead-letter queues have no dead-letter queue
    "Serverless::Serverless-LambdaEventSourceMappingDestination",  # SQS sources dead-letter by redrive
    "AwsSolutions::AwsSolutions-SMG4",  # Stripe's keys are rolled in Stripe's dashboard, not by a rotation Lambda
    # the catalog puts and gets uploads under tenants/: keys are made per tenant and upload at request time
    "AwsSolutions::AwsSolutions-IAM5[Resource::<StorageUploadsBDC5E374.Arn>/tenants/*]",
    # the messaging providers' credentials: one secret per tenant and provider, made when a tenant brings its senders
    f"AwsSolutions::AwsSolutions-IAM5[Resource::{IN_ACCOUNT.format('secretsmanager')}:secret:{STACK}/messaging/*]",
    # push applications are the platform's or a tenant's own, made in SNS after the policy
    f"AwsSolutions::AwsSolutions-IAM5[Resource::{IN_ACCOUNT.format('sns')}:app/*]",
}

# CloudFormation that CDK itself writes and cfn-lint warns about:
# W3005: CDK adds DependsOn on a function's role (and its default policy) although the function
# already references the role with GetAtt; harmless, and not ours to change.
CFN_LINT_IGNORED = ["W3005"]


def _violations(synthesized: Synthesized) -> list[str]:
    return [
        f"{v['ruleName']} ({v['severity']}) at {c['constructPath']}: {v['description']}"
        for plugin in synthesized.report["pluginReports"]
        for v in plugin["violations"]
        for c in v["violatingConstructs"]
    ]


def test_cdk_nag_finds_nothing_unacknowledged(synthesized: Synthesized):
    # Given the app synthesized with the AWS Solutions and Serverless packs
    # Then the synth succeeded and every plugin concluded with success
    assert synthesized.nag_failure is None, "\n".join(_violations(synthesized)) or synthesized.nag_failure
    assert {p["pluginName"] for p in synthesized.report["pluginReports"]} == {"AwsSolutions", "Serverless"}
    assert all(p["conclusion"] == "success" for p in synthesized.report["pluginReports"])
    assert _violations(synthesized) == []


def test_acknowledgments_are_few_specific_and_reasoned(synthesized: Synthesized):
    # Given every acknowledgment made anywhere in the app
    acknowledged = synthesized.acknowledgments
    # Then each accepts a finding on the list, on a construct below the stack, with a reason
    assert {a.rule for a in acknowledged} == ACCEPTED
    for ack in acknowledged:
        assert ack.path.count("/") >= 2, f"{ack.rule} is acknowledged for a whole stack at {ack.path}"
        assert len(ack.reason) >= MIN_REASON, ack


def test_a_role_that_publishes_on_a_wildcard_says_why_in_its_acknowledgment(synthesized: Synthesized):
    # Given the acknowledgments of '*' on the functions' roles
    anywhere = {a.path: a.reason for a in synthesized.acknowledgments if a.rule.endswith("[Resource::*]")}
    for fn in wiring.FUNCTIONS:
        reason = anywhere[f"{synthesized.stack_name}/Functions/{fn.name}/Role"]
        # Then each says why X-Ray is on '*', and a role that publishes to SNS on '*' says why too
        assert X_RAY_HAS_NO_RESOURCES in reason
        assert (SMS_TO_PHONES_ONLY in reason) == (wiring.Grant.SEND_SMS in fn.grants), fn.name
        assert (SMS_AND_PUSH in reason) == (wiring.Grant.USE_MESSAGING in fn.grants), fn.name


def test_every_acknowledgment_excuses_a_finding(synthesized: Synthesized):
    # Given the findings cdk-nag reported as acknowledged
    excused = {
        (v["acknowledgedAt"], v["acknowledgedId"])
        for plugin in synthesized.report["pluginReports"]
        for v in plugin.get("suppressedViolations", [])
    }
    # Then no acknowledgment is left over from a finding that no longer exists
    stale = [a for a in synthesized.acknowledgments if (a.path, a.rule) not in excused]
    assert stale == []


def test_the_opt_in_account_logging_role_is_created_once_and_kept(tmp_path: Path):
    # Given the app asked to set up API Gateway's account-wide logging role
    app = App(outdir=str(tmp_path), context=app_context(stage="dev-alice", api_gateway_account_role="true"))
    stack = build(app)
    # When it is synthesized with cdk-nag
    app.synth()
    template = json.loads((tmp_path / stack.template_file).read_text())
    # Then the account's role is set, survives the stack, and cdk-nag accepts its managed policy
    (account,) = [r for r in template["Resources"].values() if r["Type"] == "AWS::ApiGateway::Account"]
    assert account["DeletionPolicy"] == "Retain"


def test_cfn_lint_accepts_every_template(synthesized: Synthesized):
    # Given the stack's template and its nested stacks' (the API's routes, one per context)
    paths = [synthesized.template_path, *sorted(synthesized.template_path.parent.glob("*.nested.template.json"))]
    assert len(paths) == 1 + len(synthesized.nested)
    # When cfn-lint checks them
    matches = lint_by_config(ManualArgs(templates=[str(p) for p in paths], ignore_checks=CFN_LINT_IGNORED))
    # Then it finds no error and no warning
    assert [f"{m.rule.id} {m.message} ({m.filename} line {m.linenumber})" for m in matches] == []
