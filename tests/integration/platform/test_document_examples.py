"""Every body the document shows comes with a whole-body example that validates against its schema:
requests (their models' examples), success answers (recorded from a tenant's life into
functions/platform/examples.json by `make examples`) and problems (one per error status). A recorded
answer that no longer fits its schema, or that answers an operation the document no longer has,
fails here: run `make examples` (or `make examples ALL=1`) and commit what it writes.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from functions.platform import docs, examples, problems
from tests.integration.platform import contract, document_examples
from tests.integration.platform.stand_ins import StandIns


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return contract.document()


def test_every_request_and_answer_body_has_an_example_that_validates(document: dict[str, Any]):
    # Given every body the document shows: requests, success answers and problems
    shown = list(document_examples.bodies(document))
    # Then each has a whole-body example, and every example validates against the body's schema
    assert len(shown) > 900
    assert document_examples.faults(document) == {}


def test_requests_show_their_models_examples_and_problems_one_of_their_status(document: dict[str, Any]):
    # Given the bodies of requests and of problems
    shown = list(document_examples.bodies(document))
    requests = [b for b in shown if b.status is None]
    failures = [b for b in shown if b.status and not b.status.startswith("2")]
    # Then a request shows its model's own examples, and a problem is one of the status it is shown for
    assert requests
    assert all(document_examples.schema_examples(b, document) for b in requests)
    assert not any(document_examples.media_examples(b, document) for b in requests)
    assert all(document_examples.examples(b, document)[0]["status"] == int(str(b.status)) for b in failures)


def test_every_recorded_answer_answers_a_documented_body(document: dict[str, Any]):
    # Given the answers recorded for the document
    documented = {(b.operation_id, b.status, b.kind) for b in document_examples.bodies(document)}
    recorded = {key for key, _ in document_examples.recorded_bodies(examples.recorded())}
    # Then each still answers an operation, status and media type the document has
    assert sorted(recorded - documented) == []


def test_a_recorded_answer_that_no_longer_fits_its_schema_is_found(document: dict[str, Any]):
    # Given the document with one recorded answer changed as a schema change would leave it behind:
    # a field it no longer has, and a required one it lacks
    drifted = copy.deepcopy(document)
    answer = drifted["paths"]["/v1/orders"]["post"]["responses"]["201"]["content"]["application/json"]
    order = answer["examples"]["recorded"]["value"]["order"]
    order["colour"] = "blue"
    del order["state"]
    # When its examples are checked, Then that answer is named, with both faults
    faults = document_examples.faults(drifted)
    assert list(faults) == ["orders.place 201 application/json"]
    assert any("'colour' was unexpected" in fault for fault in faults["orders.place 201 application/json"])
    assert any("'state' is a required property" in fault for fault in faults["orders.place 201 application/json"])


def test_a_body_without_an_example_is_found(document: dict[str, Any]):
    # Given the document as it would be without the recorded answers
    bare = copy.deepcopy(document)
    for body in document_examples.bodies(bare):
        if body.recorded:
            del body.media["examples"]
    # Then every success answer with a JSON body is named as lacking one
    faults = document_examples.faults(bare)
    assert "orders.place 201 application/json" in faults
    assert len(faults) == sum(len(by_status) for by_status in examples.recorded().values())


def test_each_problem_example_is_a_problem_type_of_its_status():
    # Given the problem types the platform answers with (every context's routes loaded)
    docs.document()
    known = {f"/errors/{p.slug}": p.status for p in problems.collected()}
    # Then each problem example is one of them, of the status it is shown for
    shown = {body["type"]: body["status"] for body in examples.PROBLEMS.values()}
    assert {kind: known.get(kind) for kind in shown} == shown


def test_a_recorded_answer_publishes_stand_ins_that_still_agree():
    # Given two answers as the life recorded them: one names the other's order, with real-looking secrets
    order, placed = "01KBX6Q2R8M4N5P6Q7R8S9T0VW", "2026-12-03T10:01:33.996645Z"
    answers = {
        ("orders.start_payment", "200", "application/json"): {
            "order_id": order,
            "client_secret": "pi_dc87d4ad5fe09a98ac261502_secret_IGZasTi7-NUXklRPwGIf",
            "at": "2026-12-03T10:01:35Z",
        },
        ("orders.get_order", "200", "application/json"): {
            "id": order,
            "created_at": placed,
            "refresh_token": "515d63cf-c895-4394-9fd9-0219511802ce",
            "phone": "+447400431034",
        },
    }
    # When stand-ins replace what must not be published
    got, payment = StandIns().applied(answers).values()  # in the order of their keys
    # Then the ids still agree, the first instant is the base and the next keeps its distance,
    # and the secrets, tokens and mobiles are plainly fake
    assert got["id"] == payment["order_id"] != order
    assert (got["created_at"], payment["at"]) == ("2026-11-23T09:30:00.000000Z", "2026-11-23T09:30:01Z")
    assert payment["client_secret"] == "pi_000000000000000000000002_secret_example"
    assert (got["refresh_token"], got["phone"]) == ("example-refresh-token", "+447700900001")
