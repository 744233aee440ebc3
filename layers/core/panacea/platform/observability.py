"""Logs and metrics. Structured JSON logs carry the tenant and correlation ids; metrics go out
as CloudWatch embedded metric format in the log stream (no API call on the request path).

Tracing is Lambda's active tracing, configured in the CDK app: it records every invocation
and AWS call segment without importing the X-Ray SDK, which would add ~180 ms to each cold
start (measured in bench/coldstart.py).
"""

from __future__ import annotations

import warnings

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit

from panacea.platform import snapstart  # noqa: F401 - every entry point imports this: SnapStart's hooks register
from panacea.platform.context import set_correlation_id

logger = Logger(service="panacea")
metrics = Metrics(namespace="Panacea")

# An invocation that records no business metric is normal, not worth a warning per call.
warnings.filterwarnings("ignore", message="No application metrics to publish")


def count(name: str, value: int = 1) -> None:
    """A business metric (TenantsOnboarded, OrdersPaid…), flushed when the invocation ends."""
    metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)


def bind(*, tenant_id: str | None = None, correlation_id: str | None = None) -> None:
    """Put the ids of what this invocation is about on every log line that follows."""
    if correlation_id:
        set_correlation_id(correlation_id)
        logger.set_correlation_id(correlation_id)
    logger.append_keys(tenant_id=tenant_id)
