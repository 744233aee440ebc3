"""Labs: staff register the tenant's partner labs; the platform sends a lab a signed manifest
webhook when a sample is on its way (`sample.in_transit`), and staff or the lab export the
manifest of its kits in one state as CSV."""

from __future__ import annotations

import csv
import io
import json
import secrets

from panacea.logistics.kit_access import KitAction
from panacea.logistics.kit_items import KitItem, LabItem, LabKeyItem, kits_of_lab
from panacea.logistics.kit_models import KitState
from panacea.logistics.kits import LabNotFound, load
from panacea.logistics.lab_models import LabRegistered, LabView, ManifestSent, NewLab, NewLabView
from panacea.platform import clock, sealing, signed_posts
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError, Forbidden, NotFound
from panacea.platform.ids import is_id, new_id
from panacea.platform.transaction import unit_of_work

API_KEY_USER = "apikey:"  # how the authorizer names a partner system (panacea.identity.credentials)
MANIFEST_COLUMNS = ["barcode", "state", "member_id", "order_id", "line_no", "full_name", "birth_date", "sex",
                    "collected_at", "return_carrier", "return_tracking"]  # fmt: skip


def _sealed_for(tenant_id: str, lab_id: str) -> list[str]:
    return ["lab-webhook-secret", tenant_id, lab_id]


def register(actor: Actor, cmd: NewLab) -> NewLabView:
    """A partner lab, signing its calls with the tenant API key `api_key_id` (one lab per key)."""
    authorize(actor, KitAction.MANAGE_LABS)
    tenant_id = actor.tenant
    if not is_id(cmd.api_key_id):
        raise NotFound(f"no API key {cmd.api_key_id}", field="api_key_id")
    lab_id, secret = new_id(), f"whsec_{secrets.token_urlsafe(32)}"
    sealed = sealing.seal(secret, context=_sealed_for(tenant_id, lab_id))
    item = LabItem.new(
        tenant_id, lab_id, name=cmd.name, api_key_id=cmd.api_key_id, webhook_url=cmd.webhook_url,
        sealed_secret=sealed, at=clock.now(),
    )  # fmt: skip
    with unit_of_work(tenant_id) as uow:
        uow.create(item, conflict=Conflict("this lab exists"))
        taken = Conflict.on_field("api_key_id", "taken", "another lab signs with this API key")
        uow.create(LabKeyItem.new(tenant_id, cmd.api_key_id, lab_id), conflict=taken)
        uow.emit(LabRegistered(lab_id=lab_id, name=cmd.name))
    return NewLabView(**item.view().model_dump(), webhook_secret=secret)


def listed(actor: Actor) -> list[LabView]:
    authorize(actor, KitAction.MANAGE_LABS)
    return [item.view() for item in LabItem.every(actor.tenant)]


def calling_lab(actor: Actor) -> str:
    """The lab whose API key signed this call (Forbidden for any other caller)."""
    authorize(actor, KitAction.REPORT_SAMPLES)
    lab_id = None
    if actor.via == "api_key" and actor.user_id.startswith(API_KEY_USER):
        lab_id = LabKeyItem.lab_of(actor.tenant, actor.user_id.removeprefix(API_KEY_USER))
    if lab_id is None:
        not_a_lab = [FieldError("header.Authorization", "not_a_lab")]
        raise Forbidden("only a lab's own API key reports on its samples", errors=not_a_lab)
    return lab_id


def manifest_csv(actor: Actor, lab_id: str, state: KitState) -> bytes:
    """The lab's kits in `state` (in transit by default) as CSV; a lab reads only its own."""
    authorize(actor, KitAction.READ_MANIFEST)
    if not actor.can(KitAction.MANAGE_KITS) and calling_lab(actor) != lab_id:
        raise LabNotFound(f"no lab {lab_id}", field="lab_id")
    if not is_id(lab_id) or LabItem.read(actor.tenant, lab_id) is None:
        raise LabNotFound(f"no lab {lab_id}", field="lab_id")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MANIFEST_COLUMNS)
    for kit in sorted((item.view() for item in kits_of_lab(actor.tenant, lab_id, state)), key=lambda k: k.barcode):
        row = {**kit.model_dump(mode="json"), **(kit.demographics or {})}
        writer.writerow(["" if row.get(name) is None else row[name] for name in MANIFEST_COLUMNS])
    return out.getvalue().encode()


def manifest_of(item: KitItem) -> dict[str, object]:
    """What the lab is told of a sample on its way."""
    kit = item.view()
    return {
        "type": "sample.in_transit",
        "barcode": kit.barcode,
        "order_id": kit.order_id,
        "line_no": kit.line_no,
        "demographics": kit.demographics or {},
        "collected_at": kit.collected_at.isoformat() if kit.collected_at else None,
        "carrier": kit.return_carrier,
        "tracking_number": kit.return_tracking,
    }


def send_manifest(tenant_id: str, barcode: str) -> int:
    """Post the sample's manifest to its lab, signed with the lab's secret; the lab's HTTP status
    (0: no answer), announced as `lab.manifest_sent`. A status that is no 2xx raises, so the
    consumer's queue delivers the event again."""
    item = load(tenant_id, barcode)
    lab = LabItem.read(tenant_id, item.lab_id or "") if item.lab_id else None
    if lab is None:
        return 0
    secret = sealing.unseal(lab.sealed_secret, context=_sealed_for(tenant_id, lab.lab_id))
    body = json.dumps(manifest_of(item), separators=(",", ":"), sort_keys=True).encode()
    status = signed_posts.post(lab.webhook_url, body, secret=secret, timestamp=clock.epoch_seconds())
    if not 200 <= status < 300:
        raise ManifestNotTaken(f"the lab answered {status}")
    with unit_of_work(tenant_id) as uow:
        uow.emit(ManifestSent(lab_id=lab.lab_id, barcode=barcode, status=status))
    return status


class ManifestNotTaken(RuntimeError):
    """The lab did not take the manifest: delivered again by the queue."""
