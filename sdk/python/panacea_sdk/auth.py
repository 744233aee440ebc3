"""Credentials: a person's Cognito session, kept fresh through the API's own `/v1/auth/refresh`,
or a partner's API key, signing each request."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qsl

import httpx

from panacea_sdk.signing import PartnerKey, signed_headers

RENEW_BEFORE_S = 60  # a token this close to its expiry is renewed before it is sent


@dataclass(frozen=True)
class Tokens:
    """A person's tokens: the ID token is the bearer token; the refresh token renews it."""

    id_token: str
    refresh_token: str | None
    expires_at: float  # unix seconds
    user_id: str = ""
    tenant_id: str = ""

    @classmethod
    def of(cls, answer: Mapping[str, Any], *, refresh_token: str | None = None, now: float | None = None) -> Tokens:
        """From the API's session answer (a refresh answers no refresh token: the one given is kept)."""
        at = time.time() if now is None else now
        return cls(
            id_token=str(answer["id_token"]),
            refresh_token=answer.get("refresh_token") or refresh_token,
            expires_at=at + int(answer["expires_in"]),
            user_id=str(answer.get("user_id", "")),
            tenant_id=str(answer.get("tenant_id", "")),
        )


class Session:
    """Sends `Authorization: Bearer <ID token>`, renewing it with `refresh` shortly before it expires
    (and once after a 401). `refresh(refresh_token)` is the API call that answers new tokens."""

    def __init__(self, tokens: Tokens, refresh: Callable[[str], Tokens], *, clock: Callable[[], float] = time.time):
        self._tokens = tokens
        self._refresh = refresh
        self._clock = clock
        self._lock = threading.Lock()

    @property
    def tokens(self) -> Tokens:
        return self._tokens

    def apply(self, request: httpx.Request) -> None:
        if self._tokens.expires_at - self._clock() < RENEW_BEFORE_S:
            self.renew()
        request.headers["Authorization"] = f"Bearer {self._tokens.id_token}"

    def renew(self) -> bool:
        with self._lock:
            if not self._tokens.refresh_token:
                return False
            fresh = self._refresh(self._tokens.refresh_token)
            self._tokens = replace(fresh, refresh_token=fresh.refresh_token or self._tokens.refresh_token)
            return True


class Signer:
    """Signs each request (each attempt) with a partner's API key. `base_path`: the base URL's own
    path (a stage prefix, say), which is not part of the route's path that is signed."""

    def __init__(self, key: PartnerKey, *, base_path: str = "") -> None:
        self.key = key
        self.base_path = base_path.rstrip("/")

    def apply(self, request: httpx.Request) -> None:
        path = request.url.path
        if self.base_path and path.startswith(self.base_path + "/"):
            path = path.removeprefix(self.base_path)
        query = dict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
        request.headers.update(
            signed_headers(self.key, method=request.method, path=path, query=query, body=request.content)
        )

    def renew(self) -> bool:
        return False  # a key that is refused stays refused
