from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order import Order
from ...models.problem import Problem
from ...models.refund_decision import RefundDecision
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: str,
    *,
    body: RefundDecision,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/orders/{order_id}/refund-request/approve".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Order | Problem | None:
    if response.status_code == 200:
        response_200 = Order.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Order | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RefundDecision,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Order | Problem]:
    """Approve the member's refund request

     Requires `orders:manage` (owner, admin, order_manager). Refunds through payments; what is returned
    goes back to stock.

    Args:
        order_id (str):
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (RefundDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | Problem]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RefundDecision,
    idempotency_key: None | str | Unset = UNSET,
) -> Order | Problem | None:
    """Approve the member's refund request

     Requires `orders:manage` (owner, admin, order_manager). Refunds through payments; what is returned
    goes back to stock.

    Args:
        order_id (str):
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (RefundDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | Problem
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RefundDecision,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Order | Problem]:
    """Approve the member's refund request

     Requires `orders:manage` (owner, admin, order_manager). Refunds through payments; what is returned
    goes back to stock.

    Args:
        order_id (str):
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (RefundDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | Problem]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RefundDecision,
    idempotency_key: None | str | Unset = UNSET,
) -> Order | Problem | None:
    """Approve the member's refund request

     Requires `orders:manage` (owner, admin, order_manager). Refunds through payments; what is returned
    goes back to stock.

    Args:
        order_id (str):
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (RefundDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | Problem
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
