"""Step Functions tasks: one Lambda per context serves several tasks, named in the state's
Parameters (`{"task": "apply_defaults", ...}`). A task raises to fail; the state machine's
Retry and Catch match on the exception's class name, as they do on AWS.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea.platform import coldstart
from panacea.platform.context import invocation
from panacea.platform.isolation import acting_for
from panacea.platform.observability import bind, logger, metrics

Task = Callable[[dict[str, Any]], dict[str, Any] | None]


class UnknownTask(ValueError):
    """The state machine asked for a task this function does not serve."""


def steps_entry(tasks: Mapping[str, Task]) -> Callable[[dict[str, Any], LambdaContext], dict[str, Any]]:
    @logger.inject_lambda_context(clear_state=True)
    @metrics.log_metrics
    def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
        name = event.get("task", "")
        if name not in tasks:
            raise UnknownTask(f"no task {name!r}; this function serves {sorted(tasks)}")
        bind(tenant_id=event.get("tenant_id"), correlation_id=event.get("correlation_id"))
        logger.info("task", extra={"task": name})
        # a task for one tenant runs with that tenant's credentials
        with invocation(), acting_for(event.get("tenant_id")):
            return tasks[name](event) or {}

    coldstart.loaded()  # the handler module ends here
    return handler
