"""The key of the API's pagination cursors: one Secrets Manager secret per stage, a random string
the stack generates (never in the template), read once per process by the functions that page
lists (those with `Grant.SEAL_CURSORS`), each allowed GetSecretValue on this secret only
(`panacea.platform.cursors` seals with the SHA-256 of it).

Rotating it (put a new random value) ends the cursors clients hold: their next page is a 400
naming `cursor`, and they list again from the start.
"""

from __future__ import annotations

from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from infra.stacks.checks import acknowledge
from infra.stacks.stage import Stage

ENV_VARIABLE = "PANACEA_CURSOR_SECRET"  # = panacea.platform.settings.Settings.cursor_secret


class CursorKey(Construct):
    def __init__(self, scope: Construct, id: str, *, stage: Stage) -> None:
        super().__init__(scope, id)
        self.secret = secretsmanager.Secret(
            self,
            "Secret",
            secret_name=stage.named("cursor-key"),
            description=f"{stage.prefix}: the key that seals the API's pagination cursors",
            generate_secret_string=secretsmanager.SecretStringGenerator(exclude_punctuation=True, password_length=64),
            removal_policy=stage.removal_policy,
        )
        acknowledge(
            self.secret,
            "AwsSolutions-SMG4",
            "A cursor lives for one listing; rotating the key ends the open ones, which clients start again. "
            "Operators rotate it by putting a new random value when they choose, no rotation Lambda is needed.",
        )

    @property
    def arn(self) -> str:
        return self.secret.secret_arn
