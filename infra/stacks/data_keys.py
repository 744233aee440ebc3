"""The keys of the data sealed at rest (payout account numbers, `panacea.platform.sealing`): one
Secrets Manager secret per stage, a random string the stack generates (never in the template), read
by the functions that seal or open such data (those with `Grant.SEAL_DATA`), each allowed
GetSecretValue on this secret only.

Unlike the cursor key, this one must outlive what it sealed: it follows the stage's removal policy
(kept with the table on stages that keep data), and rotating it means putting a NEW random string
FIRST, whitespace, then the old one, which keeps opening what it sealed (sealing.py).
"""

from __future__ import annotations

from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from infra.stacks.checks import acknowledge
from infra.stacks.stage import Stage

ENV_VARIABLE = "PANACEA_DATA_KEY_SECRET"  # = panacea.platform.settings.Settings.data_key_secret


class DataKey(Construct):
    def __init__(self, scope: Construct, id: str, *, stage: Stage) -> None:
        super().__init__(scope, id)
        self.secret = secretsmanager.Secret(
            self,
            "Secret",
            secret_name=stage.named("data-key"),
            description=f"{stage.prefix}: the keys that seal data at rest (payout account numbers)",
            generate_secret_string=secretsmanager.SecretStringGenerator(exclude_punctuation=True, password_length=64),
            removal_policy=stage.removal_policy,
        )
        acknowledge(
            self.secret,
            "AwsSolutions-SMG4",
            "Rotating the data key is adding a new key before the old one (both open, the new one seals), done "
            "by operators with the data re-sealed; an automatic rotation Lambda would replace the key and make "
            "what it sealed unreadable.",
        )

    @property
    def arn(self) -> str:
        return self.secret.secret_arn
