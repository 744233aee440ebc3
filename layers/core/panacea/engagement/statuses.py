"""Statuses from providers: their signed callbacks (`receive_callback`) and AWS's own delivery events
(`record_aws_event`: SES's event destination, SNS SMS), each report applied to the message it is
about, forward only (`channels.advances`).

Applied, a status is a trail entry with the provider's raw payload and a `message.status_changed`
event, in one transaction. A failure of a message not yet delivered runs the chain's next step in
that same transaction. A report about an earlier attempt, a duplicate, a late one, or one about a
message this tenant never sent changes nothing. People's own messages (WhatsApp) open their service
window (`audience.note_inbound`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pydantic import BaseModel

from panacea.engagement import audience, chain
from panacea.engagement import delivery_dal as dal
from panacea.platform import clock, providers
from panacea.platform.errors import ConcurrentUpdate, DomainError, FieldError, NotFound, NotYet
from panacea.platform.isolation import acting_for
from panacea.platform.keys import MalformedKey, tenant_prefix
from panacea.platform.observability import logger
from panacea.platform.providers import BadSignature, StatusReport
from panacea.platform.providers.channels import FAILURES, REACHED, Status, advances

AWS_SOURCES = {"aws.ses": "ses", "aws.sns": "sns_sms"}  # an AWS event's source → the provider it reports on
RETRIES = 3
# A provider may report a message's status before the sender has recorded the provider's id for it
# (it answers the send, then calls back at once). A fresh report about an id not known yet is refused
# with a 409 (the provider retries it, and SQS redelivers an AWS event); an older one is ignored.
TOO_EARLY = timedelta(minutes=10)
SIGNED_BY = {
    "twilio": "header.X-Twilio-Signature",
    "whatsapp": "header.X-Hub-Signature-256",
    "wechat": "query.signature",
}


class CallbackNotSigned(DomainError):
    status, slug, title = 401, "invalid-signature", "Invalid signature"


class StatusBeforeSend(NotYet):
    """A status about a provider id the platform has not recorded yet: try again shortly."""

    slug, title = "status-before-send", "Status before the send was recorded"


class CallbackAnswer(BaseModel):
    """What the platform made of a provider's callback."""

    statuses: int  # reports read
    applied: int  # of them, those that moved a message forward
    inbound: int  # people's own messages noted


def receive_callback(
    provider: str, tenant_id: str, *, url: str, headers: dict[str, str], body: bytes
) -> CallbackAnswer:
    """A provider's callback to the tenant's endpoint, read only if its signature verifies."""
    if not body.strip():
        raise DomainError.on_field("body", "missing", "a provider's callback carries a body; this one is empty")
    if provider not in providers.PROVIDERS:
        raise NotFound(f"no messaging provider {provider!r}", field="provider")
    try:
        tenant_prefix(tenant_id)
    except MalformedKey:
        raise NotFound(f"no tenant {tenant_id!r}", field="tenant_id") from None
    with acting_for(tenant_id):
        try:
            read = providers.read_callback(provider, tenant_id, url=url, headers=headers, body=body)
        except BadSignature as exc:
            raise CallbackNotSigned(
                f"the {provider} signature does not sign this request: nothing was read",
                errors=[
                    FieldError(
                        SIGNED_BY.get(provider, "header"), "invalid_signature", str(exc)[:200] or "invalid signature"
                    )
                ],
            ) from None
        applied = sum(record(tenant_id, report) for report in read.statuses)
        for inbound in read.inbound:
            audience.note_inbound(tenant_id, inbound.sender, inbound.timestamp)
    return CallbackAnswer(statuses=len(read.statuses), applied=applied, inbound=len(read.inbound))


def record_aws_event(event: dict[str, Any]) -> int:
    """An AWS-native delivery event (EventBridge's shape); how many reports it moved forward."""
    provider = AWS_SOURCES.get(str(event.get("source")))
    tenant_id = _tenant_of(event)
    if provider is None or tenant_id is None:
        logger.warning("delivery event of no known provider or tenant", extra={"source": event.get("source")})
        return 0
    with acting_for(tenant_id):
        return sum(record(tenant_id, report) for report in providers.read_aws_event(provider, event))


def _tenant_of(event: dict[str, Any]) -> str | None:
    """The tenant the platform tagged the message with (SES keeps its email tags on every event)."""
    detail = event.get("detail") or {}
    tags = (detail.get("mail") or {}).get("tags") or {}
    found = tags.get("tenant_id") or [detail.get("tenant_id")]
    return str(found[0]) if found and found[0] else None


def record(tenant_id: str, report: StatusReport) -> bool:
    """Apply `report` to its message; whether it moved the message forward."""
    for _ in range(RETRIES):
        try:
            return _apply(tenant_id, report)
        except ConcurrentUpdate:  # the message moved meanwhile: judge the report against what it is now
            continue
    return _apply(tenant_id, report)


def _apply(tenant_id: str, report: StatusReport) -> bool:
    item = dal.message_of(tenant_id, report.provider, report.provider_message_id)
    if item is None and clock.now() - report.timestamp < TOO_EARLY:
        raise StatusBeforeSend.on_field(
            "provider_message_id", "not_yet_known",
            f"{report.provider} message {report.provider_message_id} is not recorded yet: send this status again",
        )  # fmt: skip
    if item is None or item.provider != report.provider or item.provider_message_id != report.provider_message_id:
        logger.info("status of no current attempt", extra={"provider_message_id": report.provider_message_id})
        return False
    current = Status(item.status)
    if not advances(current, report.status):
        return False
    at = report.timestamp
    if report.status in FAILURES and current not in REACHED:
        chain.move_on(item, f"{report.status}", at, failure=report)
        return True
    item.status, item.status_at = report.status, at
    dal.commit(
        item, [dal.hop(item, at, note=report.error_code, raw=report.raw)],
        events=(chain.status_event(item, report.status, at, recipient=report.recipient),),
    )  # fmt: skip
    return True
