"""How logistics' own events (and records' release, and orders' refund) move a sample's journey:
only ever forward (journey_models.RANKS), each after its change commits waking the workflow that
waits on the sample. A kit or an appointment is the sample's once it is bound to it: the first
event naming the line binds it to the first sample free for it (a line of two gets two kits).

Delivered twice, late, or for a sample gone past it, an event changes nothing."""

from __future__ import annotations

import re
from collections.abc import Callable

from panacea.logistics.journey import Change, changing
from panacea.logistics.journey_items import JourneyItem
from panacea.logistics.journey_models import FINAL, LINE_REFUNDED, RANKS, Stage

Pick = Callable[[list[JourneyItem]], JourneyItem | None]


def _rank(item: JourneyItem) -> int:
    return RANKS.get(item.at, -1)


def _open(item: JourneyItem) -> bool:
    return item.at not in FINAL and item.at != Stage.SAMPLE_ERROR


def _move(item: JourneyItem, stage: Stage, done: Change) -> None:
    if not _open(item) or RANKS[stage] <= _rank(item):
        return  # a duplicate, a late event, or a sample past it
    item.stage, item.reminded = stage.value, 0
    done.succeed(item)
    done.saved.append(item)


def _line(tenant_id: str, order_id: str | None, line_no: int | None, pick: Pick, act: Callable[..., None]) -> None:
    if order_id is None or line_no is None:
        return  # a kit not given to an order's line: no journey follows it

    def change(items: list[JourneyItem], done: Change) -> None:
        item = pick(items)
        if item is not None:
            act(item, done)

    changing(tenant_id, order_id, line_no, change)


# --- kits and their samples -----------------------------------------------------------------------


def _kit(barcode: str, bound: list[JourneyItem]) -> Pick:
    """The sample travelling in `barcode`, or else the first one with no kit yet, bound to it (one
    booked at a point last: the kit a point's staff register for it)."""

    def pick(items: list[JourneyItem]) -> JourneyItem | None:
        bound.clear()  # read again after a concurrent change
        found = next((item for item in items if item.barcode == barcode), None)
        if found is not None:
            return found if _open(found) else None
        free = [item for item in items if item.barcode is None and _open(item)]
        free.sort(key=lambda item: item.appointment_id is not None)
        if free:
            free[0].barcode = barcode
            bound.append(free[0])
            return free[0]
        return None

    return pick


def _bind_or_move(item: JourneyItem, stage: Stage, done: Change, bound: list[JourneyItem]) -> None:
    _move(item, stage, done)
    if item in bound and item not in done.saved:
        done.saved.append(item)  # bound to the kit (or appointment), at a stage it already had


def kit_moved(tenant_id: str, order_id: str | None, line_no: int | None, barcode: str, stage: Stage) -> None:
    """A kit of the line reached `stage` (dispatched, registered, collected, sent, at the lab …)."""
    bound: list[JourneyItem] = []
    _line(
        tenant_id, order_id, line_no, _kit(barcode, bound), lambda item, done: _bind_or_move(item, stage, done, bound)
    )


def kit_failed(tenant_id: str, order_id: str | None, line_no: int | None, barcode: str, reason_code: str) -> None:
    """The lab says the sample in `barcode` cannot be tested (`sample.error`): the workflow asks
    for a replacement kit."""

    def pick(items: list[JourneyItem]) -> JourneyItem | None:
        return next((item for item in items if item.barcode == barcode and _open(item)), None)

    def act(item: JourneyItem, done: Change) -> None:
        item.stage, item.reason_code, item.reminded = Stage.SAMPLE_ERROR.value, reason_code, 0
        done.succeed(item)
        done.saved.append(item)

    _line(tenant_id, order_id, line_no, pick, act)


# --- appointments -----------------------------------------------------------------------------------


def _appointment(appointment_id: str, bound: list[JourneyItem] | None) -> Pick:
    def pick(items: list[JourneyItem]) -> JourneyItem | None:
        if bound is not None:
            bound.clear()  # read again after a concurrent change
        found = next((item for item in items if item.appointment_id == appointment_id), None)
        if found is not None or bound is None:
            return found if found is not None and _open(found) else None
        for item in items:
            if item.appointment_id is None and item.barcode is None and _open(item) and _rank(item) <= 1:
                item.appointment_id = appointment_id
                bound.append(item)
                return item
        return None

    return pick


def appointment_moved(tenant_id: str, order_id: str, line_no: int, appointment_id: str, stage: Stage) -> None:
    """An appointment for the line was booked (or confirmed), or its sample taken."""
    bound: list[JourneyItem] = []
    pick = _appointment(appointment_id, bound)
    _line(tenant_id, order_id, line_no, pick, lambda item, done: _bind_or_move(item, stage, done, bound))


def appointment_ended(tenant_id: str, order_id: str, line_no: int, appointment_id: str) -> None:
    """Declined, cancelled or missed: the sample may be booked again (its stage stays)."""

    def act(item: JourneyItem, done: Change) -> None:
        if _rank(item) <= 1:
            item.appointment_id = None
            done.saved.append(item)

    _line(tenant_id, order_id, line_no, _appointment(appointment_id, None), act)


# --- the report, and refunds ------------------------------------------------------------------------

_GROUP = re.compile(r"^G(\d+)$")


def report_released(tenant_id: str, order_id: str | None, line_id: str | None, report_id: str) -> None:
    """A report of the line was released: it is the report of the line's first sample that is
    ready (else the first still open). Released again, the same report changes nothing."""
    matched = _GROUP.match(line_id or "")
    if order_id is None or matched is None:
        return

    def pick(items: list[JourneyItem]) -> JourneyItem | None:
        if any(item.report_id == report_id for item in items):
            return None
        ready = [item for item in items if item.at == Stage.REPORT_READY] or [item for item in items if _open(item)]
        return ready[0] if ready else None

    def act(item: JourneyItem, done: Change) -> None:
        item.report_id = report_id
        _move(item, Stage.RELEASED, done)

    _line(tenant_id, order_id, int(matched.group(1)), pick, act)


def line_refunded(tenant_id: str, order_id: str, line_no: int, quantity: int, refund_id: str) -> None:
    """`quantity` samples of the line were refunded: the least advanced open ones stop (their
    waits fail with `LineRefunded`). The same refund again changes nothing."""

    def change(items: list[JourneyItem], done: Change) -> None:
        if any(item.refund_id == refund_id for item in items):
            return
        stopping = sorted((i for i in items if i.at not in FINAL), key=lambda i: (_rank(i), -int(i.sample_no)))
        for item in stopping[:quantity]:
            item.stage, item.refund_id = Stage.REFUNDED.value, refund_id
            done.fail(item, LINE_REFUNDED)
            done.saved.append(item)

    changing(tenant_id, order_id, line_no, change)
