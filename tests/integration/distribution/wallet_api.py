"""The wallet's routes as the withdrawal tests call them: through the local gateway to distribution's
API function, answered as (status, JSON body)."""

from __future__ import annotations

from typing import Any

from tests.support.in_process import call as request


def call(
    method: str, path: str, *, as_: dict[str, str], body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    """The status and JSON body of `method path`, for the caller `as_` (the authorizer's context:
    `tests.support.staff(...)`)."""
    answer = request(method, path, caller=as_, body=body, headers=headers)
    return answer.status, answer.body
