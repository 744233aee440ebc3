"""Key builders for the single table. Every tenant-owned key starts with `T#<tenant_id>#`, so
IAM `dynamodb:LeadingKeys` can confine a tenant's credentials to its own items; platform-level
items (tenants, plans, API keys) start with `P#` and only platform functions reach them."""

from __future__ import annotations

import re

SEP = "#"
_TENANT_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
_PART = re.compile(r"^[^#]+$")


class MalformedKey(ValueError):
    """A key part is empty or would break the key's structure."""


def _parts(parts: tuple[str, ...]) -> str:
    for part in parts:
        if not _PART.match(part):
            raise MalformedKey(f"key part {part!r} is empty or contains {SEP!r}")
    return SEP.join(parts)


def tenant_prefix(tenant_id: str) -> str:
    if not _TENANT_ID.match(tenant_id):
        raise MalformedKey(f"{tenant_id!r} is not a tenant id")
    return f"T{SEP}{tenant_id}{SEP}"


def tenant_key(tenant_id: str, *parts: str) -> str:
    """`T#<tenant>#<part>#<part>…`: the only way to build a key for tenant-owned data."""
    return tenant_prefix(tenant_id) + _parts(parts)


def platform_key(*parts: str) -> str:
    """`P#<part>#…`: platform-level items, outside every tenant's leading keys."""
    return f"P{SEP}" + _parts(parts)


def owner_key(tenant_id: str | None, *parts: str) -> str:
    """A tenant key when the data belongs to a tenant, else a platform key."""
    return tenant_key(tenant_id, *parts) if tenant_id else platform_key(*parts)
