"""Delivery's reads and writes of messages (their items: `message_items`): claiming an attempt,
recording a send, a status, or a hop of the chain, each in one transaction with its trail entry and
(for a status) its event."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.exceptions import PutError

from panacea.engagement.message_items import AttemptItem, HopItem, MessageItem, ProviderRefItem
from panacea.platform.errors import Conflict
from panacea.platform.events import DomainEvent
from panacea.platform.ids import new_id
from panacea.platform.table import TableItem
from panacea.platform.transaction import unit_of_work


def message(tenant_id: str, message_id: str) -> MessageItem | None:
    return MessageItem.read(tenant_id, message_id)


def message_of(tenant_id: str, provider: str, provider_message_id: str) -> MessageItem | None:
    """The message a provider's id is about (its reference item, then the message)."""
    ref = ProviderRefItem.read(tenant_id, provider, provider_message_id)
    return None if ref is None else MessageItem.read(tenant_id, ref.message_id)


def claim(tenant_id: str, message_id: str, attempt_id: str, at: datetime) -> bool:
    """Claim an attempt before its send: False if it was claimed already (it is never sent twice)."""
    try:
        AttemptItem.new(tenant_id, message_id, attempt_id, at).save(condition=AttemptItem.pk.does_not_exist())
    except PutError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True


def hop(item: MessageItem, at: datetime, *, note: str | None = None, raw: dict[str, Any] | None = None,
        status: str | None = None) -> HopItem:  # fmt: skip
    """The trail entry of the message as it now is (its channel, provider and attempt)."""
    return HopItem.new(
        item.tenant_id, item.message_id, new_id(), status=status or item.status, channel=item.channel,
        provider=item.provider, attempt_id=item.attempt_id, note=note, raw=raw, at=at,
    )  # fmt: skip


def commit(item: MessageItem, hops: list[HopItem], *, creates: tuple[TableItem, ...] = (),
           events: tuple[DomainEvent, ...] = ()) -> None:  # fmt: skip
    """The message as changed (checked against the version it was read at), its new trail entries,
    new items (a claimed attempt, a provider's reference) and its events: all or nothing.
    `ConcurrentUpdate` if the message changed meanwhile."""
    with unit_of_work(item.tenant_id) as uow:
        uow.save(item)
        for each in [*hops, *creates]:
            uow.create(each, conflict=Conflict(f"{type(each).__name__} {each.sk} exists"))
        for event in events:
            uow.emit(event)


def provider_ref(item: MessageItem) -> ProviderRefItem:
    assert item.provider is not None
    assert item.provider_message_id is not None
    return ProviderRefItem.new(item.tenant_id, item.provider, item.provider_message_id, item.message_id)


def attempt(item: MessageItem, attempt_id: str, at: datetime) -> AttemptItem:
    return AttemptItem.new(item.tenant_id, item.message_id, attempt_id, at)
