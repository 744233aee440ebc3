"""The whole-body examples of the document: which bodies it shows (every request and response
content of every operation and webhook), the examples each one has (media-type `examples`, resolved
where they refer to `components/examples`, or `example`, or the schema's own `examples`, resolved
where it refers to a component), and what is wrong with them: none at all, or one that does not
validate against the body's schema as `contract.schema_errors` checks an answer.

A binary body (`format: binary`, the finance workbook) is shown by its media type alone: it has no
JSON value an example could hold.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tests.integration.platform import contract

RECORDED = "recorded"  # the name functions/platform/examples.py gives a recorded answer


@dataclass(frozen=True)
class Body:
    """One documented body: a request's (`status` None) or an answer's, of one media type."""

    operation_id: str
    status: str | None
    kind: str
    media: dict[str, Any]

    @property
    def where(self) -> str:
        return f"{self.operation_id} {self.status or 'request'} {self.kind}"

    @property
    def schema(self) -> dict[str, Any]:
        return dict(self.media.get("schema") or {})

    @property
    def binary(self) -> bool:
        return self.schema.get("format") == "binary"

    @property
    def recorded(self) -> bool:
        """Whether its examples are the recorded answer (functions/platform/examples.json)."""
        return set(self.media.get("examples", {})) == {RECORDED}


def bodies(document: dict[str, Any]) -> Iterator[Body]:
    """Every body the document shows, the webhooks' included."""
    for section in ("paths", "webhooks"):
        for operations in (document.get(section) or {}).values():
            for method, operation in operations.items():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue  # a path's `parameters` or `summary`
                name = str(operation.get("operationId") or method)
                for kind, media in ((operation.get("requestBody") or {}).get("content") or {}).items():
                    yield Body(name, None, kind, media)
                for status, response in operation["responses"].items():
                    for kind, media in (response.get("content") or {}).items():
                        yield Body(name, status, kind, media)


def examples(body: Body, document: dict[str, Any]) -> list[Any]:
    """The whole-body examples of `body`, wherever the document puts them."""
    return media_examples(body, document) + schema_examples(body, document)


def media_examples(body: Body, document: dict[str, Any]) -> list[Any]:
    """The examples of `body`'s media type (a recorded answer, a problem, a hand-written one)."""
    found = [_resolved(example, document).get("value") for example in body.media.get("examples", {}).values()]
    return [*found, body.media["example"]] if "example" in body.media else found


def schema_examples(body: Body, document: dict[str, Any]) -> list[Any]:
    """The examples of `body`'s schema (a model's own, `json_schema_extra`)."""
    return list(_resolved(body.schema, document).get("examples", []))


def _resolved(item: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """`item`, or what its `$ref` (`#/components/…`) names."""
    ref = item.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return item
    target: Any = document
    for part in ref[2:].split("/"):
        target = target[part]
    return dict(target)


def faults(document: dict[str, Any]) -> dict[str, list[str]]:
    """What is wrong with the document's examples, by body (`orders.place 201 application/json`):
    no example, or an example that does not validate against the body's schema."""
    found: dict[str, list[str]] = {}
    for body in bodies(document):
        if body.binary:
            continue
        shown = examples(body, document)
        wrong = ["no whole-body example"] if not shown else []
        wrong += [
            f"example {i}: {e}" for i, value in enumerate(shown) for e in contract.schema_errors(value, body.schema)
        ]
        if wrong:
            found[body.where] = wrong
    return found


def recorded_bodies(answers: dict[str, Any]) -> list[tuple[tuple[str, str, str], Any]]:
    """Recorded answers (operation id → status → media type → body) as ((id, status, type), body)."""
    return [
        ((operation, status, kind), body)
        for operation, by_status in answers.items()
        for status, by_kind in by_status.items()
        for kind, body in by_kind.items()
    ]
