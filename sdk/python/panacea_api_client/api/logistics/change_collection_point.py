from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.collection_point import CollectionPoint
from ...models.point_spec import PointSpec
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    point_id: str,
    *,
    body: PointSpec,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/collection-points/{point_id}".format(
            point_id=quote(str(point_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CollectionPoint | Problem | None:
    if response.status_code == 200:
        response_200 = CollectionPoint.from_dict(response.json())

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
) -> Response[CollectionPoint | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    point_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PointSpec,
) -> Response[CollectionPoint | Problem]:
    """Change a collection point

     Requires `logistics:manage_points` (owner, admin). Every field is replaced; appointments already
    made keep their slots.

    Args:
        point_id (str):
        body (PointSpec): A collection point as staff describe it (creating it, or replacing every
            field when editing).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CollectionPoint | Problem]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    point_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PointSpec,
) -> CollectionPoint | Problem | None:
    """Change a collection point

     Requires `logistics:manage_points` (owner, admin). Every field is replaced; appointments already
    made keep their slots.

    Args:
        point_id (str):
        body (PointSpec): A collection point as staff describe it (creating it, or replacing every
            field when editing).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CollectionPoint | Problem
    """

    return sync_detailed(
        point_id=point_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    point_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PointSpec,
) -> Response[CollectionPoint | Problem]:
    """Change a collection point

     Requires `logistics:manage_points` (owner, admin). Every field is replaced; appointments already
    made keep their slots.

    Args:
        point_id (str):
        body (PointSpec): A collection point as staff describe it (creating it, or replacing every
            field when editing).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CollectionPoint | Problem]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    point_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PointSpec,
) -> CollectionPoint | Problem | None:
    """Change a collection point

     Requires `logistics:manage_points` (owner, admin). Every field is replaced; appointments already
    made keep their slots.

    Args:
        point_id (str):
        body (PointSpec): A collection point as staff describe it (creating it, or replacing every
            field when editing).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CollectionPoint | Problem
    """

    return (
        await asyncio_detailed(
            point_id=point_id,
            client=client,
            body=body,
        )
    ).parsed
