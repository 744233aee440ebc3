"""A refund of a gene-test line, as logistics follows it (`order.refunded`, DESIGN rule 11): the
line keeps fewer tests (`quantity` lowered by the refunded quantity, once per refund: a
`LineRefundItem` is put with the change), and its kits beyond what it still holds are voided,
the least advanced first, while their samples have not reached the lab (`cancelled`,
`kit.voided`; a voided first kit gives its place on the line back). A kit whose sample is at the lab
is left to it and noted (`line_refunded`, `kit.refunded_at_lab`) for staff to settle with the lab.
A line refunded whole no longer gets replacement kits, and its open appointment is cancelled.

Delivered again, the refund changes nothing twice: the line's change is keyed by the refund, and
what is voided is worked out from the kits as they are (never more than the line no longer holds)."""

from __future__ import annotations

from typing import Any

from pynamodb.expressions.update import Action

from panacea.logistics import appointments
from panacea.logistics.appointment_items import PaidTestItem
from panacea.logistics.kit_items import GeneTestLineItem, KitItem, LineRefundItem, kits_of_line
from panacea.logistics.kit_models import AT_LAB, ENDED, KitState
from panacea.logistics.kits import KitNotReady
from panacea.logistics.replacement_models import REFUNDED, KitRefundedAtLab, KitVoided
from panacea.platform import clock
from panacea.platform.errors import Conflict, FieldError
from panacea.platform.transaction import unit_of_work

GENE_TEST = "gene_test"
ATTEMPTS = 3
# The order in which a refund voids a line's kits: the least advanced first.
PROGRESS = [KitState.ALLOCATED, KitState.DISPATCHED, KitState.REGISTERED, KitState.COLLECTED, KitState.IN_TRANSIT]


class _Seen(Conflict):
    slug, title = "line-refund-seen", "Refund applied before"


def _changed() -> KitNotReady:
    return KitNotReady("the kit or its line changed meanwhile", errors=[FieldError("barcode", "changed")])


def order_refunded(tenant_id: str, order_id: str, member_id: str, refund_id: str, lines: list[Any]) -> None:
    """Apply `order.refunded`'s gene-test lines (each with the quantity refunded)."""
    for refunded in lines:
        if str(refunded.kind) != GENE_TEST:
            continue
        line = _lowered(tenant_id, order_id, int(refunded.line_no), refund_id, int(refunded.quantity))
        if line is not None:
            _void_surplus(line)
        if line is None or int(line.quantity) <= 0:  # no kit was kept for it, or it is refunded whole
            _cancel_appointment(tenant_id, member_id, order_id, int(refunded.line_no))


def _lowered(tenant_id: str, order_id: str, line_no: int, refund_id: str, quantity: int) -> GeneTestLineItem | None:
    """The line after this refund lowered its quantity (once per refund id)."""
    for _ in range(ATTEMPTS):
        line = GeneTestLineItem.read(tenant_id, order_id, line_no)
        if line is None:
            return None
        held = int(line.quantity)
        try:
            with unit_of_work(tenant_id) as uow:
                seen = _Seen("this refund of the line was applied")
                uow.create(LineRefundItem.new(tenant_id, order_id, line_no, refund_id, quantity), conflict=seen)
                lowered: list[Action] = [GeneTestLineItem.quantity.set(max(0, held - quantity))]
                uow.update(line, lowered, condition=GeneTestLineItem.quantity == held, conflict=_changed())
        except _Seen:
            return line
        except KitNotReady:
            continue
        return GeneTestLineItem.read(tenant_id, order_id, line_no)
    raise _changed()


def _void_surplus(line: GeneTestLineItem) -> None:
    kits = kits_of_line(line.tenant_id, line.member_id, line.order_id, int(line.line_no))
    live = [kit for kit in kits if KitState(kit.state) not in ENDED]
    surplus = len(live) - max(0, int(line.quantity))
    before_lab = sorted(
        (kit for kit in live if KitState(kit.state) in PROGRESS), key=lambda kit: PROGRESS.index(KitState(kit.state))
    )
    for kit in before_lab[: max(0, surplus)]:
        _void(kit, line)
        surplus -= 1
    for kit in [kit for kit in live if KitState(kit.state) in AT_LAB][: max(0, surplus)]:
        _note(kit)


def _fact(item: KitItem) -> dict[str, Any]:
    return {"barcode": item.barcode, "member_id": item.member_id, "order_id": item.order_id,
            "line_no": int(item.line_no) if item.line_no is not None else None}  # fmt: skip


def _void(kit: KitItem, line: GeneTestLineItem) -> None:
    with unit_of_work(kit.tenant_id) as uow:
        changes = kit.moved(KitState.CANCELLED, clock.now(), cancel_reason=REFUNDED, fee_due=None)
        uow.update(kit, changes, condition=kit.is_as_read(), conflict=_changed())
        if kit.replaces is None and kit.state != KitState.ALLOCATED.value:  # a first kit: its place goes back
            uow.update(line, [GeneTestLineItem.kits.add(-1)], condition=GeneTestLineItem.kits > 0, conflict=_changed())
        uow.emit(KitVoided(**_fact(kit), reason=REFUNDED, previous_state=kit.state))


def _note(kit: KitItem) -> None:
    if kit.line_refunded:
        return
    with unit_of_work(kit.tenant_id) as uow:
        changes = kit.moved(KitState(kit.state), clock.now(), line_refunded=True)
        uow.update(kit, changes, condition=kit.is_as_read(), conflict=_changed())
        uow.emit(KitRefundedAtLab(**_fact(kit), lab_id=kit.lab_id, state=kit.state))


def _cancel_appointment(tenant_id: str, member_id: str, order_id: str, line_no: int) -> None:
    test = PaidTestItem.find(*PaidTestItem.key(tenant_id, member_id, order_id, line_no), consistent_read=True)
    if test is not None and test.appointment_id:
        appointments.cancel_open(tenant_id, test.appointment_id, by=REFUNDED, reason="the gene test was refunded")
