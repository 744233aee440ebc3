import ast
import base64
import json
from pathlib import Path

import pytest

from panacea.catalog.logic import ProductNotFound
from panacea.platform import cursors
from panacea.platform.api import _domain_error, field_path
from panacea.platform.cursors import InvalidCursor
from panacea.platform.errors import CREDENTIALS, Conflict, FieldError, NotFound
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.settings import Settings, SettingsError
from panacea.platform.table import decode_cursor, encode_cursor


def test_a_domain_error_is_a_problem_document():
    error = Conflict("slug taken", errors=[FieldError("slug", "taken")])
    assert error.problem() == {
        "type": "/errors/conflict",
        "title": "Conflict",
        "status": 409,
        "detail": "slug taken",
        "errors": [{"field": "slug", "code": "taken"}],
    }


@pytest.mark.parametrize(
    "construct",
    [
        lambda: NotFound("no product"),  # type: ignore[call-arg]  # mypy flags it too (an unused ignore would fail)
        lambda: ProductNotFound("no product"),  # type: ignore[call-arg]
    ],
)
def test_a_not_found_cannot_be_made_without_naming_its_field(construct):
    # When a NotFound (or a context's kind of it) is made without saying which input named the missing thing
    # Then it cannot be made at all (and mypy refuses the call), so no raise site can leave a client guessing
    with pytest.raises(TypeError):
        construct()


@pytest.mark.parametrize("blank", ["", "  "])
def test_a_not_found_field_is_not_blank(blank):
    with pytest.raises(TypeError, match="must name the field"):
        ProductNotFound("no product", field=blank)


def test_a_not_found_is_a_problem_naming_its_field():
    # Given a NotFound raised about a body field
    error = ProductNotFound("no product G1", field="lines[0].product_id")
    # Then its problem keeps its type and status, and its one field error names that field
    assert error.problem() == {
        "type": "/errors/product-not-found",
        "title": "Product not found",
        "status": 404,
        "detail": "no product G1",
        "errors": [{"field": "lines[0].product_id", "code": "not_found"}],
    }
    assert NotFound.on_field("product_id", "unknown", "no product").errors == (FieldError("product_id", "not_found"),)


@pytest.mark.parametrize(
    ("field", "path_parameters", "named"),
    [
        ("product_id", {"store_id": "S1", "product_id": "G1"}, "path.product_id"),  # a path parameter, as 422 names it
        ("store_id", {"store_id": "G1", "product_id": "G1"}, "path.store_id"),  # never guessed from the message
        ("lines[0].product_id", {"store_id": "S1"}, "lines[0].product_id"),  # a body field keeps its path
        (CREDENTIALS, {}, "header.Authorization"),  # the caller's own credentials
    ],
)
def test_the_edge_locates_the_field_a_not_found_names(field, path_parameters, named):
    # Given a NotFound whose detail names the id of another parameter
    error = ProductNotFound("no product G1 in store S1", field=field)
    # When the HTTP edge renders it
    answer = _domain_error(error, path_parameters)
    # Then it is the same 404 problem, naming the field where the request carried it
    body = json.loads(str(answer.body))
    assert (answer.status_code, body["type"], body["errors"]) == (
        404,
        "/errors/product-not-found",
        [{"field": named, "code": "not_found"}],
    )


def test_every_not_found_raised_in_the_code_names_its_field():
    # Given every call of a NotFound kind in the shipped code (a raise, or one handed over to raise later)
    root = Path(__file__).resolve().parents[3]
    calls = [
        (path.relative_to(root), node)
        for folder in ("layers/core/panacea", "functions")
        for path in sorted((root / folder).rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and _called(node).endswith("NotFound")
    ]
    # Then there are some, and each says which field it is about
    assert len(calls) > 20
    assert [f"{path}:{node.lineno}" for path, node in calls if not any(k.arg == "field" for k in node.keywords)] == []


def _called(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        (("body", "lines", 0, "quantity"), "lines[0].quantity"),
        (("body", "slug"), "slug"),
        (("query", "limit"), "query.limit"),
        (("body",), "body"),
    ],
)
def test_field_paths_read_like_the_input(loc, path):
    assert field_path(loc) == path


STAGE_KEY = cursors._key  # the key as a function reads it (the fixture below stands in for it in the other tests)
KEY = {"GSI1PK": {"S": "T#A#USERS"}, "GSI1SK": {"S": "01X"}, "PK": {"S": "T#A#USER#01X"}, "SK": {"S": "USER"}}


@pytest.fixture(autouse=True)
def _cursor_key(monkeypatch):
    monkeypatch.setattr(cursors, "_key", lambda: b"k" * 32)


def test_a_cursor_continues_only_the_list_it_came_from():
    # Given a cursor from tenant A's list
    cursor = encode_cursor(KEY)
    # Then it continues that list
    assert decode_cursor(cursor, partition=("GSI1PK", "T#A#USERS")) == KEY
    # And it cannot be bent to start inside tenant B's partition
    with pytest.raises(InvalidCursor):
        decode_cursor(cursor, partition=("GSI1PK", "T#B#USERS"))


def test_a_cursor_hides_the_key_it_holds():
    # Given a cursor
    cursor = encode_cursor(KEY)
    assert cursor is not None
    # Then nothing of the table's keys can be read from it, and two cursors of one key differ
    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    assert not any(word in raw for word in (b"GSI1PK", b"T#A", b"USER", b"01X"))
    assert encode_cursor(KEY) != cursor


def test_a_cursor_opens_only_for_its_tenant_and_its_filters():
    # Given a cursor of a filtered list, sealed while acting for tenant A
    a, b = new_id(), new_id()
    with acting_for(a):
        cursor = encode_cursor(KEY, query=["paid", "2026-11-01"])
        # Then the same list continues, but not with other filters
        assert decode_cursor(cursor, partition=("GSI1PK", "T#A#USERS"), query=["paid", "2026-11-01"]) == KEY
        with pytest.raises(InvalidCursor):
            decode_cursor(cursor, partition=("GSI1PK", "T#A#USERS"), query=["paid", "2026-11-02"])
    # And not for another tenant, nor for the platform itself
    for other in (b, None):
        with acting_for(other), pytest.raises(InvalidCursor):
            decode_cursor(cursor, partition=("GSI1PK", "T#A#USERS"), query=["paid", "2026-11-01"])


def test_a_cursor_changed_by_one_character_or_sealed_under_another_key_is_refused(monkeypatch):
    # Given a cursor
    cursor = encode_cursor(KEY)
    assert cursor is not None
    # When one character of it changes, then it is refused
    for at in (0, 20, len(cursor) - 1):  # the last character too, whose spare bits base64 would ignore
        flipped = cursor[:at] + ("A" if cursor[at] != "A" else "B") + cursor[at + 1 :]
        with pytest.raises(InvalidCursor):
            decode_cursor(flipped, partition=("GSI1PK", "T#A#USERS"))
    # When the key is rotated, then it is refused too
    monkeypatch.setattr(cursors, "_key", lambda: b"r" * 32)
    with pytest.raises(InvalidCursor) as refused:
        decode_cursor(cursor, partition=("GSI1PK", "T#A#USERS"))
    assert refused.value.problem()["errors"] == [{"field": "cursor", "code": "invalid"}]


@pytest.mark.parametrize("junk", ["not-base64!!", "e30", "W10", "eyJQSyI6IDF9", "AQ", "A" * 60])
def test_a_forged_cursor_is_a_bad_request(junk):
    with pytest.raises(InvalidCursor):
        decode_cursor(junk, partition=("PK", "T#A#X"))


def test_a_deployed_stage_without_a_cursor_key_does_not_make_one_up(monkeypatch):
    # Given a deployed stage whose functions were not told the cursor key's secret
    deployed = Settings(stage="prod", table="panacea-prod", event_bus="panacea-prod")
    monkeypatch.setattr(cursors, "settings", lambda: deployed)
    # Then no cursor is sealed with a key of this instance's own (another could not open it)
    with pytest.raises(SettingsError, match="PANACEA_CURSOR_SECRET"):
        STAGE_KEY()


@pytest.mark.parametrize(
    ("loc", "field"),
    [
        (("header", "stripe-signature"), "header.Stripe-Signature"),
        (("header", "idempotency-key"), "header.Idempotency-Key"),
        (("body", "lines", 0, "quantity"), "lines[0].quantity"),
        (("query", "limit"), "query.limit"),
    ],
)
def test_a_validation_error_names_a_header_as_clients_write_it(loc, field):
    # Given where Powertools located a refusal (header names lowered), Then the problem names it as sent
    assert field_path(loc) == field
