"""The EventBridge bus adapter: put events, ten to a request, and say which ones failed."""

from __future__ import annotations

from collections.abc import Sequence

from panacea.platform.aws import client

MAX_ENTRIES = 10  # PutEvents' limit per request


def put(entries: Sequence[dict[str, str]]) -> list[int]:
    """Publish `entries` in order; return the indexes of those the bus did not accept."""
    failed: list[int] = []
    for start in range(0, len(entries), MAX_ENTRIES):
        chunk = entries[start : start + MAX_ENTRIES]
        answer = client("events").put_events(Entries=list(chunk))
        if answer.get("FailedEntryCount"):
            failed += [start + i for i, result in enumerate(answer["Entries"]) if result.get("ErrorCode")]
    return failed
