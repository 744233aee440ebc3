"""The labs' inbound calls: `POST /v1/lab/events`, its own function (as payments' Stripe webhook
is). A lab signs each with its tenant API key (`PNC-HMAC-SHA256`: the authorizer verifies the signature,
its age and that it was never used before, before the route runs); the key names the lab."""

from __future__ import annotations

from panacea.logistics import lab_events
from panacea.logistics.kit_access import KitAction
from panacea.logistics.lab_models import LabCall, LabCallAnswer
from panacea.platform.access import requires
from panacea.platform.api import build_resolver, current_actor, lambda_entry

app = build_resolver()


@app.post(
    "/v1/lab/events",
    summary="A lab reports on a sample",
    description=f"{requires(KitAction.REPORT_SAMPLES)} Signed with the lab's API key. received, "
    "processing_blocked (with a reason code), sample_error (with a reason code), processing, report_ready. "
    "A duplicate event id, an event the sample has gone past or a type unknown here is acknowledged "
    "(`outcome`) and changes nothing.",
    tags=["Labs"],
)
def lab_event(call: LabCall) -> LabCallAnswer:
    return lab_events.receive(current_actor(), call)


handler = lambda_entry(app)
