"""Replacement kits: a kit whose sample failed (`sample_error`, final: the lab's word, or the
stability clock's) is replaced for the same gene-test line by the next kit of the tenant's stock,
set aside for the member (`allocated`) and dispatched by staff like any kit (POST
/v1/kits/dispatches). Staff may ask for one by hand too (a kit lost in the post: the lost kit is
cancelled). The tenant's policy (`logistics.replacements`) caps them per line and says whether they
are free: a replacement that is not is offered (`fee_due`, shown to the member) and can be dispatched
once the service desk has recorded the fee as paid.

The attempts are linked: the new kit `replaces` the old one, which is `replaced_by` it. Each step is
one transaction over both kits and the line (its `replacements` counted as read), with its event;
asking again for a kit replaced already answers the same replacement."""

from __future__ import annotations

from panacea import tenancy
from panacea.logistics.kit_access import KitAction
from panacea.logistics.kit_items import GeneTestLineItem, KitItem, next_in_stock
from panacea.logistics.kit_models import Kit, KitState
from panacea.logistics.kits import GeneTestLineNotFound, KitNotReady, load
from panacea.logistics.replacement_models import (
    FeePaid,
    GeneTestFailed,
    KitReplacementFeePaid,
    KitReplacementOrdered,
    KitVoided,
    ReplacementRequest,
)
from panacea.logistics.replacement_rules import ReplacementPolicy
from panacea.logistics.settings import LogisticsSettings
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError
from panacea.platform.transaction import unit_of_work

ATTEMPTS = 3  # a replacement racing another change of the kits or the line reads them again
# What staff may replace by hand: a kit on its way or with the member (lost, damaged), or failed.
BY_HAND = frozenset(
    {KitState.DISPATCHED, KitState.REGISTERED, KitState.COLLECTED, KitState.IN_TRANSIT, KitState.SAMPLE_ERROR}
)


class NotReplaceable(Conflict):
    slug, title = "kit-not-replaceable", "Kit cannot be replaced"


class ReplacementsUsedUp(Conflict):
    slug, title = "replacements-used-up", "No replacement left for this line"


class NoKitInStock(Conflict):
    slug, title = "no-kit-in-stock", "No kit in stock"


def policy_of(tenant_id: str) -> ReplacementPolicy:
    found = tenancy.settings_of(tenant_id)
    return (LogisticsSettings() if found is None else LogisticsSettings.of(found)).replacements


def _line_of(item: KitItem) -> GeneTestLineItem:
    line = None
    if item.order_id is not None and item.line_no is not None:
        line = GeneTestLineItem.read(item.tenant_id, item.order_id, int(item.line_no))
    if line is None:
        raise GeneTestLineNotFound(f"the kit {item.barcode} is for no paid gene-test line", field="barcode")
    return line


def _changed() -> KitNotReady:
    changed = [FieldError("barcode", "changed")]
    return KitNotReady("the kit or its line changed meanwhile; read it again", errors=changed)


def replace_failed_kit(tenant_id: str, barcode: str) -> Kit | None:
    """After a kit's sample_error: the kit set aside to replace it (the same one when asked again), or
    None when the line gets none (refunded, or every replacement the policy allows was used: the line
    is then failed, `gene_test.failed`). NoKitInStock when the tenant's stock is empty (retried later)."""
    for _ in range(ATTEMPTS):
        item = load(tenant_id, barcode)
        if item.replaced_by:
            return load(tenant_id, item.replaced_by).view()
        if KitState(item.state) != KitState.SAMPLE_ERROR:
            raise KitNotReady.on_field("barcode", item.state, f"the kit is {item.state}, not failed")
        line = _line_of(item)
        if line.failed or int(line.quantity) <= 0:
            return None
        policy = policy_of(tenant_id)
        try:
            if int(line.replacements or 0) >= policy.max_per_line:
                _fail(line, item)
                return None
            return _replace(item, line, policy, reason=item.reason_code or "sample_error")
        except KitNotReady:
            continue
    raise KitNotReady.on_field("barcode", "busy", "the kit is changing; ask again")


def request_replacement(actor: Actor, barcode: str, cmd: ReplacementRequest) -> Kit:
    """Staff replace a kit by hand, under the same policy: one lost or damaged before it reached the
    lab is cancelled; a failed one stays as the lab left it. The new kit is answered."""
    authorize(actor, KitAction.MANAGE_KITS)
    for _ in range(ATTEMPTS):
        item = load(actor.tenant, barcode)
        if item.replaced_by:
            raise NotReplaceable.on_field("barcode", "replaced", f"the kit was replaced by {item.replaced_by}")
        if KitState(item.state) not in BY_HAND:
            raise NotReplaceable.on_field("barcode", item.state, f"a kit {item.state} is not replaced")
        line = _line_of(item)
        if int(line.quantity) <= 0:
            raise NotReplaceable.on_field("barcode", "refunded", "the kit's gene-test line was refunded")
        if line.failed:
            raise NotReplaceable.on_field("barcode", "line_failed", "the kit's gene-test line has failed")
        policy = policy_of(actor.tenant)
        if int(line.replacements or 0) >= policy.max_per_line:
            detail = f"the line had its {policy.max_per_line} replacement kits (the tenant's policy)"
            raise ReplacementsUsedUp.on_field("barcode", "replacements_used_up", detail)
        try:
            return _replace(item, line, policy, reason=cmd.reason, void=KitState(item.state) != KitState.SAMPLE_ERROR)
        except KitNotReady:
            continue
    raise KitNotReady.on_field("barcode", "busy", "the kit is changing; ask again")


def _fact(item: KitItem) -> dict[str, object]:
    return {"barcode": item.barcode, "member_id": item.member_id, "order_id": item.order_id,
            "line_no": int(item.line_no) if item.line_no is not None else None}  # fmt: skip


def _replace(
    item: KitItem, line: GeneTestLineItem, policy: ReplacementPolicy, *, reason: str, void: bool = False
) -> Kit:
    new = next_in_stock(item.tenant_id)
    if new is None:
        raise NoKitInStock.on_field("barcode", "no_kit_in_stock", "import kits: none is in stock to replace this one")
    at, attempt = clock.now(), int(line.replacements or 0) + 1
    add, as_read = line.one_more_replacement()
    with unit_of_work(item.tenant_id) as uow:
        state, changes = KitState(item.state), {"replaced_by": new.barcode}
        if void:
            state, changes = KitState.CANCELLED, {**changes, "cancel_reason": reason}
            uow.emit(KitVoided(**_fact(item), reason=reason, previous_state=item.state))
        uow.update(item, item.moved(state, at, **changes), condition=item.is_as_read(), conflict=_changed())
        allocated = new.moved(
            KitState.ALLOCATED, at, member_id=item.member_id, order_id=item.order_id, line_no=item.line_no,
            lab_id=item.lab_id, replaces=item.barcode, fee_due=None if policy.free else True,
        )  # fmt: skip
        uow.update(new, allocated, condition=new.is_as_read(), conflict=_changed())
        uow.update(line, add, condition=as_read, conflict=_changed())
        fact = {**_fact(item), "barcode": new.barcode}
        uow.emit(KitReplacementOrdered(**fact, replaces=item.barcode, reason=reason, attempt=attempt,
                                       fee_due=not policy.free))  # fmt: skip
    return load(item.tenant_id, new.barcode).view()


def _fail(line: GeneTestLineItem, item: KitItem) -> None:
    with unit_of_work(line.tenant_id) as uow:
        uow.update(line, [GeneTestLineItem.failed.set(True)], condition=line.as_read(), conflict=_changed())
        uow.emit(GeneTestFailed(order_id=line.order_id, line_no=int(line.line_no), member_id=line.member_id,
                                barcode=item.barcode, replacements=int(line.replacements or 0)))  # fmt: skip


def fee_paid(actor: Actor, barcode: str, cmd: FeePaid) -> Kit:
    """The service desk records the fee of a replacement offered for one: staff may dispatch it."""
    authorize(actor, KitAction.MANAGE_KITS)
    item = load(actor.tenant, barcode)
    if KitState(item.state) != KitState.ALLOCATED or not item.fee_due:
        raise KitNotReady.on_field("barcode", "no_fee_due", f"no fee is due on the kit {barcode}")
    with unit_of_work(item.tenant_id) as uow:
        changes = item.moved(KitState.ALLOCATED, clock.now(), fee_due=None, fee_reference=cmd.reference)
        uow.update(item, changes, condition=item.is_as_read(), conflict=_changed())
        uow.emit(KitReplacementFeePaid(**_fact(item), reference=cmd.reference))
    return load(item.tenant_id, barcode).view()
