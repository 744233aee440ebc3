"""The local runtime started as `make dev` starts it (a separate process, on free ports), and
driven over HTTP like a real client."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import boto3
import pytest

from tests.support import builders
from tests.support.builders import code_in, ok
from tests.support.transport import Answer, Http

__all__ = ["code_in", "ok"]  # the tests import them from here, with the helpers below

ROOT = Path(__file__).resolve().parents[2]
# Waits on a task token (an order's payment, say) last this much of their length: a tenant's
# 30 minutes to pay become 36 s, and its shortest, 5 minutes, 6 s.
TOKEN_TIMEOUT_SCALE = 0.02
# Schedules run this much of their period: the hourly commission thaw runs every 3.6 s.
SCHEDULE_SCALE = 0.001


@dataclass
class Client:
    """The platform as a client reaches it: over HTTP (`tests.support.transport.Http`)."""

    demo: dict[str, Any]
    http: Http = field(init=False)

    def __post_init__(self) -> None:
        self.http = Http(self.api)

    @property
    def api(self) -> str:
        return str(self.demo["api"])

    @property
    def store_id(self) -> str:
        return str(self.demo["demo_tenant"]["id"])  # the demo tenant's own store

    def token(self, username: str, password: str) -> str:
        idp = boto3.client(
            "cognito-idp",
            endpoint_url=self.demo["aws_endpoint"],
            region_name=self.demo["region"],
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )
        answer = idp.initiate_auth(
            ClientId=self.demo["user_pool_client_id"],
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": username, "PASSWORD": password},
        )
        return str(answer["AuthenticationResult"]["IdToken"])

    def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        body: Any = None,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        """The answer, which unpacks as `status, headers, body`."""
        return self.http.request(method, path, as_=token, body=body, raw_body=raw, headers=headers)


def launch(state: Path, log: IO[bytes], *, schedule_scale: float = SCHEDULE_SCALE) -> subprocess.Popen[bytes]:
    """`make dev`'s runtime as a process of its own, on free ports, its state in `state`, writing to `log`
    (its schedules run `schedule_scale` of their period: the journeys' hourly jobs every 3.6 s)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "infra.local",
            "--port",
            "0",
            "--aws-port",
            "0",
            "--stripe-port",
            "0",
            "--time-scale",
            "0",
            "--token-timeout-scale",
            str(TOKEN_TIMEOUT_SCALE),
            "--schedule-scale",
            str(schedule_scale),
            "--state-dir",
            str(state),
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'layers' / 'core'}"},
    )


@pytest.fixture(scope="session")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[subprocess.Popen[bytes]]:
    state = tmp_path_factory.mktemp("local")
    log = (state / "runtime.log").open("wb")
    process = launch(state, log)
    demo_file = state / "demo.json"

    def seeded() -> bool:
        assert process.poll() is None, f"the local runtime stopped with status {process.returncode}"
        return demo_file.exists()

    try:
        builders.eventually(seeded, timeout_s=120, every_s=0.2, what="the local runtime wrote no demo.json")
    except AssertionError as failed:
        process.kill()
        log_text = (state / "runtime.log").read_text()
        raise RuntimeError(f"the local runtime did not start ({failed}):\n{log_text}") from failed
    process.demo = json.loads(demo_file.read_text())  # type: ignore[attr-defined]
    process.log_path = state / "runtime.log"  # type: ignore[attr-defined]
    yield process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    log.close()


@pytest.fixture(scope="session")
def client(runtime: subprocess.Popen[bytes]) -> Client:
    return Client(runtime.demo)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def owner_token(client: Client) -> str:
    owner = client.demo["demo_tenant"]["owner"]
    return client.token(owner["username"], owner["password"])


def member_token(client: Client) -> str:
    """A member of the demo tenant, registered by email and signed in."""
    return builders.member(client.http, client.demo["demo_tenant"]["slug"]).token


def until(client: Client, path: str, token: str, state: str, *, timeout_s: float = 30) -> dict[str, Any]:
    """The order at `path` once it is in `state` (the workflow and consumers run on their own)."""
    return builders.reaches(client.http, token, path.rsplit("/", 1)[-1], state, timeout_s=timeout_s)


# --- the shop, as its owner and members use it over HTTP ------------------------------------------


def product_on_sale(client: Client, owner: str, kind: str, name: str, *, price: int, stock: int) -> str:
    """A published product of `kind` with one SKU priced in GBP and `stock` in the tenant's store; the SKU."""
    goods = builders.Goods(kind, name, price)
    return builders.product_on_sale(client.http, owner, client.store_id, goods, stock=stock).sku_id


def stock_of(client: Client, owner: str, sku: str) -> dict[str, Any]:
    return builders.stock_of(client.http, owner, sku, client.store_id)


def coupon_code(client: Client, owner: str) -> str:
    """An active 10%-off coupon of the demo tenant; its code."""
    return builders.coupon(client.http, owner).code


def add_address(client: Client, member: str) -> str:
    return builders.address(client.http, member)


def pay(client: Client, owner: str, placed: dict[str, Any]) -> None:
    """The member pays the order's PaymentIntent in the Stripe sandbox, which then sends its webhooks."""
    builders.pay(client.http, owner, placed, builders.SandboxOverHttp(client.demo["stripe_sandbox"]))


# --- gene tests, as logistics learns them ----------------------------------------------------------


def paid_gene_test(client: Client, owner: str, member: str) -> dict[str, Any]:
    """The member buys the demo shop's gene test and pays in the sandbox: the test once logistics
    learnt it from `order.paid` (its `order_id`, `line_no`, …), with the order's `path`."""
    gene_test = next(p["sku_id"] for p in client.demo["demo_tenant"]["shop"]["products"] if p["kind"] == "gene_test")
    body = {"lines": [{"sku_id": gene_test, "quantity": 1}], "address_id": add_address(client, member),
            "payment_method": "card"}  # fmt: skip
    status, headers, placed = client.request("POST", "/v1/orders", token=member, body=body)
    assert status == 201, placed
    pay(client, owner, placed)
    order_id = placed["order"]["id"]

    def known() -> dict[str, Any] | None:
        tests = ok(client.request("GET", "/v1/me/gene-tests", token=member))
        return next((t for t in tests if t["order_id"] == order_id), None)

    test = builders.eventually(known, timeout_s=30, every_s=0.25, what=f"logistics never heard order {order_id} paid")
    return {**test, "path": headers["Location"]}


def staff_member(client: Client, owner: str, role: str) -> str:
    """Someone the owner invites with `role` (service_desk, order_manager, …), who accepts with the
    emailed code and signs in: their ID token."""
    slug, email = client.demo["demo_tenant"]["slug"], f"{role.replace('_', '-')}-{uuid.uuid4().hex[:8]}@example.com"
    invitation = {"email": email, "name": f"Sam {role.replace('_', ' ').title()}", "roles": [role]}
    ok(client.request("POST", "/v1/users/invitations", token=owner, body=invitation))
    builders.invitation_accepted(client.http, slug, email, builders.MEMBER_PASSWORD)
    return str(builders.signed_in(client.http, slug, email, builders.MEMBER_PASSWORD)["id_token"])


# --- notifications: the messaging sandbox, and members reachable on every channel ---------------


@dataclass
class MessagingSandbox:
    """The local messaging sandbox (Twilio, WhatsApp, WeChat) over HTTP, at demo.json's `messaging_sandbox`."""

    url: str

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())

    def behave(self, **behaviour: list[str]) -> dict[str, list[str]]:
        """`POST /_sandbox/behaviour`: down, refused, undeliverable, withheld (the keys given replace theirs)."""
        return dict(self._call("POST", "/_sandbox/behaviour", behaviour))

    def messages(self, to: str) -> list[dict[str, Any]]:
        """`GET /_sandbox/messages?to=`: what the sandbox's providers were asked to send to `to`."""
        return list(self._call("GET", f"/_sandbox/messages?to={quote(to, safe='')}")["messages"])


@pytest.fixture
def messaging(client: Client) -> Iterator[MessagingSandbox]:
    """The sandbox; whatever behaviour a test sets is undone after it (other tests share the runtime)."""
    sandbox = MessagingSandbox(str(client.demo["messaging_sandbox"]))
    yield sandbox
    sandbox.behave(down=[], refused=[], undeliverable=[], withheld=[], unapproved_templates=[])


def confirmed_phone(client: Client, member: str, phone: str) -> None:
    """The member confirms `phone` as their mobile number with the code texted to it."""
    ok(client.request("POST", "/v1/me/phone", token=member, body={"phone": phone}), 202)
    code = builders.code_sent_to(client.http, phone)
    ok(client.request("POST", "/v1/me/phone/confirm", token=member, body={"code": code}))


def mobile_number() -> str:
    """A UK mobile number no other test uses (+447400…, a range phonenumbers reads as mobile)."""
    return f"+447400{uuid.uuid4().int % 10**6:06d}"
