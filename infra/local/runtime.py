"""The whole platform in one process: moto's AWS (also served over HTTP for the AWS CLI and
scripts), the resources of the wiring, the stream relay, queue pollers, scheduler, Step
Functions running the ASL files with in-process tasks, and the API gateway."""

from __future__ import annotations

import json
import logging
import os
import time
import urllib.request
from collections.abc import Callable
from typing import Self

from moto.server import ThreadedMotoServer

from infra import wiring
from infra.local import moto_bridge, outbox
from infra.local.aws_receipts import AwsReceipts
from infra.local.gateway import Gateway, stderr
from infra.local.invoke import REGION
from infra.local.messaging_sandbox import MessagingSandbox
from infra.local.moto_bridge import Bell
from infra.local.provision import (
    STRIPE_BILLING_WEBHOOK_SECRET,
    STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET,
    Resources,
    provision,
)
from infra.local.pumps import OutboxPrinter, Pump, QueuePoller, Scheduler, StreamRelay
from infra.local.stripe_sandbox import StripeSandbox
from panacea.platform.caches import reset_caches

STOP_PUMPS_S = 2.0  # how long stopping waits for the pumps to finish what they are doing, all together
# The messaging sandbox reports on a message this long after sending it: on this machine, under load, the
# sender may take a second to record the provider's id once the provider has answered.
CALLBACK_DELAY_S = 1.5
STRIPE_WEBHOOK_PATH = "/v1/payments/stripe/webhook"  # the endpoint Stripe is told to call (functions/payments)
STRIPE_BILLING_WEBHOOK_PATH = "/v1/billing/stripe/webhook"  # Billing's events (functions/billing)
LOCAL_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
    "AWS_SESSION_TOKEN": "local",
    "AWS_REGION": REGION,
    "AWS_DEFAULT_REGION": REGION,
}


class LocalPlatform:
    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 3000,
        aws_port: int = 4566,
        stripe_port: int = 4242,
        messaging_port: int | None = None,  # None: the port after Stripe's (4243), any free one when Stripe's is
        time_scale: float = 1.0,
        token_timeout_scale: float = 1.0,
        schedule_scale: float = 1.0,
        log: Callable[[str], None] = stderr,
    ) -> None:
        self.host, self.port, self.aws_port, self.stripe_port = host, port, aws_port, stripe_port
        self.time_scale, self.token_timeout_scale, self.log = time_scale, token_timeout_scale, log
        self.schedule_scale = schedule_scale
        self.messaging_port = messaging_port if messaging_port is not None else (stripe_port + 1 if stripe_port else 0)
        self.pumps: list[Pump] = []
        self.moto: ThreadedMotoServer | None = None
        self.gateway: Gateway | None = None
        self.resources: Resources | None = None
        self.stripe: StripeSandbox | None = None
        self.messaging: MessagingSandbox | None = None

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def aws_url(self) -> str:
        return f"http://{self.host}:{self.aws_port}"

    def start(self) -> Self:
        # AWS, emulated: every boto3 client in this process (and its children) talks to moto.
        moto_bridge.install(time_scale=self.time_scale, token_timeout_scale=self.token_timeout_scale)
        os.environ.update(LOCAL_CREDENTIALS)
        os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
        os.environ.setdefault("POWERTOOLS_METRICS_DISABLED", "true")
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's per-request access log
        self.moto = ThreadedMotoServer(ip_address=self.host, port=self.aws_port, verbose=False)
        self.moto.start()
        self.aws_port = self.moto.get_host_and_port()[1]
        os.environ["AWS_ENDPOINT_URL"] = self.aws_url
        os.environ["MOTO_PORT"] = str(self.aws_port)  # where moto's Step Functions call services
        request = urllib.request.Request(  # noqa: S310 - our own loopback server
            f"{self.aws_url}/moto-api/config",
            data=json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode(),
            method="POST",
        )
        urllib.request.urlopen(request).close()  # noqa: S310

        # Stripe, emulated: the real stripe client talks to the sandbox, whose webhooks reach the gateway.
        self.stripe = StripeSandbox(secret_key=STRIPE_SECRET_KEY, webhook_secret=STRIPE_WEBHOOK_SECRET, log=self.log)
        self.stripe.serve(self.host, self.stripe_port)
        # Twilio, WhatsApp and WeChat, emulated: real clients talk to the sandbox; its callbacks reach the gateway.
        self.messaging = MessagingSandbox(callback_delay_s=CALLBACK_DELAY_S, log=self.log)
        self.messaging.serve(self.host, self.messaging_port)
        outbox.attach(self.messaging)
        self.resources = provision(self.aws_url, stripe_api_base=self.stripe.url, messaging_sandbox=self.messaging.url)
        os.environ.update(self.resources.environment())
        # The gateway listens before any pump runs (nothing calls it until then): its port, now known, is
        # where the providers' status callbacks go, which the senders name with each message.
        self.gateway = Gateway(log=self.log)
        self.port = self.gateway.serve(self.host, self.port)
        os.environ["PANACEA_MESSAGING_CALLBACK_BASE"] = self.api_url
        reset_caches()  # settings, clients and connections read the environment once; it has just changed

        for stream in wiring.STREAMS:  # woken by each write that adds stream records, and every 5 s regardless
            relay = StreamRelay(self.resources, stream)
            self._pump(f"stream→{stream.function}", relay.step, idle_s=5.0, bell=moto_bridge.STREAM_WRITTEN)
        for queue in wiring.QUEUES:  # each receive long-polls: idle_s is only the pause after an empty one
            poller = QueuePoller(self.resources, queue)
            self._pump(f"queue {queue.name}→{queue.consumer}", poller.step, idle_s=0.2, waiting=poller.waiting)
        self._pump("scheduler", Scheduler(self.schedule_scale).step, idle_s=min(1.0, 60 * self.schedule_scale))
        self._pump("outbox", OutboxPrinter(self.log).step, idle_s=0.5)
        messaging = self.messaging
        receipts = AwsReceipts(
            self.aws_url, self.resources.bus, undeliverable=lambda: set(messaging.behaviour.undeliverable)
        )
        self._pump("aws receipts", receipts.step, idle_s=0.5)

        self.stripe.webhook_url = f"{self.api_url}{STRIPE_WEBHOOK_PATH}"
        self.stripe.billing_endpoint = (f"{self.api_url}{STRIPE_BILLING_WEBHOOK_PATH}", STRIPE_BILLING_WEBHOOK_SECRET)
        self.messaging.callback_base = self.api_url
        return self

    def _pump(
        self,
        name: str,
        step: Callable[[], bool],
        *,
        idle_s: float,
        bell: Bell | None = None,
        waiting: Callable[[], bool] = lambda: False,
    ) -> None:
        pump = Pump(name, step, idle_s=idle_s, report=self.log, bell=bell, waiting=waiting)
        pump.start()
        self.pumps.append(pump)

    def stop(self) -> None:
        if self.stripe:
            self.stripe.stop()
        if self.messaging:
            self.messaging.stop()
            outbox.attach(None)
        if self.gateway:
            self.gateway.stop()
        for pump in self.pumps:
            pump.stop()
        deadline = time.monotonic() + STOP_PUMPS_S
        for pump in self.pumps:  # one in a long poll ends when it returns (daemon threads do not hold the exit)
            if pump.holds_work:
                pump.join(timeout=max(0.0, deadline - time.monotonic()))
        if self.moto:
            self.moto.stop()
