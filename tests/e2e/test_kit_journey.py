"""A mail-in kit on `make dev`'s platform, over HTTP as the apps and the lab would send it: a member
buys a gene test; staff dispatch a kit from a batch they imported; the member registers its barcode
(without their birth date), collects the sample and sends it back, and the lab's LIMS (a loopback
endpoint here) gets the signed manifest; the lab, signing each call with its API key as the
authorizer checks it (`PNC-HMAC-SHA256`), receives the sample and blocks it for the missing birth
date; the member adds it; the lab processes the sample and reports it ready; staff upload the report
PDF by presigned POST and release it; the member downloads it by a presigned GET, and the audit
trail shows their read.

Each step is a helper named for it, so the journey reads as the issue tells it. Two steps arrive
with the sample-logistics workflow (see `replacement_kit_dispatched` and the order's completion).
"""

from __future__ import annotations

import json
import threading
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from panacea.platform import clock, signed_posts
from tests.e2e.conftest import Client, ok, paid_gene_test, until
from tests.support import builders
from tests.support.builders import eventually
from tests.support.documents import pdf, post_form
from tests.support.transport import signed_headers

pytestmark = pytest.mark.slow

NAME_ONLY = {"full_name": "Mei Chen", "sex": "female"}  # what the member first gives: no birth date
DEMOGRAPHICS = {**NAME_ONLY, "birth_date": "1988-06-14"}
APOE = {"marker": "APOE", "result": "e3/e4", "interpretation": "Raised cardiovascular risk"}
REPORT_LINES = ["Cardio Gene Panel", "APOE e3/e4: raised cardiovascular risk", "LDLR: no variant detected"]


# --- the lab: its LIMS on loopback, its key, its signed calls ---------------------------------------


class _Lims(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.received.append((dict(self.headers.items()), body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def lims() -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    """The lab's LIMS on loopback: the URL it takes manifests at, and what it received."""
    received: list[tuple[dict[str, str], bytes]] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Lims", (_Lims,), {"received": received}))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/panacea/manifests", received
    finally:
        server.shutdown()
        server.server_close()


def lab_registered(client: Client, owner: str, webhook_url: str) -> dict[str, Any]:
    """A lab with an API key of its own (issued by the platform admin, role lab_operator), registered
    by the owner to take manifests at `webhook_url`: its id, its key, and its manifests' secret."""
    admin = client.demo["platform_admin"]
    platform = client.token(admin["username"], admin["password"])
    key = ok(client.request("POST", f"/v1/tenants/{client.store_id}/api-keys", token=platform,
                            body={"name": f"LIMS {uuid.uuid4().hex[:6]}", "roles": ["lab_operator"]}))  # fmt: skip
    lab = {"name": "Avon Sequencing", "api_key_id": key["id"], "webhook_url": webhook_url}
    registered = ok(client.request("POST", "/v1/labs", token=owner, body=lab))
    return {**registered, "key": {"prefix": key["prefix"], "secret": key["secret"]}}


def lab_says(client: Client, lab: dict[str, Any], barcode: str, kind: str, **fields: Any) -> dict[str, Any]:
    """The lab's call about a sample (`kind`: received, processing_blocked, …), signed with its key."""
    raw = json.dumps({"event_id": f"lims-{uuid.uuid4().hex}", "type": kind, "barcode": barcode, **fields}).encode()
    headers = signed_headers(lab["key"], "POST", "/v1/lab/events", body=raw)
    answer = ok(client.request("POST", "/v1/lab/events", raw=raw, headers=headers))
    assert answer["outcome"] == "applied", answer
    return dict(answer["kit"])


# --- staff and the member ----------------------------------------------------------------------------


def kits_imported(client: Client, owner: str, count: int) -> list[str]:
    """A batch of fresh barcodes imported as CSV: the barcodes."""
    stamp = uuid.uuid4().hex[:8].upper()
    barcodes = [f"E2E-{stamp}-{n:03d}" for n in range(1, count + 1)]
    batch = ok(client.request("POST", "/v1/kits/batches", token=owner, body={"csv": "\n".join(["barcode", *barcodes])}))
    assert batch["imported"] == count, batch
    return barcodes


def kit_dispatched(client: Client, owner: str, test: dict[str, Any], barcode: str, lab_id: str) -> dict[str, Any]:
    """Staff send the kit to the member for their gene test, by Royal Mail."""
    body = {"order_id": test["order_id"], "line_no": test["line_no"], "barcode": barcode, "lab_id": lab_id,
            "carrier": "Royal Mail", "tracking_number": f"RM{uuid.uuid4().int % 10**9:09d}GB"}  # fmt: skip
    return dict(ok(client.request("POST", "/v1/kits/dispatches", token=owner, body=body)))


def replacement_kit_dispatched(client: Client, owner: str, failed: str, lab_id: str) -> str:
    """After a sample_error the platform names a replacement kit for the line (`replaced_by`), and
    staff dispatch it: its barcode. (Comes with the replacement policy of the sample-logistics work.)"""
    kit = eventually(
        lambda: (k := ok(client.request("GET", f"/v1/kits/{failed}", token=owner))).get("replaced_by") and k,
        timeout_s=30, every_s=0.25, what=f"kit {failed} was never replaced",
    )  # fmt: skip
    test = {"order_id": kit["order_id"], "line_no": kit["line_no"]}
    assert kit_dispatched(client, owner, test, kit["replaced_by"], lab_id)["state"] == "dispatched"
    return str(kit["replaced_by"])


def kit_registered(client: Client, member: str, barcode: str, demographics: dict[str, str]) -> dict[str, Any]:
    body = {"barcode": barcode, "demographics": demographics}
    return dict(ok(client.request("POST", "/v1/me/kits", token=member, body=body)))


def sample_goes_to_the_lab(client: Client, member: str, barcode: str, lab: dict[str, Any]) -> dict[str, Any]:
    """The member collects the sample and posts it back; the lab's LIMS gets its manifest, signed
    with the lab's webhook secret, and the lab says it received the sample. The manifest."""
    manifests: list[tuple[dict[str, str], bytes]] = lab["manifests"]
    ok(client.request("POST", f"/v1/kits/{barcode}/collection", token=member, body={}))
    back = {"carrier": "Royal Mail", "tracking_number": f"RM{uuid.uuid4().int % 10**9:09d}GB"}
    assert ok(client.request("POST", f"/v1/kits/{barcode}/return", token=member, body=back))["state"] == "in_transit"

    def arrived() -> dict[str, Any] | None:
        for headers, body in list(manifests):
            manifest = json.loads(body)
            if manifest["barcode"] == barcode:
                signature = next(v for k, v in headers.items() if k.lower() == signed_posts.HEADER.lower())
                signed_posts.verify(signature, body, lab["webhook_secret"], now=clock.epoch_seconds())
                return dict(manifest)
        return None

    manifest: dict[str, Any] = eventually(arrived, timeout_s=30, every_s=0.25, what=f"no manifest of {barcode}")
    assert lab_says(client, lab, barcode, "received")["state"] == "received"
    return manifest


def details_fixed(client: Client, member: str, barcode: str, demographics: dict[str, str]) -> dict[str, Any]:
    return dict(ok(client.request("PUT", f"/v1/kits/{barcode}/demographics", token=member, body=demographics)))


def report_released(client: Client, owner: str, test: dict[str, Any], content: bytes) -> dict[str, Any]:
    """Staff upload the report's PDF by presigned POST, file it for the order's gene-test line and
    release it: the released report."""
    form = ok(client.request("POST", "/v1/reports/uploads", token=owner, body={"content_type": "application/pdf"}))
    assert post_form(form["url"], form["fields"], content) < 300, "the bucket refused the report"
    order = ok(client.request("GET", test["path"], token=owner))
    line = next(g["id"] for g in order["groups"] if g["kind"] == "gene_test")
    body = {"file_key": form["key"], "member_id": order["member_id"], "order_id": order["id"], "line_id": line,
            "test_name": "Cardio Gene Panel", "markers_summary": "APOE e3/e4.", "findings": [APOE]}  # fmt: skip
    filed = ok(client.request("POST", "/v1/reports", token=owner, body=body))
    assert filed["state"] == "draft", filed
    return dict(ok(client.request("POST", f"/v1/reports/{filed['id']}/release", token=owner)))


def downloaded(client: Client, member: str, report_id: str) -> bytes:
    """The member's report PDF, fetched by the short-lived presigned GET the platform hands out."""
    link = ok(client.request("GET", f"/v1/me/reports/{report_id}/download", token=member))
    with urllib.request.urlopen(link["url"], timeout=30) as answer:
        return bytes(answer.read())


def reads_in_audit_trail(client: Client, owner: str, member_id: str, report_id: str) -> list[tuple[str, str]]:
    """Who read the report and how, as the owner reads the audit trail about the member."""
    trail = ok(client.request("GET", f"/v1/audit?user_id={member_id}&limit=100", token=owner))["items"]
    reads = [e for e in trail if e["action"] == "record.read" and e["detail"]["record_id"] == report_id]
    return sorted((e["actor_id"], e["detail"]["how"]) for e in reads)


# --- the journeys ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lab(client: Client, owner_token: str) -> Iterator[dict[str, Any]]:
    """A lab of the demo tenant with its own key, whose LIMS (on loopback) takes its manifests
    (`manifests`: what it received) for as long as the module's journeys run."""
    with lims() as (url, manifests):
        yield {**lab_registered(client, owner_token, url), "manifests": manifests}


def test_a_kit_goes_to_the_member_and_the_lab_and_its_report_comes_back(
    client: Client, owner_token: str, lab: dict[str, Any]
):
    # Given a member who bought and paid for a gene test, kits in stock, and a lab with its key and LIMS
    slug = client.demo["demo_tenant"]["slug"]
    buyer = builders.member(client.http, slug)
    test = paid_gene_test(client, owner_token, buyer.token)
    kit = kits_imported(client, owner_token, 2)[0]  # the second replaces it
    # When staff dispatch a kit for the test, and the member registers its barcode without a birth date
    dispatched = kit_dispatched(client, owner_token, test, kit, lab["id"])
    assert (dispatched["state"], dispatched["member_id"]) == ("dispatched", buyer.user_id)
    registered = kit_registered(client, buyer.token, kit, NAME_ONLY)
    assert registered["status"] == "collecting_sample.testkit.with_customer"
    # And they collect the sample and send it back
    manifest = sample_goes_to_the_lab(client, buyer.token, kit, lab)
    # Then the lab got its signed manifest, and the kit is received
    assert (manifest["order_id"], manifest["demographics"]) == (test["order_id"], NAME_ONLY)
    # When the lab blocks the sample for the missing birth date
    blocked = lab_says(client, lab, kit, "processing_blocked", reason_code="missing_birth_date")
    # Then the member's kit says so
    (mine,) = [k for k in ok(client.request("GET", "/v1/me/kits", token=buyer.token)) if k["barcode"] == kit]
    assert blocked["state"] == "processing_blocked"
    assert (mine["state"], mine["reason_code"]) == ("processing_blocked", "missing_birth_date")
    # When the member adds their birth date
    fixed = details_fixed(client, buyer.token, kit, DEMOGRAPHICS)
    # Then the kit carries it, still blocked until the lab moves on
    assert (fixed["state"], fixed["demographics"]["birth_date"]) == ("processing_blocked", "1988-06-14")
    # When the lab finds the sample unusable, a replacement kit goes out, is registered and reaches the lab
    assert lab_says(client, lab, kit, "sample_error", reason_code="insufficient_dna")["state"] == "sample_error"
    kit = replacement_kit_dispatched(client, owner_token, kit, lab["id"])
    kit_registered(client, buyer.token, kit, DEMOGRAPHICS)
    sample_goes_to_the_lab(client, buyer.token, kit, lab)
    # When the lab processes the sample and reports it ready
    assert lab_says(client, lab, kit, "processing")["state"] == "processing"
    ready = lab_says(client, lab, kit, "report_ready")
    assert (ready["state"], ready["status"]) == ("report_ready", "completed.testkit.completed")
    # And staff upload the report's PDF and release it
    content = pdf(REPORT_LINES)
    report = report_released(client, owner_token, test, content)
    assert report["state"] == "released"
    # And the order, its gene test reported, completes
    assert until(client, test["path"], buyer.token, "completed")["state"] == "completed"
    # Then the member finds it, reads it and downloads the very PDF
    listed = ok(client.request("GET", "/v1/me/reports", token=buyer.token))["items"]
    assert [r["id"] for r in listed] == [report["id"]]
    seen = ok(client.request("GET", f"/v1/me/reports/{report['id']}", token=buyer.token))
    assert seen["findings"][0]["result"] == "e3/e4"
    assert downloaded(client, buyer.token, report["id"]) == content
    # And the audit trail shows both of their reads
    assert reads_in_audit_trail(client, owner_token, buyer.user_id, report["id"]) == [
        (buyer.user_id, "download"),
        (buyer.user_id, "view"),
    ]


def test_the_demo_member_has_a_kit_on_its_way_and_a_released_report(client: Client, owner_token: str):
    # Given the demo member, signed in, and the demo lab
    demo = client.demo["demo_tenant"]
    logistics = demo["logistics"]
    credentials = {"tenant": demo["slug"], **demo["member"]}
    member = ok(client.request("POST", "/v1/auth/sign-in", body=credentials))["id_token"]
    # When they look at their kits and reports
    kits = {k["barcode"]: k for k in ok(client.request("GET", "/v1/me/kits", token=member))}
    reports = ok(client.request("GET", "/v1/me/reports", token=member))["items"]
    # Then the kit sent to them is on its way, the earlier one is done, and its report is theirs to read
    assert kits[logistics["member_kit"]["barcode"]]["state"] == "dispatched"
    assert kits[logistics["member_report"]["kit"]]["state"] == "report_ready"
    assert [r["id"] for r in reports] == [logistics["member_report"]["id"]]
    assert downloaded(client, member, reports[0]["id"]).startswith(b"%PDF-")
    # And the demo lab's key still signs its calls: a repeated call is acknowledged and changes nothing
    lab = {**logistics["lab"], "key": logistics["lab"]["api_key"]}
    kit = logistics["member_report"]["kit"]
    raw = json.dumps({"event_id": f"demo-{kit}-report_ready", "type": "report_ready", "barcode": kit}).encode()
    headers = signed_headers(lab["key"], "POST", "/v1/lab/events", body=raw)
    again = ok(client.request("POST", "/v1/lab/events", raw=raw, headers=headers))
    assert (again["outcome"], again["kit"]["state"]) == ("duplicate", "report_ready")
    # And the staff see the demo's kits in stock
    assert ok(client.request("GET", f"/v1/kits/{logistics['kits_in_stock'][0]}", token=owner_token))["state"] == (
        "in_stock"
    )
