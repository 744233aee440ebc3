"""boto3 clients, made once per process on first use and shared (they are thread-safe).

boto3 honours AWS_ENDPOINT_URL, which is how the local runtime and the tests point every
client at moto without a branch in the code.
"""

from __future__ import annotations

import functools
from typing import Any

import boto3


@functools.cache
def client(service: str) -> Any:
    return boto3.session.Session().client(service)


def reset_clients() -> None:
    client.cache_clear()
