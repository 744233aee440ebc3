"""The single table's shape, declared once: its key attributes, its overloaded indexes and its
TTL attribute.

Everything that names an index or a key attribute reads it from here: the pynamodb items
(`panacea.platform.table`), a tenant session's policy, which lists each index's ARN
(`panacea.platform.aws`), the CDK stack and the local provisioning (both through
`infra.wiring.TABLE`, which is this `TABLE`) and the tests. This module imports nothing of the
platform, so any of them can read it without an import circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Index(NamedTuple):
    """A global secondary index: its name and its key attributes (projection: all)."""

    name: str
    partition_key: str
    sort_key: str


GSI1 = Index("GSI1", "GSI1PK", "GSI1SK")
GSI2 = Index("GSI2", "GSI2PK", "GSI2SK")


@dataclass(frozen=True)
class TableShape:
    partition_key: str = "PK"
    sort_key: str = "SK"
    indexes: tuple[Index, ...] = (GSI1, GSI2)
    ttl_attribute: str = "expires_at"

    @property
    def index_names(self) -> tuple[str, ...]:
        return tuple(index.name for index in self.indexes)

    @property
    def key_attributes(self) -> tuple[str, ...]:
        """Every attribute that is part of the table's key or an index's key."""
        indexed = (attribute for index in self.indexes for attribute in (index.partition_key, index.sort_key))
        return (self.partition_key, self.sort_key, *indexed)


TABLE = TableShape()
INDEX_NAMES = TABLE.index_names
KEY_ATTRIBUTES = TABLE.key_attributes
