from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.new_promotion import NewPromotion
from ...models.problem import Problem
from ...models.promotion import Promotion
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NewPromotion,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/promotions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Promotion | None:
    if response.status_code == 201:
        response_201 = Promotion.from_dict(response.json())

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
) -> Response[Problem | Promotion]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewPromotion,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | Promotion]:
    """Create a promotion (a draft): a campaign, a coupon with a shared code, or single-use codes

     Requires `promotions:manage` (owner, admin, catalog_manager).

    **What combines with what.** An order takes at most one coupon code and at most one automatic
    campaign. A campaign and a coupon combine only when both are marked `combinable`; otherwise
    only one of them applies. Of everything allowed, the quote applies the combination with the
    largest total discount (on a tie: the one with the coupon the member entered, then the one
    with fewer promotions, then the campaign created first). A coupon that is valid but loses is
    not refused: the quote says so in `notes` and `coupon_applied` is false.

    **How a discount is worked out.** Each promotion looks at the lines in its scope (the whole
    order, some products, or some categories). Its minimum spend and its spend-and-save tier
    (the highest tier reached applies) are measured on those lines' amounts before any discount.
    The discount is an amount off, a percentage of those lines (basis points, rounded down to the
    minor unit), or the tier's amount off; it never exceeds what is left of those lines. It is
    spread over the scoped lines in proportion to their amounts, rounding down, and the remainder
    goes on the last scoped line (the one before it, if that line has nothing left). When a
    campaign and a coupon combine, the campaign applies first and the coupon is worked out on what
    the campaign left, so together they never take a line below zero.

    **When a promotion applies.** Active, inside its window (`starts_at` ≤ now < `ends_at`), in
    the lines' currency, minimum spend met, first orders only if so marked, uses and budget left
    (its discount must fit the budget that is left), the member under their own limit (a
    first-order promotion counts as one use per member), and a single-use code not used yet.
    Redeeming (in the order's transaction) checks the usage limit, the budget, the member's limit
    and the single-use code again under conditions, so no limit is exceeded under concurrency; a
    cancelled or expired order gives them back.

    Args:
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (NewPromotion): A promotion, created as a draft. Activate it to let members use it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Promotion]
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
    body: NewPromotion,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | Promotion | None:
    """Create a promotion (a draft): a campaign, a coupon with a shared code, or single-use codes

     Requires `promotions:manage` (owner, admin, catalog_manager).

    **What combines with what.** An order takes at most one coupon code and at most one automatic
    campaign. A campaign and a coupon combine only when both are marked `combinable`; otherwise
    only one of them applies. Of everything allowed, the quote applies the combination with the
    largest total discount (on a tie: the one with the coupon the member entered, then the one
    with fewer promotions, then the campaign created first). A coupon that is valid but loses is
    not refused: the quote says so in `notes` and `coupon_applied` is false.

    **How a discount is worked out.** Each promotion looks at the lines in its scope (the whole
    order, some products, or some categories). Its minimum spend and its spend-and-save tier
    (the highest tier reached applies) are measured on those lines' amounts before any discount.
    The discount is an amount off, a percentage of those lines (basis points, rounded down to the
    minor unit), or the tier's amount off; it never exceeds what is left of those lines. It is
    spread over the scoped lines in proportion to their amounts, rounding down, and the remainder
    goes on the last scoped line (the one before it, if that line has nothing left). When a
    campaign and a coupon combine, the campaign applies first and the coupon is worked out on what
    the campaign left, so together they never take a line below zero.

    **When a promotion applies.** Active, inside its window (`starts_at` ≤ now < `ends_at`), in
    the lines' currency, minimum spend met, first orders only if so marked, uses and budget left
    (its discount must fit the budget that is left), the member under their own limit (a
    first-order promotion counts as one use per member), and a single-use code not used yet.
    Redeeming (in the order's transaction) checks the usage limit, the budget, the member's limit
    and the single-use code again under conditions, so no limit is exceeded under concurrency; a
    cancelled or expired order gives them back.

    Args:
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (NewPromotion): A promotion, created as a draft. Activate it to let members use it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Promotion
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewPromotion,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | Promotion]:
    """Create a promotion (a draft): a campaign, a coupon with a shared code, or single-use codes

     Requires `promotions:manage` (owner, admin, catalog_manager).

    **What combines with what.** An order takes at most one coupon code and at most one automatic
    campaign. A campaign and a coupon combine only when both are marked `combinable`; otherwise
    only one of them applies. Of everything allowed, the quote applies the combination with the
    largest total discount (on a tie: the one with the coupon the member entered, then the one
    with fewer promotions, then the campaign created first). A coupon that is valid but loses is
    not refused: the quote says so in `notes` and `coupon_applied` is false.

    **How a discount is worked out.** Each promotion looks at the lines in its scope (the whole
    order, some products, or some categories). Its minimum spend and its spend-and-save tier
    (the highest tier reached applies) are measured on those lines' amounts before any discount.
    The discount is an amount off, a percentage of those lines (basis points, rounded down to the
    minor unit), or the tier's amount off; it never exceeds what is left of those lines. It is
    spread over the scoped lines in proportion to their amounts, rounding down, and the remainder
    goes on the last scoped line (the one before it, if that line has nothing left). When a
    campaign and a coupon combine, the campaign applies first and the coupon is worked out on what
    the campaign left, so together they never take a line below zero.

    **When a promotion applies.** Active, inside its window (`starts_at` ≤ now < `ends_at`), in
    the lines' currency, minimum spend met, first orders only if so marked, uses and budget left
    (its discount must fit the budget that is left), the member under their own limit (a
    first-order promotion counts as one use per member), and a single-use code not used yet.
    Redeeming (in the order's transaction) checks the usage limit, the budget, the member's limit
    and the single-use code again under conditions, so no limit is exceeded under concurrency; a
    cancelled or expired order gives them back.

    Args:
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (NewPromotion): A promotion, created as a draft. Activate it to let members use it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Promotion]
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
    body: NewPromotion,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | Promotion | None:
    """Create a promotion (a draft): a campaign, a coupon with a shared code, or single-use codes

     Requires `promotions:manage` (owner, admin, catalog_manager).

    **What combines with what.** An order takes at most one coupon code and at most one automatic
    campaign. A campaign and a coupon combine only when both are marked `combinable`; otherwise
    only one of them applies. Of everything allowed, the quote applies the combination with the
    largest total discount (on a tie: the one with the coupon the member entered, then the one
    with fewer promotions, then the campaign created first). A coupon that is valid but loses is
    not refused: the quote says so in `notes` and `coupon_applied` is false.

    **How a discount is worked out.** Each promotion looks at the lines in its scope (the whole
    order, some products, or some categories). Its minimum spend and its spend-and-save tier
    (the highest tier reached applies) are measured on those lines' amounts before any discount.
    The discount is an amount off, a percentage of those lines (basis points, rounded down to the
    minor unit), or the tier's amount off; it never exceeds what is left of those lines. It is
    spread over the scoped lines in proportion to their amounts, rounding down, and the remainder
    goes on the last scoped line (the one before it, if that line has nothing left). When a
    campaign and a coupon combine, the campaign applies first and the coupon is worked out on what
    the campaign left, so together they never take a line below zero.

    **When a promotion applies.** Active, inside its window (`starts_at` ≤ now < `ends_at`), in
    the lines' currency, minimum spend met, first orders only if so marked, uses and budget left
    (its discount must fit the budget that is left), the member under their own limit (a
    first-order promotion counts as one use per member), and a single-use code not used yet.
    Redeeming (in the order's transaction) checks the usage limit, the budget, the member's limit
    and the single-use code again under conditions, so no limit is exceeded under concurrency; a
    cancelled or expired order gives them back.

    Args:
        idempotency_key (None | str | Unset): Your key for this write (1 to 255 printable ASCII
            characters, yours alone): a retry with the same key and the same body gets the first
            answer back, marked `Idempotent-Replayed: true`, instead of doing the work again; the same
            key with another body is refused (422). A key is kept per caller, for a day by default.
        body (NewPromotion): A promotion, created as a draft. Activate it to let members use it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Promotion
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
