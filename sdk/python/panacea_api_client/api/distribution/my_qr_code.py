from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.my_qr_code_error_correction import MyQrCodeErrorCorrection
from ...models.my_qr_code_format import MyQrCodeFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    product_id: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    format_: MyQrCodeFormat | Unset = MyQrCodeFormat.PNG,
    size: int | Unset = 512,
    dark: None | str | Unset = UNSET,
    light: None | str | Unset = UNSET,
    error_correction: MyQrCodeErrorCorrection | Unset = MyQrCodeErrorCorrection.M,
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

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["size"] = size

    json_dark: None | str | Unset
    if isinstance(dark, Unset):
        json_dark = UNSET
    else:
        json_dark = dark
    params["dark"] = json_dark

    json_light: None | str | Unset
    if isinstance(light, Unset):
        json_light = UNSET
    else:
        json_light = light
    params["light"] = json_light

    json_error_correction: str | Unset = UNSET
    if not isinstance(error_correction, Unset):
        json_error_correction = error_correction.value

    params["error_correction"] = json_error_correction

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/me/distributor/qr-code",
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
    product_id: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    format_: MyQrCodeFormat | Unset = MyQrCodeFormat.PNG,
    size: int | Unset = 512,
    dark: None | str | Unset = UNSET,
    light: None | str | Unset = UNSET,
    error_correction: MyQrCodeErrorCorrection | Unset = MyQrCodeErrorCorrection.M,
) -> Response[Problem]:
    """Your share link as a QR code (PNG or SVG)

     Requires `distribution:take_part` (member, distributor). The link carries your referral code as
    `ref`; a member who registers or checks out through it sends that code as `referral_code`. Drawn in
    the shop's brand colour on white unless `dark` and `light` say otherwise (colours that would not
    scan are refused). Send `Accept: image/png` for a PNG: API Gateway hands binary answers over as such
    only to a request that accepts them.

    Args:
        product_id (None | str | Unset): a product of the shop: the link opens its page, not the
            shop's
        origin (None | str | Unset): one of the tenant's allowed_origins (absent: the first it
            lists)
        format_ (MyQrCodeFormat | Unset): png (image/png) or svg (image/svg+xml) Default:
            MyQrCodeFormat.PNG.
        size (int | Unset): the image's edge in pixels (at most) Default: 512.
        dark (None | str | Unset): #RRGGBB
        light (None | str | Unset): #RRGGBB
        error_correction (MyQrCodeErrorCorrection | Unset): M: 15 % of the code may be lost; Q: 25
            % (a logo or a sticker over it) Default: MyQrCodeErrorCorrection.M.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        origin=origin,
        format_=format_,
        size=size,
        dark=dark,
        light=light,
        error_correction=error_correction,
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
    format_: MyQrCodeFormat | Unset = MyQrCodeFormat.PNG,
    size: int | Unset = 512,
    dark: None | str | Unset = UNSET,
    light: None | str | Unset = UNSET,
    error_correction: MyQrCodeErrorCorrection | Unset = MyQrCodeErrorCorrection.M,
) -> Problem | None:
    """Your share link as a QR code (PNG or SVG)

     Requires `distribution:take_part` (member, distributor). The link carries your referral code as
    `ref`; a member who registers or checks out through it sends that code as `referral_code`. Drawn in
    the shop's brand colour on white unless `dark` and `light` say otherwise (colours that would not
    scan are refused). Send `Accept: image/png` for a PNG: API Gateway hands binary answers over as such
    only to a request that accepts them.

    Args:
        product_id (None | str | Unset): a product of the shop: the link opens its page, not the
            shop's
        origin (None | str | Unset): one of the tenant's allowed_origins (absent: the first it
            lists)
        format_ (MyQrCodeFormat | Unset): png (image/png) or svg (image/svg+xml) Default:
            MyQrCodeFormat.PNG.
        size (int | Unset): the image's edge in pixels (at most) Default: 512.
        dark (None | str | Unset): #RRGGBB
        light (None | str | Unset): #RRGGBB
        error_correction (MyQrCodeErrorCorrection | Unset): M: 15 % of the code may be lost; Q: 25
            % (a logo or a sticker over it) Default: MyQrCodeErrorCorrection.M.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        client=client,
        product_id=product_id,
        origin=origin,
        format_=format_,
        size=size,
        dark=dark,
        light=light,
        error_correction=error_correction,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    product_id: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    format_: MyQrCodeFormat | Unset = MyQrCodeFormat.PNG,
    size: int | Unset = 512,
    dark: None | str | Unset = UNSET,
    light: None | str | Unset = UNSET,
    error_correction: MyQrCodeErrorCorrection | Unset = MyQrCodeErrorCorrection.M,
) -> Response[Problem]:
    """Your share link as a QR code (PNG or SVG)

     Requires `distribution:take_part` (member, distributor). The link carries your referral code as
    `ref`; a member who registers or checks out through it sends that code as `referral_code`. Drawn in
    the shop's brand colour on white unless `dark` and `light` say otherwise (colours that would not
    scan are refused). Send `Accept: image/png` for a PNG: API Gateway hands binary answers over as such
    only to a request that accepts them.

    Args:
        product_id (None | str | Unset): a product of the shop: the link opens its page, not the
            shop's
        origin (None | str | Unset): one of the tenant's allowed_origins (absent: the first it
            lists)
        format_ (MyQrCodeFormat | Unset): png (image/png) or svg (image/svg+xml) Default:
            MyQrCodeFormat.PNG.
        size (int | Unset): the image's edge in pixels (at most) Default: 512.
        dark (None | str | Unset): #RRGGBB
        light (None | str | Unset): #RRGGBB
        error_correction (MyQrCodeErrorCorrection | Unset): M: 15 % of the code may be lost; Q: 25
            % (a logo or a sticker over it) Default: MyQrCodeErrorCorrection.M.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        origin=origin,
        format_=format_,
        size=size,
        dark=dark,
        light=light,
        error_correction=error_correction,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    product_id: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    format_: MyQrCodeFormat | Unset = MyQrCodeFormat.PNG,
    size: int | Unset = 512,
    dark: None | str | Unset = UNSET,
    light: None | str | Unset = UNSET,
    error_correction: MyQrCodeErrorCorrection | Unset = MyQrCodeErrorCorrection.M,
) -> Problem | None:
    """Your share link as a QR code (PNG or SVG)

     Requires `distribution:take_part` (member, distributor). The link carries your referral code as
    `ref`; a member who registers or checks out through it sends that code as `referral_code`. Drawn in
    the shop's brand colour on white unless `dark` and `light` say otherwise (colours that would not
    scan are refused). Send `Accept: image/png` for a PNG: API Gateway hands binary answers over as such
    only to a request that accepts them.

    Args:
        product_id (None | str | Unset): a product of the shop: the link opens its page, not the
            shop's
        origin (None | str | Unset): one of the tenant's allowed_origins (absent: the first it
            lists)
        format_ (MyQrCodeFormat | Unset): png (image/png) or svg (image/svg+xml) Default:
            MyQrCodeFormat.PNG.
        size (int | Unset): the image's edge in pixels (at most) Default: 512.
        dark (None | str | Unset): #RRGGBB
        light (None | str | Unset): #RRGGBB
        error_correction (MyQrCodeErrorCorrection | Unset): M: 15 % of the code may be lost; Q: 25
            % (a logo or a sticker over it) Default: MyQrCodeErrorCorrection.M.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            product_id=product_id,
            origin=origin,
            format_=format_,
            size=size,
            dark=dark,
            light=light,
            error_correction=error_correction,
        )
    ).parsed
