"""The house rules of every workflow, read from its ASL file: every task retries and catches, and
every wait on a task token has a timeout (a workflow never hangs, and never fails silently)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

STATEMACHINES = sorted((Path(__file__).resolve().parents[3] / "statemachines").glob("*.asl.json"))


def _states(states: dict[str, Any], where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every state, inside Map and Parallel states too, named by its path."""
    for name, state in states.items():
        yield where + name, state
        for key in ("Iterator", "ItemProcessor"):
            if key in state:
                yield from _states(state[key]["States"], f"{where}{name}/")
        for n, branch in enumerate(state.get("Branches", [])):
            yield from _states(branch["States"], f"{where}{name}[{n}]/")


@pytest.mark.parametrize("path", STATEMACHINES, ids=lambda p: p.name)
def test_every_task_retries_and_catches_and_every_token_wait_times_out(path: Path):
    # Given a workflow's states
    states = list(_states(json.loads(path.read_text())["States"]))
    failure_handlers = {c["Next"] for _, s in states for c in s.get("Catch", [])}
    tasks = [(name, s) for name, s in states if s["Type"] == "Task"]
    assert tasks, path.name
    # Then every task retries what is transient
    assert [name for name, s in tasks if not s.get("Retry")] == []
    # And catches what is not, except the states that handle a failure (theirs fails the run, and alarms)
    assert [name for name, s in tasks if not s.get("Catch") and name.rsplit("/", 1)[-1] not in failure_handlers] == []
    # And a wait on a task token always ends
    waits = [(name, s) for name, s in tasks if "waitForTaskToken" in s.get("Resource", "")]
    assert [name for name, s in waits if "TimeoutSeconds" not in s and "TimeoutSecondsPath" not in s] == []
