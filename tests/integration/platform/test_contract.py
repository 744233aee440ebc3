"""The document is the contract: every route is driven to real answers (a tenant's whole life:
`tenant_life.py`), every answer is checked against the merged OpenAPI document (status, media type,
schema, and no field the document does not name), and every documented operation must have
answered with success.
"""

from __future__ import annotations

from infra.local.runtime import STRIPE_WEBHOOK_PATH
from tests.integration.platform import contract
from tests.integration.platform.tenant_life import Life


def test_every_answer_is_what_the_document_says(life: Life):
    # Given every answer of a tenant's life, problems included
    recorded = life.api.seen
    # Then each is documented by its operation: its status, its media type and its body's schema
    wrong = {f"{s.method} {s.sent_to} → {s.answer.status}": v for s in recorded if (v := contract.violations(s))}
    assert wrong == {}


def test_every_documented_operation_answered_with_success(life: Life):
    # Given the operations the document promises success answers for, and a tenant's life
    recorded = life.api.seen
    promised = {op for op, operation in contract.operations().items() if contract.successes(operation)}
    # Then each of them gave one, of a documented success status
    documented = contract.operations()
    answered = {
        s.operation
        for s in recorded
        if str(s.answer.status) in contract.successes(documented.get(s.operation, {"responses": {}}))
    }
    assert sorted(promised - answered) == []


def test_the_codes_batch_answers_each_media_type_it_documents(life: Life):
    # Given the answers to issuing a batch of codes
    batches = [s for s in life.api.seen if s.operation == ("POST", "/v1/promotions/{promotion_id}/codes")]
    # Then JSON by default and CSV when asked for, both documented
    kinds = {contract.media_type(s.answer) for s in batches}
    assert kinds == {"application/json", "text/csv"}
    documented = contract.operations()[("POST", "/v1/promotions/{promotion_id}/codes")]["responses"]["201"]["content"]
    assert kinds <= set(documented)


def test_stripe_deliveries_are_answered_as_the_document_says(life: Life):
    # Given Stripe's deliveries to the webhook in the tenant's life, signed by the sandbox
    deliveries = [s for s in life.api.seen if s.operation == ("POST", STRIPE_WEBHOOK_PATH)]
    # Then each answer is documented: 200 for the event applied and for its duplicate, 400 for a body
    # its signature does not sign, 422 for a body without one
    answers = [(s.answer.status, contract.media_type(s.answer)) for s in deliveries]
    assert answers == [
        (200, "application/json"),
        (200, "application/json"),
        (400, "application/problem+json"),
        (422, "application/problem+json"),
    ]
    assert [v for s in deliveries for v in contract.violations(s)] == []
