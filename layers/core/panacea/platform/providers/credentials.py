"""Messaging providers' credentials, per tenant (white-label senders) in Secrets Manager.

`<prefix>/<tenant_id>/<provider>` holds a tenant's own account (its Twilio number, its WhatsApp
Business phone number, its official account, its SES sender); else `<prefix>/platform/<provider>`
the platform's; else, on the local stage (`PANACEA_MESSAGING_SANDBOX` set), the local sandbox's
keys (`SANDBOX`), and `{}` for the AWS-native providers (SES, SNS), which need none. The prefix is
`PANACEA_MESSAGING_SECRETS_PREFIX` (default `panacea-<stage>/messaging`).

A secret read is kept as `panacea.platform.secrets` keeps it (its max age, by the platform's clock);
so is a secret found missing, so that a tenant without its own sender costs no GetSecretValue per
message. The senders' IAM grant: `secretsmanager:GetSecretValue` on `arn:…:secret:<prefix>/*`.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

from panacea.platform import clock
from panacea.platform.caches import on_reset
from panacea.platform.secrets import secret_json
from panacea.platform.settings import settings

PLATFORM = "platform"  # the platform's own senders' secrets: <prefix>/platform/<provider>

# The local sandbox's accounts (infra/local/messaging_sandbox.py knows the same keys). WeChat's
# official account is one per tenant there (`wx-sandbox-<tenant>`): the sandbox pushes each
# account's events to that tenant's callback endpoint, as WeChat pushes to an account's server URL.
SANDBOX: dict[str, dict[str, str]] = {
    "twilio": {
        "account_sid": "AC00000000000000000000000000000000",
        "auth_token": "local-twilio-auth-token",
        "from_number": "+15005550006",
    },
    "whatsapp": {
        "access_token": "local-whatsapp-access-token",
        "app_secret": "local-whatsapp-app-secret",
        "verify_token": "local-whatsapp-verify-token",
        "phone_number_id": "100000000000001",
        "api_version": "v21.0",
    },
    "wechat": {"appid": "wx-sandbox-{tenant_id}", "secret": "local-wechat-secret", "token": "local-wechat-token"},
}
SANDBOXED = frozenset(SANDBOX)

_absent_until: dict[str, datetime] = {}
_lock = threading.Lock()
on_reset(_absent_until.clear)


def secret_name(tenant_id: str, provider: str) -> str:
    return f"{settings().messaging_prefix}/{tenant_id}/{provider}"


def credentials(tenant_id: str, provider: str) -> dict[str, Any]:
    for owner in (tenant_id, PLATFORM):
        found = _read(secret_name(owner, provider))
        if found is not None:
            return found
    if provider in SANDBOX and settings().messaging_sandbox:
        keys = {k: v.format(tenant_id=tenant_id) for k, v in SANDBOX[provider].items()}
        return {**keys, "api_base": settings().messaging_sandbox}
    return {}


def _read(name: str) -> dict[str, Any] | None:
    with _lock:
        until = _absent_until.get(name)
        if until is not None and until >= clock.now():
            return None
    try:
        return secret_json(name)
    except Exception as error:  # Powertools' GetParameterError wraps the client's ResourceNotFoundException
        if "ResourceNotFound" not in repr(error.__cause__ or error) and "ResourceNotFound" not in str(error):
            raise
    with _lock:
        _absent_until[name] = clock.now() + timedelta(seconds=settings().secrets_max_age_seconds)
    return None
