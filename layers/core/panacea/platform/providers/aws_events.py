"""AWS-native delivery reports, read into status reports (`read_aws_event`). No signature: what
delivers them (EventBridge rules, CloudWatch Logs subscriptions) is allowed by IAM.

- SES (provider `ses`): the configuration set's EventBridge destination puts one event per SES
  event, `source` `aws.ses`, `detail` SES's event (`eventType` Send, Delivery, Bounce, Complaint,
  Reject, Open, Click, RenderingFailure, Subscription, DeliveryDelay), whose `mail.tags` carry our
  `tenant_id` and `message_id` (`ses.py` sets them).
- SNS SMS (`sns_sms`) and SNS push (`sns_push`): SNS's delivery status logs (`{"notification":
  {"messageId", "timestamp"}, "delivery": {"destination", "providerResponse", …}, "status":
  "SUCCESS"|"FAILURE"}`), as one record, a CloudWatch Logs subscription's `{"awslogs": {"data":
  <gzip, base64>}}`, or an EventBridge event whose `detail` is the record (the local runtime's
  `panacea.local.sns` events). They carry SNS's message id only.
"""

from __future__ import annotations

import base64
import gzip
import json
from datetime import UTC, datetime
from typing import Any

from panacea.platform import clock
from panacea.platform.providers import StatusReport
from panacea.platform.providers.channels import Status

SES_SOURCE = "aws.ses"
SNS_LOCAL_SOURCE = "panacea.local.sns"  # the local runtime's stand-in for SNS's delivery status logs
# SES's eventType → ours (DeliveryDelay and unknown types report nothing)
SES_STATUSES = {
    "Send": Status.SENT,
    "Delivery": Status.DELIVERED,
    "Open": Status.READ,
    "Click": Status.READ,
    "Bounce": Status.BOUNCED,
    "Complaint": Status.COMPLAINED,
    "Reject": Status.REJECTED,
    "RenderingFailure": Status.FAILED,
    "Subscription": Status.UNSUBSCRIBED,
}
SES_DETAIL_TYPES = {  # EventBridge's detail-type for each (what the local runtime puts on the bus)
    "Send": "Email Sent",
    "Delivery": "Email Delivered",
    "Bounce": "Email Bounced",
    "Complaint": "Email Complaint Received",
    "Reject": "Email Rejected",
    "Open": "Email Opened",
    "Click": "Email Clicked",
}
SES_EVENT_TIME = {
    "Delivery": "delivery",
    "Bounce": "bounce",
    "Complaint": "complaint",
    "Open": "open",
    "Click": "click",
}


def ses_status(detail: dict[str, Any]) -> Status | None:
    kind = str(detail.get("eventType") or detail.get("notificationType") or "")
    if kind == "Bounce" and (detail.get("bounce") or {}).get("bounceType") == "Transient":
        return Status.UNDELIVERED  # a soft bounce SES gave up on
    return SES_STATUSES.get(kind)


def sns_status(record: dict[str, Any]) -> Status:
    if record.get("status") == "SUCCESS":
        return Status.DELIVERED
    response = str((record.get("delivery") or {}).get("providerResponse") or "").lower()
    if "opted out" in response:
        return Status.UNSUBSCRIBED
    if "invalid" in response or "not a valid" in response:
        return Status.REJECTED
    return Status.UNDELIVERED


def read(provider: str, event: dict[str, Any]) -> list[StatusReport]:
    if provider == "ses":
        detail = event.get("detail") if event.get("source") == SES_SOURCE else event
        return [r for r in [_ses(detail or {})] if r is not None]
    if provider in ("sns_sms", "sns_push"):
        return [_sns(provider, record) for record in _sns_records(event)]
    raise KeyError(f"{provider!r} reports through its callbacks, not AWS events")


def _ses(detail: dict[str, Any]) -> StatusReport | None:
    status = ses_status(detail)
    mail = detail.get("mail") or {}
    if status is None or not mail.get("messageId"):
        return None
    kind = str(detail.get("eventType") or detail.get("notificationType"))
    about = detail.get(SES_EVENT_TIME.get(kind, "")) or {}
    tags = mail.get("tags") or {}
    recipients = mail.get("destination") or [None]
    error = (about.get("bounceSubType") or about.get("complaintFeedbackType")) if about else None
    return StatusReport(
        provider="ses",
        provider_message_id=str(mail["messageId"]),
        status=status,
        timestamp=_iso(about.get("timestamp") or mail.get("timestamp")),
        recipient=recipients[0],
        error_code=error,
        raw=detail,
        tenant_id=_tag(tags, "tenant_id"),
        message_id=_tag(tags, "message_id"),
    )


def _sns_records(event: dict[str, Any]) -> list[dict[str, Any]]:
    if "awslogs" in event:
        logs = json.loads(gzip.decompress(base64.b64decode(event["awslogs"]["data"])))
        return [json.loads(e["message"]) for e in logs.get("logEvents") or []]
    if "detail" in event:
        return [event["detail"]]
    return [event]


def _sns(provider: str, record: dict[str, Any]) -> StatusReport:
    notification, delivery = record.get("notification") or {}, record.get("delivery") or {}
    status = sns_status(record)
    return StatusReport(
        provider=provider,
        provider_message_id=str(notification.get("messageId")),
        status=status,
        timestamp=_iso(notification.get("timestamp")),
        recipient=delivery.get("destination"),
        error_code=None if status is Status.DELIVERED else str(delivery.get("providerResponse") or "") or None,
        raw=record,
    )


def _tag(tags: dict[str, Any], name: str) -> str | None:
    values = tags.get(name) or []
    return str(values[0]) if values else None


def _iso(stamp: Any) -> datetime:
    if not stamp:
        return clock.now()
    text = str(stamp).replace("Z", "+00:00").replace(" ", "T")
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
