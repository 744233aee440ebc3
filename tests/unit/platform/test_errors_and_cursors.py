import pytest

from panacea.platform.api import field_path
from panacea.platform.errors import Conflict, FieldError
from panacea.platform.table import InvalidCursor, decode_cursor, encode_cursor


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


def test_a_cursor_continues_only_the_list_it_came_from():
    # Given a cursor from tenant A's list
    key = {"GSI1PK": {"S": "T#A#USERS"}, "GSI1SK": {"S": "01X"}, "PK": {"S": "T#A#USER#01X"}, "SK": {"S": "USER"}}
    cursor = encode_cursor(key)
    # Then it continues that list
    assert decode_cursor(cursor, partition=("GSI1PK", "T#A#USERS")) == key
    # And it cannot be bent to start inside tenant B's partition
    with pytest.raises(InvalidCursor):
        decode_cursor(cursor, partition=("GSI1PK", "T#B#USERS"))


@pytest.mark.parametrize("junk", ["not-base64!!", "e30", "W10", "eyJQSyI6IDF9"])
def test_a_forged_cursor_is_a_bad_request(junk):
    with pytest.raises(InvalidCursor):
        decode_cursor(junk, partition=("PK", "T#A#X"))
