"""A distributor's share links and QR codes, as a Powertools `Router` that the context's API function
includes (`app.include_router(link_routes.router)` in functions/distribution/api.py).

The link opens the tenant's shop (or one product in it) and carries the distributor's referral code
as `ref`; the QR code draws that link as a PNG (binary: base64 in the Lambda proxy answer, which API
Gateway turns back into bytes for a request that accepts `image/png`) or an SVG (text)."""

from __future__ import annotations

import base64
from typing import Annotated, Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.params import Query
from pydantic import ValidationError

from panacea.distribution import links
from panacea.distribution.access import Action
from panacea.distribution.links import MEDIA_TYPES, QrImage, QrRequest, ShareLink
from panacea.platform.access import requires
from panacea.platform.api import current_actor
from panacea.platform.ids import ID_PATTERN

router = Router()  # type: ignore[no-untyped-call]

MINE = "My distribution"
TAKE_PART = requires(Action.TAKE_PART)
PNG, SVG = MEDIA_TYPES["png"], MEDIA_TYPES["svg"]

ProductId = Annotated[
    str | None, Query(pattern=ID_PATTERN, description="a product of the shop: the link opens its page, not the shop's")
]
Origin = Annotated[
    str | None,
    Query(max_length=300, description="one of the tenant's allowed_origins (absent: the first it lists)"),
]
Format = Annotated[Literal["png", "svg"], Query(description=f"png ({PNG}) or svg ({SVG})")]
Size = Annotated[int, Query(ge=links.MIN_SIZE, le=links.MAX_SIZE, description="the image's edge in pixels (at most)")]
Colour = Annotated[str | None, Query(pattern=links.HEX_PATTERN, description="#RRGGBB")]
Correction = Annotated[
    Literal["M", "Q"], Query(description="M: 15 % of the code may be lost; Q: 25 % (a logo or a sticker over it)")
]
LINKED = (
    "The link carries your referral code as `ref`; a member who registers or checks out through it "
    "sends that code as `referral_code`."
)


@router.get(
    "/v1/me/distributor/share-link",
    summary="Your share link to the shop or to one of its products",
    description=f"{TAKE_PART} {LINKED} For an active distributor of a shop that lists its web origin.",
    tags=[MINE],
)
def my_share_link(product_id: ProductId = None, origin: Origin = None) -> ShareLink:
    return links.my_share_link(current_actor(), product_id=product_id, origin=origin)


@router.get(
    "/v1/me/distributor/qr-code",
    summary="Your share link as a QR code (PNG or SVG)",
    description=f"{TAKE_PART} {LINKED} Drawn in the shop's brand colour on white unless `dark` and `light` say "
    f"otherwise (colours that would not scan are refused). Send `Accept: {PNG}` for a PNG: API Gateway hands "
    "binary answers over as such only to a request that accepts them.",
    tags=[MINE],
    responses={
        200: {
            "description": "the QR code",
            "content": {
                PNG: {"schema": {"type": "string", "format": "binary"}},
                SVG: {"schema": {"type": "string", "format": "binary"}},  # a file, as the PNG (its text is XML)
            },
        }
    },
)
def my_qr_code(
    *,
    product_id: ProductId = None,
    origin: Origin = None,
    format: Format = "png",
    size: Size = links.DEFAULT_SIZE,
    dark: Colour = None,
    light: Colour = None,
    error_correction: Correction = "M",
) -> Response[str]:
    request = _qr_request(format=format, size=size, dark=dark, light=light, error_correction=error_correction)
    drawn = links.my_qr_code(current_actor(), request, product_id=product_id, origin=origin)
    return _image(drawn)


def _qr_request(**fields: object) -> QrRequest:
    """The query's fields as a QrRequest; its refusals (colours that would not scan) name the query's field."""
    try:
        return QrRequest.model_validate({name: value for name, value in fields.items() if value is not None})
    except ValidationError as wrong:
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in wrong.errors()]) from None


def _image(drawn: QrImage) -> Response[str]:
    """A PNG as base64 (flagged, as `panacea.platform.api.attachment` answers a workbook), an SVG as text."""
    binary = drawn.media_type == PNG
    body = base64.b64encode(drawn.content).decode() if binary else drawn.content.decode()
    answer = Response(
        status_code=200,
        content_type=drawn.media_type,
        body=body,
        headers={"Content-Disposition": f'inline; filename="share.{"png" if binary else "svg"}"'},
    )
    answer.base64_encoded = binary
    return answer
