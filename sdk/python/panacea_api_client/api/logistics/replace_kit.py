from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kit import Kit
from ...models.problem import Problem
from ...models.replacement_request import ReplacementRequest
from ...types import Response


def _get_kwargs(
    barcode: str,
    *,
    body: ReplacementRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/kits/{barcode}/replacement".format(
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
    if response.status_code == 201:
        response_201 = Kit.from_dict(response.json())

        return response_201

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
    body: ReplacementRequest,
) -> Response[Kit | Problem]:
    """Replace a kit by hand

     Requires `kits:manage` (owner, admin, order_manager, service_desk). A kit lost or damaged before it
    reached the lab (it is cancelled), or a failed one: the next kit in stock is set aside for the same
    line, linked to it, under the tenant's replacement policy (a cap per line; not free: the member is
    offered it for a fee). Answers the new kit; dispatch it next.

    Args:
        barcode (str):
        body (ReplacementRequest): Staff ask for a replacement by hand: a kit lost or damaged on
            its way, or a failed sample.

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
    body: ReplacementRequest,
) -> Kit | Problem | None:
    """Replace a kit by hand

     Requires `kits:manage` (owner, admin, order_manager, service_desk). A kit lost or damaged before it
    reached the lab (it is cancelled), or a failed one: the next kit in stock is set aside for the same
    line, linked to it, under the tenant's replacement policy (a cap per line; not free: the member is
    offered it for a fee). Answers the new kit; dispatch it next.

    Args:
        barcode (str):
        body (ReplacementRequest): Staff ask for a replacement by hand: a kit lost or damaged on
            its way, or a failed sample.

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
    body: ReplacementRequest,
) -> Response[Kit | Problem]:
    """Replace a kit by hand

     Requires `kits:manage` (owner, admin, order_manager, service_desk). A kit lost or damaged before it
    reached the lab (it is cancelled), or a failed one: the next kit in stock is set aside for the same
    line, linked to it, under the tenant's replacement policy (a cap per line; not free: the member is
    offered it for a fee). Answers the new kit; dispatch it next.

    Args:
        barcode (str):
        body (ReplacementRequest): Staff ask for a replacement by hand: a kit lost or damaged on
            its way, or a failed sample.

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
    body: ReplacementRequest,
) -> Kit | Problem | None:
    """Replace a kit by hand

     Requires `kits:manage` (owner, admin, order_manager, service_desk). A kit lost or damaged before it
    reached the lab (it is cancelled), or a failed one: the next kit in stock is set aside for the same
    line, linked to it, under the tenant's replacement policy (a cap per line; not free: the member is
    offered it for a fee). Answers the new kit; dispatch it next.

    Args:
        barcode (str):
        body (ReplacementRequest): Staff ask for a replacement by hand: a kit lost or damaged on
            its way, or a failed sample.

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
