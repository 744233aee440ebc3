from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kit import Kit
from ...models.kit_registration_for import KitRegistrationFor
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    barcode: str,
    *,
    body: KitRegistrationFor,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/kits/{barcode}/registration".format(
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
    body: KitRegistrationFor,
) -> Response[Kit | Problem]:
    """Register a kit for a member

     Requires `kits:manage` (owner, admin, order_manager, service_desk). A kit sent to them, or one from
    the clinic's stock for their paid gene-test line.

    Args:
        barcode (str):
        body (KitRegistrationFor): Staff register a kit for a member: one sent to them, or one
            from the clinic's stock handed
            over for a gene-test line of the member's paid order (then `order_id`, `line_no` and
            `lab_id`).

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
    body: KitRegistrationFor,
) -> Kit | Problem | None:
    """Register a kit for a member

     Requires `kits:manage` (owner, admin, order_manager, service_desk). A kit sent to them, or one from
    the clinic's stock for their paid gene-test line.

    Args:
        barcode (str):
        body (KitRegistrationFor): Staff register a kit for a member: one sent to them, or one
            from the clinic's stock handed
            over for a gene-test line of the member's paid order (then `order_id`, `line_no` and
            `lab_id`).

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
    body: KitRegistrationFor,
) -> Response[Kit | Problem]:
    """Register a kit for a member

     Requires `kits:manage` (owner, admin, order_manager, service_desk). A kit sent to them, or one from
    the clinic's stock for their paid gene-test line.

    Args:
        barcode (str):
        body (KitRegistrationFor): Staff register a kit for a member: one sent to them, or one
            from the clinic's stock handed
            over for a gene-test line of the member's paid order (then `order_id`, `line_no` and
            `lab_id`).

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
    body: KitRegistrationFor,
) -> Kit | Problem | None:
    """Register a kit for a member

     Requires `kits:manage` (owner, admin, order_manager, service_desk). A kit sent to them, or one from
    the clinic's stock for their paid gene-test line.

    Args:
        barcode (str):
        body (KitRegistrationFor): Staff register a kit for a member: one sent to them, or one
            from the clinic's stock handed
            over for a gene-test line of the member's paid order (then `order_id`, `line_no` and
            `lab_id`).

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
