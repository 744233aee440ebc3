"""The single table: one pynamodb base for every item, its two overloaded indexes, uniqueness
items and opaque pagination cursors. The attribute and index names are declared once, in
`panacea.platform.schema`.

    PK, SK            the item's key; tenant-owned keys start with T#<tenant>#, platform keys with P#
    GSI1PK, GSI1SK    first overloaded index (documented per item in each context's dal.py)
    GSI2PK, GSI2SK    second overloaded index
    type              discriminator: which entity the item holds
    expires_at        TTL (epoch seconds), for items that clean themselves up
    version           optimistic locking, declared by the mutable aggregates that need it

The table name comes from settings on first use, not at import, so importing a module never
needs the environment (the CDK app and the route catalogue import handlers to read routes).
"""

from __future__ import annotations

import builtins
import json
import os
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar, Generic, TypeVar

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from pydantic import BaseModel
from pynamodb.attributes import Attribute, DiscriminatorAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.connection import Connection
from pynamodb.connection.table import TableConnection
from pynamodb.constants import MAP
from pynamodb.exceptions import DoesNotExist
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model
from pynamodb.pagination import ResultIterator

from panacea.platform import aws, cursors, schema
from panacea.platform.caches import on_reset
from panacea.platform.keys import owner_key
from panacea.platform.schema import KEY_ATTRIBUTES
from panacea.platform.settings import settings

MAX_PAGE = 100


class _LazyMeta(type):
    """Reads the table's name and region when a connection is first made, not at import."""

    @property
    def table_name(cls) -> str:
        return settings().table

    @property
    def region(cls) -> str | None:
        return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")


class GSI1(GlobalSecondaryIndex["TableItem"]):  # type: ignore[no-untyped-call]
    class Meta:
        index_name = schema.GSI1.name
        projection = AllProjection()

    gsi1pk = UnicodeAttribute(hash_key=True, attr_name=schema.GSI1.partition_key)
    gsi1sk = UnicodeAttribute(range_key=True, attr_name=schema.GSI1.sort_key)


class GSI2(GlobalSecondaryIndex["TableItem"]):  # type: ignore[no-untyped-call]
    class Meta:
        index_name = schema.GSI2.name
        projection = AllProjection()

    gsi2pk = UnicodeAttribute(hash_key=True, attr_name=schema.GSI2.partition_key)
    gsi2sk = UnicodeAttribute(range_key=True, attr_name=schema.GSI2.sort_key)


class DocumentAttribute(Attribute[dict[str, Any]]):
    """A JSON document (nested objects, lists, strings, numbers, booleans) stored as a native map,
    so it stays readable in the console and addressable by update expressions."""

    attr_type = MAP

    def serialize(self, value: dict[str, Any]) -> dict[str, Any]:
        return _TO_DYNAMO.serialize(json.loads(json.dumps(value), parse_float=Decimal))["M"]  # type: ignore[no-any-return]

    def deserialize(self, value: dict[str, Any]) -> dict[str, Any]:
        return _plain(_FROM_DYNAMO.deserialize({"M": value}))  # type: ignore[no-any-return]


_TO_DYNAMO, _FROM_DYNAMO = TypeSerializer(), TypeDeserializer()


def _plain(value: Any) -> Any:
    """DynamoDB numbers come back as Decimal; a document wants int and float."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class TableItem(Model):
    """Base of every item in the table. Subclasses name themselves with `discriminator=`."""

    class Meta(metaclass=_LazyMeta):
        pass

    pk = UnicodeAttribute(hash_key=True, attr_name=schema.TABLE.partition_key)
    sk = UnicodeAttribute(range_key=True, attr_name=schema.TABLE.sort_key)
    gsi1pk = UnicodeAttribute(null=True, attr_name=schema.GSI1.partition_key)
    gsi1sk = UnicodeAttribute(null=True, attr_name=schema.GSI1.sort_key)
    gsi2pk = UnicodeAttribute(null=True, attr_name=schema.GSI2.partition_key)
    gsi2sk = UnicodeAttribute(null=True, attr_name=schema.GSI2.sort_key)
    type = DiscriminatorAttribute(attr_name="type")
    expires_at = TTLAttribute(null=True, attr_name=schema.TABLE.ttl_attribute)

    by_gsi1: ClassVar[GSI1] = GSI1()
    by_gsi2: ClassVar[GSI2] = GSI2()

    @classmethod
    def find(
        cls: builtins.type[ItemT], hash_key: str, range_key: str, *, consistent_read: bool = False
    ) -> ItemT | None:
        """The item with this key, or None if there is none (a GetItem)."""
        try:
            return cls.get(hash_key, range_key, consistent_read=consistent_read)
        except DoesNotExist:
            return None

    @classmethod
    def _get_connection(cls) -> TableConnection:
        """The connection of whoever the code acts for: the tenant's while a tenant scope is
        active (`panacea.platform.isolation`), else the one every item class shares."""
        session = aws.tenant_session()
        if session is not None:
            return session.made("table", _tenant_connection)  # type: ignore[no-any-return]
        return _shared_connection()


ItemT = TypeVar("ItemT", bound=TableItem)


def found(future: Any) -> Any:
    """What a TransactGetItems future holds: the item, or None if there was none."""
    try:
        return future.get()
    except DoesNotExist:
        return None


def _shared_connection() -> TableConnection:
    # One connection for every item class, made on first use, handed the function's own DynamoDB
    # client (`aws.own_client`): left to itself pynamodb makes a botocore session of its own, which
    # loads DynamoDB's service model a second time (~50 ms of a first request) and whose client
    # the platform's request ledgers cannot see. Read once: reset_caches() may forget it on
    # another thread at any moment.
    made = TableItem._connection
    if made is None:
        made = Model._get_connection.__func__(TableItem)  # type: ignore[attr-defined]
        made.connection._client = aws.own_client("dynamodb")
        TableItem._connection = made
    return made


def _tenant_connection(session: aws.TenantSession) -> TableConnection:
    """A connection signed with a tenant's session. pynamodb would make a botocore session per
    connection (~50 ms); it is handed the tenant's client (~2 ms from the shared session)."""
    shared = _shared_connection()
    made = TableConnection(
        shared.table_name, region=TableItem.Meta.region, host=shared.connection.host, meta_table=shared.get_meta_table()
    )
    made.connection._client = session.dynamodb
    return made


def connection() -> Connection:
    """The low-level connection of whoever the code acts for (for transactions)."""
    return TableItem._get_connection().connection


@on_reset
def _forget_connection() -> None:
    """Forget the shared connection (its client was made for another endpoint or process)."""
    TableItem._connection = None


class Uniqueness(TableItem, discriminator="unique"):
    """A claim on a value that must be unique: email, phone, slug, referral code, barcode.

    PK T#<tenant>#UNIQUE#<kind>#<value> (or P#UNIQUE#… for platform-wide values) · SK UNIQUE
    owner: the id of the item that holds the value.
    Put with `attribute_not_exists(PK)` in the same transaction as the item it guards.
    """

    owner = UnicodeAttribute()

    @classmethod
    def of(cls, tenant_id: str | None, kind: str, value: str, owner: str) -> Uniqueness:
        return cls(owner_key(tenant_id, "UNIQUE", kind, value.lower()), "UNIQUE", owner=owner)


# --- pagination --------------------------------------------------------------------------

T = TypeVar("T")
M = TypeVar("M", bound=TableItem)


class Page(BaseModel, Generic[T]):
    """One page of a list, and the opaque cursor of the next one (absent on the last page)."""

    items: list[T]
    next_cursor: str | None = None


def encode_cursor(last_evaluated_key: dict[str, Any] | None, *, query: Any = None) -> str | None:
    """The sealed cursor of the next page (`panacea.platform.cursors`), bound to the tenant acted
    for and to `query` (the list's filters, where the partition does not name them)."""
    if not last_evaluated_key:
        return None
    return cursors.seal({name: value["S"] for name, value in last_evaluated_key.items()}, bound_to=query)


def decode_cursor(cursor: str | None, *, partition: tuple[str, str], query: Any = None) -> dict[str, Any] | None:
    """Turn a cursor back into a start key, refusing any that is not from this very query.

    `partition` is (attribute, value) of the query's hash key: a cursor can only continue the
    list it came from, so it cannot be bent to start inside another tenant's or member's partition;
    `query` must be what the cursor was sealed with.
    """
    if not cursor:
        return None
    flat = cursors.unseal(cursor, bound_to=query)
    if (
        not isinstance(flat, dict)
        or not set(flat) <= set(KEY_ATTRIBUTES)
        or not all(isinstance(v, str) for v in flat.values())
        or flat.get(partition[0]) != partition[1]
    ):
        raise cursors.invalid()
    return {name: {"S": value} for name, value in flat.items()}


def page_of(results: ResultIterator[M], view: Callable[[M], T], *, query: Any = None) -> Page[T]:
    """Render a query made with `limit=limit` as a page with the cursor of the next one."""
    items = [view(item) for item in results]
    return Page[T](items=items, next_cursor=encode_cursor(results.last_evaluated_key, query=query))
