"""The AWS-native providers (SES, SNS SMS, SNS mobile push) on moto, and their delivery reports as
the local runtime puts them on the platform's bus (what SES's EventBridge destination and SNS's
delivery status logging report in AWS), read back with `read_aws_event`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from infra.local.invoke import REGION
from infra.local.messaging_sandbox import MessagingSandbox
from infra.local.runtime import LocalPlatform
from panacea.platform import providers
from panacea.platform.ids import new_id
from panacea.platform.providers import ProviderRefused, read_aws_event
from panacea.platform.providers.channels import Channel, Status
from tests.integration.providers.conftest import URDU, number, outgoing
from tests.support.builders import eventually


@pytest.fixture(scope="module")
def reports(platform: LocalPlatform) -> Iterator[dict[str, Any]]:
    """A queue fed by a rule on the platform's bus with every AWS-native delivery report."""
    assert platform.resources is not None
    events, sqs = boto3.client("events", region_name=REGION), boto3.client("sqs", region_name=REGION)
    name = f"provider-reports-{new_id()[-8:].lower()}"
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    pattern = {"source": ["aws.ses", "panacea.local.sns"]}
    events.put_rule(Name=name, EventBusName=platform.resources.bus, EventPattern=json.dumps(pattern))
    events.put_targets(Rule=name, EventBusName=platform.resources.bus, Targets=[{"Id": "q", "Arn": arn}])
    yield {"sqs": sqs, "url": url, "seen": []}
    events.remove_targets(Rule=name, EventBusName=platform.resources.bus, Ids=["q"])
    events.delete_rule(Name=name, EventBusName=platform.resources.bus)
    sqs.delete_queue(QueueUrl=url)


def reports_about(reports: dict[str, Any], provider: str, provider_message_id: str, count: int) -> list[Any]:
    """The first `count` status reports about a message, as `read_aws_event` reads the bus's events."""

    def found() -> list[Any]:
        answer = reports["sqs"].receive_message(QueueUrl=reports["url"], MaxNumberOfMessages=10, WaitTimeSeconds=1)
        for message in answer.get("Messages", []):
            reports["seen"].append(json.loads(message["Body"]))
            reports["sqs"].delete_message(QueueUrl=reports["url"], ReceiptHandle=message["ReceiptHandle"])
        statuses = [
            s
            for event in reports["seen"]
            if event["source"] == ("aws.ses" if provider == "ses" else "panacea.local.sns")
            for s in read_aws_event(provider, event)
            if s.provider_message_id == provider_message_id
        ]
        return statuses if len(statuses) >= count else []

    statuses: list[Any] = eventually(found, what=f"{count} reports about {provider_message_id}")
    return statuses[:count]


def email(tenant_id: str, platform: LocalPlatform, to: str, **more: Any) -> providers.Outgoing:
    return outgoing(
        tenant_id, Channel.EMAIL, to, platform, "ses", subject="موعد", html=f'<p dir="rtl">{URDU}</p>', **more
    )


def test_an_email_is_delivered_and_mapped_back_by_its_tags(
    platform: LocalPlatform, reports: dict[str, Any], tenant_id: str
):
    # Given a marketing email in Urdu with an HTML body
    message = email(tenant_id, platform, "amina@example.com", unsubscribe_url="https://example.com/u/1")

    # When SES sends it
    receipt = providers.send("ses", message)

    # Then SES reports it delivered, carrying our tenant and message ids
    [delivered] = reports_about(reports, "ses", receipt.provider_message_id, 1)
    assert (delivered.status, delivered.tenant_id, delivered.message_id) == (
        Status.DELIVERED,
        tenant_id,
        message.message_id,
    )
    assert delivered.recipient == "amina@example.com"


@pytest.mark.parametrize(
    ("simulator", "statuses"),
    [
        ("bounce@simulator.amazonses.com", [Status.BOUNCED]),
        ("complaint@simulator.amazonses.com", [Status.DELIVERED, Status.COMPLAINED]),
    ],
)
def test_the_ses_mailbox_simulator_bounces_and_complains(
    platform: LocalPlatform, reports: dict[str, Any], tenant_id: str, simulator: str, statuses: list[Status]
):
    receipt = providers.send("ses", email(tenant_id, platform, simulator))
    found = reports_about(reports, "ses", receipt.provider_message_id, len(statuses))
    assert [s.status for s in found] == statuses
    assert {s.tenant_id for s in found} == {tenant_id}


def test_sns_sms_reports_delivered_or_undelivered(
    platform: LocalPlatform, sandbox: MessagingSandbox, reports: dict[str, Any], tenant_id: str
):
    # Given a number that can receive and one that cannot
    good, bad = number(), number()
    sandbox.behave(undeliverable=[bad])

    # When SNS sends to both
    receipts = [
        providers.send("sns_sms", outgoing(tenant_id, Channel.SMS, to, platform, "sns_sms")) for to in (good, bad)
    ]

    # Then its delivery status records read delivered, then undelivered
    [delivered] = reports_about(reports, "sns_sms", receipts[0].provider_message_id, 1)
    [undelivered] = reports_about(reports, "sns_sms", receipts[1].provider_message_id, 1)
    assert (delivered.status, delivered.recipient) == (Status.DELIVERED, good)
    assert (undelivered.status, undelivered.recipient) == (Status.UNDELIVERED, bad)


def test_an_app_push_reaches_a_device_endpoint(platform: LocalPlatform, reports: dict[str, Any], tenant_id: str):
    # Given a member's FCM device token
    device = f"fcm:{new_id()}"

    # When a push is sent to it
    receipt = providers.send("sns_push", outgoing(tenant_id, Channel.PUSH, device, platform, "sns_push"))

    # Then SNS made the device's endpoint on the platform's FCM application and published to it
    [delivered] = reports_about(reports, "sns_push", receipt.provider_message_id, 1)
    assert delivered.status is Status.DELIVERED
    assert delivered.recipient is not None
    assert "/GCM/" in delivered.recipient


def test_a_push_address_without_its_platform_is_refused(platform: LocalPlatform, tenant_id: str):
    with pytest.raises(ProviderRefused) as refused:
        providers.send("sns_push", outgoing(tenant_id, Channel.PUSH, "pigeon:123", platform, "sns_push"))
    assert refused.value.code == "invalid_address"
