"""Secrets (the Stripe keys, providers' tokens, webhook signing secrets), read from Secrets Manager
through Powertools Parameters and kept for at most `PANACEA_SECRETS_MAX_AGE_SECONDS` (5 minutes by
default): a rotated secret reaches warm functions within that time, without a redeploy, at the cost
of one GetSecretValue per secret per function instance per max age.

The age is measured by the platform's clock (`panacea.platform.clock`), so a test moves time
instead of sleeping; `reset_caches()` forgets every secret read (a SnapStart restore reads them
again). The provider uses the function's own Secrets Manager client (`panacea.platform.aws`), the
one the local runtime points at its emulated AWS.

Powertools' parameters module is imported with the first secret read, not at cold start.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from panacea.platform import clock
from panacea.platform.aws import own_client
from panacea.platform.caches import cached
from panacea.platform.settings import settings

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.parameters.secrets import SecretsProvider


def secret_text(name: str) -> str:
    """The secret `name`'s string value, kept as `secret_json` keeps a JSON one."""
    return str(_provider().get(name, max_age=settings().secrets_max_age_seconds))


def secret_json(name: str) -> dict[str, Any]:
    """The secret `name`'s JSON value: from this process's cache if read less than the max age
    ago, else from Secrets Manager (Powertools' `GetParameterError` if it cannot be read)."""
    value = _provider().get(name, transform="json", max_age=settings().secrets_max_age_seconds)
    if not isinstance(value, dict):
        raise TypeError(f"secret {name} does not hold a JSON object")
    return value


@cached
def _provider() -> SecretsProvider:
    """Powertools' Secrets Manager provider, with its cache aged by the platform's clock."""
    from aws_lambda_powertools.utilities.parameters.base import ExpirableValue  # noqa: PLC0415 - first use
    from aws_lambda_powertools.utilities.parameters.secrets import SecretsProvider  # noqa: PLC0415

    class ClockedSecrets(SecretsProvider):
        def has_not_expired_in_cache(self, key: tuple[Any, ...]) -> bool:
            return key in self.store and self.store[key].ttl >= clock.now()

        def add_to_cache(self, key: tuple[Any, ...], value: Any, max_age: int) -> None:
            if max_age > 0:
                self.store[key] = ExpirableValue(value, clock.now() + timedelta(seconds=max_age))

    return ClockedSecrets(boto3_client=own_client("secretsmanager"))
