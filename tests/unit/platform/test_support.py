"""What `tests.support` promises the seed, the bench and the suites: the seed loads neither pytest
nor the in-process machinery, answers read the same from every transport, and the one wait says
what it waited for."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from infra.local.time_travel import AT, SHIFT
from tests.support.builders import eventually, ok, settled
from tests.support.transport import Answer, answer_of, with_token

ROOT = Path(__file__).resolve().parents[3]


def test_the_seed_loads_the_builders_without_pytest():
    # When `make dev`'s entry point is imported, as `python -m infra.local` imports it from the root
    probe = (
        "import sys, infra.local.__main__, infra.local.seed;"
        "print(sorted(m for m in ('pytest', '_pytest', 'tests.support.in_process') if m in sys.modules))"
    )
    plain = {k: v for k, v in os.environ.items() if k not in (AT, SHIFT)}  # time travel is a dev tool; it loads pytest
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=plain, capture_output=True, text=True, check=True
    )
    # Then it has the builders, and neither pytest nor the in-process transports
    assert loaded.stdout.strip() == "[]", loaded.stderr


def test_an_answer_unpacks_and_parses_its_body_by_content_type():
    # Given answers as a transport reads them
    problem = answer_of(422, {"Content-Type": "application/problem+json"}, b'{"errors": [{"field": "slug"}]}')
    page = answer_of(200, {"content-type": "text/html"}, b"<html></html>")
    workbook = answer_of(200, {"Content-Type": "application/vnd.ms-excel"}, b"PK\x03\x04")
    # Then JSON is parsed, text decoded and files left as bytes, and an answer unpacks as a tuple
    status, _, body = problem
    assert (status, body, problem.problem_fields) == (422, {"errors": [{"field": "slug"}]}, ["slug"])
    assert (page.body, workbook.body) == ("<html></html>", b"PK\x03\x04")


def test_a_token_travels_as_a_bearer_but_claims_never_go_over_the_wire():
    assert with_token("id-token", {"X": "1"}) == {"X": "1", "Authorization": "Bearer id-token"}
    assert with_token(None, {"X": "1"}) == {"X": "1"}
    with pytest.raises(TypeError):
        with_token({"user_id": "u-1"}, {})


def test_eventually_returns_the_first_truthy_answer_and_fails_saying_what_it_waited_for():
    # Given something that becomes true on the third look
    looks = iter([None, 0, {"state": "paid"}])
    assert eventually(lambda: next(looks), every_s=0) == {"state": "paid"}
    # When something never does
    order = {"id": "42", "state": "pending"}
    started = time.monotonic()
    with pytest.raises(AssertionError, match=r"order 42 never paid after 0.05s \(last: False\)"):
        eventually(lambda: order["state"] == "paid", timeout_s=0.05, every_s=0.01, what="order 42 never paid")
    # Then it gives up after its deadline
    assert time.monotonic() - started < 5


def test_ok_names_the_status_and_body_it_did_not_expect():
    assert ok(Answer(201, {}, {"id": "1"})) == {"id": "1"}
    with pytest.raises(AssertionError, match="409"):
        ok(Answer(409, {}, {"title": "Conflict"}), 201)


def test_settled_is_what_two_reads_a_quiet_moment_apart_agree_on():
    # Given items that change twice and then stay as they are (empty, at the end)
    reads = iter([{"a": 1}, {"a": 2}, {}, {}])
    # Then what settled is the empty read, not the first one
    assert settled(lambda: next(reads), quiet_s=0) == {}
