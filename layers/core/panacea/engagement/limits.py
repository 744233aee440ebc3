"""How many notifications a tenant may send in a month (its tier's `messages_per_month`), counted in
the very transaction that accepts them: the counter is the usage billing reads.

MessageUsageItem  PK T#<t>#USAGE#MESSAGES · SK <yyyy-mm> (UTC)   one per tenant per month
                  `accepted`: messages accepted (never more than `limit`); `refused`: messages the
                  limit turned away (events and broadcasts record them here, the API answers 429).

A reservation is an update `ADD accepted :n` under `accepted + n <= limit` (the item is made by
the first one of the month), so concurrent requests can never take the month past the limit."""

from __future__ import annotations

from datetime import datetime

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.expressions.update import Action

from panacea import tenancy
from panacea.platform.context import remembered
from panacea.platform.errors import NotFound, RateLimited
from panacea.platform.keys import tenant_key
from panacea.platform.table import TableItem
from panacea.platform.transaction import UnitOfWork


class MessageLimitReached(RateLimited):
    slug, title = "message-limit-reached", "Monthly message limit reached"


class MessageUsageItem(TableItem, discriminator="message_usage"):
    tenant_id = UnicodeAttribute()
    month = UnicodeAttribute()
    accepted = NumberAttribute(default=0)
    refused = NumberAttribute(default=0)

    @classmethod
    def key(cls, tenant_id: str, month: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "USAGE", "MESSAGES"), month

    @classmethod
    def of(cls, tenant_id: str, month: str) -> MessageUsageItem:
        pk, sk = cls.key(tenant_id, month)
        return cls(pk, sk, tenant_id=tenant_id, month=month)


def month_of(at: datetime) -> str:
    return at.strftime("%Y-%m")


def monthly_limit(tenant_id: str) -> int:
    """The messages the tenant's tier allows a month (its standing read once per invocation)."""

    def read() -> int:
        standing = tenancy.standing_of(tenant_id)
        if standing is None:
            raise NotFound("no such tenant", field="tenant")
        return tenancy.messages_per_month(standing.tier)

    return remembered(("message_limit", tenant_id), read)


def limit_reached(tenant_id: str, limit: int, month: str) -> MessageLimitReached:
    detail = f"the tenant's tier allows {limit} messages a month and {month}'s are used up"
    return MessageLimitReached(detail)


def reserve(uow: UnitOfWork, tenant_id: str, count: int, at: datetime, *, limit: int | None = None) -> None:
    """Count `count` messages against the month of `at` in `uow`: it fails with MessageLimitReached
    if they would take the month past the tenant's limit."""
    limit = monthly_limit(tenant_id) if limit is None else limit
    month = month_of(at)
    item = MessageUsageItem.of(tenant_id, month)
    if count > limit:
        raise limit_reached(tenant_id, limit, month)
    room = MessageUsageItem.accepted.does_not_exist() | (MessageUsageItem.accepted <= limit - count)
    actions: list[Action] = [
        MessageUsageItem.accepted.add(count),
        MessageUsageItem.tenant_id.set(tenant_id),
        MessageUsageItem.month.set(month),
        MessageUsageItem.type.set(MessageUsageItem),
    ]
    uow.update(item, actions, condition=room, conflict=limit_reached(tenant_id, limit, month))


def record_refused(tenant_id: str, count: int, at: datetime) -> None:
    """Note `count` messages the limit turned away this month (what the tenant missed)."""
    month = month_of(at)
    MessageUsageItem.of(tenant_id, month).update(
        actions=[
            MessageUsageItem.refused.add(count),
            MessageUsageItem.tenant_id.set(tenant_id),
            MessageUsageItem.month.set(month),
            MessageUsageItem.type.set(MessageUsageItem),
        ]
    )


def usage(tenant_id: str, month: str) -> tuple[int, int]:
    """(accepted, refused) in `month` (yyyy-mm): what billing reads."""
    pk, sk = MessageUsageItem.key(tenant_id, month)
    item = MessageUsageItem.find(pk, sk, consistent_read=True)
    return (int(item.accepted or 0), int(item.refused or 0)) if item else (0, 0)


def room_left(tenant_id: str, at: datetime, *, limit: int | None = None) -> int:
    """How many more messages the month of `at` takes (a consistent read: broadcasts reserve what is left)."""
    limit = monthly_limit(tenant_id) if limit is None else limit
    accepted, _ = usage(tenant_id, month_of(at))
    return max(0, limit - accepted)
