"""Stripe's keys: one Secrets Manager secret per stage, read at cold start by the functions that
call Stripe (those with `Grant.USE_STRIPE`), each allowed GetSecretValue on this secret only.

The stack creates it with a placeholder (`secret_key` "set me", a random `webhook_secret`), which
the payments adapter refuses to use; operators put the real keys in once (README: Deploy):

    {"secret_key": "sk_live_…", "webhook_secret": "whsec_…"}

The secret is encrypted with the account's Secrets Manager key (aws/secretsmanager), which
Secrets Manager uses on the functions' behalf: no KMS permission is granted.
"""

from __future__ import annotations

import json

from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from infra.stacks.checks import acknowledge
from infra.stacks.stage import Stage

ENV_VARIABLE = "PANACEA_STRIPE_SECRET"  # = panacea.platform.settings.Settings.stripe_secret
PLACEHOLDER = "set me: the Stripe secret key (sk_live_… or a restricted rk_live_…)"


class StripeKeys(Construct):
    def __init__(self, scope: Construct, id: str, *, stage: Stage) -> None:
        super().__init__(scope, id)
        self.secret = secretsmanager.Secret(
            self,
            "Secret",
            secret_name=stage.named("stripe"),
            description=f"{stage.prefix}: Stripe's secret key and the webhook endpoint's signing secret",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                secret_string_template=json.dumps({"secret_key": PLACEHOLDER}),
                generate_string_key="webhook_secret",
                exclude_punctuation=True,
                password_length=32,
            ),
            removal_policy=stage.removal_policy,
        )
        acknowledge(
            self.secret,
            "AwsSolutions-SMG4",
            "Stripe's keys are rolled in Stripe's dashboard, which shows a new key once; operators then put it "
            "in this secret. A rotation Lambda cannot ask Stripe for a new secret key or signing secret.",
        )

    @property
    def arn(self) -> str:
        return self.secret.secret_arn
