"""What the local Stripe's Billing keeps (`BillingBook`, held in memory by the sandbox as `billing`)
and the rules its answers share with Stripe: list pages (`limit`, `starting_after`, `has_more`),
`previous_attributes` (what an update changed), and billing periods (a month from the 31st of
January ends on the last day of February, as Stripe's periods do)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from infra.local.stripe_rules import StripeProblem, missing

Obj = dict[str, Any]


@dataclass
class BillingBook:
    """Every Billing object of the sandbox, by id, in the order they were made."""

    products: dict[str, Obj] = field(default_factory=dict)
    prices: dict[str, Obj] = field(default_factory=dict)
    features: dict[str, Obj] = field(default_factory=dict)
    product_features: dict[str, dict[str, Obj]] = field(default_factory=dict)  # product → its attachments
    customers: dict[str, Obj] = field(default_factory=dict)
    checkout_sessions: dict[str, Obj] = field(default_factory=dict)
    portal_sessions: dict[str, Obj] = field(default_factory=dict)
    subscriptions: dict[str, Obj] = field(default_factory=dict)
    invoices: dict[str, Obj] = field(default_factory=dict)
    pending_lines: dict[str, list[Obj]] = field(default_factory=dict)  # subscription → prorations not yet invoiced
    entitled: dict[str, list[str]] = field(default_factory=dict)  # customer → features, as last summarised
    entitlement_ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (customer, feature) → ent_…
    meters: dict[str, Obj] = field(default_factory=dict)
    meter_events: list[Obj] = field(default_factory=list)  # accepted events, with the sandbox time they came
    identifiers: dict[str, tuple[int, int]] = field(default_factory=dict)  # identifier → (event time, received)


def page(items: list[Obj], params: dict[str, Any], url: str) -> Obj:
    """A Stripe list: `limit` (1 to 100, 10 by default) items after `starting_after`, and `has_more`."""
    try:
        limit = int(params.get("limit") or 10)
    except ValueError:
        raise StripeProblem(400, "invalid_request_error", "Invalid integer: limit", param="limit") from None
    if not 1 <= limit <= 100:
        raise StripeProblem(400, "invalid_request_error", "limit must be between 1 and 100", param="limit")
    after = params.get("starting_after")
    if after:
        ids = [item["id"] for item in items]
        if after not in ids:
            raise StripeProblem(
                400, "invalid_request_error", f"No such object: '{after}'", code="resource_missing", param="id"
            )
        items = items[ids.index(after) + 1 :]
    return {"object": "list", "data": items[:limit], "has_more": len(items) > limit, "url": url}


def previous_attributes(before: Obj, after: Obj) -> Obj:
    """What an update changed, as Stripe's `data.previous_attributes`: the former value of each key
    that changed (inside nested objects, only their changed keys; a list is given whole)."""
    previous: Obj = {}
    for key, old in before.items():
        new = after.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            previous[key] = previous_attributes(old, new)
        else:
            previous[key] = old
    return previous


def period_end(start: int, interval: str, count: int = 1, *, anchor: int | None = None) -> int:
    """The end of a billing period that starts at `start` (epoch seconds), on the anchor's day."""
    at = datetime.fromtimestamp(start, UTC)
    if interval == "day":
        return int((at + timedelta(days=count)).timestamp())
    if interval == "week":
        return int((at + timedelta(weeks=count)).timestamp())
    months = count * (12 if interval == "year" else 1)
    if interval not in ("month", "year"):
        raise StripeProblem(400, "invalid_request_error", f"Invalid interval: {interval}", param="recurring[interval]")
    day = datetime.fromtimestamp(anchor if anchor is not None else start, UTC).day
    year, month = divmod(at.month - 1 + months, 12)
    year, month = at.year + year, month + 1
    end = at.replace(year=year, month=month, day=min(day, calendar.monthrange(year, month)[1]))
    return int(end.timestamp())


def named(kind: str, found: dict[str, Obj], id_: str, *, param: str = "id") -> Obj:
    """The object `id_`; 404 when the path names it, 400 when a parameter does, as Stripe answers."""
    if id_ in found:
        return found[id_]
    if param == "id":
        raise missing(kind, id_)
    raise StripeProblem(400, "invalid_request_error", f"No such {kind}: '{id_}'", code="resource_missing", param=param)


def required(params: dict[str, Any], *names: str) -> None:
    for name in names:
        if params.get(name) in (None, ""):
            raise StripeProblem(400, "invalid_request_error", f"Missing required param: {name}.", param=name)


def flag(value: Any) -> bool:
    return value in (True, "true", "True", "1")
