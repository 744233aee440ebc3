"""The local runtime started as `make dev` starts it (a separate process, on free ports), and
driven over HTTP like a real client."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest

ROOT = Path(__file__).resolve().parents[2]


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
