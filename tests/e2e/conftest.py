"""The local runtime started as `make dev` starts it (a separate process, on free ports), and
driven over HTTP like a real client."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.local.seed import coupon

ROOT = Path(__file__).resolve().parents[2]
# Waits on a task token (an order's payment, say) last this much of their length: a tenant's
# 30 minutes to pay become 36 s, and its shortest, 5 minutes, 6 s.
TOKEN_TIMEOUT_SCALE = 0.02


@dataclass
class Client:
    demo: dict[str, Any]

    @property
    def api(self) -> str:
        return str(self.demo["api"])

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
    ) -> tuple[int, dict[str, str], Any]:
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.api + path, data=data, method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, got, payload = response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            status, got, payload = error.code, dict(error.headers), error.read()
        kind = got.get("Content-Type", "")
        if kind.startswith("application/vnd."):  # a file (a workbook): its bytes
            return status, got, payload
        text = payload.decode()
        return status, got, json.loads(text) if "json" in kind and text else text


@pytest.fixture(scope="session")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[subprocess.Popen[bytes]]:
    state = tmp_path_factory.mktemp("local")
    log = (state / "runtime.log").open("wb")
    process = subprocess.Popen(
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
            "--state-dir",
            str(state),
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'layers' / 'core'}"},
    )
    demo_file = state / "demo.json"
    deadline = time.monotonic() + 120
    while not demo_file.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the local runtime did not start:\n" + (state / "runtime.log").read_text())
        time.sleep(0.2)
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
    slug, email = client.demo["demo_tenant"]["slug"], f"buyer-{uuid.uuid4().hex[:8]}@example.com"
    password = "Harbour-Gene-2026!"
    body = {"tenant": slug, "kind": "individual", "email": email, "password": password}
    assert client.request("POST", "/v1/auth/register", body=body)[0] == 202
    _, _, outbox = client.request("GET", f"/_local/outbox?to={email}")
    code = code_in(outbox["messages"][-1]["text"])
    client.request("POST", "/v1/auth/register/confirm", body={"tenant": slug, "email": email, "code": code})
    credentials = {"tenant": slug, "email": email, "password": password}
    _, _, session = client.request("POST", "/v1/auth/sign-in", body=credentials)
    return str(session["id_token"])


def code_in(text: str) -> str:
    """The 6-digit code in a message the local platform sent."""
    found = re.search(r"\b(\d{6})\b", text)
    assert found, text
    return found.group(1)


def until(client: Client, path: str, token: str, state: str, *, timeout_s: float = 30) -> dict[str, Any]:
    """The order at `path` once it is in `state` (the workflow and consumers run on their own)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        order = client.request("GET", path, token=token)[2]
        if order["state"] == state:
            return dict(order)
        time.sleep(0.2)
    raise AssertionError(f"{path} never became {state} (last: {order['state']})")


# --- the shop, as its owner and members use it over HTTP ------------------------------------------


def ok(answer: tuple[int, dict[str, str], Any], *statuses: int) -> Any:
    status, _, body = answer
    assert status in (statuses or (200, 201)), body
    return body


def product_on_sale(client: Client, owner: str, kind: str, name: str, *, price: int, stock: int) -> str:
    """A published product of `kind` with one SKU priced in GBP and `stock` in the tenant's store; the SKU."""
    product = ok(client.request("POST", "/v1/catalog/products", token=owner, body={"name": name, "kind": kind}))
    code = f"{kind.upper().replace('_', '-')}-{uuid.uuid4().hex[:6]}"
    sku = ok(
        client.request(
            "POST",
            f"/v1/catalog/products/{product['id']}/skus",
            token=owner,
            body={"code": code, "prices": [{"amount": price, "currency": "GBP"}]},
        )
    )
    ok(client.request("POST", f"/v1/catalog/products/{product['id']}/publish", token=owner))
    store = client.demo["demo_tenant"]["id"]
    count = {"available": stock, "reason": "delivery"}
    ok(client.request("PUT", f"/v1/catalog/skus/{sku['id']}/stock/{store}", token=owner, body=count))
    return str(sku["id"])


def stock_of(client: Client, owner: str, sku: str) -> dict[str, Any]:
    levels = ok(client.request("GET", f"/v1/catalog/skus/{sku}/stock", token=owner))["items"]
    (level,) = [s for s in levels if s["store_id"] == client.demo["demo_tenant"]["id"]]
    return dict(level)


def coupon_code(client: Client, owner: str) -> str:
    """An active 10%-off coupon of the demo tenant; its code."""
    code = f"TEN{uuid.uuid4().hex[:8].upper()}"
    promotion = ok(client.request("POST", "/v1/promotions", token=owner, body=coupon(code, percentage_bps=1000)))
    ok(client.request("POST", f"/v1/promotions/{promotion['id']}/activate", token=owner))
    return code


def add_address(client: Client, member: str) -> str:
    body = {"recipient": "Mei Chen", "phone": "07400 123456", "line1": "1 Quay", "city": "Bristol", "country": "GB"}
    return str(ok(client.request("POST", "/v1/me/addresses", token=member, body=body))["id"])


def pay(client: Client, owner: str, placed: dict[str, Any]) -> None:
    """The member pays the order's PaymentIntent in the Stripe sandbox, which then sends its webhooks."""
    payment = ok(client.request("GET", f"/v1/payments/{placed['order']['payment']['payment_id']}", token=owner))
    sandbox = client.demo["stripe_sandbox"]
    url = f"{sandbox}/_sandbox/payment_intents/{payment['intent_id']}/succeed"
    urllib.request.urlopen(urllib.request.Request(url, method="POST"), timeout=30).close()
