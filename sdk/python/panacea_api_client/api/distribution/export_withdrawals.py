import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.withdrawal_state import WithdrawalState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    member_id: None | str | Unset = UNSET,
    state: None | Unset | WithdrawalState = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_member_id: None | str | Unset
    if isinstance(member_id, Unset):
        json_member_id = UNSET
    else:
        json_member_id = member_id
    params["member_id"] = json_member_id

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, WithdrawalState):
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/withdrawals/export",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | None:
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
) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    member_id: None | str | Unset = UNSET,
    state: None | Unset | WithdrawalState = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[Problem]:
    """Withdrawals, filtered, as an Excel workbook (.xlsx)

     Requires `withdrawals:review` (owner, admin, finance). By `member_id` or `state` (one at least; 422
    otherwise), and the days `since` to `until` (the tenant's time zone) they were asked for in. A page
    filtered may hold fewer than `limit`: follow `next_cursor` to the end. A Total row of amount, fee
    and held per currency and state. Send `Accept: application/vnd.openxmlformats-
    officedocument.spreadsheetml.sheet`.

    Args:
        member_id (None | str | Unset): an id
        state (None | Unset | WithdrawalState):
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        state=state,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    member_id: None | str | Unset = UNSET,
    state: None | Unset | WithdrawalState = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Problem | None:
    """Withdrawals, filtered, as an Excel workbook (.xlsx)

     Requires `withdrawals:review` (owner, admin, finance). By `member_id` or `state` (one at least; 422
    otherwise), and the days `since` to `until` (the tenant's time zone) they were asked for in. A page
    filtered may hold fewer than `limit`: follow `next_cursor` to the end. A Total row of amount, fee
    and held per currency and state. Send `Accept: application/vnd.openxmlformats-
    officedocument.spreadsheetml.sheet`.

    Args:
        member_id (None | str | Unset): an id
        state (None | Unset | WithdrawalState):
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        client=client,
        member_id=member_id,
        state=state,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    member_id: None | str | Unset = UNSET,
    state: None | Unset | WithdrawalState = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[Problem]:
    """Withdrawals, filtered, as an Excel workbook (.xlsx)

     Requires `withdrawals:review` (owner, admin, finance). By `member_id` or `state` (one at least; 422
    otherwise), and the days `since` to `until` (the tenant's time zone) they were asked for in. A page
    filtered may hold fewer than `limit`: follow `next_cursor` to the end. A Total row of amount, fee
    and held per currency and state. Send `Accept: application/vnd.openxmlformats-
    officedocument.spreadsheetml.sheet`.

    Args:
        member_id (None | str | Unset): an id
        state (None | Unset | WithdrawalState):
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        state=state,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    member_id: None | str | Unset = UNSET,
    state: None | Unset | WithdrawalState = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Problem | None:
    """Withdrawals, filtered, as an Excel workbook (.xlsx)

     Requires `withdrawals:review` (owner, admin, finance). By `member_id` or `state` (one at least; 422
    otherwise), and the days `since` to `until` (the tenant's time zone) they were asked for in. A page
    filtered may hold fewer than `limit`: follow `next_cursor` to the end. A Total row of amount, fee
    and held per currency and state. Send `Accept: application/vnd.openxmlformats-
    officedocument.spreadsheetml.sheet`.

    Args:
        member_id (None | str | Unset): an id
        state (None | Unset | WithdrawalState):
        since (datetime.date | None | Unset): the period's first day (the tenant's time zone)
        until (datetime.date | None | Unset): the period's last day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            member_id=member_id,
            state=state,
            since=since,
            until=until,
        )
    ).parsed
