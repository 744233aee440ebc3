from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stripe_event import StripeEvent
from ...models.webhook_receipt import WebhookReceipt
from ...types import Response


def _get_kwargs(
    *,
    body: StripeEvent,
    stripe_signature: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Stripe-Signature"] = stripe_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/payments/stripe/webhook",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookReceipt | None:
    if response.status_code == 200:
        response_200 = WebhookReceipt.from_dict(response.json())

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
) -> Response[Problem | WebhookReceipt]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StripeEvent,
    stripe_signature: str,
) -> Response[Problem | WebhookReceipt]:
    """Receive Stripe's events (called by Stripe, which signs each)

     The endpoint to give Stripe (Developers → Webhooks), subscribed to the event types the body's `type`
    lists: a payment succeeded, failed or was cancelled, a charge refunded or disputed. It takes no
    token: the `Stripe-Signature` header proves Stripe sent the body. Each event is applied at most once
    (its id is remembered) and never over newer state; the tenant is the one that started the payment,
    never anything the event says.

    Args:
        stripe_signature (str): Stripe's signature of this request's body, as Stripe sends it:

                Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>

            `v1` is the hex HMAC-SHA256, keyed by the endpoint's signing secret (`whsec_…`), of the
            string
            `<t>.<the raw body>` (the timestamp, a dot, and the body's bytes exactly as sent). The
            body is applied
            only if one `v1` of the header signs it and `t` is within 300 seconds of the
            platform's clock (a 400 otherwise); during a secret's rotation Stripe sends one `v1` per
            secret.
        body (StripeEvent): An event as Stripe POSTs it to the webhook endpoint (Stripe's Event
            object; it may carry
            more fields than these). It is applied only if `Stripe-Signature` signs its exact bytes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookReceipt]
    """

    kwargs = _get_kwargs(
        body=body,
        stripe_signature=stripe_signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: StripeEvent,
    stripe_signature: str,
) -> Problem | WebhookReceipt | None:
    """Receive Stripe's events (called by Stripe, which signs each)

     The endpoint to give Stripe (Developers → Webhooks), subscribed to the event types the body's `type`
    lists: a payment succeeded, failed or was cancelled, a charge refunded or disputed. It takes no
    token: the `Stripe-Signature` header proves Stripe sent the body. Each event is applied at most once
    (its id is remembered) and never over newer state; the tenant is the one that started the payment,
    never anything the event says.

    Args:
        stripe_signature (str): Stripe's signature of this request's body, as Stripe sends it:

                Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>

            `v1` is the hex HMAC-SHA256, keyed by the endpoint's signing secret (`whsec_…`), of the
            string
            `<t>.<the raw body>` (the timestamp, a dot, and the body's bytes exactly as sent). The
            body is applied
            only if one `v1` of the header signs it and `t` is within 300 seconds of the
            platform's clock (a 400 otherwise); during a secret's rotation Stripe sends one `v1` per
            secret.
        body (StripeEvent): An event as Stripe POSTs it to the webhook endpoint (Stripe's Event
            object; it may carry
            more fields than these). It is applied only if `Stripe-Signature` signs its exact bytes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookReceipt
    """

    return sync_detailed(
        client=client,
        body=body,
        stripe_signature=stripe_signature,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StripeEvent,
    stripe_signature: str,
) -> Response[Problem | WebhookReceipt]:
    """Receive Stripe's events (called by Stripe, which signs each)

     The endpoint to give Stripe (Developers → Webhooks), subscribed to the event types the body's `type`
    lists: a payment succeeded, failed or was cancelled, a charge refunded or disputed. It takes no
    token: the `Stripe-Signature` header proves Stripe sent the body. Each event is applied at most once
    (its id is remembered) and never over newer state; the tenant is the one that started the payment,
    never anything the event says.

    Args:
        stripe_signature (str): Stripe's signature of this request's body, as Stripe sends it:

                Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>

            `v1` is the hex HMAC-SHA256, keyed by the endpoint's signing secret (`whsec_…`), of the
            string
            `<t>.<the raw body>` (the timestamp, a dot, and the body's bytes exactly as sent). The
            body is applied
            only if one `v1` of the header signs it and `t` is within 300 seconds of the
            platform's clock (a 400 otherwise); during a secret's rotation Stripe sends one `v1` per
            secret.
        body (StripeEvent): An event as Stripe POSTs it to the webhook endpoint (Stripe's Event
            object; it may carry
            more fields than these). It is applied only if `Stripe-Signature` signs its exact bytes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookReceipt]
    """

    kwargs = _get_kwargs(
        body=body,
        stripe_signature=stripe_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: StripeEvent,
    stripe_signature: str,
) -> Problem | WebhookReceipt | None:
    """Receive Stripe's events (called by Stripe, which signs each)

     The endpoint to give Stripe (Developers → Webhooks), subscribed to the event types the body's `type`
    lists: a payment succeeded, failed or was cancelled, a charge refunded or disputed. It takes no
    token: the `Stripe-Signature` header proves Stripe sent the body. Each event is applied at most once
    (its id is remembered) and never over newer state; the tenant is the one that started the payment,
    never anything the event says.

    Args:
        stripe_signature (str): Stripe's signature of this request's body, as Stripe sends it:

                Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>

            `v1` is the hex HMAC-SHA256, keyed by the endpoint's signing secret (`whsec_…`), of the
            string
            `<t>.<the raw body>` (the timestamp, a dot, and the body's bytes exactly as sent). The
            body is applied
            only if one `v1` of the header signs it and `t` is within 300 seconds of the
            platform's clock (a 400 otherwise); during a secret's rotation Stripe sends one `v1` per
            secret.
        body (StripeEvent): An event as Stripe POSTs it to the webhook endpoint (Stripe's Event
            object; it may carry
            more fields than these). It is applied only if `Stripe-Signature` signs its exact bytes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookReceipt
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            stripe_signature=stripe_signature,
        )
    ).parsed
