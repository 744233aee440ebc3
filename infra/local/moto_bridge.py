"""The four places the local runtime reaches into moto 5.2.5 (pinned in pyproject.toml).

1. Lambda: moto runs functions in Docker, which this machine lacks; invocations (from Step
   Functions tasks) call the project's handler in this process instead, and report an
   exception as Lambda does (`errorType` / `errorMessage`), so Retry and Catch match on it.
2. EventBridge: moto delivers rules to SQS but not to Step Functions; a rule targeting a state
   machine starts an execution (named after the event id, so a redelivery starts nothing new).
3. Time: Wait states and Retry intervals are scaled by `time_scale` (0 in tests: instant).
4. DynamoDB: moto applies a transaction's writes one by one and, if one fails, swaps in a copy
   of the table taken before. Two things follow that AWS never does: a write landing between
   copy and swap (moto serves requests in threads) is lost, and stream readers keep reading
   the swapped-out shard, which holds the cancelled writes' records and never the next ones.
   So DynamoDB requests are served one at a time, and after a swap the live stream shard is
   kept, trimmed back to where it was: a cancelled transaction leaves no stream record.

Everything else is moto as published.
"""

from __future__ import annotations

import json
import threading
import time
import traceback
from typing import Any

from moto.awslambda.models import LambdaFunction
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.responses import DynamoHandler
from moto.events.models import Rule
from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl
from moto.stepfunctions.parser.asl.component.state.wait.wait_function.wait_function import WaitFunction
from moto.stepfunctions.responses import get_backend

from infra.local.invoke import invoke

_installed = False
_time_scale = 1.0


def _invoke_in_process(self: LambdaFunction, event: Any = None) -> tuple[str, bool, str]:
    payload = json.loads(event) if isinstance(event, str | bytes) else (event or {})
    try:
        result = invoke(self.handler, payload, function_name=self.function_name, timeout_s=int(self.timeout))
        return json.dumps(result if result is not None else None), False, ""
    except Exception as exc:
        error = {
            "errorType": type(exc).__name__,
            "errorMessage": str(exc),
            "stackTrace": traceback.format_exc(),
        }
        return json.dumps(error), True, traceback.format_exc()


_original_send_to_targets = Rule.send_to_targets


def _send_to_targets(self: Rule, original_event: dict[str, Any], transform_input: bool = True) -> None:
    if not self.event_pattern.matches_event(original_event):
        return
    machines = [t for t in self.targets if t["Arn"].split(":")[2] == "states"]
    for target in machines:
        backend = get_backend(self.account_id, self.region_name)
        arn = target["Arn"]
        # Same name and input: Step Functions answers with the running execution, starts nothing.
        backend.start_execution(arn, name=str(original_event["id"]), execution_input=json.dumps(original_event))
    others = [t for t in self.targets if t not in machines]
    if others:
        saved, self.targets = self.targets, others
        try:
            _original_send_to_targets(self, original_event, transform_input)
        finally:
            self.targets = saved


_dynamodb = threading.Lock()
_original_dynamodb_call = DynamoHandler.call_action


def _one_dynamodb_request_at_a_time(self: DynamoHandler) -> Any:
    with _dynamodb:
        return _original_dynamodb_call(self)


_original_transact_write_items = DynamoDBBackend.transact_write_items


def _transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
    shards = {name: table.stream_shard for name, table in self.tables.items() if table.stream_shard}
    lengths = {name: len(shard.items) for name, shard in shards.items()}
    try:
        _original_transact_write_items(self, transact_items)
    except Exception:
        for name, shard in shards.items():
            del shard.items[lengths[name] :]
            self.tables[name].stream_shard, shard.table = shard, self.tables[name]
        raise


class _ScaledTime:
    """Stands in for the `time` module inside moto's retrier."""

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds * _time_scale)


def _scaled_wait(self: WaitFunction, env: Any, wait_seconds: int) -> None:
    if wait_seconds > 0:
        env.program_state_event.wait(wait_seconds * _time_scale)


def install(*, time_scale: float = 1.0) -> None:
    """Apply the bridge (once per process); `time_scale` may be changed by a later call."""
    global _installed, _time_scale  # noqa: PLW0603 - process-wide patches
    _time_scale = time_scale
    if _installed:
        return
    LambdaFunction._invoke_lambda = _invoke_in_process
    Rule.send_to_targets = _send_to_targets
    retrier_decl.time = _ScaledTime()
    WaitFunction._wait_interval = _scaled_wait
    DynamoHandler.call_action = _one_dynamodb_request_at_a_time
    DynamoDBBackend.transact_write_items = _transact_write_items
    _installed = True
