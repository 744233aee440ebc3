"""`Panacea`: the generated client with the hand-written parts around it.

    from panacea_sdk import Panacea
    from panacea_api_client.api.orders import my_orders, place
    from panacea_api_client.models import Checkout

    api = Panacea("http://127.0.0.1:3000")
    api.sign_in(tenant="harbour-gene", email="mei.chen@example.com", password="…")
    placed = api.call(place.sync, body=Checkout.from_dict({...}))            # the answer, typed
    for order in api.pages(my_orders.sync, limit=50): ...                    # every page, lazily

Partner systems sign with a tenant API key instead: `Panacea(url, key=PartnerKey(prefix, secret))`.
Every generated operation (`panacea_api_client.api.<context>.<handler>`, from its operation id) works with
`api.client`; an error answer raises a `ProblemError` subclass from any of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

import httpx

from panacea_api_client import Client
from panacea_api_client.models.problem import Problem
from panacea_api_client.types import Unset
from panacea_sdk.auth import Session, Signer, Tokens
from panacea_sdk.signing import PartnerKey
from panacea_sdk.transport import Credentials, Retries, Transport

T = TypeVar("T")
Item_co = TypeVar("Item_co", covariant=True)


class Page(Protocol[Item_co]):
    """A list answer: its `items` and the `next_cursor` of the next page (none on the last)."""

    @property
    def items(self) -> Sequence[Item_co]: ...

    @property
    def next_cursor(self) -> str | Unset | None: ...


class Panacea:
    """The API at `base_url` (`http://127.0.0.1:3000` for `make dev`, a stage's `ApiUrl` in AWS)."""

    def __init__(
        self,
        base_url: str,
        *,
        key: PartnerKey | None = None,
        tokens: Tokens | None = None,
        retries: Retries | None = None,
        timeout_s: float = 30.0,
        inner: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._retries = retries or Retries()
        self._inner = inner
        self._timeout = httpx.Timeout(timeout_s)
        self._public = self._client(None)  # the public routes (/v1/auth/*): no credentials
        self.client = self._public
        self._credentials: Credentials | None = None
        if key is not None:
            self.use(Signer(key, base_path=httpx.URL(self.base_url).path))
        elif tokens is not None:
            self.use(Session(tokens, self.refresh))

    def _client(self, credentials: Credentials | None) -> Client:
        transport = Transport(credentials, retries=self._retries, inner=self._inner)
        return Client(base_url=self.base_url, timeout=self._timeout, httpx_args={"transport": transport})

    def use(self, credentials: Credentials) -> None:
        """Send the requests of `client` with these credentials from now on."""
        self.client = self._client(credentials)
        self._credentials = credentials

    @property
    def session(self) -> Session | None:
        """The signed-in person's session (its `tokens` can be saved and given back as `tokens=`)."""
        return self._credentials if isinstance(self._credentials, Session) else None

    # --- calling operations ------------------------------------------------------------------------

    def call(self, operation: Callable[..., T | Problem | None], /, **arguments: Any) -> T:
        """A generated operation's `sync`, called with this client: its answer (an error answer raises)."""
        answer = operation(client=self.client, **arguments)
        if answer is None or isinstance(answer, Problem):  # the transport raises on error answers first
            raise TypeError(
                f"{getattr(operation, '__module__', operation)} answered no JSON it documents"
                " (a file, say: call its sync_detailed with api.client and read .content)"
            )
        return answer

    def pages(self, operation: Callable[..., Page[T] | Problem | None], /, **arguments: Any) -> Iterator[T]:
        """Every item of a list operation, page after page (`next_cursor`), fetched as iterated."""
        cursor: str | None = None
        while True:
            page = self.call(operation, **({"cursor": cursor} if cursor else {}), **arguments)
            yield from page.items
            following = page.next_cursor
            if not isinstance(following, str) or not following:
                return
            cursor = following

    # --- signing in: the API's public /v1/auth routes ----------------------------------------------

    def _post_public(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        answer = self._public.get_httpx_client().post(path, json=body)
        parsed = json.loads(answer.content or b"{}")
        return parsed if isinstance(parsed, dict) else {}

    def sign_in(self, *, tenant: str, email: str, password: str) -> Tokens:
        """Sign a person in with email and password at their tenant (its slug); requests go as them."""
        tokens = Tokens.of(
            self._post_public("/v1/auth/sign-in", {"tenant": tenant, "email": email, "password": password})
        )
        self.use(Session(tokens, self.refresh))
        return tokens

    def request_sms_code(self, *, tenant: str, phone: str) -> None:
        """Text a sign-in code to a member who registered by phone (then `sign_in_with_sms`)."""
        self._post_public("/v1/auth/sign-in/sms", {"tenant": tenant, "phone": phone})

    def sign_in_with_sms(self, *, tenant: str, phone: str, code: str) -> Tokens:
        tokens = Tokens.of(
            self._post_public("/v1/auth/sign-in/sms/verify", {"tenant": tenant, "phone": phone, "code": code})
        )
        self.use(Session(tokens, self.refresh))
        return tokens

    def refresh(self, refresh_token: str) -> Tokens:
        """New tokens for a refresh token (the session calls it when its ID token is about to expire)."""
        return Tokens.of(
            self._post_public("/v1/auth/refresh", {"refresh_token": refresh_token}), refresh_token=refresh_token
        )

    def close(self) -> None:
        self.client.get_httpx_client().close()
        self._public.get_httpx_client().close()

    def __enter__(self) -> Panacea:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
