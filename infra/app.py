"""The CDK app: `npx cdk synth` (or deploy) from the repository root.

    npx cdk deploy -c stage=dev-alice                  # your own copy: panacea-dev-alice
    npx cdk deploy -c stage=prod -c stack_name=panacea-prod

The stage (default `dev`) names every resource and decides whether data survives the stack;
the stack name defaults to `panacea-<stage>`. Account and region come from the CLI's
environment (CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION) when it has them.

API Gateway writes its logs through one IAM role per account and region. In an account where
none is set yet, deploy one stage once with `-c api_gateway_account_role=true` to create it
(it outlives the stack); every stage of the account then uses it.
"""

from __future__ import annotations

import os

from aws_cdk import App, Environment

from infra.stacks import PanaceaStack, Stage, add_checks


def build(app: App) -> PanaceaStack:
    stage = Stage(str(app.node.try_get_context("stage") or "dev"))
    stack_name = str(app.node.try_get_context("stack_name") or stage.prefix)
    env = Environment(account=os.environ.get("CDK_DEFAULT_ACCOUNT"), region=os.environ.get("CDK_DEFAULT_REGION"))
    account_role = str(app.node.try_get_context("api_gateway_account_role")).lower() == "true"
    stack = PanaceaStack(app, stack_name, stage=stage, env=env, api_gateway_account_role=account_role)
    add_checks(app)
    return stack


def main() -> None:
    app = App(outdir=os.environ.get("CDK_OUTDIR", "cdk.out"))
    build(app)
    app.synth()


if __name__ == "__main__":
    main()
