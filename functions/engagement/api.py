"""Engagement's HTTP routes for sending: notifications on request (staff or the tenant's API key),
a message's status and trail, members' own messages, a request's messages, and broadcasts to a tag."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.engagement import broadcasts, intake_reads, intake_requests
from panacea.engagement.message_access import MessageAction
from panacea.engagement.message_models import (
    Broadcast,
    BroadcastRequest,
    Message,
    NotificationAccepted,
    NotificationRequest,
)
from panacea.platform.access import requires
from panacea.platform.api import IdempotencyKey, build_resolver, current_actor, idempotent, lambda_entry
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
TAG = "Notifications"
SEND, READ = requires(MessageAction.SEND), requires(MessageAction.READ)
BROADCAST, OWN = requires(MessageAction.BROADCAST), requires(MessageAction.READ_OWN)


def _accepted(body: NotificationAccepted | Broadcast) -> Response[NotificationAccepted | Broadcast]:
    return Response(status_code=202, content_type="application/json", body=body)


@app.post(
    "/v1/notifications",
    summary="Notify members",
    description=f"{SEND} One member (`member_id`) or up to 100 (`member_ids`), about an event its rule describes "
    "or in your own words (`custom`). Members their preferences leave out are listed as skipped. Over the "
    "month's message limit: 429. Send an `Idempotency-Key`.",
    tags=[TAG],
    status_code=202,
)
def send_notification(
    request: NotificationRequest, idempotency_key: IdempotencyKey = None
) -> Response[NotificationAccepted]:
    actor = current_actor()
    done = idempotent(
        actor,
        "engagement.notify",
        request,
        NotificationAccepted,
        lambda: intake_requests.notify(actor, request, idempotency_key=idempotency_key),
        key=idempotency_key,
    )
    return _accepted(done)  # type: ignore[return-value]


@app.get(
    "/v1/notifications/<message_id>",
    summary="A message, its status and its trail",
    description=f"{READ} Where it is on its chain of channels, and every hop and status it went through.",
    tags=[TAG],
)
def get_notification(message_id: str) -> Message:
    return intake_reads.message(current_actor(), message_id)


@app.get("/v1/me/notifications", summary="My messages, newest first", description=OWN, tags=[TAG])
def my_notifications(cursor: Cursor = None, limit: Limit = 20) -> Page[Message]:
    return intake_reads.own_messages(current_actor(), cursor=cursor, limit=limit)


@app.get(
    "/v1/notification-requests/<request_id>/messages",
    summary="The messages of a request or a broadcast",
    description=READ,
    tags=[TAG],
)
def request_messages(request_id: str, cursor: Cursor = None, limit: Limit = 20) -> Page[Message]:
    return intake_reads.request_messages_page(current_actor(), request_id, cursor=cursor, limit=limit)


@app.post(
    "/v1/broadcasts",
    summary="Broadcast to a tag",
    description=f"{BROADCAST} Every member with the tag is told about the event, by its rule and their "
    "preferences, a page of the audience at a time. Send an `Idempotency-Key`.",
    tags=[TAG],
    status_code=202,
)
def start_broadcast(request: BroadcastRequest, idempotency_key: IdempotencyKey = None) -> Response[Broadcast]:
    actor = current_actor()
    started = idempotent(
        actor, "engagement.broadcast", request, Broadcast, lambda: broadcasts.start(actor, request), key=idempotency_key
    )
    return _accepted(started)  # type: ignore[return-value]


@app.get("/v1/broadcasts/<broadcast_id>", summary="A broadcast's progress", description=BROADCAST, tags=[TAG])
def get_broadcast(broadcast_id: str) -> Broadcast:
    return broadcasts.get(current_actor(), broadcast_id)


handler = lambda_entry(app)
