"""The Python SDK's hand-written layer (sdk/python/panacea_sdk) over the generated client, against a
fake server (httpx's MockTransport answering as the API does): signatures the platform accepts, one
Idempotency-Key across retries, problems raised by status, cursors followed, sessions renewed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from urllib.parse import parse_qsl

import httpx
import pytest

from panacea.identity import credentials
from panacea_api_client.api.catalog import create_tag, list_tags
from panacea_api_client.models import NewTag
from panacea_sdk import (
    NotFound,
    Panacea,
    PartnerKey,
    ProblemError,
    RateLimited,
    Retries,
    Tokens,
    ValidationFailed,
)

API = "https://api.example.com/prod"
KEY = PartnerKey(prefix="pnc_01JD7PV0J2L4N6Q8S0U2W4Y6A8", secret="pnc_secret_value_of_the_partner")
TAG = {"id": "01JD7PX3M5Q7S9V1X3Z5B7D9F1", "name": "bestseller", "created_at": "2026-01-02T03:04:05Z"}
PROBLEM = "application/problem+json"


def _server(*answers: httpx.Response | Exception) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    """A fake API answering in turn; it keeps the requests it was sent."""
    sent: list[httpx.Request] = []
    queue = list(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        next_one = queue.pop(0)
        if isinstance(next_one, Exception):
            raise next_one
        return next_one

    return httpx.MockTransport(answer), sent


def _api(transport: httpx.MockTransport, slept: list[float] | None = None, **options) -> Panacea:
    waits = slept if slept is not None else []
    return Panacea(API, inner=transport, retries=Retries(sleep=waits.append), **options)


def _verified_by_the_platform(request: httpx.Request) -> bool:
    """What the authorizer checks, with the platform's own code: signature over path, query and body."""
    match = credentials._SIGNED.match(request.headers["Authorization"])
    assert match, request.headers["Authorization"]
    digest = request.headers["X-Content-SHA256"]
    message = credentials.string_to_sign(
        timestamp=int(match["ts"]),
        nonce=match["nonce"],
        method=request.method,
        path=request.url.path.removeprefix("/prod"),  # API Gateway's `path`: without the stage
        query=dict(parse_qsl(request.url.query.decode(), keep_blank_values=True)),
        content_sha256=digest,
    )
    expected = credentials.sign(KEY.secret, message)
    return expected == match["sig"] and digest == hashlib.sha256(request.content).hexdigest()


def test_a_partner_request_is_signed_as_the_platform_verifies_it():
    # Given a partner's client and a server that lists tags
    server, sent = _server(httpx.Response(200, json={"items": [TAG], "next_cursor": None}))
    api = _api(server, key=KEY)
    # When it lists them with a query that needs encoding
    page = api.call(list_tags.sync, limit=5, cursor="a b/c+d")
    # Then the platform's own verification accepts the signature, over the route's path without the stage
    assert [tag.name for tag in page.items] == ["bestseller"]
    assert _verified_by_the_platform(sent[0])
    assert "Idempotency-Key" not in sent[0].headers  # a read needs none


def test_a_write_keeps_one_idempotency_key_across_retries_and_is_signed_afresh_each_time():
    # Given a server that is unavailable, then over its rate, then takes the write
    server, sent = _server(
        httpx.Response(503, json={"type": "/errors/unavailable", "title": "Unavailable", "status": 503}),
        httpx.Response(429, headers={"Retry-After": "2"}, json={"status": 429, "title": "Too many requests"}),
        httpx.ConnectError("connection reset"),
        httpx.Response(201, json=TAG),
    )
    slept: list[float] = []
    api = _api(server, slept, key=KEY)
    # When a tag is created
    created = api.call(create_tag.sync, body=NewTag(name="bestseller"))
    # Then it was sent four times with the same key, each with its own signature, waiting as told between
    assert created.id == TAG["id"]
    assert len({r.headers["Idempotency-Key"] for r in sent}) == 1
    assert len({r.headers["Authorization"] for r in sent}) == 4
    assert all(_verified_by_the_platform(r) for r in sent)
    assert json.loads(sent[-1].content) == {"name": "bestseller"}
    assert slept[1] == 2.0
    assert len(slept) == 3


def test_retries_end_and_the_last_answer_is_raised_as_its_problem():
    # Given a server always over its rate
    limited = httpx.Response(429, headers={"Retry-After": "1"}, json={"type": "/errors/rate-limited", "status": 429})
    server, sent = _server(*[limited] * 4)
    # When a write is sent, Then it is tried four times in all and raises RateLimited
    with pytest.raises(RateLimited) as raised:
        _api(server, key=KEY).call(create_tag.sync, body=NewTag(name="x"))
    assert (len(sent), raised.value.slug, raised.value.retry_after) == (4, "rate-limited", 1.0)


@pytest.mark.parametrize(
    ("status", "body", "kind", "fields"),
    [
        (
            422,
            {
                "type": "/errors/validation-failed",
                "title": "Validation failed",
                "status": 422,
                "detail": "name: too long",
                "errors": [{"field": "name", "code": "string_too_long", "message": "too long"}],
            },
            ValidationFailed,
            ["name"],
        ),
        (404, {"type": "/errors/not-found", "title": "Not found", "status": 404, "detail": "no tag"}, NotFound, []),
        (502, {"message": "Internal server error"}, ProblemError, []),
    ],
)
def test_an_error_answer_is_raised_as_a_typed_problem_with_its_field_errors(status, body, kind, fields):
    # Given a server answering a problem
    server, _ = _server(httpx.Response(status, json=body, headers={"Content-Type": PROBLEM}))
    # When a tag is created, Then the problem is raised as its class, naming the fields at fault
    with pytest.raises(kind) as raised:
        _api(server, key=KEY).call(create_tag.sync, body=NewTag(name="x" * 41))
    assert (raised.value.status, raised.value.fields) == (status, fields)
    assert raised.value.detail


def test_pages_are_followed_by_their_cursor_as_one_iterator():
    # Given two pages of tags
    second = {**TAG, "id": "01JD7PX3M5Q7S9V1X3Z5B7D9F2", "name": "new"}
    server, sent = _server(
        httpx.Response(200, json={"items": [TAG], "next_cursor": "opaque-1"}),
        httpx.Response(200, json={"items": [second], "next_cursor": None}),
    )
    # When every tag is read
    names = [tag.name for tag in _api(server, key=KEY).pages(list_tags.sync, limit=1)]
    # Then both pages were fetched, the second with the first's cursor
    assert names == ["bestseller", "new"]
    assert [r.url.params.get("cursor") for r in sent] == [None, "opaque-1"]


def _session(id_token: str, *, refresh_token: str | None = None, expires_in: int = 3600) -> dict[str, object]:
    answer: dict[str, object] = {"user_id": "u1", "tenant_id": "t1", "id_token": id_token, "access_token": "a"}
    return answer | {"expires_in": expires_in, "token_type": "Bearer", "refresh_token": refresh_token}


def _routes(answers: dict[str, Callable[[httpx.Request], httpx.Response]]) -> tuple[httpx.MockTransport, list[str]]:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url.path} {request.headers.get('Authorization', '')}".strip())
        return answers[request.url.path](request)

    return httpx.MockTransport(answer), seen


def test_signing_in_sends_the_id_token_and_a_401_renews_the_session_once_through_refresh():
    # Given the API's sign-in and refresh, and tags that refuse the first token
    tokens = iter(["id-1", "id-2"])
    server, seen = _routes(
        {
            "/prod/v1/auth/sign-in": lambda r: httpx.Response(200, json=_session("id-1", refresh_token="r-1")),
            "/prod/v1/auth/refresh": lambda r: httpx.Response(200, json=_session(next(tokens) and "id-2")),
            "/prod/v1/catalog/tags": lambda r: (
                httpx.Response(200, json={"items": [], "next_cursor": None})
                if r.headers["Authorization"] == "Bearer id-2"
                else httpx.Response(401, json={"type": "/errors/not-authenticated", "status": 401})
            ),
        }
    )
    api = _api(server)
    # When a member signs in and lists tags
    signed_in = api.sign_in(tenant="harbour-gene", email="mei.chen@example.com", password="Harbour-Gene-2026!")
    page = api.call(list_tags.sync)
    # Then the refused token was renewed with the refresh token, which is kept, and the call went through
    assert (signed_in.id_token, page.items) == ("id-1", [])
    assert seen == [
        "POST /prod/v1/auth/sign-in",
        "GET /prod/v1/catalog/tags Bearer id-1",
        "POST /prod/v1/auth/refresh",
        "GET /prod/v1/catalog/tags Bearer id-2",
    ]
    assert api.session is not None
    assert api.session.tokens.refresh_token == "r-1"


def test_a_token_about_to_expire_is_renewed_before_it_is_sent_and_a_lost_session_raises():
    # Given tokens that expire in 30 s, and a refresh the API refuses
    server, seen = _routes(
        {
            "/prod/v1/auth/refresh": lambda r: httpx.Response(
                400, json={"type": "/errors/refresh-refused", "status": 400, "title": "Refresh refused"}
            )
        }
    )
    api = _api(server, tokens=Tokens("id-old", "r-1", expires_at=0.0))
    # When a call is made, Then the refresh is tried first and its refusal raised
    with pytest.raises(ProblemError) as raised:
        api.call(list_tags.sync)
    assert (raised.value.slug, seen) == ("refresh-refused", ["POST /prod/v1/auth/refresh"])
