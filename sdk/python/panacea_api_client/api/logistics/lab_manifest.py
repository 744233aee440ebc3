from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kit_state import KitState
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    lab_id: str,
    *,
    state: KitState | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/labs/{lab_id}/manifest".format(
            lab_id=quote(str(lab_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    lab_id: str,
    *,
    client: AuthenticatedClient | Client,
    state: KitState | Unset = UNSET,
) -> Response[Problem | str]:
    """A lab's manifest, as CSV

     Requires `labs:read_manifest` (owner, admin, order_manager, service_desk, lab_operator). Its kits in
    one state (in transit unless told); a lab reads only its own.

    Args:
        lab_id (str):
        state (KitState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        lab_id=lab_id,
        state=state,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    lab_id: str,
    *,
    client: AuthenticatedClient | Client,
    state: KitState | Unset = UNSET,
) -> Problem | str | None:
    """A lab's manifest, as CSV

     Requires `labs:read_manifest` (owner, admin, order_manager, service_desk, lab_operator). Its kits in
    one state (in transit unless told); a lab reads only its own.

    Args:
        lab_id (str):
        state (KitState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        lab_id=lab_id,
        client=client,
        state=state,
    ).parsed


async def asyncio_detailed(
    lab_id: str,
    *,
    client: AuthenticatedClient | Client,
    state: KitState | Unset = UNSET,
) -> Response[Problem | str]:
    """A lab's manifest, as CSV

     Requires `labs:read_manifest` (owner, admin, order_manager, service_desk, lab_operator). Its kits in
    one state (in transit unless told); a lab reads only its own.

    Args:
        lab_id (str):
        state (KitState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        lab_id=lab_id,
        state=state,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    lab_id: str,
    *,
    client: AuthenticatedClient | Client,
    state: KitState | Unset = UNSET,
) -> Problem | str | None:
    """A lab's manifest, as CSV

     Requires `labs:read_manifest` (owner, admin, order_manager, service_desk, lab_operator). Its kits in
    one state (in transit unless told); a lab reads only its own.

    Args:
        lab_id (str):
        state (KitState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            lab_id=lab_id,
            client=client,
            state=state,
        )
    ).parsed
