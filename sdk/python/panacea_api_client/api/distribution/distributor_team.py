from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_team_member import PageTeamMember
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    member_id: str,
    *,
    level: int | Unset = 1,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["level"] = level

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/distributors/{member_id}/team".format(
            member_id=quote(str(member_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTeamMember | Problem | None:
    if response.status_code == 200:
        response_200 = PageTeamMember.from_dict(response.json())

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
) -> Response[PageTeamMember | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    member_id: str,
    *,
    client: AuthenticatedClient | Client,
    level: int | Unset = 1,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PageTeamMember | Problem]:
    """A distributor's team, by level

     Requires `distribution:read` (owner, admin, finance, service_desk). Level 2 and 3 list those bound
    to the level-1 members of the page (the cursor pages level 1).

    Args:
        member_id (str):
        level (int | Unset): 1: bound to the distributor; 2: to those; … Default: 1.
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTeamMember | Problem]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        level=level,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    member_id: str,
    *,
    client: AuthenticatedClient | Client,
    level: int | Unset = 1,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PageTeamMember | Problem | None:
    """A distributor's team, by level

     Requires `distribution:read` (owner, admin, finance, service_desk). Level 2 and 3 list those bound
    to the level-1 members of the page (the cursor pages level 1).

    Args:
        member_id (str):
        level (int | Unset): 1: bound to the distributor; 2: to those; … Default: 1.
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTeamMember | Problem
    """

    return sync_detailed(
        member_id=member_id,
        client=client,
        level=level,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    member_id: str,
    *,
    client: AuthenticatedClient | Client,
    level: int | Unset = 1,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PageTeamMember | Problem]:
    """A distributor's team, by level

     Requires `distribution:read` (owner, admin, finance, service_desk). Level 2 and 3 list those bound
    to the level-1 members of the page (the cursor pages level 1).

    Args:
        member_id (str):
        level (int | Unset): 1: bound to the distributor; 2: to those; … Default: 1.
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTeamMember | Problem]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        level=level,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    member_id: str,
    *,
    client: AuthenticatedClient | Client,
    level: int | Unset = 1,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PageTeamMember | Problem | None:
    """A distributor's team, by level

     Requires `distribution:read` (owner, admin, finance, service_desk). Level 2 and 3 list those bound
    to the level-1 members of the page (the cursor pages level 1).

    Args:
        member_id (str):
        level (int | Unset): 1: bound to the distributor; 2: to those; … Default: 1.
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTeamMember | Problem
    """

    return (
        await asyncio_detailed(
            member_id=member_id,
            client=client,
            level=level,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
