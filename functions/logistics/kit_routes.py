"""Kits' and labs' HTTP routes, as a Powertools `Router` that the context's API function
(functions/logistics/api.py) includes.

Members: their kits, and the kit sent to them registered by its barcode; the sample collected and
sent back. Staff: barcode batches imported (a list or CSV), a kit dispatched for a gene-test line,
registered for a member, any kit read or moved on, the person's details fixed, a kit replaced by hand
(the tenant's policy) and a replacement's fee recorded as paid. Owners and admins:
labs registered. Staff and the lab: a lab's manifest as CSV. The lab's own calls are webhooks'."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.logistics import kits, labs, replacements
from panacea.logistics.kit_access import KitAction
from panacea.logistics.kit_models import (
    Collection,
    Demographics,
    Kit,
    KitBatch,
    KitDispatch,
    KitImport,
    KitRegistration,
    KitRegistrationFor,
    KitState,
    ReturnShipment,
)
from panacea.logistics.lab_models import LabView, NewLab, NewLabView
from panacea.logistics.replacement_models import FeePaid, ReplacementRequest
from panacea.platform.access import requires
from panacea.platform.api import IdempotencyKey, created, current_actor, idempotent

router = Router()  # type: ignore[no-untyped-call]

MINE, STAFF, LABS = "My kits", "Kits", "Labs"
USE, MANAGE = requires(KitAction.USE_KITS), requires(KitAction.MANAGE_KITS)
MANAGE_LABS, READ_MANIFEST = requires(KitAction.MANAGE_LABS), requires(KitAction.READ_MANIFEST)
EITHER = f"{USE} (on your own kit), or {MANAGE}"


# --- members ---------------------------------------------------------------------------------------


@router.get("/v1/me/kits", summary="Your kits", description=USE, tags=[MINE])
def my_kits() -> list[Kit]:
    return kits.mine(current_actor())


@router.post(
    "/v1/me/kits",
    summary="Register the kit sent to you, by its barcode",
    description=f"{USE} Once per barcode; only the member whose order the kit was sent for.",
    tags=[MINE],
)
def register_kit(registration: KitRegistration) -> Kit:
    return kits.register(current_actor(), registration)


@router.post(
    "/v1/kits/<barcode>/collection", summary="The sample was collected", description=EITHER, tags=[MINE, STAFF]
)
def collect_sample(barcode: str, collection: Collection) -> Kit:
    return kits.collect(current_actor(), barcode, collection)


@router.post(
    "/v1/kits/<barcode>/return",
    summary="The sample was sent back to the lab",
    description=f"{EITHER} The lab is sent the sample's manifest.",
    tags=[MINE, STAFF],
)
def send_sample_back(barcode: str, shipment: ReturnShipment) -> Kit:
    return kits.send_back(current_actor(), barcode, shipment)


@router.put(
    "/v1/kits/<barcode>/demographics",
    summary="Correct the person's details on a kit",
    description=f"{EITHER} On a sample the lab blocked, this is the fix it waits for.",
    tags=[MINE, STAFF],
)
def fix_demographics(barcode: str, demographics: Demographics) -> Kit:
    return kits.fix_demographics(current_actor(), barcode, demographics)


# --- staff -----------------------------------------------------------------------------------------


@router.post(
    "/v1/kits/batches",
    summary="Import a batch of kit barcodes",
    description=f"{MANAGE} A list, or CSV with a `barcode` column; all or nothing, bad rows named by line. "
    "Send an `Idempotency-Key`.",
    tags=[STAFF],
    status_code=201,
)
def import_kits(batch: KitImport, idempotency_key: IdempotencyKey = None) -> Response[KitBatch]:
    actor = current_actor()
    made = idempotent(
        actor, "logistics.import_kits", batch, KitBatch, lambda: kits.import_batch(actor, batch), key=idempotency_key
    )
    return created(made, f"/v1/kits/{made.barcodes[0]}")


@router.post(
    "/v1/kits/dispatches",
    summary="Dispatch a kit for a gene-test line",
    description=f"{MANAGE} A kit in stock goes to the member of a paid order's gene-test line, one kit per test.",
    tags=[STAFF],
)
def dispatch_kit(dispatch: KitDispatch) -> Kit:
    return kits.dispatch(current_actor(), dispatch)


@router.get("/v1/kits/<barcode>", summary="A kit", description=EITHER, tags=[STAFF])
def get_kit(barcode: str) -> Kit:
    return kits.get(current_actor(), barcode)


@router.post(
    "/v1/kits/<barcode>/registration",
    summary="Register a kit for a member",
    description=f"{MANAGE} A kit sent to them, or one from the clinic's stock for their paid gene-test line.",
    tags=[STAFF],
)
def register_kit_for(barcode: str, registration: KitRegistrationFor) -> Kit:
    return kits.register_for(current_actor(), barcode, registration)


@router.post(
    "/v1/kits/<barcode>/replacement",
    summary="Replace a kit by hand",
    description=f"{MANAGE} A kit lost or damaged before it reached the lab (it is cancelled), or a failed one: "
    "the next kit in stock is set aside for the same line, linked to it, under the tenant's replacement policy "
    "(a cap per line; not free: the member is offered it for a fee). Answers the new kit; dispatch it next.",
    tags=[STAFF],
    status_code=201,
)
def replace_kit(barcode: str, request: ReplacementRequest) -> Response[Kit]:
    made = replacements.request_replacement(current_actor(), barcode, request)
    return created(made, f"/v1/kits/{made.barcode}")


@router.post(
    "/v1/kits/<barcode>/replacement-fee",
    summary="Record a replacement's fee as paid",
    description=f"{MANAGE} On a replacement kit offered for a fee: it may be dispatched from now.",
    tags=[STAFF],
)
def replacement_fee_paid(barcode: str, payment: FeePaid) -> Kit:
    return replacements.fee_paid(current_actor(), barcode, payment)


# --- labs ------------------------------------------------------------------------------------------


@router.post(
    "/v1/labs",
    summary="Register a partner lab",
    description=f"{MANAGE_LABS} The answer carries the secret that signs its manifests, this once.",
    tags=[LABS],
    status_code=201,
)
def register_lab(lab: NewLab) -> Response[NewLabView]:
    made = labs.register(current_actor(), lab)
    return created(made, f"/v1/labs/{made.id}")


@router.get("/v1/labs", summary="The tenant's labs", description=MANAGE_LABS, tags=[LABS])
def list_labs() -> list[LabView]:
    return labs.listed(current_actor())


@router.get(
    "/v1/labs/<lab_id>/manifest",
    summary="A lab's manifest, as CSV",
    description=f"{READ_MANIFEST} Its kits in one state (in transit unless told); a lab reads only its own.",
    tags=[LABS],
    responses={200: {"description": "the manifest", "content": {"text/csv": {"schema": {"type": "string"}}}}},
)
def lab_manifest(
    lab_id: str, state: Annotated[KitState, Query(description="the kits' state")] = KitState.IN_TRANSIT
) -> Response[str]:
    content = labs.manifest_csv(current_actor(), lab_id, state)  # text: API Gateway passes it as it is
    disposition = f'attachment; filename="manifest-{state.value}.csv"'
    return Response(200, "text/csv; charset=utf-8", content.decode(), headers={"Content-Disposition": disposition})
