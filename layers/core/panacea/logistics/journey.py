"""The sample-logistics workflow's tasks (statemachines/sample-logistics.asl.json), and how a
sample's journey changes.

    Begin ─► Map over the paid order's gene-test samples:
        AwaitStage ─(token, the stage's wait)─► the stage reached ─► AwaitStage … ─► Release
            timeout ─► Overdue (sample.reminder_due, then sample.escalated) ─► AwaitStage
            sample_error ─► ReplaceKit ─► AwaitStage on the new kit, or LineFailed (sample.failed)
            LineRefunded (the token failed by order.refunded) ─► Refunded

A waiting task keeps its token on the journey with the stage the workflow knew, then looks: if the
journey moved on meanwhile (or was refunded) it answers its own token at once. Whoever moves the
journey later (journey_moves.py, from logistics', records' and orders' events) answers the kept
token after its change commits. Every task is idempotent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from panacea import orders, tenancy
from panacea.logistics import replacements
from panacea.logistics.journey_items import JourneyItem
from panacea.logistics.journey_models import (
    FINAL,
    LINE_REFUNDED,
    Attempt,
    SampleEscalated,
    SampleFailed,
    SampleJourney,
    SampleReminderDue,
    Stage,
)
from panacea.logistics.settings import LogisticsSettings
from panacea.platform import clock, task_tokens
from panacea.platform.errors import ConcurrentUpdate, Conflict, NotFound
from panacea.platform.events import DomainEvent
from panacea.platform.transaction import unit_of_work

GENE_TEST = "gene_test"
MAX_ATTEMPTS = 5  # a change computed from what was read is retried this often when the line changed meanwhile
R = TypeVar("R")


class JourneyNotFound(NotFound):
    slug, title = "journey-not-found", "No such sample journey"


@dataclass
class Change:
    """What a change of a line's journeys does: the items saved and the events emitted in one
    transaction, then the workflow's tokens answered."""

    saved: list[JourneyItem] = field(default_factory=list)
    events: list[DomainEvent] = field(default_factory=list)
    answers: list[tuple[str, dict[str, Any] | None, str]] = field(default_factory=list)  # token, output, error

    def succeed(self, item: JourneyItem) -> None:
        """Wake the workflow waiting on `item` (if any) with the stage it reached."""
        if item.token:
            self.answers.append((item.token, item.progress(), ""))
            item.token, item.token_stage = None, None

    def fail(self, item: JourneyItem, error: str) -> None:
        if item.token:
            self.answers.append((item.token, None, error))
            item.token, item.token_stage = None, None


def changing(tenant_id: str, order_id: str, line_no: int, change: Callable[[list[JourneyItem], Change], R]) -> R:
    """Read the line's journeys, apply `change`, commit it, answer the tokens; again if someone
    changed the line meanwhile."""
    for attempt in range(MAX_ATTEMPTS):
        done = Change()
        result = change(JourneyItem.of_line(tenant_id, order_id, line_no), done)
        try:
            with unit_of_work(tenant_id) as uow:
                for item in done.saved:
                    item.updated_at = clock.now()
                    uow.save(item)
                for event in done.events:
                    uow.emit(event)
        except ConcurrentUpdate:
            if attempt == MAX_ATTEMPTS - 1:
                raise
            continue
        for token, output, error in done.answers:
            if error:
                task_tokens.send_task_failure(token, error, f"order {order_id} line {line_no}")
            else:
                task_tokens.send_task_success(token, output)
        return result
    raise ConcurrentUpdate("the line's samples kept changing")  # pragma: no cover - the loop returns or raises


def _sample(items: list[JourneyItem], sample_no: int) -> JourneyItem:
    found = next((item for item in items if int(item.sample_no) == sample_no), None)
    if found is None:
        raise JourneyNotFound(f"no sample {sample_no}", field="sample_no")
    return found


def facts(item: JourneyItem) -> dict[str, Any]:
    return {
        "order_id": item.order_id,
        "line_no": int(item.line_no),
        "sample_no": int(item.sample_no),
        "member_id": item.member_id,
        "stage": item.stage,
        "barcode": item.barcode,
    }


# --- the workflow's tasks --------------------------------------------------------------------------


def begin(tenant_id: str, paid: dict[str, Any]) -> dict[str, Any]:
    """A journey for each sample of the paid order's gene-test lines (kept once, however often the
    order's payment is announced); the samples the workflow follows, each at its stage."""
    event = orders.OrderPaid.model_validate(paid.get("data", paid))
    lines = [line for line in event.lines if line.kind == GENE_TEST]
    if not lines:
        return {"samples": []}
    found = tenancy.settings_of(tenant_id)
    waits = (LogisticsSettings.of(found) if found is not None else LogisticsSettings()).waits.seconds()
    samples = []
    for line in lines:
        kept = {int(item.sample_no): item for item in JourneyItem.of_line(tenant_id, event.order_id, line.line_no)}
        for sample_no in range(1, line.quantity + 1):
            item = kept.get(sample_no)
            if item is None:
                item = JourneyItem.new(
                    tenant_id, event.order_id, line.line_no, sample_no, member_id=event.member_id, timeouts=waits,
                    at=clock.now(),
                )  # fmt: skip
                try:
                    with unit_of_work(tenant_id) as uow:
                        uow.create(item, conflict=Conflict("begun already"))
                except Conflict:
                    item = JourneyItem.read(tenant_id, event.order_id, line.line_no, sample_no) or item
            samples.append({"line_no": line.line_no, "sample_no": sample_no, "progress": item.progress()})
    return {"samples": samples}


def await_stage(tenant_id: str, order_id: str, line_no: int, sample_no: int, *, known: str, token: str) -> None:
    """Keep the token of the wait after `known`; answer it now if the sample is past it already."""

    def change(items: list[JourneyItem], done: Change) -> None:
        item = _sample(items, sample_no)
        item.token, item.token_stage = token, known
        if item.at == Stage.REFUNDED:
            done.fail(item, LINE_REFUNDED)
        elif item.stage != known:
            done.succeed(item)
        done.saved.append(item)

    changing(tenant_id, order_id, line_no, change)


def overdue(tenant_id: str, order_id: str, line_no: int, sample_no: int, *, known: str) -> dict[str, Any]:
    """The wait at stage `known` ran out: remind the first time, escalate the second, then wait on
    quietly. A sample that moved on while the wait ran out is not reminded (its new stage has a wait
    of its own). The workflow goes on waiting, at the stage the sample is at now."""

    def change(items: list[JourneyItem], done: Change) -> dict[str, Any]:
        item = _sample(items, sample_no)
        if item.token_stage == known:
            item.token, item.token_stage = None, None  # that wait is over
        if item.stage == known and item.at not in FINAL and item.at != Stage.SAMPLE_ERROR:
            item.reminded = int(item.reminded or 0) + 1
            if item.reminded == 1:
                done.events.append(SampleReminderDue(**facts(item)))
            elif item.reminded == 2:
                done.events.append(SampleEscalated(**facts(item)))
        done.saved.append(item)
        return item.progress()

    return changing(tenant_id, order_id, line_no, change)


def _replacement(tenant_id: str, barcode: str) -> str | None:
    """The new kit's barcode the replacement policy sets aside for a failed one (staff dispatch it),
    or None if it refuses (the line is then failed). An empty stock raises NoKitInStock, which the
    workflow retries hourly while staff import kits."""
    kit = replacements.replace_failed_kit(tenant_id, barcode)
    return None if kit is None else kit.barcode


def replace_kit(tenant_id: str, order_id: str, line_no: int, sample_no: int) -> dict[str, Any]:
    """The sample's kit failed (`sample.error`): a replacement kit takes its place (the failed one
    kept among the attempts) and the workflow waits on it; if the policy refuses, the sample ends
    `failed` (`sample.failed`)."""
    item = JourneyItem.read(tenant_id, order_id, line_no, sample_no)
    if item is None:
        raise JourneyNotFound(f"no sample {sample_no} of line {line_no}", field="sample_no")
    if item.at != Stage.SAMPLE_ERROR or not item.barcode:
        return item.progress()  # replaced already (a retry), or moved on
    new_barcode = _replacement(tenant_id, item.barcode)
    failed = item.barcode

    def change(items: list[JourneyItem], done: Change) -> dict[str, Any]:
        item = _sample(items, sample_no)
        if item.at != Stage.SAMPLE_ERROR or item.barcode != failed:
            return item.progress()
        attempts = [*item.kits_failed, Attempt(barcode=failed, reason_code=item.reason_code, failed_at=clock.now())]
        item.attempts = {"kits": [a.model_dump(mode="json") for a in attempts]}
        if new_barcode is None:
            item.stage = Stage.FAILED.value
            done.events.append(
                SampleFailed(**facts(item), reason_code=item.reason_code, attempts=[a.barcode for a in attempts])
            )
        else:
            item.stage, item.barcode, item.reason_code, item.reminded = Stage.KIT_DISPATCHED.value, new_barcode, None, 0
        done.saved.append(item)
        return item.progress()

    return changing(tenant_id, order_id, line_no, change)


def release(tenant_id: str, order_id: str, line_no: int) -> dict[str, Any]:
    """A sample's report was released: once every sample of the line that is still owed (not
    refunded) has its report, the order-fulfilment workflow's wait for the line ends."""
    items = JourneyItem.of_line(tenant_id, order_id, line_no)
    owed = [item for item in items if item.at != Stage.REFUNDED]
    complete = bool(owed) and all(item.at == Stage.RELEASED for item in owed)
    if complete:
        orders.report_released(tenant_id, order_id, f"G{line_no}")
    return {"line_reported": complete}


def journeys_of(tenant_id: str, order_id: str, line_no: int) -> list[SampleJourney]:
    """The line's samples and where each is (one Query)."""
    return [item.view() for item in JourneyItem.of_line(tenant_id, order_id, line_no)]
