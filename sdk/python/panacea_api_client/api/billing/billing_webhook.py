from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_stripe_event import BillingStripeEvent
from ...models.billing_webhook_receipt import BillingWebhookReceipt
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: BillingStripeEvent,
    stripe_signature: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Stripe-Signature"] = stripe_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/billing/stripe/webhook",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingWebhookReceipt | Problem | None:
    if response.status_code == 200:
        response_200 = BillingWebhookReceipt.from_dict(response.json())

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
) -> Response[BillingWebhookReceipt | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BillingStripeEvent,
    stripe_signature: str,
) -> Response[BillingWebhookReceipt | Problem]:
    """Receive Stripe Billing's events (called by Stripe, which signs each)

     The endpoint to give Stripe for Billing (Developers → Webhooks, a second endpoint), subscribed to
    the event types the body's `type` lists: a checkout completed, a subscription created, changed,
    ended or near its trial's end, an invoice paid, failed or needing action, the active entitlements
    changed. Whatever the event says, billing re-reads the customer's subscriptions and entitlements
    from Stripe and rebuilds the tenant's one entitlements record, so late, repeated or lost events
    converge.

    Args:
        stripe_signature (str): Stripe's signature of this request's body: `t=<unix
            seconds>,v1=<hex HMAC-SHA256>`,
            keyed by the billing endpoint's signing secret (`whsec_…`, its own, not the payments
            endpoint's), of
            `<t>.<the raw body>`; `t` must be within 300 seconds of the platform's clock.
        body (BillingStripeEvent): An event as Stripe POSTs it to billing's endpoint (Stripe's
            Event object; it may carry more
            fields than these). It is answered only if `Stripe-Signature` signs its exact bytes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingWebhookReceipt | Problem]
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
    body: BillingStripeEvent,
    stripe_signature: str,
) -> BillingWebhookReceipt | Problem | None:
    """Receive Stripe Billing's events (called by Stripe, which signs each)

     The endpoint to give Stripe for Billing (Developers → Webhooks, a second endpoint), subscribed to
    the event types the body's `type` lists: a checkout completed, a subscription created, changed,
    ended or near its trial's end, an invoice paid, failed or needing action, the active entitlements
    changed. Whatever the event says, billing re-reads the customer's subscriptions and entitlements
    from Stripe and rebuilds the tenant's one entitlements record, so late, repeated or lost events
    converge.

    Args:
        stripe_signature (str): Stripe's signature of this request's body: `t=<unix
            seconds>,v1=<hex HMAC-SHA256>`,
            keyed by the billing endpoint's signing secret (`whsec_…`, its own, not the payments
            endpoint's), of
            `<t>.<the raw body>`; `t` must be within 300 seconds of the platform's clock.
        body (BillingStripeEvent): An event as Stripe POSTs it to billing's endpoint (Stripe's
            Event object; it may carry more
            fields than these). It is answered only if `Stripe-Signature` signs its exact bytes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingWebhookReceipt | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        stripe_signature=stripe_signature,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BillingStripeEvent,
    stripe_signature: str,
) -> Response[BillingWebhookReceipt | Problem]:
    """Receive Stripe Billing's events (called by Stripe, which signs each)

     The endpoint to give Stripe for Billing (Developers → Webhooks, a second endpoint), subscribed to
    the event types the body's `type` lists: a checkout completed, a subscription created, changed,
    ended or near its trial's end, an invoice paid, failed or needing action, the active entitlements
    changed. Whatever the event says, billing re-reads the customer's subscriptions and entitlements
    from Stripe and rebuilds the tenant's one entitlements record, so late, repeated or lost events
    converge.

    Args:
        stripe_signature (str): Stripe's signature of this request's body: `t=<unix
            seconds>,v1=<hex HMAC-SHA256>`,
            keyed by the billing endpoint's signing secret (`whsec_…`, its own, not the payments
            endpoint's), of
            `<t>.<the raw body>`; `t` must be within 300 seconds of the platform's clock.
        body (BillingStripeEvent): An event as Stripe POSTs it to billing's endpoint (Stripe's
            Event object; it may carry more
            fields than these). It is answered only if `Stripe-Signature` signs its exact bytes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingWebhookReceipt | Problem]
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
    body: BillingStripeEvent,
    stripe_signature: str,
) -> BillingWebhookReceipt | Problem | None:
    """Receive Stripe Billing's events (called by Stripe, which signs each)

     The endpoint to give Stripe for Billing (Developers → Webhooks, a second endpoint), subscribed to
    the event types the body's `type` lists: a checkout completed, a subscription created, changed,
    ended or near its trial's end, an invoice paid, failed or needing action, the active entitlements
    changed. Whatever the event says, billing re-reads the customer's subscriptions and entitlements
    from Stripe and rebuilds the tenant's one entitlements record, so late, repeated or lost events
    converge.

    Args:
        stripe_signature (str): Stripe's signature of this request's body: `t=<unix
            seconds>,v1=<hex HMAC-SHA256>`,
            keyed by the billing endpoint's signing secret (`whsec_…`, its own, not the payments
            endpoint's), of
            `<t>.<the raw body>`; `t` must be within 300 seconds of the platform's clock.
        body (BillingStripeEvent): An event as Stripe POSTs it to billing's endpoint (Stripe's
            Event object; it may carry more
            fields than these). It is answered only if `Stripe-Signature` signs its exact bytes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingWebhookReceipt | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            stripe_signature=stripe_signature,
        )
    ).parsed
