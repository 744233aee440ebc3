"""The Step Functions port: answering a state that waits for a task token.

A workflow state with `.waitForTaskToken` hands its token to a task, which stores it with what it
waits for (an order's payment, a parcel's tracking number); whoever sees that thing happen answers
the token here. Answering is idempotent from the caller's side: a token whose wait is already
over (answered, timed out, or its execution stopped) is reported as `False`, never raised, so a
retried consumer or a replayed request changes nothing twice.

Use cases call these after their unit of work has committed: the stored state is the record, the
answer only wakes the workflow up (a lost answer is repaired by answering again).
"""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import ClientError

from panacea.platform.aws import own_client
from panacea.platform.observability import logger

# The wait this token belonged to is over; nobody is listening any more.
_GONE = frozenset({"TaskTimedOut", "InvalidToken", "TaskDoesNotExist"})
MAX_CAUSE = 32_768  # Step Functions' limit on a failure's cause


def send_task_success(token: str, output: dict[str, Any] | None = None) -> bool:
    """Tell the waiting state it may go on, with `output` as its result; False if nobody waits."""
    return _answer("send_task_success", taskToken=token, output=json.dumps(output or {}))


def send_task_failure(token: str, error: str, cause: str = "") -> bool:
    """Fail the waiting state with `error` (its Catch matches on the name); False if nobody waits."""
    return _answer("send_task_failure", taskToken=token, error=error[:256], cause=cause[:MAX_CAUSE])


def _answer(operation: str, **request: str) -> bool:
    try:
        getattr(own_client("stepfunctions"), operation)(**request)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        if code in _GONE:
            logger.info("task token no longer awaited", extra={"operation": operation, "code": code})
            return False
        raise
    return True
