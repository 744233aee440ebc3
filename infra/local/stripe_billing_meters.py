"""The local Stripe's usage meters, as Stripe's Meters API answers:

    POST /v1/billing/meters                  display_name, event_name (one active meter per name),
                                             default_aggregation[formula]=sum|count|last,
                                             customer_mapping[event_payload_key], value_settings[event_payload_key]
    GET  /v1/billing/meters, GET /v1/billing/meters/{id}
    POST /v1/billing/meter_events            event_name, payload[stripe_customer_id], payload[value],
                                             identifier, timestamp (the past 35 days, or 5 minutes ahead)
    GET  /v1/billing/meters/{id}/event_summaries   customer, start_time, end_time (on minute boundaries),
                                                   value_grouping_window=hour|day

An event whose `identifier` was seen within 24 hours (of the new event's time, or of when the first
was received, on the sandbox's clock) is a duplicate: answered as accepted, and not counted, as
Stripe dedupes it. Events count in the window `start_time <= timestamp < end_time`.
"""

from __future__ import annotations

import copy
import secrets
from collections.abc import Callable
from typing import Any

from infra.local.stripe_billing_state import BillingBook, Obj, named, page, required
from infra.local.stripe_rules import StripeProblem
from panacea.platform import clock

Route = tuple[str, str, Callable[..., Any]]
DEDUPE_S = 24 * 3600
PAST_S, AHEAD_S = 35 * 24 * 3600, 5 * 60
WINDOWS = {"hour": 3600, "day": 86400}


def _number(value: Any, param: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise StripeProblem(400, "invalid_request_error", f"Invalid number: {value}", param=param) from None
    return number


def _time(params: dict[str, Any], name: str) -> int:
    required(params, name)
    try:
        return int(params[name])
    except ValueError:
        raise StripeProblem(400, "invalid_request_error", f"Invalid timestamp: {params[name]}", param=name) from None


class BillingMeters:
    """Meters, their events (deduped on `identifier`) and their summaries per customer."""

    billing: BillingBook
    _shapes: dict[str, Any]
    _new: Callable[[str, str], Obj]

    def meter_routes(self) -> list[Route]:
        return [
            ("POST", r"/v1/billing/meters", self.create_meter),
            ("GET", r"/v1/billing/meters", self.list_meters),
            ("GET", r"/v1/billing/meters/(?P<id>\w+)", self.retrieve_meter),
            ("POST", r"/v1/billing/meter_events", self.create_meter_event),
            ("GET", r"/v1/billing/meters/(?P<id>\w+)/event_summaries", self.list_event_summaries),
        ]

    def create_meter(self, params: dict[str, Any]) -> Obj:
        required(params, "display_name", "event_name")
        formula = (params.get("default_aggregation") or {}).get("formula")
        if formula not in ("sum", "count", "last"):
            raise StripeProblem(
                400,
                "invalid_request_error",
                "Missing required param: default_aggregation[formula].",
                param="default_aggregation[formula]",
            )
        if any(
            m["event_name"] == params["event_name"] and m["status"] == "active" for m in self.billing.meters.values()
        ):
            raise StripeProblem(
                400,
                "invalid_request_error",
                f"An active meter with event_name `{params['event_name']}` already exists.",
                param="event_name",
            )
        mapping = params.get("customer_mapping") or {}
        meter = self._new("billing.meter", "mtr_test")
        meter.pop("metadata", None)
        meter.update(
            customer_mapping={
                "event_payload_key": mapping.get("event_payload_key") or "stripe_customer_id",
                "type": mapping.get("type") or "by_id",
            },
            default_aggregation={"formula": formula},
            display_name=params["display_name"],
            event_name=params["event_name"],
            event_time_window=params.get("event_time_window"),
            livemode=False,
            status="active",
            status_transitions={"deactivated_at": None},
            updated=meter["created"],
            value_settings={
                "event_payload_key": (params.get("value_settings") or {}).get("event_payload_key") or "value"
            },
        )
        self.billing.meters[meter["id"]] = meter
        return meter

    def list_meters(self, params: dict[str, Any]) -> Obj:
        found = list(self.billing.meters.values())[::-1]
        if params.get("status"):
            found = [m for m in found if m["status"] == params["status"]]
        return page(found, params, "/v1/billing/meters")

    def retrieve_meter(self, params: dict[str, Any], id: str) -> Obj:
        return named("billing.meter", self.billing.meters, id)

    def create_meter_event(self, params: dict[str, Any]) -> Obj:
        required(params, "event_name")
        payload = params.get("payload") or {}
        if not isinstance(payload, dict) or not payload:
            raise StripeProblem(400, "invalid_request_error", "Missing required param: payload.", param="payload")
        meter = next((m for m in self.billing.meters.values() if m["event_name"] == params["event_name"]), None)
        if meter is not None:
            for key in (meter["customer_mapping"]["event_payload_key"], meter["value_settings"]["event_payload_key"]):
                if key not in payload:
                    raise StripeProblem(
                        400,
                        "invalid_request_error",
                        f"Missing required param: payload[{key}].",
                        param=f"payload[{key}]",
                    )
            _number(payload[meter["value_settings"]["event_payload_key"]], "payload")
        now = clock.epoch_seconds()
        at = _time(params, "timestamp") if params.get("timestamp") else now
        if not now - PAST_S <= at <= now + AHEAD_S:
            raise StripeProblem(
                400,
                "invalid_request_error",
                "Timestamp must be within the past 35 days and no more than 5 minutes in the future.",
                param="timestamp",
            )
        identifier = str(params.get("identifier") or secrets.token_hex(16))
        event = copy.deepcopy(self._shapes["billing.meter_event"])
        event.update(
            created=now,
            event_name=params["event_name"],
            identifier=identifier,
            livemode=False,
            payload=dict(payload),
            timestamp=at,
        )
        seen = self.billing.identifiers.get(identifier)
        if seen is not None and (abs(at - seen[0]) < DEDUPE_S or now - seen[1] < DEDUPE_S):
            return dict(event)  # a duplicate: the same answer, not counted again
        self.billing.identifiers[identifier] = (at, now)
        self.billing.meter_events.append(event)
        return dict(event)

    def list_event_summaries(self, params: dict[str, Any], id: str) -> Obj:
        meter = self.retrieve_meter(params, id)
        required(params, "customer")
        start, end = _time(params, "start_time"), _time(params, "end_time")
        for name, value in (("start_time", start), ("end_time", end)):
            if value % 60:
                raise StripeProblem(
                    400, "invalid_request_error", f"{name} must be aligned with minute boundaries.", param=name
                )
        if start >= end:
            raise StripeProblem(400, "invalid_request_error", "start_time must be before end_time.", param="start_time")
        window = params.get("value_grouping_window")
        if window is not None and window not in WINDOWS:
            raise StripeProblem(
                400, "invalid_request_error", "Invalid value_grouping_window", param="value_grouping_window"
            )
        step = WINDOWS[window] if window else end - start
        summaries = []
        for low in range(start, end, step):
            high = min(low + step, end)
            summary = copy.deepcopy(self._shapes["billing.meter_event_summary"])
            summary.update(
                id=f"mtrusg_test_{secrets.token_hex(12)}",
                aggregated_value=self._aggregate(meter, str(params["customer"]), low, high),
                end_time=high,
                livemode=False,
                meter=meter["id"],
                start_time=low,
            )
            summaries.append(summary)
        return page(summaries, params, f"/v1/billing/meters/{meter['id']}/event_summaries")

    def _aggregate(self, meter: Obj, customer: str, start: int, end: int) -> float | int:
        customer_key, value_key = (
            meter["customer_mapping"]["event_payload_key"],
            meter["value_settings"]["event_payload_key"],
        )
        values = [
            _number(e["payload"].get(value_key), "payload")
            for e in self.billing.meter_events
            if e["event_name"] == meter["event_name"]
            and e["payload"].get(customer_key) == customer
            and start <= e["timestamp"] < end
        ]
        formula = meter["default_aggregation"]["formula"]
        total = (
            float(len(values)) if formula == "count" else (values[-1] if formula == "last" and values else sum(values))
        )
        return int(total) if float(total).is_integer() else total
