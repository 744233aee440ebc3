from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.withdrawal_rejection import WithdrawalRejection
from ...models.withdrawal_view import WithdrawalView
from ...types import Response


def _get_kwargs(
    withdrawal_id: str,
    *,
    body: WithdrawalRejection,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/withdrawals/{withdrawal_id}/transfer-failed".format(
            withdrawal_id=quote(str(withdrawal_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WithdrawalView | None:
    if response.status_code == 200:
        response_200 = WithdrawalView.from_dict(response.json())

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
) -> Response[Problem | WithdrawalView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    withdrawal_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WithdrawalRejection,
) -> Response[Problem | WithdrawalView]:
    """Record that the external transfer could not be made

     Requires `withdrawals:review` (owner, admin, finance). The withdrawal fails and the money goes back
    to the wallet.

    Args:
        withdrawal_id (str):
        body (WithdrawalRejection):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WithdrawalView]
    """

    kwargs = _get_kwargs(
        withdrawal_id=withdrawal_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    withdrawal_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WithdrawalRejection,
) -> Problem | WithdrawalView | None:
    """Record that the external transfer could not be made

     Requires `withdrawals:review` (owner, admin, finance). The withdrawal fails and the money goes back
    to the wallet.

    Args:
        withdrawal_id (str):
        body (WithdrawalRejection):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WithdrawalView
    """

    return sync_detailed(
        withdrawal_id=withdrawal_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    withdrawal_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WithdrawalRejection,
) -> Response[Problem | WithdrawalView]:
    """Record that the external transfer could not be made

     Requires `withdrawals:review` (owner, admin, finance). The withdrawal fails and the money goes back
    to the wallet.

    Args:
        withdrawal_id (str):
        body (WithdrawalRejection):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WithdrawalView]
    """

    kwargs = _get_kwargs(
        withdrawal_id=withdrawal_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    withdrawal_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WithdrawalRejection,
) -> Problem | WithdrawalView | None:
    """Record that the external transfer could not be made

     Requires `withdrawals:review` (owner, admin, finance). The withdrawal fails and the money goes back
    to the wallet.

    Args:
        withdrawal_id (str):
        body (WithdrawalRejection):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WithdrawalView
    """

    return (
        await asyncio_detailed(
            withdrawal_id=withdrawal_id,
            client=client,
            body=body,
        )
    ).parsed
