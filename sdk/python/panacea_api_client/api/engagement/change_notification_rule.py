from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rule_change import RuleChange
from ...models.rule_view import RuleView
from ...types import Response


def _get_kwargs(
    event_type: str,
    *,
    body: RuleChange,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/notification-rules/{event_type}".format(
            event_type=quote(str(event_type), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RuleView | None:
    if response.status_code == 200:
        response_200 = RuleView.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RuleView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_type: str,
    *,
    client: AuthenticatedClient | Client,
    body: RuleChange,
) -> Response[Problem | RuleView]:
    """Change a notification rule

     Requires `notifications:manage_rules` (owner, admin). The tenant's channels (in order), on/off and
    receipt window for an event, replacing any earlier change. A critical rule cannot be turned off.

    Args:
        event_type (str): the event's type, e.g. order.paid
        body (RuleChange): A tenant's own version of a platform rule: its channels in the order
            tried, whether it is on
            (a critical rule cannot be turned off), and the receipt window (null: the platform's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RuleView]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_type: str,
    *,
    client: AuthenticatedClient | Client,
    body: RuleChange,
) -> Problem | RuleView | None:
    """Change a notification rule

     Requires `notifications:manage_rules` (owner, admin). The tenant's channels (in order), on/off and
    receipt window for an event, replacing any earlier change. A critical rule cannot be turned off.

    Args:
        event_type (str): the event's type, e.g. order.paid
        body (RuleChange): A tenant's own version of a platform rule: its channels in the order
            tried, whether it is on
            (a critical rule cannot be turned off), and the receipt window (null: the platform's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RuleView
    """

    return sync_detailed(
        event_type=event_type,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    event_type: str,
    *,
    client: AuthenticatedClient | Client,
    body: RuleChange,
) -> Response[Problem | RuleView]:
    """Change a notification rule

     Requires `notifications:manage_rules` (owner, admin). The tenant's channels (in order), on/off and
    receipt window for an event, replacing any earlier change. A critical rule cannot be turned off.

    Args:
        event_type (str): the event's type, e.g. order.paid
        body (RuleChange): A tenant's own version of a platform rule: its channels in the order
            tried, whether it is on
            (a critical rule cannot be turned off), and the receipt window (null: the platform's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RuleView]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_type: str,
    *,
    client: AuthenticatedClient | Client,
    body: RuleChange,
) -> Problem | RuleView | None:
    """Change a notification rule

     Requires `notifications:manage_rules` (owner, admin). The tenant's channels (in order), on/off and
    receipt window for an event, replacing any earlier change. A critical rule cannot be turned off.

    Args:
        event_type (str): the event's type, e.g. order.paid
        body (RuleChange): A tenant's own version of a platform rule: its channels in the order
            tried, whether it is on
            (a critical rule cannot be turned off), and the receipt window (null: the platform's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RuleView
    """

    return (
        await asyncio_detailed(
            event_type=event_type,
            client=client,
            body=body,
        )
    ).parsed
