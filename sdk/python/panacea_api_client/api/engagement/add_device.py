from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.device import Device
from ...models.new_device import NewDevice
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NewDevice,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/me/devices",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Device | Problem | None:
    if response.status_code == 201:
        response_201 = Device.from_dict(response.json())

        return response_201

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
) -> Response[Device | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewDevice,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Device | Problem]:
    """Add a push device

     Requires `notification_preferences:manage_own` (owner, admin, catalog_manager, order_manager,
    finance, content_editor, service_desk, expert, lab_operator, member, distributor). `fcm:<token>` or
    `apns:<token>`; push goes to your newest device. The same token again is the same device, made the
    newest. Send an `Idempotency-Key`.

    Args:
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (NewDevice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Device | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: NewDevice,
    idempotency_key: None | str | Unset = UNSET,
) -> Device | Problem | None:
    """Add a push device

     Requires `notification_preferences:manage_own` (owner, admin, catalog_manager, order_manager,
    finance, content_editor, service_desk, expert, lab_operator, member, distributor). `fcm:<token>` or
    `apns:<token>`; push goes to your newest device. The same token again is the same device, made the
    newest. Send an `Idempotency-Key`.

    Args:
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (NewDevice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Device | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewDevice,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Device | Problem]:
    """Add a push device

     Requires `notification_preferences:manage_own` (owner, admin, catalog_manager, order_manager,
    finance, content_editor, service_desk, expert, lab_operator, member, distributor). `fcm:<token>` or
    `apns:<token>`; push goes to your newest device. The same token again is the same device, made the
    newest. Send an `Idempotency-Key`.

    Args:
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (NewDevice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Device | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: NewDevice,
    idempotency_key: None | str | Unset = UNSET,
) -> Device | Problem | None:
    """Add a push device

     Requires `notification_preferences:manage_own` (owner, admin, catalog_manager, order_manager,
    finance, content_editor, service_desk, expert, lab_operator, member, distributor). `fcm:<token>` or
    `apns:<token>`; push goes to your newest device. The same token again is the same device, made the
    newest. Send an `Idempotency-Key`.

    Args:
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (NewDevice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Device | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
