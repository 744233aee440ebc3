from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audience_change import AudienceChange
from ...models.audience_changed import AudienceChanged
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    audience: str,
    *,
    body: AudienceChange,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/audiences/{audience}/members".format(
            audience=quote(str(audience), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AudienceChanged | Problem | None:
    if response.status_code == 200:
        response_200 = AudienceChanged.from_dict(response.json())

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
) -> Response[AudienceChanged | Problem]:
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
    body: AudienceChange,
) -> Response[AudienceChanged | Problem]:
    """Put members in an audience, or take them out

     Requires `audiences:manage` (owner, admin). An audience is named in paths by its tag
    (`/v1/audiences/diabetes/members`). Up to 100 added and 100 removed at a time; broadcasts to the tag
    reach its members.

    Args:
        audience (str):
        body (AudienceChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AudienceChanged | Problem]
    """

    kwargs = _get_kwargs(
        audience=audience,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    audience: str,
    *,
    client: AuthenticatedClient | Client,
    body: AudienceChange,
) -> AudienceChanged | Problem | None:
    """Put members in an audience, or take them out

     Requires `audiences:manage` (owner, admin). An audience is named in paths by its tag
    (`/v1/audiences/diabetes/members`). Up to 100 added and 100 removed at a time; broadcasts to the tag
    reach its members.

    Args:
        audience (str):
        body (AudienceChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AudienceChanged | Problem
    """

    return sync_detailed(
        audience=audience,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    audience: str,
    *,
    client: AuthenticatedClient | Client,
    body: AudienceChange,
) -> Response[AudienceChanged | Problem]:
    """Put members in an audience, or take them out

     Requires `audiences:manage` (owner, admin). An audience is named in paths by its tag
    (`/v1/audiences/diabetes/members`). Up to 100 added and 100 removed at a time; broadcasts to the tag
    reach its members.

    Args:
        audience (str):
        body (AudienceChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AudienceChanged | Problem]
    """

    kwargs = _get_kwargs(
        audience=audience,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    audience: str,
    *,
    client: AuthenticatedClient | Client,
    body: AudienceChange,
) -> AudienceChanged | Problem | None:
    """Put members in an audience, or take them out

     Requires `audiences:manage` (owner, admin). An audience is named in paths by its tag
    (`/v1/audiences/diabetes/members`). Up to 100 added and 100 removed at a time; broadcasts to the tag
    reach its members.

    Args:
        audience (str):
        body (AudienceChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AudienceChanged | Problem
    """

    return (
        await asyncio_detailed(
            audience=audience,
            client=client,
            body=body,
        )
    ).parsed
