"""The demo's sample logistics and gene reports, built over HTTP as staff, the demo member and the
lab would build them, so `make dev` shows every feature of logistics and records at once:

- two collection points in Bristol (opening hours, services, slots and their capacity), which the
  demo member finds nearest first from the city centre;
- a partner lab with its tenant API key (role lab_operator; its prefix and secret, and the secret
  that signs the manifests sent to it, are written to demo.json and printed), and a batch of kits
  in stock;
- the demo member's gene test with a kit dispatched to them (Royal Mail), waiting to be registered;
- and an earlier gene test of theirs done end to end: its kit registered and collected, reported
  on by the lab (signed with its key: received, processing, report_ready), its report PDF uploaded
  by presigned POST, filed and released, so the member lists and downloads it.
"""

from __future__ import annotations

import json
from typing import Any

from tests.support import builders
from tests.support.builders import eventually, ok
from tests.support.documents import pdf, post_form
from tests.support.transport import Http, signed_headers

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
DEMO_POINTS: tuple[dict[str, Any], ...] = (
    {
        "name": "Harbour Gene Clinic, Harbourside",
        "address": {"line1": "1 Canon's Road", "line2": "Harbourside", "city": "Bristol", "postcode": "BS1 5TX",
                    "country": "GB"},
        "latitude": 51.4505, "longitude": -2.5983, "time_zone": "Europe/London",
        "opening_hours": [*({"day": d, "opens": "08:30", "closes": "17:30"} for d in WEEKDAYS),
                          {"day": "sat", "opens": "09:00", "closes": "13:00"}],
        "contact": {"phone": "+441179000001", "email": "harbourside@harbour-gene.example"},
        "services": ["saliva_sample", "blood_draw", "cheek_swab"], "slot_minutes": 20, "capacity": 3,
    },
    {
        "name": "Harbour Gene Clinic, Clifton",
        "address": {"line1": "24 Princess Victoria Street", "city": "Bristol", "postcode": "BS8 4BU",
                    "country": "GB"},
        "latitude": 51.4560, "longitude": -2.6205, "time_zone": "Europe/London",
        "opening_hours": [*({"day": d, "opens": "10:00", "closes": "18:00"} for d in WEEKDAYS)],
        "contact": {"phone": "+441179000002", "email": "clifton@harbour-gene.example"},
        "services": ["saliva_sample", "cheek_swab"], "slot_minutes": 30, "capacity": 2,
    },
)  # fmt: skip
DEMO_LAB = {
    "name": "Severn Genomics Laboratory",
    "webhook_url": "https://lims.severn-genomics.example/panacea/manifests",
}
KIT_PREFIX, KIT_COUNT = "HG-2026-", 12  # the batch: HG-2026-000001 … HG-2026-000012
DEMOGRAPHICS = {"full_name": "Mei Chen", "birth_date": "1988-06-14", "sex": "female"}
REPORT_LINES = ["Cardio Gene Panel", "Mei Chen", "APOE e3/e3: typical cardiovascular risk", "LDLR: no variant detected"]
REPORT = {
    "test_name": "Cardio Gene Panel",
    "markers_summary": "No pathogenic variant in the panel's 12 genes; APOE e3/e3.",
    "findings": [
        {"marker": "APOE", "result": "e3/e3", "interpretation": "Typical cardiovascular risk"},
        {"marker": "LDLR", "result": "not detected"},
    ],
}


def open_logistics(
    api: Http, *, admin: str, owner: str, tenant_id: str, member: str, shop: dict[str, Any], sandbox: builders.Sandbox
) -> dict[str, Any]:
    """The demo tenant's points, lab, kits, and the demo member's (`member`: their token) two gene
    tests, one with its kit dispatched and one reported; what demo.json says of them."""
    points = [ok(api.request("POST", "/v1/collection-points", as_=owner, body=spec), 201) for spec in DEMO_POINTS]
    lab = register_lab(api, admin, owner, tenant_id)
    barcodes = [f"{KIT_PREFIX}{n:06d}" for n in range(1, KIT_COUNT + 1)]
    csv = "barcode\n" + "".join(f"{b}\n" for b in barcodes)
    ok(api.request("POST", "/v1/kits/batches", as_=owner, body={"csv": csv}), 201)
    gene_test = next(p["sku_id"] for p in shop["products"] if p["kind"] == "gene_test")
    address = builders.address(api, member)
    reported, waiting = paid_gene_tests(api, owner, member, gene_test, address=address, sandbox=sandbox, count=2)
    report = reported_test(api, owner, member, lab, reported, barcode=barcodes[0])
    dispatch(api, owner, waiting, barcodes[1], lab["id"], tracking="RM100000011GB")
    return {
        "collection_points": [{"id": p["id"], "name": p["name"], "map_url": p["map_url"]} for p in points],
        "lab": lab,
        "kits_in_stock": barcodes[2:],
        "member_kit": {"barcode": barcodes[1], "order_id": waiting["order_id"], "state": "dispatched"},
        "member_report": report,
    }


def register_lab(api: Http, admin: str, owner: str, tenant_id: str) -> dict[str, Any]:
    """The lab's API key (issued by the platform admin, role lab_operator) and the lab registered
    with it by the owner: its id, the key's prefix and secret, and its manifests' webhook secret."""
    key = ok(api.request("POST", f"/v1/tenants/{tenant_id}/api-keys", as_=admin,
                         body={"name": DEMO_LAB["name"], "roles": ["lab_operator"]}), 201)  # fmt: skip
    lab = ok(api.request("POST", "/v1/labs", as_=owner, body={**DEMO_LAB, "api_key_id": key["id"]}), 201)
    return {
        "id": lab["id"],
        "name": lab["name"],
        "api_key": {"id": key["id"], "prefix": key["prefix"], "secret": key["secret"]},
        "webhook_url": lab["webhook_url"],
        "webhook_secret": lab["webhook_secret"],
    }


def paid_gene_tests(
    api: Http, owner: str, member: str, sku: str, *, address: str, sandbox: builders.Sandbox, count: int
) -> list[dict[str, Any]]:
    """The member buys the gene test in `count` orders and pays each in the sandbox; the tests once
    logistics knows them all (from `order.paid`), in the orders' order."""
    order_ids = []
    for _ in range(count):
        placed = ok(builders.checkout(api, member, [{"sku_id": sku, "quantity": 1}], address_id=address), 201)
        builders.pay(api, owner, placed, sandbox)
        order_ids.append(placed["order"]["id"])

    def known() -> list[dict[str, Any]] | None:
        tests = {t["order_id"]: t for t in ok(api.request("GET", "/v1/me/gene-tests", as_=member), 200)}
        return [tests[o] for o in order_ids] if all(o in tests for o in order_ids) else None

    found: list[dict[str, Any]] = eventually(
        known, timeout_s=30, every_s=0.25, what="logistics never heard the orders paid"
    )
    return found


def dispatch(api: Http, owner: str, test: dict[str, Any], barcode: str, lab_id: str, *, tracking: str) -> None:
    body = {"order_id": test["order_id"], "line_no": test["line_no"], "barcode": barcode, "lab_id": lab_id,
            "carrier": "Royal Mail", "tracking_number": tracking}  # fmt: skip
    ok(api.request("POST", "/v1/kits/dispatches", as_=owner, body=body), 200)


def lab_reports(api: Http, lab: dict[str, Any], barcode: str, kind: str, **fields: Any) -> dict[str, Any]:
    """The lab's signed call about a kit (`kind`: received, processing, report_ready, …)."""
    raw = json.dumps({"event_id": f"demo-{barcode}-{kind}", "type": kind, "barcode": barcode, **fields}).encode()
    headers = signed_headers(lab["api_key"], "POST", "/v1/lab/events", body=raw)
    return dict(ok(api.request("POST", "/v1/lab/events", raw_body=raw, headers=headers), 200))


def reported_test(
    api: Http, owner: str, member: str, lab: dict[str, Any], test: dict[str, Any], *, barcode: str
) -> dict[str, Any]:
    """The test's kit sent, registered and collected by the member, reported on by the lab, and its
    report uploaded, filed for the order's gene-test line and released; the report's id and kit."""
    dispatch(api, owner, test, barcode, lab["id"], tracking="RM100000008GB")
    ok(api.request("POST", "/v1/me/kits", as_=member, body={"barcode": barcode, "demographics": DEMOGRAPHICS}), 200)
    ok(api.request("POST", f"/v1/kits/{barcode}/collection", as_=member, body={}), 200)
    for kind in ("received", "processing", "report_ready"):
        lab_reports(api, lab, barcode, kind)
    form = ok(api.request("POST", "/v1/reports/uploads", as_=owner, body={"content_type": "application/pdf"}), 200)
    assert post_form(form["url"], form["fields"], pdf(REPORT_LINES)) < 300, "the bucket refused the report"
    order = builders.order(api, owner, test["order_id"])
    group = next(g["id"] for g in order["groups"] if g["kind"] == "gene_test")
    body = {**REPORT, "file_key": form["key"], "member_id": order["member_id"], "order_id": order["id"],
            "line_id": group}  # fmt: skip
    filed = ok(api.request("POST", "/v1/reports", as_=owner, body=body), 201)
    ok(api.request("POST", f"/v1/reports/{filed['id']}/release", as_=owner), 200)
    return {"id": filed["id"], "order_id": order["id"], "kit": barcode, "test_name": REPORT["test_name"]}
