"""The local runtime's background work waits for work instead of polling for it, and still takes
each piece of work at once (infra/local/pumps.py, moto_bridge.py point 7)."""

from __future__ import annotations

import time
import uuid

import boto3

from infra.local import moto_bridge
from infra.local.invoke import REGION
from infra.local.pumps import Pump
from infra.local.runtime import LocalPlatform
from tests.support import eventually, resources


def test_a_pump_with_a_bell_steps_again_as_soon_as_it_rings_not_after_its_idle_time():
    # Given a pump that finds nothing to do and would otherwise look again in a minute
    bell = moto_bridge.Bell()
    steps: list[float] = []

    def step() -> bool:
        steps.append(time.monotonic())
        return False  # nothing to do

    pump = Pump("test", step, idle_s=60, report=print, bell=bell)
    pump.start()
    eventually(lambda: len(steps) == 1, timeout_s=5)
    # When its bell rings
    bell.ring()
    # Then it looks again at once
    eventually(lambda: len(steps) == 2, timeout_s=2)
    # And it stops when told, though it is waiting for its bell
    pump.stop()
    pump.join(timeout=2)
    assert not pump.is_alive()


def test_a_write_that_adds_stream_records_has_rung_the_bell_when_it_is_answered(platform: LocalPlatform):
    ddb = boto3.client("dynamodb", endpoint_url=platform.aws_url, region_name=REGION)
    # When an item is written to the table (it has a stream)
    before = moto_bridge.STREAM_WRITTEN.rings
    item = {"PK": {"S": f"T#{uuid.uuid4().hex}#BELL"}, "SK": {"S": "A"}}
    ddb.put_item(TableName=resources(platform).table, Item=item)
    # Then the bell has rung by the time the write is answered: the stream relay wakes for it
    assert moto_bridge.STREAM_WRITTEN.rings > before


def test_each_message_sent_is_printed_once_on_the_dev_log(platform: LocalPlatform):
    # When the platform sends an email
    to = f"pump-{uuid.uuid4().hex[:8]}@example.com"
    ses = boto3.client("ses", endpoint_url=platform.aws_url, region_name=REGION)
    ses.verify_email_identity(EmailAddress="noreply@panacea.local")
    ses.send_email(
        Source="noreply@panacea.local",
        Destination={"ToAddresses": [to]},
        Message={"Subject": {"Data": "Hello"}, "Body": {"Text": {"Data": "Your code is 123456"}}},
    )
    lines: list[str] = platform.log_lines  # type: ignore[attr-defined]

    def printed() -> list[str]:
        return [line for line in list(lines) if to in line]

    # Then a line of the dev log says so, once
    eventually(printed, timeout_s=5)
    time.sleep(1.2)  # two more rounds of the printer
    assert printed() == [f"✉ email to {to}: Hello — Your code is 123456"]
