"""Calling a function's handler in this process, the way Lambda would.

One lock per function: Lambda never runs two invocations at once in one execution
environment, and handler modules (Powertools' resolver keeps the current event on the app)
rely on that. Different functions run concurrently.
"""

from __future__ import annotations

import importlib
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ACCOUNT = "123456789012"
REGION = "eu-west-2"

_locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
_handlers: dict[str, Callable[[Any, Any], Any]] = {}
_import_lock = threading.Lock()


@dataclass
class LambdaContext:
    """What Lambda passes as `context` (the fields Powertools reads)."""

    function_name: str
    memory_limit_in_mb: int = 512
    timeout_s: int = 15
    function_version: str = "$LATEST"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    started: float = field(default_factory=time.monotonic)

    @property
    def invoked_function_arn(self) -> str:
        return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{self.function_name}"

    @property
    def log_group_name(self) -> str:
        return f"/aws/lambda/{self.function_name}"

    @property
    def log_stream_name(self) -> str:
        return "local"

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self.timeout_s - (time.monotonic() - self.started)) * 1000))


def handler_of(path: str) -> Callable[[Any, Any], Any]:
    """`functions.tenancy.api.handler` → the callable (imported once)."""
    with _import_lock:
        if path not in _handlers:
            module, attr = path.rsplit(".", 1)
            _handlers[path] = getattr(importlib.import_module(module), attr)
        return _handlers[path]


def invoke(handler: str, event: Any, *, function_name: str, timeout_s: int = 15, memory_mb: int = 512) -> Any:
    """Run `handler` on `event` as function `function_name`; exceptions propagate."""
    fn = handler_of(handler)
    with _locks[handler]:
        return fn(event, LambdaContext(function_name, memory_limit_in_mb=memory_mb, timeout_s=timeout_s))
