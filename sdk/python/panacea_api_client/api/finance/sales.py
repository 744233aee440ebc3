import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sales_report import SalesReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: datetime.date,
    until: datetime.date,
    product_id: None | str | Unset = UNSET,
    member_id: None | str | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/finance/sales",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SalesReport | None:
    if response.status_code == 200:
        response_200 = SalesReport.from_dict(response.json())

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
) -> Response[Problem | SalesReport]:
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
) -> Response[Problem | SalesReport]:
    """Sales of a period, per currency: totals, by product, by store, by payment method

     Requires `finance:read` (owner, admin, finance). A period is whole UTC days, `since` to `until`
    (both included), at most 366 of them (422 otherwise). Gross sales, discounts, refunds, net, orders
    and units, added up from the sales ledger in minor units; one currency's figures are never mixed
    with another's.

    Args:
        since (datetime.date): the period's first day (UTC), e.g. 2026-11-01
        until (datetime.date): the period's last day (UTC), included, e.g. 2026-11-30
        product_id (None | str | Unset): only this product's lines
        member_id (None | str | Unset): only this member's orders

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SalesReport]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        product_id=product_id,
        member_id=member_id,
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
) -> Problem | SalesReport | None:
    """Sales of a period, per currency: totals, by product, by store, by payment method

     Requires `finance:read` (owner, admin, finance). A period is whole UTC days, `since` to `until`
    (both included), at most 366 of them (422 otherwise). Gross sales, discounts, refunds, net, orders
    and units, added up from the sales ledger in minor units; one currency's figures are never mixed
    with another's.

    Args:
        since (datetime.date): the period's first day (UTC), e.g. 2026-11-01
        until (datetime.date): the period's last day (UTC), included, e.g. 2026-11-30
        product_id (None | str | Unset): only this product's lines
        member_id (None | str | Unset): only this member's orders

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SalesReport
    """

    return sync_detailed(
        client=client,
        since=since,
        until=until,
        product_id=product_id,
        member_id=member_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: datetime.date,
    until: datetime.date,
    product_id: None | str | Unset = UNSET,
    member_id: None | str | Unset = UNSET,
) -> Response[Problem | SalesReport]:
    """Sales of a period, per currency: totals, by product, by store, by payment method

     Requires `finance:read` (owner, admin, finance). A period is whole UTC days, `since` to `until`
    (both included), at most 366 of them (422 otherwise). Gross sales, discounts, refunds, net, orders
    and units, added up from the sales ledger in minor units; one currency's figures are never mixed
    with another's.

    Args:
        since (datetime.date): the period's first day (UTC), e.g. 2026-11-01
        until (datetime.date): the period's last day (UTC), included, e.g. 2026-11-30
        product_id (None | str | Unset): only this product's lines
        member_id (None | str | Unset): only this member's orders

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SalesReport]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        product_id=product_id,
        member_id=member_id,
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
) -> Problem | SalesReport | None:
    """Sales of a period, per currency: totals, by product, by store, by payment method

     Requires `finance:read` (owner, admin, finance). A period is whole UTC days, `since` to `until`
    (both included), at most 366 of them (422 otherwise). Gross sales, discounts, refunds, net, orders
    and units, added up from the sales ledger in minor units; one currency's figures are never mixed
    with another's.

    Args:
        since (datetime.date): the period's first day (UTC), e.g. 2026-11-01
        until (datetime.date): the period's last day (UTC), included, e.g. 2026-11-30
        product_id (None | str | Unset): only this product's lines
        member_id (None | str | Unset): only this member's orders

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SalesReport
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            until=until,
            product_id=product_id,
            member_id=member_id,
        )
    ).parsed
