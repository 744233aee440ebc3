"""Share links and QR codes: how a distributor's referral code reaches the people they invite.

A share link opens the tenant's shop, or one product page in it, and carries the distributor's
referral code in the query parameter `ref` (`PARAMETER`):

    https://shop.harbour-gene.example/?ref=MEI8K2
    https://shop.harbour-gene.example/products/01JD7Q2ZQ8C1V3B5N7M9K2H4FD?ref=MEI8K2

- The shop is one of the web origins the tenant lists in its settings (`allowed_origins`), written
  as `panacea.platform.cors.web_origin` takes it: https, a domain name, an optional port, no path;
  one trailing slash is forgiven. Not http, not localhost or an address: a tenant cannot list such
  an origin, and a link printed on a poster for the public must be one a phone opens safely.
- A product's page in a shop is `/products/<product id>` (`PRODUCT_PATH`), the path the shop apps
  serve; the id is a catalog id (a ULID).
- A referral code is what orders takes at checkout (`Checkout.referral_code`): 1 to 40 of
  `A-Z a-z 0-9 _ -`, case kept. Parts are URL-encoded with urllib whatever they hold.

`referral_code_of` reads the code back from a link someone scanned or pasted, for attribution at
registration or checkout: None when the link carries none, `InvalidShareLink` (400, naming the
field) when it is not an https link, names another shop than the tenant's, carries `ref` twice, or
a code that is not one.

QR codes (`qr_code`) are drawn by segno, a maintained encoder in pure Python (its PNG needs no
Pillow), imported with the first code drawn, never on a cold start:

- error correction M (15 % of the code may be lost) or Q (25 %: a sticker or a logo over it);
  segno raises the level when it fits in the same size, so the level asked for is a floor;
- a quiet zone of 4 modules around the code (ISO/IEC 18004's minimum), in the light colour;
- the tenant's colours: dark modules on a light background (phone cameras look for dark on light:
  few read an inverted code), `#RRGGBB`, at least 3:1 apart (`MIN_CONTRAST`, WCAG 2's ratio for
  graphics that must be made out, 1.4.11) computed from the sRGB relative luminance;
- `size` is the image's edge in pixels, 256 to 2048: the code takes the largest whole number of
  pixels per module that fits (sharp modules), at least 2 for the longest link (`MAX_LINK`).

How routes use it (functions/distribution/link_routes.py): a distributor's own link (`my_share_link`)
is built with `shop_link` or `product_link` from one of the tenant's `allowed_origins` (the one the
caller names, else the first listed) and the caller's referral code, and answered as JSON; the QR
route takes a `QrRequest` (its fields one by one as query parameters:
`?format=svg&size=512&dark=%230B6E4F`) and answers `my_qr_code`, drawn with the tenant's
branding.primary_colour, with its `media_type` (a PNG is binary: base64 in the Lambda proxy answer).
Only an active distributor gets a link: a suspended or removed one's code binds nobody.

A link's code is the `ref` query parameter; a client that opens it keeps the code and sends it as
registration's and checkout's `referral_code` (a typed code goes the same way), and `referral_code_of`
reads it back from a scanned or pasted link for a route that takes the link itself.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from panacea import tenancy
from panacea.distribution import distributors
from panacea.distribution.models import DistributorStatus
from panacea.platform.access import Actor
from panacea.platform.cors import web_origin
from panacea.platform.errors import CREDENTIALS, BadRequest, Conflict, FieldError
from panacea.platform.ids import ID_PATTERN
from panacea.platform.inputs import Command
from panacea.platform.models import BaseModel

PARAMETER = "ref"  # the query parameter that carries the referral code
PRODUCT_PATH = "/products/{product_id}"  # a product's page in the tenant's shop
REFERRAL_CODE_PATTERN = r"^[A-Za-z0-9_-]+$"  # as orders' Checkout.referral_code
MAX_CODE = 40
MAX_LINK = 400  # the longest link built: a 300-character origin, a product's path, ?ref= and a code
MAX_READ = 2000  # the longest link read back (a pasted link may carry other parameters)

ReferralCode = Annotated[
    str, Field(min_length=1, max_length=MAX_CODE, pattern=REFERRAL_CODE_PATTERN, examples=["MEI8K2"])
]


class InvalidShareLink(BadRequest):
    """A share link that cannot be built or read: its shop is not an https origin of the tenant's,
    or its referral code (`ref`) or product id is not one. The field errors say which part."""

    slug, title = "invalid-share-link", "Invalid share link"


def _refuse(field: str, code: str, detail: str) -> InvalidShareLink:
    return InvalidShareLink(detail, errors=[FieldError(field, code, detail)])


# --- links -------------------------------------------------------------------------------------


def _shop(origin: str) -> str:
    try:
        return web_origin(origin[:-1] if origin.endswith("/") else origin)
    except ValueError as wrong:
        raise _refuse("origin", "not_an_origin", f"the shop's origin: {wrong}") from None


def _checked_code(code: str, field: str = "code") -> str:
    if len(code) > MAX_CODE or not re.fullmatch(REFERRAL_CODE_PATTERN, code):
        raise _refuse(
            field,
            "malformed_referral_code",
            f"a referral code is 1 to {MAX_CODE} of A-Z, a-z, 0-9, _ and -",
        )
    return code


def shop_link(origin: str, code: str) -> str:
    """The link to the tenant's shop at `origin` (one of its `allowed_origins`) carrying `code`."""
    return f"{_shop(origin)}/?{urlencode({PARAMETER: _checked_code(code)})}"


def product_link(origin: str, code: str, product_id: str) -> str:
    """The link to one product's page in the tenant's shop at `origin`, carrying `code`."""
    if not re.fullmatch(ID_PATTERN, product_id):
        raise _refuse("product_id", "malformed_id", f"a product id is a ULID ({ID_PATTERN})")
    path = PRODUCT_PATH.format(product_id=quote(product_id, safe=""))
    return f"{_shop(origin)}{path}?{urlencode({PARAMETER: _checked_code(code)})}"


def referral_code_of(link: str, *, origins: Collection[str] | None = None, field: str = "link") -> str | None:
    """The referral code a share link carries, or None when it carries none. With `origins` (the
    tenant's `allowed_origins`), the link must open one of them: another shop's code is not the
    tenant's. Refused (`InvalidShareLink` on `field`): what is not an https link to a shop, a link
    naming another shop, `ref` given twice, a code that is not one."""
    if len(link) > MAX_READ:
        raise _refuse(field, "too_long", f"a share link is at most {MAX_READ} characters")
    try:
        parts = urlsplit(link)
        _ = parts.port  # urlsplit checks the port only when it is read
    except ValueError:
        raise _refuse(field, "not_a_link", "not a link: a share link is https://<shop>/…?ref=<code>") from None
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise _refuse(field, "not_a_link", "a share link is https://<shop>/…?ref=<code>")
    if origins is not None:
        try:
            shop = web_origin(f"https://{parts.netloc}")
        except ValueError:
            shop = None
        if shop not in {origin.lower() for origin in origins}:
            raise _refuse(field, "other_shop", f"the link opens {parts.netloc[:300]}, which is not one of this shop's")
    codes = set(parse_qs(parts.query, keep_blank_values=True).get(PARAMETER, []))
    if len(codes) > 1:
        raise _refuse(field, "two_referral_codes", f"the link carries {len(codes)} different referral codes")
    return _checked_code(codes.pop(), field) if codes else None


# --- colours -----------------------------------------------------------------------------------

MIN_CONTRAST = 3.0  # WCAG 2, success criterion 1.4.11 (non-text contrast)
BLACK, WHITE = "#000000", "#FFFFFF"

HEX_PATTERN = r"^#[0-9A-Fa-f]{6}$"
HexColour = Annotated[str, Field(pattern=HEX_PATTERN, examples=["#0B6E4F"])]


def _linear(channel: int) -> float:
    """An sRGB channel (0-255) as linear light (IEC 61966-2-1, the curve WCAG's luminance uses)."""
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The relative luminance (0 black to 1 white) of a `#RRGGBB` colour, as WCAG 2 defines it."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two `#RRGGBB` colours: 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _scannable(dark: str, light: str) -> str | None:
    """Why dark modules on a light background would be hard to scan, or None."""
    if luminance(dark) > luminance(light):
        return f"the modules ({dark}) are lighter than the background ({light}): few scanners read an inverted code"
    ratio = contrast_ratio(dark, light)
    if ratio < MIN_CONTRAST:
        return f"{dark} on {light} is {ratio:.2f}:1, under the {MIN_CONTRAST:g}:1 a code needs to scan"
    return None


# --- QR codes ----------------------------------------------------------------------------------

QUIET_ZONE = 4  # modules of light colour around the code: ISO/IEC 18004's minimum for QR codes
MIN_SIZE, MAX_SIZE, DEFAULT_SIZE = 256, 2048, 512  # the image's edge in pixels
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


class QrRequest(Command):
    """How to draw a share link's QR code. Without `dark`, the modules take the tenant's primary
    colour where it scans on `light`, and black otherwise."""

    format: Literal["png", "svg"] = "png"
    size: Annotated[int, Field(ge=MIN_SIZE, le=MAX_SIZE, description="the image's edge in pixels")] = DEFAULT_SIZE
    dark: HexColour | None = Field(default=None, description="the modules' colour; absent: the tenant's")
    light: HexColour = Field(default=WHITE, description="the background's and quiet zone's colour")
    error_correction: Literal["M", "Q"] = Field(
        default="M", description="M: 15 % of the code may be lost; Q: 25 % (a logo or a sticker over it)"
    )

    @model_validator(mode="after")
    def _scans(self) -> QrRequest:
        """Refuses colours that would not scan, naming the colour the client chose: `dark`, or
        `light` when the modules fall back to the tenant's colour (black at the least)."""
        trouble = _scannable(self.dark or BLACK, self.light)
        if trouble:
            field, chosen = ("dark", self.dark) if self.dark else ("light", self.light)
            trouble = trouble if self.dark else f"even black modules will not do: {trouble}"
            refused = PydanticCustomError("contrast", "{trouble}", {"trouble": trouble})
            error = InitErrorDetails(type=refused, loc=(field,), input=chosen)
            raise ValidationError.from_exception_data(type(self).__name__, [error])
        return self


@dataclass(frozen=True)
class QrImage:
    """A drawn QR code: the file's bytes, its media type and its edge in pixels (at most the size
    asked for)."""

    content: bytes
    media_type: str
    edge: int


def qr_code(link: str, request: QrRequest, *, brand_colour: str | None = None) -> QrImage:
    """The QR code of `link` (a share link: ASCII, at most `MAX_LINK` characters) drawn as `request`
    asks; `brand_colour` (the tenant's primary colour) colours the modules when the request names
    no `dark` and it scans on `request.light`. Another text is a bug (ValueError), not a picture."""
    if not 0 < len(link) <= MAX_LINK or not link.isascii():
        raise ValueError(f"a share link is 1 to {MAX_LINK} ASCII characters: {link[:40]!r}…")
    import segno  # noqa: PLC0415 - with the first code drawn, never on a cold start

    dark = request.dark or _brand_or_black(brand_colour, request.light)
    code = segno.make_qr(link, error=request.error_correction.lower(), boost_error=True)
    modules = int(code.symbol_size(border=QUIET_ZONE)[0])  # scale 1: whole modules
    scale = request.size // modules
    if scale < 2:  # not reached: MAX_LINK at Q is 101 modules with the quiet zone, MIN_SIZE // 101 == 2
        raise ValueError(f"{modules} modules do not fit {request.size} pixels at 2 pixels each")
    out = io.BytesIO()
    code.save(out, kind=request.format, scale=scale, border=QUIET_ZONE, dark=dark, light=request.light)
    return QrImage(content=out.getvalue(), media_type=MEDIA_TYPES[request.format], edge=modules * scale)


def _brand_or_black(brand_colour: str | None, light: str) -> str:
    if brand_colour and re.fullmatch(HEX_PATTERN, brand_colour) and _scannable(brand_colour, light) is None:
        return brand_colour
    return BLACK


# --- a distributor's own -------------------------------------------------------------------------


class ShareLink(BaseModel):
    """A distributor's share link: to the tenant's shop, or to one product in it."""

    link: str = Field(examples=["https://shop.harbour-gene.example/products/01JD7Q2ZQ8C1V3B5N7M9K2H4FD?ref=MEI8K2"])
    referral_code: str = Field(examples=["MEI8K2"])
    product_id: str | None = None


class NoShopToLinkTo(Conflict):
    """The tenant lists no web origin of its shop (`allowed_origins`): a link would open nothing."""

    slug, title = "no-shop-to-link-to", "No shop to link to"


class NotSharing(Conflict):
    """The caller's distributorship is suspended or removed: their code binds nobody."""

    slug, title = "distributor-not-sharing", "Not an active distributor"


def my_share_link(actor: Actor, *, product_id: str | None = None, origin: str | None = None) -> ShareLink:
    """The caller's share link to the shop at `origin` (one of the tenant's; absent: the first it
    lists), or to the product `product_id` there."""
    mine = distributors.mine(actor)  # authorizes, and DistributorNotFound for one who is none
    if mine.status != DistributorStatus.ACTIVE:
        detail = f"your distributorship is {mine.status}: your code binds nobody"
        raise NotSharing(detail, errors=[FieldError(CREDENTIALS, "not_active", detail)])
    shop = _tenant_shop(actor.tenant, origin)
    code = mine.referral_code
    link = product_link(shop, code, product_id) if product_id is not None else shop_link(shop, code)
    return ShareLink(link=link, referral_code=code, product_id=product_id)


def my_qr_code(
    actor: Actor, request: QrRequest, *, product_id: str | None = None, origin: str | None = None
) -> QrImage:
    """The QR code of the caller's share link, in the tenant's colour unless the request names one."""
    shared = my_share_link(actor, product_id=product_id, origin=origin)
    settings = tenancy.settings_of(actor.tenant)
    return qr_code(shared.link, request, brand_colour=settings.branding.primary_colour if settings else None)


def _tenant_shop(tenant_id: str, origin: str | None) -> str:
    settings = tenancy.settings_of(tenant_id)
    listed = list(settings.allowed_origins) if settings else []
    if origin is None:
        if not listed:
            detail = "the shop lists no web origin (settings: allowed_origins) for a link to open"
            raise NoShopToLinkTo(detail, errors=[FieldError("origin", "none_listed", detail)])
        return listed[0]
    if _shop(origin) not in {o.lower() for o in listed}:
        raise _refuse("origin", "other_shop", "the origin is not one of this shop's (settings: allowed_origins)")
    return origin
