"""What AWS itself reports about the messages moto's SES and SNS were asked to send, put on the
platform's bus as AWS would deliver it, so that the platform's consumers read them as in the cloud
(`panacea.platform.providers.read_aws_event`):

- SES: one event per SES event, `source` `aws.ses`, `detail-type` `Email Delivered` / `Email Bounced` /
  `Email Complaint Received`, `detail` SES's event with the message's `mail.tags` (the EmailTags the
  adapter sent: our tenant and message ids, captured from the SendEmail request since moto keeps no
  tags). Delivery for every recipient, except the SES mailbox simulator's: bounce@ (a permanent
  bounce), complaint@ (delivered, then a complaint), suppressionlist@ (a bounce, on the suppression list).
  In AWS the configuration set's EventBridge destination delivers to the account's default bus.
- SNS: SMS and push delivery status records (what SNS's delivery status logging writes to CloudWatch
  Logs), `source` `panacea.local.sns`, `detail-type` `SMS Delivery Status` / `Push Delivery Status`:
  SUCCESS, or FAILURE for a number the messaging sandbox holds undeliverable.

A pump step (`AwsReceipts.step`) of the local runtime: it reads moto's backends in this process."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import boto3
from moto.ses.models import ses_backends
from moto.sns.models import sns_backends

from infra.local.invoke import ACCOUNT, REGION
from panacea.platform import clock
from panacea.platform.aws import watch_new_clients
from panacea.platform.providers.aws_events import SES_DETAIL_TYPES, SES_SOURCE, SNS_LOCAL_SOURCE

SIMULATOR = "@simulator.amazonses.com"
_tags: dict[str, dict[str, list[str]]] = {}  # SES message id → its tags (as SES's events carry them)
_tags_lock = threading.Lock()
_watching = False


def capture_ses_tags() -> None:
    """Remember the EmailTags of every SendEmail this process makes from now on (once per process)."""
    global _watching  # noqa: PLW0603 - one registration per process
    if _watching:
        return
    _watching = True

    def remember_params(params: dict[str, Any], context: dict[str, Any], **kwargs: Any) -> None:
        context["panacea_email_tags"] = params.get("EmailTags") or []

    def remember_id(parsed: dict[str, Any], context: dict[str, Any], **kwargs: Any) -> None:
        if parsed.get("MessageId"):
            tags: dict[str, list[str]] = {}
            for tag in context.get("panacea_email_tags") or []:
                tags.setdefault(tag["Name"], []).append(tag["Value"])
            with _tags_lock:
                _tags[str(parsed["MessageId"])] = tags

    def watch(client: Any) -> None:
        if client.meta.service_model.service_name == "sesv2":
            client.meta.events.register("provide-client-params.sesv2.SendEmail", remember_params)
            client.meta.events.register("after-call.sesv2.SendEmail", remember_id)

    watch_new_clients(watch)


REPORT_AFTER_S = 1.5


class AwsReceipts:
    def __init__(self, endpoint: str, bus: str, undeliverable: Callable[[], set[str]] = set) -> None:
        self.events = boto3.session.Session().client("events", endpoint_url=endpoint, region_name=REGION)
        self.bus, self.undeliverable = bus, undeliverable
        self.emails = self.texts = 0
        self.pushes: set[tuple[str, str]] = set()
        self.waiting: list[tuple[float, dict[str, Any]]] = []  # (seen at, entry), reported REPORT_AFTER_S later
        capture_ses_tags()

    def step(self) -> bool:
        """Report what was sent at least REPORT_AFTER_S ago: AWS reports a message after it answered its
        send, and the sender has recorded the message's id by then (an earlier report is refused as too
        early and comes back only after the queue's visibility timeout)."""
        now = time.monotonic()
        self.waiting += [(now, entry) for entry in self._emails() + self._texts() + self._pushes()]
        due = [entry for seen, entry in self.waiting if now - seen >= REPORT_AFTER_S]
        self.waiting = [(seen, entry) for seen, entry in self.waiting if now - seen < REPORT_AFTER_S]
        for start in range(0, len(due), 10):
            self.events.put_events(Entries=due[start : start + 10])
        return bool(due)

    # --- SES ----------------------------------------------------------------------------------

    def _emails(self) -> list[dict[str, Any]]:
        sent = list(ses_backends[ACCOUNT][REGION].sent_messages)[self.emails :]
        self.emails += len(sent)
        entries: list[dict[str, Any]] = []
        for email in sent:
            destinations = getattr(email, "destinations", None)
            recipients = (
                [a for kind in ("ToAddresses", "CcAddresses", "BccAddresses") for a in destinations.get(kind, [])]
                if isinstance(destinations, dict)
                else list(destinations or [])
            )
            for recipient in recipients:
                entries += [self._ses_entry(email, recipient, kind) for kind in ses_outcomes(recipient)]
        return entries

    def _ses_entry(self, email: Any, recipient: str, kind: str) -> dict[str, Any]:
        now = clock.now().isoformat().replace("+00:00", "Z")
        with _tags_lock:
            tags = dict(_tags.get(email.id, {}))
        detail: dict[str, Any] = {
            "eventType": kind,
            "mail": {
                "timestamp": now,
                "source": email.source,
                "sendingAccountId": ACCOUNT,
                "messageId": email.id,
                "destination": [recipient],
                "headersTruncated": False,
                "tags": tags,
                "commonHeaders": {"from": [email.source], "to": [recipient], "subject": getattr(email, "subject", "")},
            },
        }
        if kind == "Delivery":
            detail["delivery"] = {
                "timestamp": now,
                "recipients": [recipient],
                "smtpResponse": "250 2.6.0 Message received",
                "processingTimeMillis": 12,
            }
        elif kind == "Bounce":
            suppressed = recipient.lower().startswith("suppressionlist@")
            detail["bounce"] = {
                "feedbackId": f"{email.id}-bounce",
                "bounceType": "Permanent",
                "bounceSubType": "OnSuppressionList" if suppressed else "General",
                "bouncedRecipients": [
                    {
                        "emailAddress": recipient,
                        "action": "failed",
                        "status": "5.1.1",
                        "diagnosticCode": "smtp; 550 5.1.1 user unknown",
                    }
                ],
                "timestamp": now,
            }
        elif kind == "Complaint":
            detail["complaint"] = {
                "feedbackId": f"{email.id}-complaint",
                "complainedRecipients": [{"emailAddress": recipient}],
                "complaintFeedbackType": "abuse",
                "timestamp": now,
            }
        return {
            "Source": SES_SOURCE,
            "DetailType": SES_DETAIL_TYPES[kind],
            "Detail": json.dumps(detail),
            "EventBusName": self.bus,
        }

    # --- SNS ----------------------------------------------------------------------------------

    def _texts(self) -> list[dict[str, Any]]:
        texts = list(sns_backends[ACCOUNT][REGION].sms_messages.items())[self.texts :]
        self.texts += len(texts)
        failing = self.undeliverable()
        return [
            self._sns_entry("SMS Delivery Status", mid, number, number not in failing) for mid, (number, _) in texts
        ]

    def _pushes(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = []
        for arn, endpoint in list(sns_backends[ACCOUNT][REGION].platform_endpoints.items()):
            for message_id in list(endpoint.messages):
                if (arn, message_id) not in self.pushes:
                    self.pushes.add((arn, message_id))
                    entries.append(self._sns_entry("Push Delivery Status", message_id, arn, endpoint.enabled))
        return entries

    def _sns_entry(self, kind: str, message_id: str, destination: str, delivered: bool) -> dict[str, Any]:
        record = {
            "notification": {"messageId": message_id, "timestamp": clock.now().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]},
            "delivery": {
                "destination": destination,
                "smsType": "Transactional",
                "providerResponse": (
                    "Message has been accepted by phone carrier"
                    if delivered
                    else "Unknown error attempting to reach phone"
                ),
                "dwellTimeMs": 120,
            },
            "status": "SUCCESS" if delivered else "FAILURE",
        }
        return {"Source": SNS_LOCAL_SOURCE, "DetailType": kind, "Detail": json.dumps(record), "EventBusName": self.bus}


def ses_outcomes(recipient: str) -> list[str]:
    """What SES reports for a recipient (its mailbox simulator's addresses as SES documents them)."""
    address = recipient.lower()
    if not address.endswith(SIMULATOR):
        return ["Delivery"]
    local = address.split("@")[0].split("+")[0]
    return {"bounce": ["Bounce"], "suppressionlist": ["Bounce"], "complaint": ["Delivery", "Complaint"]}.get(
        local, ["Delivery"]
    )
