"""Mail-in kits: imported in barcode batches, dispatched for a gene-test line, registered by the
member whose order it is (or by staff for them), the sample collected and sent back. The state
table is kit_models'; every move is one transaction conditioned on the state and version read,
with its event.

Which lines are gene tests: an event-fed record (DESIGN rule 11). Logistics follows `order.paid`
and keeps each gene-test line (`GeneTestLineItem`: member, quantity, kits given, and the stability
window its SKU names, read through catalog's face); dispatching a kit checks that record in the same
transaction, and never reads orders' items. A replacement kit (replacements.py) is dispatched here
too, without taking a new place on the line.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import panacea.logistics.access  # noqa: F401 - grants the actions checked here (kit_access.py)
from panacea.logistics.kit_access import KitAction
from panacea.logistics.kit_items import GeneTestLineItem, KitItem, LabItem, existing_kits, kits_of_member, line_key
from panacea.logistics.kit_models import (
    BARCODE_PATTERN,
    MAX_BATCH,
    MEMBER_MOVES,
    Collection,
    Demographics,
    Kit,
    KitBatch,
    KitDispatch,
    KitDispatched,
    KitEvent,
    KitImport,
    KitRegistered,
    KitRegistration,
    KitRegistrationFor,
    KitsImported,
    KitState,
    ReturnShipment,
    SampleCollected,
    SampleDemographicsFixed,
    SampleInTransit,
)
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError, NotFound, Unprocessable
from panacea.platform.ids import new_id
from panacea.platform.transaction import unit_of_work

GENE_TEST = "gene_test"


class KitNotFound(NotFound):
    slug, title = "kit-not-found", "Kit not found"


class KitBatchRefused(Unprocessable):
    slug, title = "kit-batch-refused", "Kit batch refused"


class KitNotReady(Conflict):
    """The kit is not in a state this change needs."""

    slug, title = "kit-not-ready", "Kit not in the right state"


class GeneTestLineNotFound(NotFound):
    slug, title = "gene-test-line-not-found", "Gene-test line not found"


class LabNotFound(NotFound):
    slug, title = "lab-not-found", "Lab not found"


class ReplacementFeeDue(Conflict):
    slug, title = "replacement-fee-due", "Replacement fee not paid"


# --- import ----------------------------------------------------------------------------------------


def _rows(cmd: KitImport) -> list[tuple[int, str, str]]:
    """(line, barcode, field) of each row sent: a list's index, or a CSV's line number."""
    if cmd.barcodes is not None:
        return [(i, code.strip(), f"barcodes[{i}]") for i, code in enumerate(cmd.barcodes)]
    reader = csv.reader(io.StringIO(cmd.csv or ""))
    rows = [(reader.line_num, row) for row in reader]
    if not rows or "barcode" not in [cell.strip().lower() for cell in rows[0][1]]:
        raise KitBatchRefused.on_field("csv", "no_barcode_column", "the first line names the columns: `barcode`")
    column = [cell.strip().lower() for cell in rows[0][1]].index("barcode")
    found = []
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        value = row[column].strip() if column < len(row) else ""
        found.append((line, value, f"csv.line[{line}]"))
    return found


def _bad_rows(tenant_id: str, rows: list[tuple[int, str, str]]) -> list[FieldError]:
    import re  # noqa: PLC0415 - only imports need it

    bad: list[FieldError] = []
    seen: set[str] = set()
    for _line, code, field in rows:
        if not re.fullmatch(BARCODE_PATTERN, code):
            bad.append(FieldError(field, "invalid", f"{code!r} is not a barcode (A-Z, 0-9, '-', 4 to 40)"))
        elif code in seen:
            bad.append(FieldError(field, "duplicate", f"{code} is listed twice"))
        seen.add(code)
    taken = existing_kits(tenant_id, sorted(seen)) if seen else set()
    bad += [FieldError(field, "exists", f"{code} is a kit already") for _line, code, field in rows if code in taken]
    return bad


def import_batch(actor: Actor, cmd: KitImport) -> KitBatch:
    """Every barcode of the batch becomes a kit in stock, or none does: bad rows are named by line."""
    authorize(actor, KitAction.MANAGE_KITS)
    tenant_id = actor.tenant
    rows = _rows(cmd)
    if not rows:
        raise KitBatchRefused.on_field("barcodes" if cmd.barcodes is not None else "csv", "empty", "no barcodes")
    if len(rows) > MAX_BATCH:
        raise KitBatchRefused.on_field("csv", "too_many", f"at most {MAX_BATCH} barcodes a batch")
    bad = _bad_rows(tenant_id, rows)
    if bad:
        raise KitBatchRefused(f"{len(bad)} of {len(rows)} rows refused; nothing was imported", errors=bad)
    batch_id, at = new_id(), clock.now()
    with unit_of_work(tenant_id) as uow:
        for _line, code, field in rows:
            uow.create(KitItem.new(tenant_id, code, batch_id, at), conflict=Conflict.on_field(field, "exists", code))
        uow.emit(KitsImported(batch_id=batch_id, count=len(rows)))
    return KitBatch(batch_id=batch_id, imported=len(rows), barcodes=[code for _, code, _ in rows])


# --- reads -----------------------------------------------------------------------------------------


def load(tenant_id: str, barcode: str, *, field: str = "barcode") -> KitItem:
    found = KitItem.read(tenant_id, barcode) if len(barcode) <= 40 else None
    if found is None:
        raise KitNotFound(f"no kit {barcode}", field=field)
    return found


def _reachable(actor: Actor, barcode: str) -> KitItem:
    """The kit, for staff who manage kits, or for the member whose kit it is (else KitNotFound)."""
    item = load(actor.tenant, barcode)
    if actor.can(KitAction.MANAGE_KITS):
        return item
    authorize(actor, KitAction.USE_KITS)
    if item.member_id != actor.user_id:
        raise KitNotFound(f"no kit {barcode}", field="barcode")
    return item


def get(actor: Actor, barcode: str) -> Kit:
    return _reachable(actor, barcode).view()


def mine(actor: Actor) -> list[Kit]:
    authorize(actor, KitAction.USE_KITS)
    return [item.view() for item in kits_of_member(actor.tenant, actor.user_id)]


# --- moves -----------------------------------------------------------------------------------------


def _fact(item: KitItem, **overrides: Any) -> dict[str, Any]:
    line_no = overrides.get("line_no", item.line_no)
    return {
        "barcode": item.barcode,
        "member_id": overrides.get("member_id", item.member_id),
        "order_id": overrides.get("order_id", item.order_id),
        "line_no": int(line_no) if line_no is not None else None,
    }


def _move(item: KitItem, to: KitState, event: KitEvent, **changes: Any) -> Kit:
    """Move the kit to `to` from a state the table allows, announcing `event`, in one transaction."""
    if KitState(item.state) not in MEMBER_MOVES[to]:
        raise KitNotReady(
            f"the kit is {item.state}; it cannot become {to.value}", errors=[FieldError("barcode", item.state)]
        )
    at = clock.now()
    with unit_of_work(item.tenant_id) as uow:
        race = KitNotReady("the kit changed meanwhile; read it again", errors=[FieldError("barcode", "changed")])
        uow.update(item, item.moved(to, at, **changes), condition=item.is_as_read(), conflict=race)
        uow.emit(event)
    return load(item.tenant_id, item.barcode).view()


def _line_for(tenant_id: str, order_id: str, line_no: int, member_id: str | None) -> GeneTestLineItem:
    line = GeneTestLineItem.read(tenant_id, order_id, line_no)
    if line is None or (member_id is not None and line.member_id != member_id):
        raise GeneTestLineNotFound(f"no paid gene-test line {line_no} in order {order_id}", field="order_id")
    return line


def _lab(tenant_id: str, lab_id: str) -> LabItem:
    lab = LabItem.read(tenant_id, lab_id) if len(lab_id) <= 40 else None
    if lab is None:
        raise LabNotFound(f"no lab {lab_id}", field="lab_id")
    return lab


def _give_to_line(item: KitItem, line: GeneTestLineItem, to: KitState, event: KitEvent, **changes: Any) -> Kit:
    """As `_move`, also counting the kit on the gene-test line, under the line's quantity."""
    if KitState(item.state) not in MEMBER_MOVES[to]:
        raise KitNotReady(f"the kit is {item.state}", errors=[FieldError("barcode", item.state)])
    at = clock.now()
    add, under = line.one_more_kit()
    full = Conflict.on_field("line_no", "has_kits", "every test of this line has its kit")
    with unit_of_work(item.tenant_id) as uow:
        race = KitNotReady("the kit changed meanwhile; read it again", errors=[FieldError("barcode", "changed")])
        uow.update(item, item.moved(to, at, **changes), condition=item.is_as_read(), conflict=race)
        uow.update(line, add, condition=under, conflict=full)
        uow.emit(event)
    return load(item.tenant_id, item.barcode).view()


def dispatch(actor: Actor, cmd: KitDispatch) -> Kit:
    """Staff send a kit in stock to the member of a paid gene-test line."""
    authorize(actor, KitAction.MANAGE_KITS)
    tenant_id = actor.tenant
    line = _line_for(tenant_id, cmd.order_id, cmd.line_no, None)
    _lab(tenant_id, cmd.lab_id)
    item = load(tenant_id, cmd.barcode)
    if KitState(item.state) == KitState.ALLOCATED:
        return _dispatch_replacement(item, cmd)
    fact = _fact(item, member_id=line.member_id, order_id=cmd.order_id, line_no=cmd.line_no)
    event = KitDispatched(**fact, lab_id=cmd.lab_id, carrier=cmd.carrier, tracking_number=cmd.tracking_number)
    return _give_to_line(
        item, line, KitState.DISPATCHED, event,
        member_id=line.member_id, order_id=cmd.order_id, line_no=cmd.line_no, lab_id=cmd.lab_id,
        outbound_carrier=cmd.carrier, outbound_tracking=cmd.tracking_number, dispatched_at=clock.now(),
    )  # fmt: skip


def _dispatch_replacement(item: KitItem, cmd: KitDispatch) -> Kit:
    """A replacement kit set aside for a line goes out (it takes no new place on the line: the
    replacements are counted apart); one offered for a fee, once the fee is paid."""
    if (item.order_id, item.line_no) != (cmd.order_id, cmd.line_no):
        detail = f"the kit {item.barcode} is set aside for line {item.line_no} of order {item.order_id}"
        raise KitNotReady.on_field("barcode", "set_aside", detail)
    if item.fee_due:
        raise ReplacementFeeDue.on_field("barcode", "fee_due", "the replacement's fee is not recorded as paid yet")
    event = KitDispatched(
        **_fact(item), lab_id=cmd.lab_id, carrier=cmd.carrier, tracking_number=cmd.tracking_number,
        replaces=item.replaces,
    )  # fmt: skip
    return _move(
        item, KitState.DISPATCHED, event, lab_id=cmd.lab_id, outbound_carrier=cmd.carrier,
        outbound_tracking=cmd.tracking_number, dispatched_at=clock.now(),
    )  # fmt: skip


def register(actor: Actor, cmd: KitRegistration) -> Kit:
    """The member registers the kit sent to them: once per barcode."""
    authorize(actor, KitAction.USE_KITS)
    item = load(actor.tenant, cmd.barcode)
    if item.member_id != actor.user_id:  # not sent to them: as if there were none
        raise KitNotFound(f"no kit {cmd.barcode} was sent to you", field="barcode")
    if KitState(item.state) != KitState.DISPATCHED:
        raise KitNotReady.on_field("barcode", "registered", f"the kit {cmd.barcode} is registered already")
    event = KitRegistered(**_fact(item), registered_by=actor.user_id)
    return _move(
        item, KitState.REGISTERED, event, registered_by=actor.user_id, registered_at=clock.now(),
        demographics=_details(cmd.demographics),
    )  # fmt: skip


def _details(demographics: Demographics | None) -> dict[str, str] | None:
    if demographics is None:
        return None
    given = demographics.model_dump(exclude_none=True)
    return {k: str(v.date() if hasattr(v, "date") else v) for k, v in given.items()}


def register_for(actor: Actor, barcode: str, cmd: KitRegistrationFor) -> Kit:
    """Staff register a kit for a member: one sent to them, or one from the clinic's stock for a
    gene-test line of the member's paid order."""
    authorize(actor, KitAction.MANAGE_KITS)
    tenant_id = actor.tenant
    item = load(tenant_id, barcode)
    details = _details(cmd.demographics)
    if KitState(item.state) == KitState.DISPATCHED:
        if item.member_id != cmd.member_id:
            raise Unprocessable.on_field("member_id", "not_theirs", f"the kit {barcode} was sent to another member")
        event = KitRegistered(**_fact(item), registered_by=actor.user_id)
        return _move(
            item, KitState.REGISTERED, event, registered_by=actor.user_id, registered_at=clock.now(),
            demographics=details,
        )  # fmt: skip
    if KitState(item.state) != KitState.IN_STOCK:
        raise KitNotReady.on_field("barcode", "registered", f"the kit {barcode} is {item.state}")
    missing = [name for name in ("order_id", "line_no", "lab_id") if getattr(cmd, name) is None]
    if missing:
        errors = [FieldError(name, "missing", "a kit from stock names the line it is for") for name in missing]
        raise Unprocessable("a kit from stock names the order, line and lab", errors=errors)
    assert cmd.order_id is not None
    assert cmd.line_no is not None
    assert cmd.lab_id is not None
    line = _line_for(tenant_id, cmd.order_id, cmd.line_no, cmd.member_id)
    _lab(tenant_id, cmd.lab_id)
    fact = _fact(item, member_id=cmd.member_id, order_id=cmd.order_id, line_no=cmd.line_no)
    return _give_to_line(
        item, line, KitState.REGISTERED, KitRegistered(**fact, registered_by=actor.user_id),
        member_id=cmd.member_id, order_id=cmd.order_id, line_no=cmd.line_no, lab_id=cmd.lab_id,
        registered_by=actor.user_id, registered_at=clock.now(), demographics=details,
    )  # fmt: skip


def collect(actor: Actor, barcode: str, cmd: Collection) -> Kit:
    item = _reachable(actor, barcode)
    at = cmd.collected_at or clock.now()
    if at > clock.now():
        raise Unprocessable.on_field("collected_at", "future", "a sample is collected in the past")
    return _move(item, KitState.COLLECTED, SampleCollected(**_fact(item), collected_at=at), collected_at=at)


def send_back(actor: Actor, barcode: str, cmd: ReturnShipment) -> Kit:
    item = _reachable(actor, barcode)
    event = SampleInTransit(
        **_fact(item), lab_id=item.lab_id or "", carrier=cmd.carrier, tracking_number=cmd.tracking_number
    )
    return _move(
        item, KitState.IN_TRANSIT, event, return_carrier=cmd.carrier, return_tracking=cmd.tracking_number,
        sent_back_at=clock.now(),
    )  # fmt: skip


def fix_demographics(actor: Actor, barcode: str, cmd: Demographics) -> Kit:
    """Correct the person's details on a kit (before the lab is done with it); on a blocked sample
    this is the fix the lab waits for (`sample.demographics_fixed`), the kit staying blocked until
    the lab's next event moves it on."""
    item = _reachable(actor, barcode)
    if KitState(item.state) in {KitState.IN_STOCK, KitState.SAMPLE_ERROR, KitState.REPORT_READY}:
        raise KitNotReady.on_field("barcode", item.state, f"the kit is {item.state}")
    at = clock.now()
    with unit_of_work(item.tenant_id) as uow:
        race = KitNotReady("the kit changed meanwhile; read it again", errors=[FieldError("barcode", "changed")])
        changes = item.moved(KitState(item.state), at, demographics=_details(cmd))
        uow.update(item, changes, condition=item.is_as_read(), conflict=race)
        if KitState(item.state) == KitState.PROCESSING_BLOCKED:
            uow.emit(SampleDemographicsFixed(**_fact(item), lab_id=item.lab_id))
    return load(item.tenant_id, item.barcode).view()


# --- following orders ------------------------------------------------------------------------------


def note_paid_lines(tenant_id: str, order_id: str, member_id: str, lines: list[Any]) -> int:
    """Keep the gene-test lines of a paid order (`order.paid`'s `lines`); again is harmless."""
    from panacea import catalog  # noqa: PLC0415 - the consumer's use only

    at = clock.now()
    count = 0
    for line in lines:
        if str(line.kind) != GENE_TEST:
            continue
        if GeneTestLineItem.find(*line_key(tenant_id, order_id, line.line_no)) is not None:
            continue
        item = GeneTestLineItem.new(
            tenant_id, order_id, line.line_no, member_id=member_id, product_id=line.product_id, sku_id=line.sku_id,
            quantity=line.quantity, at=at, stability_days=catalog.sample_stability_days(tenant_id, line.sku_id),
        )  # fmt: skip
        with unit_of_work(tenant_id) as uow:
            uow.create(item, conflict=Conflict("the line is kept already"))
        count += 1
    return count
