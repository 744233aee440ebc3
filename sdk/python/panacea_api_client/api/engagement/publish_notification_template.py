from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.template_content import TemplateContent
from ...models.template_locale import TemplateLocale
from ...models.template_view import TemplateView
from ...types import Response


def _get_kwargs(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
    *,
    body: TemplateContent,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/notification-templates/{event_type}/{channel}/{locale}".format(
            event_type=quote(str(event_type), safe=""),
            channel=quote(str(channel), safe=""),
            locale=quote(str(locale), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TemplateView | None:
    if response.status_code == 200:
        response_200 = TemplateView.from_dict(response.json())

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
) -> Response[Problem | TemplateView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateContent,
) -> Response[Problem | TemplateView]:
    """Publish a new version of a notification template

     Requires `notifications:manage_templates` (owner, admin, content_editor). Live from now; earlier
    versions are kept. Variables (`{name}`) must be fields of the event (422 naming the field
    otherwise). Email needs a subject, WhatsApp its approved template, WeChat its template message.

    Args:
        event_type (str): the event's type, e.g. order.paid
        channel (str): the channel
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to
            left).
        body (TemplateContent): What one channel sends, in one language. Variables are written
            `{name}` (a field of the
            event's data, or `tenant_name`, `logo_url`, `primary_colour`); `{{` and `}}` are braces.
            Email
            needs a subject (its HTML, a fragment, is laid out in the tenant's branding; without one
            the
            text is); WhatsApp needs its approved template; WeChat its template message; push shows
            the
            subject as its title.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateView]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
        channel=channel,
        locale=locale,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateContent,
) -> Problem | TemplateView | None:
    """Publish a new version of a notification template

     Requires `notifications:manage_templates` (owner, admin, content_editor). Live from now; earlier
    versions are kept. Variables (`{name}`) must be fields of the event (422 naming the field
    otherwise). Email needs a subject, WhatsApp its approved template, WeChat its template message.

    Args:
        event_type (str): the event's type, e.g. order.paid
        channel (str): the channel
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to
            left).
        body (TemplateContent): What one channel sends, in one language. Variables are written
            `{name}` (a field of the
            event's data, or `tenant_name`, `logo_url`, `primary_colour`); `{{` and `}}` are braces.
            Email
            needs a subject (its HTML, a fragment, is laid out in the tenant's branding; without one
            the
            text is); WhatsApp needs its approved template; WeChat its template message; push shows
            the
            subject as its title.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateView
    """

    return sync_detailed(
        event_type=event_type,
        channel=channel,
        locale=locale,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateContent,
) -> Response[Problem | TemplateView]:
    """Publish a new version of a notification template

     Requires `notifications:manage_templates` (owner, admin, content_editor). Live from now; earlier
    versions are kept. Variables (`{name}`) must be fields of the event (422 naming the field
    otherwise). Email needs a subject, WhatsApp its approved template, WeChat its template message.

    Args:
        event_type (str): the event's type, e.g. order.paid
        channel (str): the channel
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to
            left).
        body (TemplateContent): What one channel sends, in one language. Variables are written
            `{name}` (a field of the
            event's data, or `tenant_name`, `logo_url`, `primary_colour`); `{{` and `}}` are braces.
            Email
            needs a subject (its HTML, a fragment, is laid out in the tenant's branding; without one
            the
            text is); WhatsApp needs its approved template; WeChat its template message; push shows
            the
            subject as its title.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateView]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
        channel=channel,
        locale=locale,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_type: str,
    channel: str,
    locale: TemplateLocale,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateContent,
) -> Problem | TemplateView | None:
    """Publish a new version of a notification template

     Requires `notifications:manage_templates` (owner, admin, content_editor). Live from now; earlier
    versions are kept. Variables (`{name}`) must be fields of the event (422 naming the field
    otherwise). Email needs a subject, WhatsApp its approved template, WeChat its template message.

    Args:
        event_type (str): the event's type, e.g. order.paid
        channel (str): the channel
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to
            left).
        body (TemplateContent): What one channel sends, in one language. Variables are written
            `{name}` (a field of the
            event's data, or `tenant_name`, `logo_url`, `primary_colour`); `{{` and `}}` are braces.
            Email
            needs a subject (its HTML, a fragment, is laid out in the tenant's branding; without one
            the
            text is); WhatsApp needs its approved template; WeChat its template message; push shows
            the
            subject as its title.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateView
    """

    return (
        await asyncio_detailed(
            event_type=event_type,
            channel=channel,
            locale=locale,
            client=client,
            body=body,
        )
    ).parsed
