"""`make examples`: the document's success answers, recorded from a real tenant's life.

    python -m tests.integration.platform.record_examples          record what is missing or no longer valid
    python -m tests.integration.platform.record_examples --all    record every answer afresh

Writes functions/platform/examples.json (operation id → status → media type → body), which the
docs function merges into the document (functions/platform/examples.py). When every answer the
document shows has a valid example, nothing runs; otherwise the local platform starts on moto,
`tenant_life.py` drives a tenant's whole life through the API, and each wanted operation keeps its
fullest answer of that status and media type. What would differ from one run to the next or should
never be published is replaced by stand-ins (`StandIns`): ids, instants, tokens, secrets, hosts.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from functions.platform import docs, examples
from tests.integration.platform import contract, document_examples
from tests.integration.platform.stand_ins import StandIns

Wanted = tuple[str, str, str]  # operation id, status, media type


def wanted(document: dict[str, Any], *, everything: bool) -> set[Wanted]:
    """The answers to record: those with no example or an invalid recorded one (all recorded
    ones, `everything`); hand-written examples are left alone."""
    faults = document_examples.faults(document)

    def to_record(body: document_examples.Body) -> bool:
        if body.status is None or not body.status.startswith("2") or body.binary:
            return False
        if everything and body.recorded:
            return True
        return body.where in faults and (body.recorded or not body.media.get("examples"))

    return {(b.operation_id, str(b.status), b.kind) for b in document_examples.bodies(document) if to_record(b)}


def fullest(seen: list[contract.Seen], wanted: set[Wanted]) -> dict[Wanted, Any]:
    """Each wanted answer: of all the life's answers of that operation, status and media type, the
    fullest (the longest as JSON: a list with items, a tenant with its settings)."""
    ids = {op: operation.get("operationId") for op, operation in contract.operations().items()}
    found: dict[Wanted, Any] = {}
    for s in seen:
        key = (str(ids.get(s.operation)), str(s.answer.status), contract.media_type(s.answer))
        if key in wanted and len(json.dumps(s.answer.body)) > len(json.dumps(found.get(key, ""))):
            found[key] = s.answer.body
    return found


def lived_answers() -> list[contract.Seen]:
    """Every answer of a tenant's life on a fresh local platform."""
    from infra.local.runtime import LocalPlatform  # noqa: PLC0415 - started only when something is to record
    from tests.integration.platform.tenant_life import lived  # noqa: PLC0415

    platform = LocalPlatform(port=0, aws_port=0, stripe_port=0, time_scale=0, log=lambda _: None).start()
    try:
        return lived(platform).api.seen
    finally:
        platform.stop()


def merged(kept: dict[str, Any], fresh: dict[Wanted, Any], document: dict[str, Any]) -> dict[str, Any]:
    """The recorded answers to write: those kept and the fresh ones, for documented bodies only."""
    documented = {(b.operation_id, str(b.status), b.kind) for b in document_examples.bodies(document)}
    answers: dict[str, Any] = {}
    bodies = {
        key: body for key, body in [*document_examples.recorded_bodies(kept), *fresh.items()] if key in documented
    }
    for (operation, status, kind), body in sorted(bodies.items(), key=lambda item: item[0]):
        answers.setdefault(operation, {}).setdefault(status, {})[kind] = body
    return answers  # sorted by operation, status and media type; each body's fields as answered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="record every answer afresh, not only the missing")
    args = parser.parse_args(argv)
    document = contract.document()
    todo = wanted(document, everything=args.all)
    kept = {} if args.all else examples.recorded()
    if not todo:
        print(f"examples: every answer shown has a valid example ({len(kept)} operations recorded); nothing to record")
        return 0
    print(f"examples: recording {len(todo)} answers from a tenant's life")
    fresh = fullest(lived_answers(), todo)
    fresh = StandIns.after(kept).applied(fresh)
    unanswered = sorted(" ".join(w) for w in todo - set(fresh))
    answers = merged(kept, fresh, document)
    examples.RECORDED.write_text(json.dumps(answers, indent=2, ensure_ascii=False) + "\n")
    docs.document.cache_clear()
    contract.document.cache_clear()
    still = document_examples.faults(json.loads(docs.document()))
    if unanswered or still:
        sys.stderr.write("".join(f"  not answered by tenant_life.py: {w}\n" for w in unanswered))
        sys.stderr.write("".join(f"  {where}: {'; '.join(why)}\n" for where, why in sorted(still.items())))
        return 1
    total = len(document_examples.recorded_bodies(answers))
    print(f"examples: {len(fresh)} answers recorded; {examples.RECORDED.name} holds {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
