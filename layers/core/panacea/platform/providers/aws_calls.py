"""The AWS-native providers' calls (SES, SNS): AWS's refusals read as `ProviderRefused`, everything
else (throttling, AWS's errors, the network) as `ProviderDown`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from panacea.platform.providers import ProviderDown, ProviderRefused

REFUSALS = frozenset(
    {
        "MessageRejected",  # SES: the message or a recipient refused
        "AccountSuspendedException",
        "InvalidParameter",
        "InvalidParameterValue",
        "BadRequestException",
        "OptedOut",  # SNS SMS: the number opted out
        "EndpointDisabled",  # SNS push: the device token is no longer valid
        "PlatformApplicationDisabled",
    }
)


def translated(call: Callable[..., Any]) -> Callable[..., Any]:
    """`call` (a boto3 client's method), raising the port's errors."""

    def calling(**kwargs: Any) -> Any:
        try:
            return call(**kwargs)
        except ClientError as error:
            code = str(error.response.get("Error", {}).get("Code", ""))
            if code in REFUSALS:
                raise ProviderRefused(code, str(error)) from error
            raise ProviderDown(f"{code}: {error}") from error
        except BotoCoreError as error:
            raise ProviderDown(str(error)) from error

    return calling
