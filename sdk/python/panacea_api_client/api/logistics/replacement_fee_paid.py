from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fee_paid import FeePaid
from ...models.kit import Kit
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    barcode: str,
    *,
    body: FeePaid,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/kits/{barcode}/replacement-fee".format(
            barcode=quote(str(barcode), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Kit | Problem | None:
    if response.status_code == 200:
        response_200 = Kit.from_dict(response.json())

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
) -> Response[Kit | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    barcode: str,
    *,
    client: AuthenticatedClient | Client,
    body: FeePaid,
) -> Response[Kit | Problem]:
    """Record a replacement's fee as paid

     Requires `kits:manage` (owner, admin, order_manager, service_desk). On a replacement kit offered for
    a fee: it may be dispatched from now.

    Args:
        barcode (str):
        body (FeePaid): The service desk took the fee of a replacement offered for one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Kit | Problem]
    """

    kwargs = _get_kwargs(
        barcode=barcode,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    barcode: str,
    *,
    client: AuthenticatedClient | Client,
    body: FeePaid,
) -> Kit | Problem | None:
    """Record a replacement's fee as paid

     Requires `kits:manage` (owner, admin, order_manager, service_desk). On a replacement kit offered for
    a fee: it may be dispatched from now.

    Args:
        barcode (str):
        body (FeePaid): The service desk took the fee of a replacement offered for one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Kit | Problem
    """

    return sync_detailed(
        barcode=barcode,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    barcode: str,
    *,
    client: AuthenticatedClient | Client,
    body: FeePaid,
) -> Response[Kit | Problem]:
    """Record a replacement's fee as paid

     Requires `kits:manage` (owner, admin, order_manager, service_desk). On a replacement kit offered for
    a fee: it may be dispatched from now.

    Args:
        barcode (str):
        body (FeePaid): The service desk took the fee of a replacement offered for one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Kit | Problem]
    """

    kwargs = _get_kwargs(
        barcode=barcode,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    barcode: str,
    *,
    client: AuthenticatedClient | Client,
    body: FeePaid,
) -> Kit | Problem | None:
    """Record a replacement's fee as paid

     Requires `kits:manage` (owner, admin, order_manager, service_desk). On a replacement kit offered for
    a fee: it may be dispatched from now.

    Args:
        barcode (str):
        body (FeePaid): The service desk took the fee of a replacement offered for one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Kit | Problem
    """

    return (
        await asyncio_detailed(
            barcode=barcode,
            client=client,
            body=body,
        )
    ).parsed
