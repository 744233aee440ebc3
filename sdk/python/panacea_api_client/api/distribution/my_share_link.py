from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.share_link import ShareLink
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    product_id: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_product_id: None | str | Unset
    if isinstance(product_id, Unset):
        json_product_id = UNSET
    else:
        json_product_id = product_id
    params["product_id"] = json_product_id

    json_origin: None | str | Unset
    if isinstance(origin, Unset):
        json_origin = UNSET
    else:
        json_origin = origin
    params["origin"] = json_origin

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/me/distributor/share-link",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ShareLink | None:
    if response.status_code == 200:
        response_200 = ShareLink.from_dict(response.json())

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
) -> Response[Problem | ShareLink]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    product_id: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
) -> Response[Problem | ShareLink]:
    """Your share link to the shop or to one of its products

     Requires `distribution:take_part` (member, distributor). The link carries your referral code as
    `ref`; a member who registers or checks out through it sends that code as `referral_code`. For an
    active distributor of a shop that lists its web origin.

    Args:
        product_id (None | str | Unset): a product of the shop: the link opens its page, not the
            shop's
        origin (None | str | Unset): one of the tenant's allowed_origins (absent: the first it
            lists)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShareLink]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        origin=origin,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    product_id: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
) -> Problem | ShareLink | None:
    """Your share link to the shop or to one of its products

     Requires `distribution:take_part` (member, distributor). The link carries your referral code as
    `ref`; a member who registers or checks out through it sends that code as `referral_code`. For an
    active distributor of a shop that lists its web origin.

    Args:
        product_id (None | str | Unset): a product of the shop: the link opens its page, not the
            shop's
        origin (None | str | Unset): one of the tenant's allowed_origins (absent: the first it
            lists)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShareLink
    """

    return sync_detailed(
        client=client,
        product_id=product_id,
        origin=origin,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    product_id: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
) -> Response[Problem | ShareLink]:
    """Your share link to the shop or to one of its products

     Requires `distribution:take_part` (member, distributor). The link carries your referral code as
    `ref`; a member who registers or checks out through it sends that code as `referral_code`. For an
    active distributor of a shop that lists its web origin.

    Args:
        product_id (None | str | Unset): a product of the shop: the link opens its page, not the
            shop's
        origin (None | str | Unset): one of the tenant's allowed_origins (absent: the first it
            lists)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShareLink]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        origin=origin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    product_id: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
) -> Problem | ShareLink | None:
    """Your share link to the shop or to one of its products

     Requires `distribution:take_part` (member, distributor). The link carries your referral code as
    `ref`; a member who registers or checks out through it sends that code as `referral_code`. For an
    active distributor of a shop that lists its web origin.

    Args:
        product_id (None | str | Unset): a product of the shop: the link opens its page, not the
            shop's
        origin (None | str | Unset): one of the tenant's allowed_origins (absent: the first it
            lists)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShareLink
    """

    return (
        await asyncio_detailed(
            client=client,
            product_id=product_id,
            origin=origin,
        )
    ).parsed
