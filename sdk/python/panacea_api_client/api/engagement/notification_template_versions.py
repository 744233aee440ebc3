from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_template_version import PageTemplateVersion
from ...models.problem import Problem
from ...models.template_locale import TemplateLocale
from ...types import UNSET, Response, Unset


def _get_kwargs(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
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
        "url": "/v1/notification-templates/{event_type}/{channel}/{locale}/versions".format(
            event_type=quote(str(event_type), safe=""),
            channel=quote(str(channel), safe=""),
            locale=quote(str(locale), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTemplateVersion | Problem | None:
    if response.status_code == 200:
        response_200 = PageTemplateVersion.from_dict(response.json())

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
) -> Response[PageTemplateVersion | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PageTemplateVersion | Problem]:
    """A notification template's versions, newest first

     Requires `notifications:manage_templates` (owner, admin, content_editor). The first is live.

    Args:
        event_type (str): the event's type, e.g. order.paid
        channel (str): the channel
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to
            left).
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTemplateVersion | Problem]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
        channel=channel,
        locale=locale,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PageTemplateVersion | Problem | None:
    """A notification template's versions, newest first

     Requires `notifications:manage_templates` (owner, admin, content_editor). The first is live.

    Args:
        event_type (str): the event's type, e.g. order.paid
        channel (str): the channel
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to
            left).
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTemplateVersion | Problem
    """

    return sync_detailed(
        event_type=event_type,
        channel=channel,
        locale=locale,
        client=client,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PageTemplateVersion | Problem]:
    """A notification template's versions, newest first

     Requires `notifications:manage_templates` (owner, admin, content_editor). The first is live.

    Args:
        event_type (str): the event's type, e.g. order.paid
        channel (str): the channel
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to
            left).
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTemplateVersion | Problem]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
        channel=channel,
        locale=locale,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PageTemplateVersion | Problem | None:
    """A notification template's versions, newest first

     Requires `notifications:manage_templates` (owner, admin, content_editor). The first is live.

    Args:
        event_type (str): the event's type, e.g. order.paid
        channel (str): the channel
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to
            left).
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTemplateVersion | Problem
    """

    return (
        await asyncio_detailed(
            event_type=event_type,
            channel=channel,
            locale=locale,
            client=client,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
