"""Configuration, parsed once per cold start from the environment into a pydantic model.

Every variable the platform reads is a field here; a missing or malformed one fails the first
invocation loudly instead of surfacing as a confusing error deep inside a use case.
"""

from __future__ import annotations

import os
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from panacea.platform.caches import cached

ENV_PREFIX = "PANACEA_"


class Settings(BaseModel):
    """What a function needs to know about where it runs (env `PANACEA_<FIELD>`)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    stage: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{0,19}$")]
    table: Annotated[str, Field(min_length=3)]
    event_bus: Annotated[str, Field(min_length=1)]
    user_pool_id: str | None = None
    app_client_ids: str = Field(default="", description="comma-separated user pool app clients whose tokens count")
    jwks_url: str | None = Field(default=None, description="the pool's JWKS, when not at its issuer (local)")
    tenant_role_arn: str | None = Field(
        default=None,
        pattern=r"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$",
        description="the stage's tenant data role: assumed, narrowed to one tenant, while acting for that tenant",
    )
    sender_email: str | None = Field(
        default=None,
        description="the verified SES identity codes and notices are sent from",
        examples=["no-reply@panacea.example"],
    )
    sms_provider: Literal["sns"] = Field(default="sns", description="the adapter text messages go out through")
    uploads_bucket: str | None = Field(
        default=None, description="the S3 bucket of uploaded files (panacea.platform.storage), keys tenants/<tenant>/…"
    )
    stripe_secret: str | None = Field(
        default=None,
        description='the Secrets Manager secret (ARN or name) holding {"secret_key", "webhook_secret"} for Stripe',
    )
    stripe_api_base: str | None = Field(
        default=None,
        pattern=r"^https?://[^/]+$",
        description="where the Stripe client sends API calls instead of Stripe (the local sandbox); unset in AWS",
    )
    messaging_secrets_prefix: str | None = Field(
        default=None,
        pattern=r"^[\w+=.@/-]+$",
        description="where the messaging providers' credentials are kept in Secrets Manager: "
        "<prefix>/<tenant_id>/<provider> (a tenant's own sender), else <prefix>/platform/<provider>; "
        "unset: panacea-<stage>/messaging",
    )
    messaging_sandbox: str | None = Field(
        default=None,
        pattern=r"^https?://[^/]+$",
        description="the local messaging sandbox (Twilio's, the Graph API's and WeChat's paths) the providers "
        "are sent to when no credentials are configured; unset in AWS",
    )
    messaging_callback_base: str | None = Field(
        default=None,
        pattern=r"^https?://[^?#]+$",
        description="the API's public base URL (with the stage's path on API Gateway's own domain): providers "
        "are told to send each message's status callbacks to <base>/v1/messaging/callbacks/<provider>/<tenant>; "
        "unset: no callback URL is given with a message (WhatsApp then reports to the app's webhook only)",
    )
    ses_configuration_set: str | None = Field(
        default=None,
        description="the SES configuration set whose event destination (EventBridge) reports deliveries, "
        "bounces and complaints",
    )
    secrets_max_age_seconds: int = Field(
        default=300,
        ge=0,
        le=3600,
        description="how long a secret read (panacea.platform.secrets) is kept before it is read again: "
        "a rotated secret reaches warm functions within this time (0: read on every use)",
    )
    cursor_secret: str | None = Field(
        default=None,
        description="the Secrets Manager secret (ARN or name) whose random string keys the pagination cursors; "
        "unset on the local stage only (a key made per process)",
    )
    data_key_secret: str | None = Field(
        default=None,
        description="the Secrets Manager secret (ARN or name) whose random strings key the data sealed at rest "
        "(panacea.platform.sealing: payout account numbers), the first sealing and every one opening; "
        "unset on the local stage only (a key made per process)",
    )
    idempotency_ttl_seconds: Annotated[int, Field(ge=60)] = 24 * 3600
    outbox_ttl_seconds: Annotated[int, Field(ge=60)] = 24 * 3600
    docs_title: str = "Panacea API"

    @property
    def token_issuer(self) -> str:
        region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION", "")
        return f"https://cognito-idp.{region}.amazonaws.com/{self.user_pool_id}"

    @property
    def messaging_prefix(self) -> str:
        return self.messaging_secrets_prefix or f"panacea-{self.stage}/messaging"

    @property
    def app_client_id(self) -> str:
        """The app client the platform signs people in through (the first of `app_client_ids`)."""
        client = next((c for c in self.app_client_ids.split(",") if c), None)
        if client is None:
            raise SettingsError("PANACEA_APP_CLIENT_IDS names no app client")
        return client

    @property
    def token_keys_url(self) -> str:
        return self.jwks_url or f"{self.token_issuer}/.well-known/jwks.json"


class SettingsError(RuntimeError):
    """The environment does not describe a runnable function."""


def read_environment(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    values = {key[len(ENV_PREFIX) :].lower(): value for key, value in env.items() if key.startswith(ENV_PREFIX)}
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        fields = ", ".join(ENV_PREFIX + ".".join(map(str, e["loc"])).upper() for e in exc.errors())
        raise SettingsError(f"environment is missing or has bad values for: {fields}") from exc


@cached
def settings() -> Settings:
    """The settings of this process, read on first use and kept until `reset_caches()`."""
    return read_environment()
