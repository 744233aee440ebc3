import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_commission_view import PageCommissionView
from ...models.problem import Problem
from ...models.share_state import ShareState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    distributor_id: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    state: None | ShareState | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_distributor_id: None | str | Unset
    if isinstance(distributor_id, Unset):
        json_distributor_id = UNSET
    else:
        json_distributor_id = distributor_id
    params["distributor_id"] = json_distributor_id

    json_order_id: None | str | Unset
    if isinstance(order_id, Unset):
        json_order_id = UNSET
    else:
        json_order_id = order_id
    params["order_id"] = json_order_id

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, ShareState):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.date):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.date):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

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
        "url": "/v1/distribution/commissions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCommissionView | Problem | None:
    if response.status_code == 200:
        response_200 = PageCommissionView.from_dict(response.json())

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
) -> Response[PageCommissionView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    distributor_id: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    state: None | ShareState | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PageCommissionView | Problem]:
    """Commissions, newest first, filtered

     Requires `distribution:read` (owner, admin, finance, service_desk). By `distributor_id`, `order_id`
    or `state` (one at least; 422 otherwise), and the days `since` to `until` (the tenant's time zone)
    the commission accrued in. A page filtered may hold fewer than `limit`: follow `next_cursor` to the
    end.

    Args:
        distributor_id (None | str | Unset): an id
        order_id (None | str | Unset): an id
        state (None | ShareState | Unset):
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCommissionView | Problem]
    """

    kwargs = _get_kwargs(
        distributor_id=distributor_id,
        order_id=order_id,
        state=state,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    distributor_id: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    state: None | ShareState | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PageCommissionView | Problem | None:
    """Commissions, newest first, filtered

     Requires `distribution:read` (owner, admin, finance, service_desk). By `distributor_id`, `order_id`
    or `state` (one at least; 422 otherwise), and the days `since` to `until` (the tenant's time zone)
    the commission accrued in. A page filtered may hold fewer than `limit`: follow `next_cursor` to the
    end.

    Args:
        distributor_id (None | str | Unset): an id
        order_id (None | str | Unset): an id
        state (None | ShareState | Unset):
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCommissionView | Problem
    """

    return sync_detailed(
        client=client,
        distributor_id=distributor_id,
        order_id=order_id,
        state=state,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    distributor_id: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    state: None | ShareState | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PageCommissionView | Problem]:
    """Commissions, newest first, filtered

     Requires `distribution:read` (owner, admin, finance, service_desk). By `distributor_id`, `order_id`
    or `state` (one at least; 422 otherwise), and the days `since` to `until` (the tenant's time zone)
    the commission accrued in. A page filtered may hold fewer than `limit`: follow `next_cursor` to the
    end.

    Args:
        distributor_id (None | str | Unset): an id
        order_id (None | str | Unset): an id
        state (None | ShareState | Unset):
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCommissionView | Problem]
    """

    kwargs = _get_kwargs(
        distributor_id=distributor_id,
        order_id=order_id,
        state=state,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    distributor_id: None | str | Unset = UNSET,
    order_id: None | str | Unset = UNSET,
    state: None | ShareState | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PageCommissionView | Problem | None:
    """Commissions, newest first, filtered

     Requires `distribution:read` (owner, admin, finance, service_desk). By `distributor_id`, `order_id`
    or `state` (one at least; 422 otherwise), and the days `since` to `until` (the tenant's time zone)
    the commission accrued in. A page filtered may hold fewer than `limit`: follow `next_cursor` to the
    end.

    Args:
        distributor_id (None | str | Unset): an id
        order_id (None | str | Unset): an id
        state (None | ShareState | Unset):
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCommissionView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            distributor_id=distributor_id,
            order_id=order_id,
            state=state,
            since=since,
            until=until,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
