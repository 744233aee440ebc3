import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_period_order import PagePeriodOrder
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: datetime.date,
    until: datetime.date,
    product_id: None | str | Unset = UNSET,
    member_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_since = since.isoformat()
    params["since"] = json_since

    json_until = until.isoformat()
    params["until"] = json_until

    json_product_id: None | str | Unset
    if isinstance(product_id, Unset):
        json_product_id = UNSET
    else:
        json_product_id = product_id
    params["product_id"] = json_product_id

    json_member_id: None | str | Unset
    if isinstance(member_id, Unset):
        json_member_id = UNSET
    else:
        json_member_id = member_id
    params["member_id"] = json_member_id

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
        "url": "/v1/finance/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePeriodOrder | Problem | None:
    if response.status_code == 200:
        response_200 = PagePeriodOrder.from_dict(response.json())

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
) -> Response[PagePeriodOrder | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: datetime.date,
    until: datetime.date,
    product_id: None | str | Unset = UNSET,
    member_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PagePeriodOrder | Problem]:
    """The orders whose money moved in a period, newest first

     Requires `finance:read` (owner, admin, finance). A period is whole UTC days, `since` to `until`
    (both included), at most 366 of them (422 otherwise). Each with its date, member, state now, payment
    method and what its sales and refunds in the period came to.

    Args:
        since (datetime.date): the period's first day (UTC), e.g. 2026-11-01
        until (datetime.date): the period's last day (UTC), included, e.g. 2026-11-30
        product_id (None | str | Unset): only this product's lines
        member_id (None | str | Unset): only this member's orders
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePeriodOrder | Problem]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        product_id=product_id,
        member_id=member_id,
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
    since: datetime.date,
    until: datetime.date,
    product_id: None | str | Unset = UNSET,
    member_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PagePeriodOrder | Problem | None:
    """The orders whose money moved in a period, newest first

     Requires `finance:read` (owner, admin, finance). A period is whole UTC days, `since` to `until`
    (both included), at most 366 of them (422 otherwise). Each with its date, member, state now, payment
    method and what its sales and refunds in the period came to.

    Args:
        since (datetime.date): the period's first day (UTC), e.g. 2026-11-01
        until (datetime.date): the period's last day (UTC), included, e.g. 2026-11-30
        product_id (None | str | Unset): only this product's lines
        member_id (None | str | Unset): only this member's orders
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePeriodOrder | Problem
    """

    return sync_detailed(
        client=client,
        since=since,
        until=until,
        product_id=product_id,
        member_id=member_id,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: datetime.date,
    until: datetime.date,
    product_id: None | str | Unset = UNSET,
    member_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PagePeriodOrder | Problem]:
    """The orders whose money moved in a period, newest first

     Requires `finance:read` (owner, admin, finance). A period is whole UTC days, `since` to `until`
    (both included), at most 366 of them (422 otherwise). Each with its date, member, state now, payment
    method and what its sales and refunds in the period came to.

    Args:
        since (datetime.date): the period's first day (UTC), e.g. 2026-11-01
        until (datetime.date): the period's last day (UTC), included, e.g. 2026-11-30
        product_id (None | str | Unset): only this product's lines
        member_id (None | str | Unset): only this member's orders
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePeriodOrder | Problem]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        product_id=product_id,
        member_id=member_id,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    since: datetime.date,
    until: datetime.date,
    product_id: None | str | Unset = UNSET,
    member_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PagePeriodOrder | Problem | None:
    """The orders whose money moved in a period, newest first

     Requires `finance:read` (owner, admin, finance). A period is whole UTC days, `since` to `until`
    (both included), at most 366 of them (422 otherwise). Each with its date, member, state now, payment
    method and what its sales and refunds in the period came to.

    Args:
        since (datetime.date): the period's first day (UTC), e.g. 2026-11-01
        until (datetime.date): the period's last day (UTC), included, e.g. 2026-11-30
        product_id (None | str | Unset): only this product's lines
        member_id (None | str | Unset): only this member's orders
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset): page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePeriodOrder | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            until=until,
            product_id=product_id,
            member_id=member_id,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
