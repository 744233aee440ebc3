"""The channel senders: one `ChannelWork` (a message's attempt) from a channel's queue, sent at most
once through the first of the channel's providers whose circuit breaker lets it through.

A message still waiting (quiet hours) goes back on its queue until its time; an attempt already
claimed is skipped (a redelivered record sends nothing twice; the claim is made once the message is
ready to go, so a failure before it is retried whole); work about an attempt the message has left
behind is dropped. The words are rendered for the channel and the message's locale; WhatsApp
sends free-form text only inside the person's service window, else the approved template, else the
chain moves on. A provider down counts against its breaker and the channel's next provider gets a
new attempt; a refusal, or no provider left, moves the chain to its next channel. A send accepted is
recorded with the provider's id (its callbacks find the message by it), and a receipt check waits
on `engagement-receipts` for the rule's receipt window."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from panacea.engagement import audience, breaker, breaker_counts, chain, rendering
from panacea.engagement import delivery_dal as dal
from panacea.engagement.delivery_models import ReceiptCheck
from panacea.engagement.message_items import ChannelWork, MessageItem
from panacea.platform import clock, providers, queues
from panacea.platform.errors import ConcurrentUpdate
from panacea.platform.observability import logger
from panacea.platform.providers import Outgoing, ProviderDown, ProviderRefused, Receipt, Template
from panacea.platform.providers.channels import Channel, Status
from panacea.platform.settings import settings

RECEIPTS = "engagement-receipts"
CALLBACK_PATH = "/v1/messaging/callbacks/{provider}/{tenant_id}"  # functions/engagement/webhooks.py's route
SENDABLE = frozenset({Status.QUEUED, Status.WAITING})


def send(work: ChannelWork) -> None:
    """Send the message's attempt `work` names, if it is still the message's and never claimed."""
    now = clock.now()
    item = dal.message(work.tenant_id, work.message_id)
    if item is None or item.attempt_id != work.attempt_id or Status(item.status) not in SENDABLE:
        logger.info("work dropped", extra={"message_id": work.message_id, "attempt_id": work.attempt_id})
        return
    if item.send_at is not None and item.send_at > now:
        wait_s = math.ceil((item.send_at - now).total_seconds())
        queues.send_batch(chain.queue_of(item.channel), [work.model_dump_json()], delay_s=wait_s)
        return
    _deliver(item, now)


def _deliver(item: MessageItem, now: datetime) -> None:
    channel = Channel(item.channel)
    found = audience.recipients(item.tenant_id, [item.member_id]).get(item.member_id)
    address = found.addresses.get(channel) if found else None
    if not address:
        chain.move_on(item, "no_address", now)
        return
    try:
        rendered = rendering.render(item.tenant_id, item.event_type, channel, item.locale, dict(item.data or {}))
    except (LookupError, ValueError) as exc:
        chain.move_on(item, f"not_rendered: {exc}"[:200], now)
        return
    template: Template | None = rendered.template if channel is Channel.WECHAT else None
    if channel is Channel.WHATSAPP and not (
        found and found.whatsapp_window_until and found.whatsapp_window_until > now
    ):
        if rendered.template is None:
            chain.move_on(item, "outside_whatsapp_window", now)
            return
        template = rendered.template
    outgoing = Outgoing(
        tenant_id=item.tenant_id, message_id=item.message_id, attempt_id=item.attempt_id, channel=channel, to=address,
        text=rendered.text, subject=rendered.subject, html=rendered.html, template=template,
        sender_name=rendered.sender_name,
    )  # fmt: skip
    # claimed as late as can be: whatever fails before this (a read, the rendering) is retried whole by SQS
    if not dal.claim(item.tenant_id, item.message_id, item.attempt_id, now):
        logger.info("attempt sent already", extra={"message_id": item.message_id, "attempt_id": item.attempt_id})
        return
    _through_providers(item, outgoing, now)


def _through_providers(item: MessageItem, outgoing: Outgoing, now: datetime) -> None:
    """The channel's providers in order, skipping those whose breaker is open; a new attempt after
    a provider that was down."""
    down: str | None = None
    for index, provider in enumerate(providers.CHANNEL_PROVIDERS.get(outgoing.channel, ())):
        verdict = breaker_counts.usable(item.tenant_id, provider, now)
        if verdict is None:
            continue
        probe = verdict is breaker.Verdict.HALF_OPEN
        if down is not None:  # the attempt sent to the provider that was down is spent: a new one
            moved = _next_attempt(item, chain.attempt_for(int(item.step), index), f"provider_down: {down}", now)
            if moved is None:
                return
            item = moved
            outgoing = outgoing.model_copy(update={"attempt_id": item.attempt_id})
        try:
            receipt = providers.send(
                provider, outgoing.model_copy(update={"callback_url": callback_url(provider, item)})
            )
        except ProviderDown as exc:
            breaker_counts.record(item.tenant_id, provider, now, ok=False, probe=probe)
            logger.warning("provider down", extra={"provider": provider, "error": str(exc)[:200]})
            down = provider
            continue
        except ProviderRefused as exc:
            breaker_counts.record(item.tenant_id, provider, now, ok=True, probe=probe)  # it answered: it is up
            item.provider = provider
            chain.move_on(item, f"refused by {provider}: {exc.code}", now)
            return
        breaker_counts.record(item.tenant_id, provider, now, ok=True, probe=probe)
        _sent(item, outgoing, receipt, now)
        return
    chain.move_on(item, f"provider_down: {down}" if down else "no_provider_available", now)


def callback_url(provider: str, item: MessageItem) -> str | None:
    """Where `provider` reports the statuses of the tenant's messages (the platform's public endpoint)."""
    base = settings().messaging_callback_base
    return base.rstrip("/") + CALLBACK_PATH.format(provider=provider, tenant_id=item.tenant_id) if base else None


def _next_attempt(item: MessageItem, attempt_id: str, reason: str, at: datetime) -> MessageItem | None:
    """Move the message to a new attempt on its channel (claimed in the same transaction); None if
    the message changed meanwhile (someone else moved it on)."""
    item.attempt_id, item.provider = attempt_id, None
    try:
        dal.commit(item, [dal.hop(item, at, note=reason)], creates=(dal.attempt(item, attempt_id, at),))
    except ConcurrentUpdate:
        return None
    return dal.message(item.tenant_id, item.message_id)


def _sent(item: MessageItem, outgoing: Outgoing, receipt: Receipt, now: datetime) -> None:
    item.status, item.status_at, item.address = Status.SENT, now, outgoing.to
    item.provider, item.provider_message_id = receipt.provider, receipt.provider_message_id
    dal.commit(
        item, [dal.hop(item, now)], creates=(dal.provider_ref(item),),
        events=(chain.status_event(item, Status.SENT, now),),
    )  # fmt: skip
    window_s = int(item.receipt_window_s or 0)
    if window_s <= 0 or receipt.provider in providers.UNREPORTED:  # no receipt to wait for (a rule's
        return  # choice, or a provider that cannot tell us): the message stays where its statuses take it
    check = ReceiptCheck(
        tenant_id=item.tenant_id, message_id=item.message_id, attempt_id=item.attempt_id,
        due_at=now + timedelta(seconds=window_s),
    )  # fmt: skip
    queues.send_batch(RECEIPTS, [check.model_dump_json()], delay_s=window_s)
