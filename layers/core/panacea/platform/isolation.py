"""Tenant isolation that holds even when a handler is wrong.

While the platform acts for one tenant, every DynamoDB request it sends is signed with
credentials that can reach only that tenant's items. In the cloud these come from STS
AssumeRole of the stage's tenant data role (`PANACEA_TENANT_ROLE_ARN`) with a session policy
naming the tenant's leading keys; IAM compares `dynamodb:LeadingKeys` (the partition key of
the table or index each item operation touches) with it, so a key built for another tenant is
refused by AWS, whatever the code that built it meant to do.

What a tenant's session may reach:

    read and write   T#<tenant>#*        everything the tenant owns (`keys.tenant_key`)
    read only        P#TENANT#<tenant>   its own entry in the platform's tenant registry: its
                                         name, status and tier, which its own routes show
                                         (GET /v1/tenant) and its writes may be conditioned on

and no other platform key: not another tenant's registry entry, not the API keys
(`P#APIKEY#…`, whose stored digest signs partner requests), not a tenant's list of keys
(`P#TENANT#<tenant>#APIKEYS`), not the tenants lists, slug claims or platform idempotency.

Where the platform acts for a tenant (the scope is entered by the kernel's entry points, from
verified data only):

    panacea.platform.api        each request whose verified caller belongs to a tenant
    panacea.platform.consumers  each queue record, from its event's metadata.tenant_id
    panacea.platform.workflow   each Step Functions task, from its tenant_id

Anything else (platform admins, public routes, the authorizer, platform jobs and events
without a tenant) runs with the function's own role; so does a function that has no tenant
role configured (the CDK app gives one only to the functions that serve tenants).

The scope is a context variable: each thread (the local runtime runs handlers in threads) and
each asyncio task has its own, and a thread started inside a scope does not inherit it. Work
fanned out to threads must carry it (`contextvars.copy_context().run`), or it runs with the
function's own role.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from panacea.platform.keys import platform_key, tenant_prefix

TABLE_READ_ACTIONS = ("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem")
TABLE_WRITE_ACTIONS = ("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem")
LEADING_KEYS = "dynamodb:LeadingKeys"
# Every value of the request's leading keys must match one pattern. ForAllValues is also true
# when a request has no leading keys at all, which is why only item operations (each of which
# names its partition keys) are ever allowed under it: no Scan, no table-level action.
EVERY_KEY_MATCHES = "ForAllValues:StringLike"

_tenant: ContextVar[str | None] = ContextVar("tenant_scope", default=None)


@contextmanager
def acting_for(tenant_id: str | None) -> Iterator[None]:
    """Act for `tenant_id` in the block (for the platform itself when None); restored after."""
    if tenant_id:
        tenant_prefix(tenant_id)  # refuses anything that is not a tenant id before it reaches a policy
    token = _tenant.set(tenant_id or None)
    try:
        yield
    finally:
        _tenant.reset(token)


def current_tenant() -> str | None:
    """The tenant the platform is acting for on this thread, or None when it acts for itself."""
    return _tenant.get()


# --- the leading keys a tenant's session may reach -----------------------------------------


def readable_keys(tenant_id: str) -> list[str]:
    """Patterns (IAM StringLike) of the partition keys a tenant's session may read."""
    return [*writable_keys(tenant_id), platform_key("TENANT", tenant_id)]


def writable_keys(tenant_id: str) -> list[str]:
    """Patterns of the partition keys a tenant's session may write: its own, and only those."""
    return [tenant_prefix(tenant_id) + "*"]


# What the tenant data role allows at most, for any tenant: each session narrows it to one.
ANY_TENANT_READABLE = ("T#*", "P#TENANT#*")
ANY_TENANT_WRITABLE = ("T#*",)


def session_policy(tenant_id: str, *, table_arn: str, index_arns: list[str]) -> dict[str, Any]:
    """The session policy that confines an assumed tenant data role to `tenant_id`'s keys.

    A session may do what the role allows *and* this document allows, so it only narrows the
    role: reads of the tenant's keys and its registry entry on the table and its indexes,
    writes of the tenant's keys on the table.
    """
    return _policy(readable_keys(tenant_id), writable_keys(tenant_id), table_arn=table_arn, index_arns=index_arns)


def role_policy(*, table_arn: str, index_arns: list[str]) -> dict[str, Any]:
    """The tenant data role's own permissions: the same shape for any tenant (`T#*`), the most
    a session can be given. Without a session policy, AssumeRole would get all of this."""
    return _policy(list(ANY_TENANT_READABLE), list(ANY_TENANT_WRITABLE), table_arn=table_arn, index_arns=index_arns)


def _policy(reads: list[str], writes: list[str], *, table_arn: str, index_arns: list[str]) -> dict[str, Any]:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ReadTenantKeys",
                "Effect": "Allow",
                "Action": list(TABLE_READ_ACTIONS),
                "Resource": [table_arn, *index_arns],
                "Condition": {EVERY_KEY_MATCHES: {LEADING_KEYS: reads}},
            },
            {
                "Sid": "WriteTenantKeys",
                "Effect": "Allow",
                "Action": list(TABLE_WRITE_ACTIONS),
                "Resource": [table_arn],
                "Condition": {EVERY_KEY_MATCHES: {LEADING_KEYS: writes}},
            },
        ],
    }


def policy_text(policy: dict[str, Any]) -> str:
    """A policy as STS takes it: compact JSON (the packed size counts against a quota)."""
    return json.dumps(policy, separators=(",", ":"))


def table_arns(*, role_arn: str, region: str, table: str, indexes: tuple[str, ...]) -> tuple[str, list[str]]:
    """The table's ARN and its indexes', in the tenant role's partition and account."""
    parts = role_arn.split(":")
    if len(parts) < 6 or parts[0] != "arn" or parts[2] != "iam":
        raise ValueError(f"{role_arn!r} is not an IAM role ARN")
    partition, account = parts[1], parts[4]
    table_arn = f"arn:{partition}:dynamodb:{region}:{account}:table/{table}"
    return table_arn, [f"{table_arn}/index/{name}" for name in indexes]
