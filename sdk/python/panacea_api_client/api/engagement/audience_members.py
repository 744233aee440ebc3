from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_audience_member import PageAudienceMember
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    audience: str,
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/v1/audiences/{audience}/members".format(
            audience=quote(str(audience), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAudienceMember | Problem | None:
    if response.status_code == 200:
        response_200 = PageAudienceMember.from_dict(response.json())

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
) -> Response[PageAudienceMember | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    audience: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PageAudienceMember | Problem]:
    """An audience's members

     Requires `audiences:manage` (owner, admin). An audience is named in paths by its tag
    (`/v1/audiences/diabetes/members`).

    Args:
        audience (str):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAudienceMember | Problem]
    """

    kwargs = _get_kwargs(
        audience=audience,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    audience: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PageAudienceMember | Problem | None:
    """An audience's members

     Requires `audiences:manage` (owner, admin). An audience is named in paths by its tag
    (`/v1/audiences/diabetes/members`).

    Args:
        audience (str):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAudienceMember | Problem
    """

    return sync_detailed(
        audience=audience,
        client=client,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    audience: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PageAudienceMember | Problem]:
    """An audience's members

     Requires `audiences:manage` (owner, admin). An audience is named in paths by its tag
    (`/v1/audiences/diabetes/members`).

    Args:
        audience (str):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAudienceMember | Problem]
    """

    kwargs = _get_kwargs(
        audience=audience,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    audience: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PageAudienceMember | Problem | None:
    """An audience's members

     Requires `audiences:manage` (owner, admin). An audience is named in paths by its tag
    (`/v1/audiences/diabetes/members`).

    Args:
        audience (str):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAudienceMember | Problem
    """

    return (
        await asyncio_detailed(
            audience=audience,
            client=client,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
