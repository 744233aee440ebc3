import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.point_slots import PointSlots
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    point_id: str,
    *,
    date: datetime.date,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date = date.isoformat()
    params["date"] = json_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/collection-points/{point_id}/slots".format(
            point_id=quote(str(point_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PointSlots | Problem | None:
    if response.status_code == 200:
        response_200 = PointSlots.from_dict(response.json())

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
) -> Response[PointSlots | Problem]:
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
    date: datetime.date,
) -> Response[PointSlots | Problem]:
    """A collection point's slots on a day

     Requires `logistics:find_points` (owner, admin, service_desk, member, distributor). `date` is the
    point's local date; each slot says how many places are free.

    Args:
        point_id (str):
        date (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointSlots | Problem]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        date=date,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    point_id: str,
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date,
) -> PointSlots | Problem | None:
    """A collection point's slots on a day

     Requires `logistics:find_points` (owner, admin, service_desk, member, distributor). `date` is the
    point's local date; each slot says how many places are free.

    Args:
        point_id (str):
        date (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointSlots | Problem
    """

    return sync_detailed(
        point_id=point_id,
        client=client,
        date=date,
    ).parsed


async def asyncio_detailed(
    point_id: str,
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date,
) -> Response[PointSlots | Problem]:
    """A collection point's slots on a day

     Requires `logistics:find_points` (owner, admin, service_desk, member, distributor). `date` is the
    point's local date; each slot says how many places are free.

    Args:
        point_id (str):
        date (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointSlots | Problem]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        date=date,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    point_id: str,
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date,
) -> PointSlots | Problem | None:
    """A collection point's slots on a day

     Requires `logistics:find_points` (owner, admin, service_desk, member, distributor). `date` is the
    point's local date; each slot says how many places are free.

    Args:
        point_id (str):
        date (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointSlots | Problem
    """

    return (
        await asyncio_detailed(
            point_id=point_id,
            client=client,
            date=date,
        )
    ).parsed
