"""What the contract test needs: a transport that records every answer with the route that gave it,
and the check of an answer against the merged OpenAPI document (its status, media type and
schema, with `#/components/schemas/…` resolved in the document itself).

Schemas are checked as documented, and more strictly in one way: an object the document describes
with `properties` may carry no other property (pydantic's schemas allow any), so a field the
server sends but the document does not name fails too.
"""

from __future__ import annotations

import copy
import functools
import json
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from functions.platform import docs
from tests.support.in_process import Handlers
from tests.support.transport import Answer, Api, Caller

LOCAL_ROUTES = "/_local/"


@dataclass(frozen=True)
class Seen:
    """One answer, and the documented operation that gave it."""

    method: str
    path: str  # the route's template, as the document names it (/v1/orders/{order_id})
    sent_to: str  # the path as requested
    answer: Answer

    @property
    def operation(self) -> tuple[str, str]:
        return self.method, self.path


class Recorder(Api):
    """Sends as `inner` does, and keeps every answer with its route (local routes are not the API's)."""

    def __init__(self, inner: Handlers) -> None:
        self.inner = inner
        self.seen: list[Seen] = []

    def send(self, method: str, path: str, as_: Caller, headers: dict[str, str], payload: bytes) -> Answer:
        answer = self.inner.send(method, path, as_, headers, payload)
        if not path.startswith(LOCAL_ROUTES):
            route, _ = self.inner.route(method, path)
            self.seen.append(Seen(method, route.path, path, answer))
        return answer


@functools.cache
def document() -> dict[str, Any]:
    return dict(json.loads(docs.document()))


def operations() -> dict[tuple[str, str], dict[str, Any]]:
    """Every documented operation: (METHOD, path) → the operation."""
    return {(m.upper(), p): op for p, ops in document()["paths"].items() for m, op in ops.items()}


def successes(operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The operation's documented success answers: status → response."""
    return {s: r for s, r in operation["responses"].items() if s.startswith("2")}


def _closed(schema: Any) -> Any:
    """The schema with every object that lists its properties closed to others."""
    if isinstance(schema, dict):
        closed = {k: _closed(v) for k, v in schema.items()}
        if "properties" in schema and "additionalProperties" not in schema:
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [_closed(v) for v in schema]
    return schema


@functools.cache
def _components() -> dict[str, Any]:
    return dict(_closed(copy.deepcopy(document()["components"])))


def media_type(answer: Answer) -> str:
    kind = next((v for k, v in answer.headers.items() if k.lower() == "content-type"), "")
    return kind.split(";")[0].strip()


def violations(seen: Seen) -> list[str]:
    """What is wrong with an answer by the document (nothing: an empty list)."""
    operation = operations().get(seen.operation)
    if operation is None:
        return [f"{seen.method} {seen.path} is not documented"]
    response = operation["responses"].get(str(seen.answer.status))
    if response is None:
        return [f"{seen.method} {seen.path} answered {seen.answer.status}, which is not documented"]
    content = response.get("content") or {}
    if not content:
        body = seen.answer.body
        return [] if body in (None, "", b"") else [f"{seen.answer.status} is documented without a body: {body!r}"]
    kind = media_type(seen.answer)
    if kind not in content:
        return [f"{seen.answer.status} answered {kind!r}; the document says {sorted(content)}"]
    schema = content[kind].get("schema")
    if schema is None or not kind.endswith("json"):
        return []
    return schema_errors(seen.answer.body, schema)


def schema_errors(value: Any, schema: dict[str, Any]) -> list[str]:
    """What is wrong with `value` by `schema` (closed, its references resolved in the document)."""
    validator = Draft202012Validator({**_closed(schema), "components": _components()}, format_checker=FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path)) or '(body)'}: {e.message}" for e in validator.iter_errors(value)]
