"""The lab's calls about its kits: each moves a kit up the lab's ranking (kit_models.LAB_RANKS) or
changes nothing. The lab's event id is kept with the kit in the same transaction as the change,
so a duplicate (even two at once) applies once; an event the kit has gone past (out of order) and
a type the platform does not know are kept too and change nothing. A kit of another lab is none.

The sample's arrival (its first event at the lab) is timed against its stability window
(stability.py): too late, it becomes a `sample_error` with reason `sample_too_old` instead.
"""

from __future__ import annotations

from panacea.logistics.kit_items import KitItem, LabEventItem
from panacea.logistics.kit_models import ENDED, LAB_READY, KitState, rank_of
from panacea.logistics.kits import KitNotFound, KitNotReady, load
from panacea.logistics.lab_models import (
    EVENT_OF,
    NEEDS_REASON,
    STATE_OF,
    LabCall,
    LabCallAnswer,
    LabEventType,
    LabOutcome,
)
from panacea.logistics.labs import calling_lab
from panacea.logistics.replacement_models import SAMPLE_TOO_OLD
from panacea.logistics.stability import too_old
from panacea.platform import clock
from panacea.platform.access import Actor
from panacea.platform.errors import Conflict, FieldError, Unprocessable
from panacea.platform.transaction import unit_of_work

ATTEMPTS = 3  # a call racing another on the same kit reads it again


class Duplicate(Conflict):
    slug, title = "lab-event-duplicate", "Lab event seen before"


def receive(actor: Actor, call: LabCall) -> LabCallAnswer:
    """Apply one lab event to its kit, once."""
    lab_id = calling_lab(actor)
    tenant_id = actor.tenant
    known = call.type in {t.value for t in LabEventType}
    kind = LabEventType(call.type) if known else None
    if kind in NEEDS_REASON and call.reason_code is None:
        raise Unprocessable.on_field("reason_code", "missing", f"a {call.type} event names its reason code")
    for _ in range(ATTEMPTS):
        item = load(tenant_id, call.barcode)
        if item.lab_id != lab_id:
            raise KitNotFound(f"no kit {call.barcode} of this lab", field="barcode")
        if LabEventItem.seen(tenant_id, call.barcode, lab_id, call.event_id):
            return LabCallAnswer(outcome=LabOutcome.DUPLICATE, kit=item.view())
        try:
            outcome = _apply(item, lab_id, call, kind)
        except KitNotReady:
            continue  # the kit moved meanwhile: read it again
        except Duplicate:
            return LabCallAnswer(outcome=LabOutcome.DUPLICATE, kit=load(tenant_id, call.barcode).view())
        return LabCallAnswer(outcome=outcome, kit=load(tenant_id, call.barcode).view())
    raise KitNotReady.on_field("barcode", "busy", "the kit is changing; send the event again")


def _outcome(item: KitItem, kind: LabEventType | None) -> LabOutcome:
    if kind is None:
        return LabOutcome.IGNORED
    now, to = KitState(item.state), STATE_OF[kind]
    if now in ENDED or rank_of(to) <= rank_of(now):
        return LabOutcome.STALE
    if rank_of(now) == 0 and now not in LAB_READY:
        raise Unprocessable.on_field("barcode", "not_registered", f"the kit is {now.value}: register it first")
    return LabOutcome.APPLIED


def _apply(item: KitItem, lab_id: str, call: LabCall, kind: LabEventType | None) -> LabOutcome:
    outcome = _outcome(item, kind)
    at = clock.now()
    seen = LabEventItem.new(
        item.tenant_id,
        item.barcode,
        lab_id,
        event_id=call.event_id,
        event_type=call.type,
        outcome=outcome.value,
        at=at,
    )
    with unit_of_work(item.tenant_id) as uow:
        uow.create(seen, conflict=Duplicate("this event was seen", errors=[FieldError("event_id", "duplicate")]))
        if outcome == LabOutcome.APPLIED and kind is not None:
            to, reason = STATE_OF[kind], call.reason_code
            changes: dict[str, object] = {}
            if to == KitState.RECEIVED or item.received_at is None:
                changes["received_at"] = call.occurred_at or at
                if kind != LabEventType.SAMPLE_ERROR and too_old(item, call.occurred_at or at):
                    kind, to, reason = LabEventType.SAMPLE_ERROR, KitState.SAMPLE_ERROR, SAMPLE_TOO_OLD
            if to == KitState.REPORT_READY:
                changes["report_ready_at"] = call.occurred_at or at
            race = KitNotReady("the kit changed meanwhile", errors=[FieldError("barcode", "changed")])
            uow.update(item, item.moved(to, at, reason_code=reason, **changes), condition=item.is_as_read(),
                       conflict=race)  # fmt: skip
            fact = {"barcode": item.barcode, "member_id": item.member_id, "order_id": item.order_id,
                    "line_no": int(item.line_no) if item.line_no is not None else None}  # fmt: skip
            extra = {"reason_code": reason} if kind in NEEDS_REASON else {}
            uow.emit(EVENT_OF[kind](**fact, lab_id=lab_id, lab_event_id=call.event_id, **extra))
    return outcome
