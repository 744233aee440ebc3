"""The local gateway as a client meets it: many clients at once, any method, odd requests."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from urllib.parse import urlsplit

import pytest

from infra.local.runtime import LocalPlatform

CLIENTS = 40
# A connection the kernel can queue is established at once; one it cannot (a listen backlog full) has
# its SYN dropped and retried after a second, then three, …: the clients give the handshake under that.
HANDSHAKE_S = 0.9


def _connection(platform: LocalPlatform) -> http.client.HTTPConnection:
    url = urlsplit(platform.api_url)
    return http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=30)


def _ask(platform: LocalPlatform, method: str, path: str) -> tuple[int, str, bytes]:
    connection = _connection(platform)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type") or "", response.read()
    finally:
        connection.close()


def test_forty_clients_connecting_at_once_are_all_let_in_and_answered(platform: LocalPlatform):
    # Given forty clients, each with its own connection, released together
    url = urlsplit(platform.api_url)
    start = threading.Barrier(CLIENTS)
    answers: list[int] = []
    failures: list[str] = []

    def client() -> None:
        start.wait()
        try:
            with socket.create_connection((url.hostname, url.port), timeout=HANDSHAKE_S) as raw:
                raw.settimeout(30)
                raw.sendall(b"GET /health HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n")
                reply = b""
                while chunk := raw.recv(65536):
                    reply += chunk
            answers.append(int(reply.split(b" ", 2)[1]))
        except OSError as error:
            failures.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    # When they all connect and ask at once
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # Then every one of them is let in at once and answered: none waits for a retried handshake, none is lost
    assert failures == []
    assert answers == [200] * CLIENTS


@pytest.mark.parametrize("method", ["TRACE", "CONNECT", "PROPFIND", "BREW"])
def test_a_method_no_route_has_is_a_problem_as_api_gateway_answers_it(platform: LocalPlatform, method: str):
    # When a client sends a method no route of the API takes, on a path that exists
    status, kind, body = _ask(platform, method, "/v1/tenants")
    # Then it gets what the deployed gateway answers for a method with no route (infra/stacks/api.py): a
    # problem, not Python's HTML page
    assert (status, kind) == (404, "application/problem+json")
    problem = json.loads(body)
    assert (problem["status"], problem["type"]) == (404, "/errors/no-such-route")
    assert method in problem["detail"]


def test_a_request_http_server_refuses_is_a_problem_too(platform: LocalPlatform):
    # When a client sends a request line the server cannot read
    url = urlsplit(platform.api_url)
    with socket.create_connection((url.hostname, url.port), timeout=10) as raw:
        raw.sendall(b"GET /health HTTP/7.0\r\n\r\n")
        reply = b""
        while chunk := raw.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    # Then the refusal is problem+json as well
    assert head.split(b" ", 2)[1] == b"505"
    assert b"Content-Type: application/problem+json" in head
    assert json.loads(body)["status"] == 505


def test_a_content_length_that_is_not_a_number_is_a_400_problem(platform: LocalPlatform):
    # When a client sends a body whose length is not a number
    url = urlsplit(platform.api_url)
    with socket.create_connection((url.hostname, url.port), timeout=10) as raw:
        raw.sendall(b"POST /v1/auth/sign-in HTTP/1.1\r\nHost: local\r\nContent-Length: ten\r\n\r\n{}")
        reply = b""
        while chunk := raw.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    # Then it is told so, as a problem naming the header
    assert head.split(b" ", 2)[1] == b"400"
    assert b"Content-Type: application/problem+json" in head
    assert "Content-Length" in json.loads(body)["detail"]


SHOP = "https://shop.unlisted.example"  # listed by no tenant: the gateway shares its own refusals with any origin


def _ask_with(platform: LocalPlatform, method: str, path: str, headers: dict[str, str]) -> http.client.HTTPResponse:
    connection = _connection(platform)
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("method", "path", "headers", "status"),
    [
        ("GET", "/v1/no-such-thing", {}, 404),  # no route
        ("BREW", "/v1/tenants", {}, 404),  # no route for that method
        ("GET", "/v1/tenant", {}, 401),  # no token: the authorizer refuses
        ("GET", "/v1/tenant", {"Authorization": "Bearer not-a-token"}, 401),
        ("POST", "/v1/auth/sign-in", {"Content-Length": str(11 * 1024 * 1024)}, 413),  # over API Gateway's 10 MB
    ],
)
def test_an_error_the_gateway_makes_itself_can_be_read_by_the_browser_that_asked(
    platform: LocalPlatform, method: str, path: str, headers: dict[str, str], status: int
):
    # When a browser's script on a web shop sends a request the gateway refuses before any function runs
    answer = _ask_with(platform, method, path, {"Origin": SHOP, **headers})
    # Then the refusal is shared with the shop's origin, as the deployed gateway responses share theirs
    # (no function ran to consult the tenants' origins; the body is a problem with no tenant data)
    assert (answer.status, answer.getheader("Content-Type")) == (status, "application/problem+json")
    assert answer.getheader("Access-Control-Allow-Origin") == SHOP
    assert answer.getheader("Vary") == "Origin"
    assert "Authorization" in (answer.getheader("Access-Control-Allow-Headers") or "")
    assert answer.getheader("Access-Control-Allow-Credentials") is None


def test_an_error_the_gateway_makes_for_a_request_without_origin_names_no_origin(platform: LocalPlatform):
    # When a client that is not a browser on another origin (no Origin header) asks for no route
    answer = _ask_with(platform, "GET", "/v1/no-such-thing", {})
    # Then the refusal names no origin, and still varies by it (a cache keeps the two apart)
    assert answer.status == 404
    assert answer.getheader("Access-Control-Allow-Origin") is None
    assert answer.getheader("Vary") == "Origin"


def test_a_functions_own_refusal_keeps_its_own_cors_headers(platform: LocalPlatform):
    # When a browser on an origin no tenant lists sends a preflight (answered by the preflight function)
    answer = _ask_with(platform, "OPTIONS", "/v1/tenant", {"Origin": SHOP, "Access-Control-Request-Method": "PATCH"})
    # Then the function's refusal is left as it made it: no tenant lists that origin, so no CORS header
    assert answer.status == 403
    assert answer.getheader("Access-Control-Allow-Origin") is None


def test_a_head_answer_has_no_body_so_the_connection_stays_usable(platform: LocalPlatform):
    # Given one kept-alive connection
    connection = _connection(platform)
    try:
        # When a client asks HEAD, then GET, on it
        connection.request("HEAD", "/health")
        head = connection.getresponse()
        head.read()
        connection.request("GET", "/health")
        get = connection.getresponse()
        # Then the second answer is read whole, not the first one's stray body
        assert get.status == 200
        assert json.loads(get.read())
        assert head.getheader("Content-Type", "").startswith("application/")
    finally:
        connection.close()
