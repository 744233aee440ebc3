from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.callback_answer import CallbackAnswer
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    provider: str,
    tenant_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/messaging/callbacks/{provider}/{tenant_id}".format(
            provider=quote(str(provider), safe=""),
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CallbackAnswer | Problem | None:
    if response.status_code == 200:
        response_200 = CallbackAnswer.from_dict(response.json())

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
) -> Response[CallbackAnswer | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider: str,
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CallbackAnswer | Problem]:
    """Receive a messaging provider's status callbacks (called by the provider, which signs each)

     The status callback URL to give each provider for a tenant (Twilio's StatusCallback, WhatsApp's
    webhook, WeChat's server URL). No token: the provider's signature of the request proves who sent it.
    Each status moves its message forward only (a duplicate, a late or an earlier attempt's status
    changes nothing); a failure moves the message on along its reachability chain; a person's own
    WhatsApp message opens their service window.

    Args:
        provider (str):
        tenant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallbackAnswer | Problem]
    """

    kwargs = _get_kwargs(
        provider=provider,
        tenant_id=tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider: str,
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> CallbackAnswer | Problem | None:
    """Receive a messaging provider's status callbacks (called by the provider, which signs each)

     The status callback URL to give each provider for a tenant (Twilio's StatusCallback, WhatsApp's
    webhook, WeChat's server URL). No token: the provider's signature of the request proves who sent it.
    Each status moves its message forward only (a duplicate, a late or an earlier attempt's status
    changes nothing); a failure moves the message on along its reachability chain; a person's own
    WhatsApp message opens their service window.

    Args:
        provider (str):
        tenant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallbackAnswer | Problem
    """

    return sync_detailed(
        provider=provider,
        tenant_id=tenant_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    provider: str,
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CallbackAnswer | Problem]:
    """Receive a messaging provider's status callbacks (called by the provider, which signs each)

     The status callback URL to give each provider for a tenant (Twilio's StatusCallback, WhatsApp's
    webhook, WeChat's server URL). No token: the provider's signature of the request proves who sent it.
    Each status moves its message forward only (a duplicate, a late or an earlier attempt's status
    changes nothing); a failure moves the message on along its reachability chain; a person's own
    WhatsApp message opens their service window.

    Args:
        provider (str):
        tenant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallbackAnswer | Problem]
    """

    kwargs = _get_kwargs(
        provider=provider,
        tenant_id=tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider: str,
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> CallbackAnswer | Problem | None:
    """Receive a messaging provider's status callbacks (called by the provider, which signs each)

     The status callback URL to give each provider for a tenant (Twilio's StatusCallback, WhatsApp's
    webhook, WeChat's server URL). No token: the provider's signature of the request proves who sent it.
    Each status moves its message forward only (a duplicate, a late or an earlier attempt's status
    changes nothing); a failure moves the message on along its reachability chain; a person's own
    WhatsApp message opens their service window.

    Args:
        provider (str):
        tenant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallbackAnswer | Problem
    """

    return (
        await asyncio_detailed(
            provider=provider,
            tenant_id=tenant_id,
            client=client,
        )
    ).parsed
