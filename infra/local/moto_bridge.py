"""The places the local runtime reaches into moto 5.2.5 (pinned in pyproject.toml).

1. Lambda: moto runs functions in Docker, which this machine lacks; invocations (from Step
   Functions tasks) call the project's handler in this process instead, and report an
   exception as Lambda does (`errorType` / `errorMessage`), so Retry and Catch match on it.
2. EventBridge: moto delivers rules to SQS but not to Step Functions; a rule targeting a state
   machine starts an execution (named after the event id, so a redelivery starts nothing new).
3. Time: Wait states and Retry intervals are scaled by `time_scale` (0 in tests: instant). The
   timeouts of states waiting for a task token keep their length (a wait that timed out at once
   could never be answered), unless the runtime is told to shorten them (`token_timeout_scale`,
   so a tenant's 30-minute payment timeout can pass in an end-to-end test) or a test shortens
   them for a while (`token_timeouts_scaled`).
4. DynamoDB: moto applies a transaction's writes one by one and, if one fails, swaps in a deep
   copy of the table taken before. That costs a copy of the whole table per transaction (40 ms
   at 1,000 items, growing linearly), loses any write landing between copy and swap (moto serves
   requests in threads), and leaves stream readers on the swapped-out shard, which holds the
   cancelled writes' records. So DynamoDB requests are served one at a time, the table is not
   copied: the items a transaction touches are, and a cancelled transaction puts exactly those
   back and trims the stream to where it was. A cancelled transaction leaves no trace, as on AWS.
5. Cognito: an unknown refresh token makes moto's AdminInitiateAuth fail with a KeyError (a 500);
   Cognito answers NotAuthorizedException, and so does the bridge.
6. S3: moto stores whatever a presigned POST sends; the bridge judges the form by its policy
   (expiry, conditions, size range) as S3 does (s3_forms.py).
7. DynamoDB Streams have no long polling: a DynamoDB request that added stream records rings
   `STREAM_WRITTEN` once it has finished (a transaction's records only once it has committed),
   so the stream relay waits for the bell instead of asking for records ten times a second.
8. DynamoDB Query: moto sorts the whole table for every Query, then walks it for the items of the
   key asked for (a test session's table grows to tens of thousands of items, and every request
   waits for the one before). A Query of the table walks only its partition; a Query of an index
   walks the table unsorted (moto sorts what matches, as before). The answers are moto's.

Everything else is moto as published.
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
import time
import traceback
from collections.abc import Iterator
from typing import Any

from moto.awslambda.models import LambdaFunction
from moto.cognitoidp.exceptions import NotAuthorizedError
from moto.cognitoidp.models import CognitoIdpUserPool
from moto.dynamodb import models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import StreamShard, Table
from moto.dynamodb.responses import DynamoHandler
from moto.events.models import Rule
from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl
from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_callback import (
    StateTaskServiceCallback,
)
from moto.stepfunctions.parser.asl.component.state.wait.wait_function.wait_function import WaitFunction
from moto.stepfunctions.responses import get_backend

from infra.local import s3_forms
from infra.local.invoke import invoke

_installed = False
_time_scale = 1.0
_token_timeout_scale = 1.0


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


class Bell:
    """Rung when something happened; a waiter notes `rings` before looking, then waits for more."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.rings = 0

    def ring(self) -> None:
        with self._changed:
            self.rings += 1
            self._changed.notify_all()

    def wait(self, rings: int, timeout_s: float) -> None:
        """Until the bell has rung since it had rung `rings` times, or `timeout_s` has passed."""
        with self._changed:
            self._changed.wait_for(lambda: self.rings != rings, timeout=timeout_s)


STREAM_WRITTEN = Bell()
_dynamodb = threading.Lock()
_streamed = False  # a record was added to a stream by the request being served (under `_dynamodb`)
_original_dynamodb_call = DynamoHandler.call_action
_original_stream_add = StreamShard.add


def _one_dynamodb_request_at_a_time(self: DynamoHandler) -> Any:
    global _streamed  # noqa: PLW0603 - guarded by `_dynamodb`
    with _dynamodb:
        try:
            return _original_dynamodb_call(self)
        finally:
            if _streamed:
                _streamed = False
                STREAM_WRITTEN.ring()


def _add_to_stream(self: StreamShard, old: Any, new: Any) -> None:
    global _streamed  # noqa: PLW0603 - read and reset under `_dynamodb`
    _original_stream_add(self, old, new)
    _streamed = True


_original_query = Table.query
_original_all_items = Table.all_items
_walk = threading.local()  # what the Query being served in this thread looks through (see 8.)


def _query_walking_less(self: Table, hash_key: Any, *args: Any, **kwargs: Any) -> Any:
    index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)
    _walk.query = (index_name, kwargs.get("hash_key_conditions") or [] if index_name else hash_key)
    try:
        return _original_query(self, hash_key, *args, **kwargs)
    finally:
        _walk.query = None


def _items_to_walk(self: Table) -> list[Any]:
    """moto's `all_items`, narrowed for the Query being served in this thread: the partition of a
    Query of the table; for a Query of an index, the items that may hold its hash key, unsorted
    (moto checks and sorts them itself, so a string or binary key is matched early as moto would)."""
    query = getattr(_walk, "query", None)
    if query is None:
        return list(_original_all_items(self))
    index_name, key = query
    if index_name is None:
        partition = self.items.get(key)
        if partition is None:
            return []
        return list(partition.values()) if self.range_key_attr else [partition]
    items = (
        list(self.items.values()) if not self.range_key_attr else [i for p in self.items.values() for i in p.values()]
    )
    for name, value in key:
        if value.type in ("S", "B"):
            items = [i for i in items if _holds(i.attrs.get(name), value)]
    return items


def _holds(attribute: Any, value: DynamoType) -> bool:
    return attribute is not None and attribute.type == value.type and attribute.value == value.value


_original_transact_write_items = DynamoDBBackend.transact_write_items


class _CopyButNotTables:
    """Stands in for `copy` inside moto's DynamoDB backend: tables are not deep-copied."""

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value: Any, memo: Any = None) -> Any:
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


def _transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
    before = []  # (table, hash, range, the item as it was or None)
    for operation in transact_items:
        op = next(iter(operation.values()))
        table = self.tables.get(op.get("TableName"))
        if table is None:
            continue
        key = op.get("Key") or op.get("Item") or {}
        if table.hash_key_attr not in key:
            continue
        hash_ = DynamoType(key[table.hash_key_attr])
        range_ = DynamoType(key[table.range_key_attr]) if table.range_key_attr in key else None
        current = table.get_item(hash_, range_)
        before.append((table, hash_, range_, copy.deepcopy(current)))
    shards = {name: table.stream_shard for name, table in self.tables.items() if table.stream_shard}
    lengths = {name: len(shard.items) for name, shard in shards.items()}
    try:
        _original_transact_write_items(self, transact_items)
    except Exception:
        for table, hash_, range_, item in reversed(before):
            _put_back(table, hash_, range_, item)
        for name, shard in shards.items():
            del shard.items[lengths[name] :]
        raise


def _put_back(table: Table, hash_: Any, range_: Any, item: Any) -> None:
    if range_ is None:
        if item is None:
            table.items.pop(hash_, None)
        else:
            table.items[hash_] = item
    elif item is None:
        table.items.get(hash_, {}).pop(range_, None)
    else:
        table.items[hash_][range_] = item


_original_tokens_from_refresh_token = CognitoIdpUserPool.create_tokens_from_refresh_token


def _tokens_from_refresh_token(self: CognitoIdpUserPool, refresh_token: str) -> tuple[str, str, int]:
    if refresh_token not in self.refresh_tokens:
        raise NotAuthorizedError("Invalid Refresh Token")
    return _original_tokens_from_refresh_token(self, refresh_token)  # type: ignore[no-any-return]


class _ScaledTime:
    """Stands in for the `time` module inside moto's retrier."""

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds * _time_scale)


def _scaled_wait(self: WaitFunction, env: Any, wait_seconds: int) -> None:
    if wait_seconds > 0:
        env.program_state_event.wait(wait_seconds * _time_scale)


_original_token_wait = StateTaskServiceCallback._wait_for_task_token_timeout


def _scaled_token_wait(self: StateTaskServiceCallback, timeout_seconds: int, callback_endpoint: Any) -> Any:
    return _original_token_wait(self, timeout_seconds * _token_timeout_scale, callback_endpoint)


@contextlib.contextmanager
def token_timeouts_scaled(scale: float) -> Iterator[None]:
    """While in the block, a state that starts waiting for a task token times out after its
    timeout * `scale` (a test of what a timeout does need not wait for minutes)."""
    global _token_timeout_scale  # noqa: PLW0603 - process-wide, like the time scale
    previous, _token_timeout_scale = _token_timeout_scale, scale
    try:
        yield
    finally:
        _token_timeout_scale = previous


def install(*, time_scale: float = 1.0, token_timeout_scale: float = 1.0) -> None:
    """Apply the bridge (once per process); the scales may be changed by a later call."""
    global _installed, _time_scale, _token_timeout_scale  # noqa: PLW0603 - process-wide patches
    _time_scale, _token_timeout_scale = time_scale, token_timeout_scale
    if _installed:
        return
    LambdaFunction._invoke_lambda = _invoke_in_process
    Rule.send_to_targets = _send_to_targets
    retrier_decl.time = _ScaledTime()
    WaitFunction._wait_interval = _scaled_wait
    StateTaskServiceCallback._wait_for_task_token_timeout = _scaled_token_wait
    DynamoHandler.call_action = _one_dynamodb_request_at_a_time
    StreamShard.add = _add_to_stream
    s3_forms.install()
    DynamoDBBackend.transact_write_items = _transact_write_items
    Table.query = _query_walking_less
    Table.all_items = _items_to_walk
    dynamodb_models.copy = _CopyButNotTables()
    CognitoIdpUserPool.create_tokens_from_refresh_token = _tokens_from_refresh_token
    _installed = True
