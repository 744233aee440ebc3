"""Share links carry a distributor's referral code to the tenant's shop and back; their QR codes
scan back to the very link, in the tenant's colours when those scan."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from panacea.distribution.links import (
    MAX_LINK,
    MIN_SIZE,
    QUIET_ZONE,
    InvalidShareLink,
    QrRequest,
    contrast_ratio,
    product_link,
    qr_code,
    referral_code_of,
    shop_link,
)
from tests.support.scanner import Picture, enlarged, png_picture, scan, svg_drawing

SHOP = "https://shop.harbour-gene.example"
PRODUCT = "01JD7Q2ZQ8C1V3B5N7M9K2H4FD"
GREEN, CREAM, ORANGE = "#0B6E4F", "#FFF8E7", "#F2A541"  # colours with no CSS name: segno writes them as hex
LEVELS = "LMQH"  # error correction, weakest first


def refused_field(error: InvalidShareLink) -> tuple[str, str]:
    assert error.status == 400
    assert error.problem()["type"] == "/errors/invalid-share-link"
    (only,) = error.errors
    return only.field, only.code


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


# --- links ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("origin", "shop"),
    [
        (SHOP, SHOP),
        (f"{SHOP}/", SHOP),
        ("https://Shop.Harbour-Gene.example:443/", SHOP),
        ("https://shop.harbour-gene.example:8443", "https://shop.harbour-gene.example:8443"),
    ],
)
@pytest.mark.parametrize("code", ["MEI8K2", "mei-8_k2", "-", "_", "A" * 40])
def test_a_shop_link_carries_the_code_and_gives_it_back(origin, shop, code):
    # Given a tenant's shop origin, written with or without a trailing slash, and a referral code
    # When the distributor's link to the shop is built
    link = shop_link(origin, code)
    # Then it opens the shop's home page with the code in `ref`, and reading it gives the code back
    assert link == f"{shop}/?ref={code}"
    assert referral_code_of(link) == code
    assert referral_code_of(link, origins=[shop]) == code


def test_a_product_link_opens_the_products_page_with_the_code():
    # Given a product of the tenant's catalog
    # When a distributor's link to it is built
    link = product_link(f"{SHOP}/", "mei-8_k2", PRODUCT)
    # Then it opens the product's page in the shop and carries the code
    assert link == f"{SHOP}/products/{PRODUCT}?ref=mei-8_k2"
    assert referral_code_of(link, origins=[SHOP]) == "mei-8_k2"


_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True)
_hosts = st.builds(
    lambda labels, tld: ".".join([*labels, tld]),
    st.lists(_label, min_size=1, max_size=4),
    st.from_regex(r"[a-z]{2,8}", fullmatch=True),
)
_codes = st.from_regex(r"[A-Za-z0-9_-]{1,40}", fullmatch=True)
_product_ids = st.from_regex(r"[0-9A-HJKMNP-TV-Z]{26}", fullmatch=True)


def _origin(host: str, port: int | None, slash: bool, upper: bool) -> tuple[str, str]:
    """An origin as a tenant may write it, and the shop it names as browsers send it."""
    written = "https://" + (host.upper() if upper else host) + (f":{port}" if port else "") + ("/" if slash else "")
    return written, f"https://{host}" + (f":{port}" if port and port != 443 else "")


_origins = st.builds(_origin, _hosts, st.none() | st.integers(1, 65535), st.booleans(), st.booleans())


@given(origin_and_shop=_origins, code=_codes, product_id=st.none() | _product_ids)
def test_every_link_built_gives_its_code_back(origin_and_shop, code, product_id):
    # Given any shop origin a tenant can list, any referral code and maybe a product
    origin, shop = origin_and_shop
    # When the link is built
    link = shop_link(origin, code) if product_id is None else product_link(origin, code, product_id)
    # Then it opens that shop (the page asked for), fits a QR code, and reads back to the very code
    parts = urlsplit(link)
    assert f"https://{parts.netloc}" == shop
    assert parts.path == ("/" if product_id is None else f"/products/{product_id}")
    assert len(link) <= MAX_LINK
    assert referral_code_of(link, origins=[shop]) == code


@pytest.mark.parametrize(
    "origin",
    [
        "http://shop.harbour-gene.example",  # not https
        "http://localhost:3000",
        "https://localhost",  # a tenant cannot list it: not a domain name
        "https://127.0.0.1",
        "https://shop.harbour-gene.example/shop",  # a path: origins have none
        "https://shop.harbour-gene.example//",
        "https://shop.harbour-gene.example?x=1",
        "https://*.harbour-gene.example",
        "shop.harbour-gene.example",
        "",
    ],
)
def test_a_link_is_built_only_to_an_https_shop_origin(origin):
    # Given an origin no tenant could list as its shop
    # When a link to it is built
    with pytest.raises(InvalidShareLink) as refused:
        shop_link(origin, "MEI8K2")
    # Then it is refused on the origin
    assert refused_field(refused.value) == ("origin", "not_an_origin")


@pytest.mark.parametrize("code", ["", "MEI 8K2", "MEI/8K2", "MEI+8K2", "MEI8K2\n", "mëi", "A" * 41, "%41"])
def test_a_malformed_code_makes_no_link(code):
    # Given a code that is not a referral code
    # When a link would carry it, to the shop or to a product
    for build in (lambda: shop_link(SHOP, code), lambda: product_link(SHOP, code, PRODUCT)):
        with pytest.raises(InvalidShareLink) as refused:
            build()
        # Then it is refused on the code
        assert refused_field(refused.value) == ("code", "malformed_referral_code")


@pytest.mark.parametrize("product_id", ["", "../admin", PRODUCT.lower(), PRODUCT + "0", "01JD7Q2ZQ8C1V3B5N7M9K2H4FI"])
def test_a_malformed_product_id_makes_no_link(product_id):
    with pytest.raises(InvalidShareLink) as refused:
        product_link(SHOP, "MEI8K2", product_id)
    assert refused_field(refused.value) == ("product_id", "malformed_id")


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("ref=", "malformed_referral_code"),
        ("ref=MEI%208K2", "malformed_referral_code"),
        ("ref=MEI+8K2", "malformed_referral_code"),  # + is a space in a query
        ("ref=m%C3%ABi", "malformed_referral_code"),
        ("ref=%FF", "malformed_referral_code"),  # not UTF-8
        (f"ref={'A' * 41}", "malformed_referral_code"),
        ("ref=MEI8K2&ref=OTHER", "two_referral_codes"),
    ],
)
def test_a_link_with_a_malformed_code_is_refused_on_the_field_named(query, code):
    # Given a scanned or pasted link whose `ref` is not one referral code
    # When the code is read from it for attribution
    with pytest.raises(InvalidShareLink) as refused:
        referral_code_of(f"{SHOP}/products/{PRODUCT}?{query}", field="body.link")
    # Then it is refused, naming the field the link came in
    assert refused_field(refused.value) == ("body.link", code)


@pytest.mark.parametrize(
    ("link", "code"),
    [
        (f"{SHOP}/", None),  # no code: nobody to attribute
        (f"{SHOP}/?utm_source=poster&ref=MEI8K2#top", "MEI8K2"),
        (f"{SHOP}/?ref=MEI8K2&ref=MEI8K2", "MEI8K2"),  # the same code twice is one code
        (f"{SHOP}/?ref=mei%2D8%5Fk2", "mei-8_k2"),  # percent-encoded by another tool
    ],
)
def test_a_link_gives_the_code_it_carries(link, code):
    assert referral_code_of(link, origins=[SHOP]) == code


@pytest.mark.parametrize(
    "link",
    [
        "MEI8K2",
        "http://shop.harbour-gene.example/?ref=MEI8K2",
        "javascript:alert(1)",
        "https:///?ref=A",
        "https://x.example:99999/",
    ],
)
def test_what_is_not_an_https_link_is_refused(link):
    with pytest.raises(InvalidShareLink) as refused:
        referral_code_of(link)
    assert refused_field(refused.value) == ("link", "not_a_link")


def test_a_link_is_refused_past_its_longest():
    with pytest.raises(InvalidShareLink) as refused:
        referral_code_of(f"{SHOP}/?ref=MEI8K2&pad={'x' * 2000}")
    assert refused_field(refused.value) == ("link", "too_long")


@pytest.mark.parametrize(
    "link",
    [
        "https://shop.other-tenant.example/?ref=MEI8K2",
        "https://shop.harbour-gene.example.evil.example/?ref=MEI8K2",
        "https://shop.harbour-gene.example:8443/?ref=MEI8K2",
        "https://user@shop.harbour-gene.example/?ref=MEI8K2",
        "https://127.0.0.1/?ref=MEI8K2",
    ],
)
def test_a_link_to_another_shop_gives_no_code(link):
    # Given a link that does not open one of the tenant's shops
    # When it is read with the tenant's origins
    with pytest.raises(InvalidShareLink) as refused:
        referral_code_of(link, origins=[SHOP, "https://admin.harbour-gene.example"])
    # Then its code is not taken as the tenant's
    assert refused_field(refused.value) == ("link", "other_shop")


# --- QR codes --------------------------------------------------------------------------------------

LINK = product_link(SHOP, "mei-8_k2", PRODUCT)


@pytest.mark.parametrize("level", ["M", "Q"])
def test_a_png_qr_code_scans_back_to_the_link_in_the_tenants_colours(level):
    # Given a request for a PNG in the tenant's colours
    request = QrRequest(format="png", size=512, dark=GREEN, light=CREAM, error_correction=level)
    # When the link's code is drawn
    image = qr_code(LINK, request)
    # Then it is a PNG of at most the size asked for, in those two colours, that scans to the link
    assert image.media_type == "image/png"
    assert image.content.startswith(b"\x89PNG\r\n\x1a\n")
    picture = png_picture(image.content)
    assert picture.width == picture.height == image.edge
    assert MIN_SIZE <= image.edge <= 512
    assert picture.colours() == {rgb(GREEN), rgb(CREAM)}
    (reading,) = scan(picture)
    assert reading.text == LINK
    assert LEVELS.index(reading.error_correction) >= LEVELS.index(level)  # segno raises it when the size allows


@pytest.mark.parametrize("level", ["M", "Q"])
def test_an_svg_qr_code_scans_back_to_the_link_in_the_tenants_colours(level):
    # Given a request for an SVG in the tenant's colours
    request = QrRequest(format="svg", size=1024, dark=GREEN, light=CREAM, error_correction=level)
    # When the link's code is drawn
    image = qr_code(LINK, request)
    # Then it is an SVG of the edge said, in those colours, whose paths scan to the link
    assert image.media_type == "image/svg+xml"
    drawing = svg_drawing(image.content.decode())
    assert drawing.width == drawing.height == image.edge <= 1024
    assert drawing.picture.width * drawing.scale == image.edge
    assert (drawing.modules_colour, drawing.background) == (GREEN.lower(), CREAM.lower())
    (reading,) = scan(enlarged(drawing.picture, 4))
    assert reading.text == LINK
    assert LEVELS.index(reading.error_correction) >= LEVELS.index(level)


def _quiet_zone(picture: Picture, pixels: int) -> set[tuple[int, int, int]]:
    rows = picture.rows
    edge = [*rows[:pixels], *rows[-pixels:], *([*row[:pixels], *row[-pixels:]] for row in rows)]
    return {pixel for row in edge for pixel in row}


def test_the_code_has_a_quiet_zone_of_four_modules_in_the_light_colour():
    # Given a PNG code, and the pixels a module takes at its size (its SVG says it)
    request = QrRequest(dark=GREEN, light=CREAM)
    picture = png_picture(qr_code(LINK, request).content)
    per_module = svg_drawing(qr_code(LINK, request.model_copy(update={"format": "svg"})).content.decode()).scale
    # When its margins are looked at
    # Then the four modules around the code are all light, and the finder pattern starts right after
    assert _quiet_zone(picture, QUIET_ZONE * per_module) == {rgb(CREAM)}
    assert picture.rows[QUIET_ZONE * per_module][QUIET_ZONE * per_module] == rgb(GREEN)


def test_the_longest_link_still_scans_at_the_smallest_size():
    # Given the longest link a shop can have: a long origin, a product and a 40-character code
    origin = "https://" + ".".join([*["a" * 63] * 4, "b" * 22, "example"]) + ":65535"
    link = product_link(origin, "C" * 40, PRODUCT)
    assert (len(origin), len(link)) == (300, 381)  # an origin is at most 300 characters (web_origin)
    assert len(link) <= MAX_LINK
    # When it is drawn at the smallest size with error correction Q
    image = qr_code(link, QrRequest(size=MIN_SIZE, error_correction="Q"))
    # Then it fits, at two pixels a module or more, and scans
    picture = png_picture(image.content)
    svg = qr_code(link, QrRequest(format="svg", size=MIN_SIZE, error_correction="Q"))
    assert image.edge <= MIN_SIZE
    assert svg_drawing(svg.content.decode()).scale >= 2
    (reading,) = scan(enlarged(picture, 2))
    assert reading.text == link


@pytest.mark.parametrize("text", ["", "https://a.example/?ref=" + "x" * MAX_LINK, "https://例え.example/?ref=A"])
def test_a_text_no_share_link_can_be_is_a_bug_not_a_picture(text):
    with pytest.raises(ValueError, match="share link"):
        qr_code(text, QrRequest())


@pytest.mark.parametrize(
    ("brand", "modules"),
    [(GREEN, GREEN), (ORANGE, "#000000"), (None, "#000000"), ("not a colour", "#000000")],
)
def test_without_a_colour_the_code_takes_the_tenants_when_it_scans_and_black_otherwise(brand, modules):
    # Given a request naming no colour for the modules, and the tenant's primary colour
    # When the code is drawn
    image = qr_code(LINK, QrRequest(), brand_colour=brand)
    # Then its modules are the tenant's colour if it scans on white, and black if not
    assert png_picture(image.content).colours() == {rgb(modules), rgb("#FFFFFF")}
    assert scan(png_picture(image.content))[0].text == LINK


def test_a_pair_just_over_the_least_contrast_is_taken_and_scans():
    # Given grey modules on white, 3.04:1
    assert 3.0 < contrast_ratio("#949494", "#FFFFFF") < 3.1
    # When a code is drawn in them
    image = qr_code(LINK, QrRequest(dark="#949494"))
    # Then it scans
    assert scan(png_picture(image.content))[0].text == LINK


def test_contrast_is_wcag_2s_ratio():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast_ratio(GREEN, GREEN) == pytest.approx(1)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.005)  # WCAG's AA grey
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.005)


def errors_of(**fields: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as refused:
        QrRequest.model_validate(fields)
    return [(".".join(map(str, e["loc"])), e["type"]) for e in refused.value.errors()]


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"dark": ORANGE}, [("dark", "contrast")]),  # 2.05:1 on white
        ({"dark": "#FFFFFF", "light": "#000000"}, [("dark", "contrast")]),  # inverted
        ({"dark": GREEN, "light": GREEN}, [("dark", "contrast")]),
        ({"light": "#222222"}, [("light", "contrast")]),  # not even black scans on it
        ({"dark": "#fff"}, [("dark", "string_pattern_mismatch")]),
        ({"dark": "green"}, [("dark", "string_pattern_mismatch")]),
        ({"light": "#GGGGGG"}, [("light", "string_pattern_mismatch")]),
        ({"dark": "0B6E4F"}, [("dark", "string_pattern_mismatch")]),
        ({"size": MIN_SIZE - 1}, [("size", "greater_than_equal")]),
        ({"size": 2049}, [("size", "less_than_equal")]),
        ({"size": "512"}, [("size", "int_type")]),
        ({"size": True}, [("size", "int_type")]),
        ({"size": 512.0}, [("size", "int_type")]),
        ({"format": "jpeg"}, [("format", "literal_error")]),
        ({"error_correction": "H"}, [("error_correction", "literal_error")]),
        ({"error_correction": "m"}, [("error_correction", "literal_error")]),
    ],
)
def test_a_request_that_would_not_scan_or_fit_is_refused_on_its_field(fields, errors):
    assert errors_of(**fields) == errors


def test_a_request_in_the_tenants_colours_is_taken():
    request = QrRequest.model_validate({"format": "svg", "size": 2048, "dark": GREEN.lower(), "light": CREAM})
    assert (request.size, request.dark, request.error_correction) == (2048, "#0b6e4f", "M")
