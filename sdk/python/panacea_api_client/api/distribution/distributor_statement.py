import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.statement import Statement
from ...types import UNSET, Response, Unset


def _get_kwargs(
    member_id: str,
    *,
    month: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_month: None | str | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    else:
        json_month = month
    params["month"] = json_month

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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/distributors/{member_id}/statement".format(
            member_id=quote(str(member_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Statement | None:
    if response.status_code == 200:
        response_200 = Statement.from_dict(response.json())

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
) -> Response[Problem | Statement]:
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
    month: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[Problem | Statement]:
    """A distributor's commission statement

     Requires `distribution:read` (owner, admin, finance, service_desk). The period is a `month`, or the
    days `since` to `until` (both included, until: today), of the tenant's time zone; none given: this
    month. Opening + movements = closing in each state (pending, frozen, available), to the minor unit;
    a period running to now closes on the ledger's balance.

    Args:
        member_id (str):
        month (None | str | Unset): a calendar month of the tenant's time zone, e.g. 2026-11
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statement]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        month=month,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    member_id: str,
    *,
    client: AuthenticatedClient | Client,
    month: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Problem | Statement | None:
    """A distributor's commission statement

     Requires `distribution:read` (owner, admin, finance, service_desk). The period is a `month`, or the
    days `since` to `until` (both included, until: today), of the tenant's time zone; none given: this
    month. Opening + movements = closing in each state (pending, frozen, available), to the minor unit;
    a period running to now closes on the ledger's balance.

    Args:
        member_id (str):
        month (None | str | Unset): a calendar month of the tenant's time zone, e.g. 2026-11
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statement
    """

    return sync_detailed(
        member_id=member_id,
        client=client,
        month=month,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    member_id: str,
    *,
    client: AuthenticatedClient | Client,
    month: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[Problem | Statement]:
    """A distributor's commission statement

     Requires `distribution:read` (owner, admin, finance, service_desk). The period is a `month`, or the
    days `since` to `until` (both included, until: today), of the tenant's time zone; none given: this
    month. Opening + movements = closing in each state (pending, frozen, available), to the minor unit;
    a period running to now closes on the ledger's balance.

    Args:
        member_id (str):
        month (None | str | Unset): a calendar month of the tenant's time zone, e.g. 2026-11
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statement]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        month=month,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    member_id: str,
    *,
    client: AuthenticatedClient | Client,
    month: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Problem | Statement | None:
    """A distributor's commission statement

     Requires `distribution:read` (owner, admin, finance, service_desk). The period is a `month`, or the
    days `since` to `until` (both included, until: today), of the tenant's time zone; none given: this
    month. Opening + movements = closing in each state (pending, frozen, available), to the minor unit;
    a period running to now closes on the ledger's balance.

    Args:
        member_id (str):
        month (None | str | Unset): a calendar month of the tenant's time zone, e.g. 2026-11
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statement
    """

    return (
        await asyncio_detailed(
            member_id=member_id,
            client=client,
            month=month,
            since=since,
            until=until,
        )
    ).parsed
