"""The problem types the API answers with, one docs page each (`/errors/<slug>`, the `type` of
every problem+json body), collected from the code: every `DomainError` a loaded context defines,
and the few the HTTP edge answers itself (unknown route, malformed body, a fault of the platform)."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

from panacea.platform.errors import DomainError, NotFound

# Answered by the resolver, the authorizer or the gateway rather than by a use case's error.
EDGE: tuple[tuple[str, int, str, str], ...] = (
    ("no-such-route", 404, "No such route", "The method and path name no route of the API."),
    ("malformed-json", 400, "Malformed JSON", "The body is not valid JSON."),
    ("unsupported-media-type", 415, "Unsupported media type", "The body is not `application/json`."),
    (
        "body-not-as-signed",
        400,
        "Body not as signed",
        "A partner request's body does not hash to the `X-Content-SHA256` its signature covers.",
    ),
    (
        "internal",
        500,
        "Internal error",
        "A fault of the platform, not of the request: it is logged with the request's correlation id. "
        "Retry later with the same `Idempotency-Key`.",
    ),
)
BY_STATUS = {
    400: "The request cannot be read as sent.",
    401: "No valid credentials came with the request.",
    403: "The credentials are valid, but their roles or standing do not allow this.",
    404: "Nothing of that id exists for the caller's tenant (another tenant's never does).",
    409: "The request conflicts with the resource's state now; read it again before retrying.",
    422: "The input is well formed but breaks a rule; `errors` names each field at fault.",
    429: "Too many requests or attempts; `Retry-After` says when to try again.",
    503: "A provider the platform needs is out of reach; nothing changed. Retry with the same `Idempotency-Key`.",
}


class UnknownProblemType(NotFound):
    slug, title = "no-such-problem-type", "No such problem type"


@dataclass(frozen=True)
class ProblemType:
    slug: str
    status: int
    title: str
    meaning: str


def collected() -> list[ProblemType]:
    """Every problem type defined by the code loaded now, by slug (the first definition's title
    and status; the descriptions of every class that answers with it)."""
    found: dict[str, ProblemType] = {}
    for slug, status, title, meaning in EDGE:
        found[slug] = ProblemType(slug, status, title, meaning)
    for error in _subclasses(DomainError):
        meaning = " ".join((error.__doc__ or "").split()) if error.__doc__ != DomainError.__doc__ else ""
        known = found.get(error.slug)
        if known is None:
            found[error.slug] = ProblemType(error.slug, error.status, error.title, meaning)
        elif meaning and meaning not in known.meaning:
            found[error.slug] = ProblemType(known.slug, known.status, known.title, f"{known.meaning} {meaning}".strip())
    return sorted(found.values(), key=lambda problem: problem.slug)


def _subclasses(cls: type[DomainError]) -> Iterator[type[DomainError]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def page(types: list[ProblemType], slug: str) -> str:
    """The page of one problem type; an unknown slug is a 404 problem itself."""
    problem = next((p for p in types if p.slug == slug), None)
    if problem is None:
        raise UnknownProblemType(f"no problem type {slug}; every one is listed at /errors", field="problem_type")
    what = html.escape(problem.meaning or BY_STATUS.get(problem.status, ""))
    general = html.escape(BY_STATUS.get(problem.status, "")) if problem.meaning else ""
    return _html(
        f"{problem.title}",
        f"<h1>{html.escape(problem.title)}</h1><p><code>type: /errors/{html.escape(problem.slug)}</code> · "
        f"HTTP {problem.status}</p><p>{what}</p>"
        + (f"<p>{general}</p>" if general else "")
        + '<p><a href="/errors">Every problem type</a></p>',
    )


def index_page(types: list[ProblemType]) -> str:
    rows = "".join(
        f'<tr><td><a href="/errors/{html.escape(p.slug)}">{html.escape(p.slug)}</a></td><td>{p.status}</td>'
        f"<td>{html.escape(p.title)}</td></tr>"
        for p in types
    )
    return _html(
        "Problem types",
        "<h1>Problem types</h1><p>The <code>type</code> of every <code>application/problem+json</code> answer.</p>"
        f"<table><tr><th>type</th><th>status</th><th>title</th></tr>{rows}</table>",
    )


def _html(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} · Panacea API</title>'
        f"</head><body>{body}</body></html>"
    )
