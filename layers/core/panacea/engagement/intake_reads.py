"""What staff and members read of messages: one message with its trail (one Query of its
partition), a member's own messages newest first, a request's or broadcast's messages (pages with
sealed cursors)."""

from __future__ import annotations

from panacea.engagement.message_access import MessageAction
from panacea.engagement.message_items import HopItem, MessageItem, member_messages, message_partition, request_messages
from panacea.engagement.message_models import Hop, Message
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import NotFound
from panacea.platform.table import Page, TableItem, decode_cursor, page_of


def _view(item: MessageItem, hops: list[HopItem] | None = None) -> Message:
    return Message(
        id=item.message_id, request_id=item.request_id, member_id=item.member_id, event_type=item.event_type,
        status=item.status, status_at=item.status_at, channel=item.channel, provider=item.provider,
        chain=list(item.chain or []), step=int(item.step or 0), send_at=item.send_at, created_at=item.created_at,
        hops=[Hop(at=h.at, status=h.status, channel=h.channel, provider=h.provider, attempt_id=h.attempt_id,
                  note=h.note) for h in hops or []],
    )  # fmt: skip


def message(actor: Actor, message_id: str) -> Message:
    """A message, its status and its trail of hops, oldest first: one Query of its partition."""
    authorize(actor, MessageAction.READ)
    found = list(TableItem.query(message_partition(actor.tenant, message_id)))
    item = next((i for i in found if isinstance(i, MessageItem)), None)
    if item is None:
        raise NotFound("no such message", field="message_id")
    return _view(item, sorted((i for i in found if isinstance(i, HopItem)), key=lambda h: h.sk))


def own_messages(actor: Actor, *, cursor: str | None, limit: int) -> Page[Message]:
    """The member's own messages, newest first."""
    authorize(actor, MessageAction.READ_OWN)
    partition = member_messages(actor.tenant, actor.user_id)
    results = MessageItem.by_gsi1.query(
        partition, scan_index_forward=False, limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition)),
    )  # fmt: skip
    return page_of(results, _view)  # type: ignore[arg-type]


def request_messages_page(actor: Actor, request_id: str, *, cursor: str | None, limit: int) -> Page[Message]:
    """The messages of one request or broadcast, oldest first. A request with no message of the
    tenant's (an id nobody has, another tenant's, or one whose members were all skipped) is a 404
    naming `request_id`: its first page is empty (no read more than the page's Query)."""
    authorize(actor, MessageAction.READ)
    partition = request_messages(actor.tenant, request_id)
    results = MessageItem.by_gsi2.query(
        partition, limit=limit, last_evaluated_key=decode_cursor(cursor, partition=("GSI2PK", partition))
    )
    page: Page[Message] = page_of(results, _view)  # type: ignore[arg-type]
    if cursor is None and not page.items:
        raise NotFound("no message of this request", field="request_id")
    return page
