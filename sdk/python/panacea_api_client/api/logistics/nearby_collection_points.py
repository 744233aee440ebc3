from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.nearby_points import NearbyPoints
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    latitude: float,
    longitude: float,
    limit: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["latitude"] = latitude

    params["longitude"] = longitude

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/collection-points/nearby",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NearbyPoints | Problem | None:
    if response.status_code == 200:
        response_200 = NearbyPoints.from_dict(response.json())

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
) -> Response[NearbyPoints | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    latitude: float,
    longitude: float,
    limit: int | Unset = 10,
) -> Response[NearbyPoints | Problem]:
    """Active collection points, nearest first

     Requires `logistics:find_points` (owner, admin, service_desk, member, distributor). From the
    position given, with each point's distance and a map link.

    Args:
        latitude (float):
        longitude (float):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NearbyPoints | Problem]
    """

    kwargs = _get_kwargs(
        latitude=latitude,
        longitude=longitude,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    latitude: float,
    longitude: float,
    limit: int | Unset = 10,
) -> NearbyPoints | Problem | None:
    """Active collection points, nearest first

     Requires `logistics:find_points` (owner, admin, service_desk, member, distributor). From the
    position given, with each point's distance and a map link.

    Args:
        latitude (float):
        longitude (float):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NearbyPoints | Problem
    """

    return sync_detailed(
        client=client,
        latitude=latitude,
        longitude=longitude,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    latitude: float,
    longitude: float,
    limit: int | Unset = 10,
) -> Response[NearbyPoints | Problem]:
    """Active collection points, nearest first

     Requires `logistics:find_points` (owner, admin, service_desk, member, distributor). From the
    position given, with each point's distance and a map link.

    Args:
        latitude (float):
        longitude (float):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NearbyPoints | Problem]
    """

    kwargs = _get_kwargs(
        latitude=latitude,
        longitude=longitude,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    latitude: float,
    longitude: float,
    limit: int | Unset = 10,
) -> NearbyPoints | Problem | None:
    """Active collection points, nearest first

     Requires `logistics:find_points` (owner, admin, service_desk, member, distributor). From the
    position given, with each point's distance and a map link.

    Args:
        latitude (float):
        longitude (float):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NearbyPoints | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            latitude=latitude,
            longitude=longitude,
            limit=limit,
        )
    ).parsed
