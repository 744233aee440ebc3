"""A distributor's share links and QR codes through distribution's API: the link opens the tenant's
shop (or a product in it) with the distributor's code as `ref`, the code a member registers with
binds them to that distributor; the QR code, PNG or SVG, scans back to the very link in the shop's
brand colour; what cannot make a link is refused naming the field."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from panacea.distribution.links import referral_code_of
from tests.integration.distribution.network import Network, network
from tests.support import builders
from tests.support.in_process import HANDLERS
from tests.support.scanner import enlarged, png_picture, scan, svg_drawing
from tests.support.transport import Answer

PRODUCT = "01JD7Q2ZQ8C1V3B5N7M9K2H4FD"
BRAND = "#0B6E4F"  # a new tenant's primary colour


def shop_of(net: Network) -> str:
    """The tenant lists its shop's web origin (its own: an origin belongs to one tenant)."""
    origin = f"https://{net.slug}.shop.example"
    settings = {"allowed_origins": [origin], "branding": {"primary_colour": BRAND}}
    builders.ok(HANDLERS.request("PATCH", "/v1/tenant/settings", as_=net.owner, body=settings), 200)
    return origin


def get(net: Network, member_id: str, route: str, **query: Any) -> Answer:
    path = f"/v1/me/distributor/{route}" + (f"?{urlencode(query)}" if query else "")
    return HANDLERS.request("GET", path, as_=net.member(member_id), headers={"Accept": "*/*"})


def test_a_distributors_link_carries_their_code_and_binds_who_registers_with_it():
    # Given a tenant whose shop is at its own origin, and a distributor
    net = network()
    origin = shop_of(net)
    mei = net.appoint()
    # When they ask for their link to the shop, and to a product
    shop = builders.ok(get(net, mei, "share-link"), 200)
    product = builders.ok(get(net, mei, "share-link", product_id=PRODUCT), 200)
    # Then each opens the shop with their referral code as `ref`
    code = net.codes[mei]
    assert shop == {"link": f"{origin}/?ref={code}", "referral_code": code, "product_id": None}
    assert product["link"] == f"{origin}/products/{PRODUCT}?ref={code}"
    # And the code read back from the link, sent at registration, binds the new member to them
    read = referral_code_of(product["link"], origins=[origin])
    assert read == code
    friend = net.new_member()
    net.registered(friend, code=read)
    assert net.referrer(friend) == mei


def test_the_qr_code_scans_back_to_the_link_in_the_shops_colour_as_png_and_svg():
    # Given a distributor's link to a product
    net = network()
    shop_of(net)
    mei = net.appoint()
    link = builders.ok(get(net, mei, "share-link", product_id=PRODUCT), 200)["link"]
    # When they ask for its QR code as a PNG
    png = get(net, mei, "qr-code", product_id=PRODUCT, size=512)
    # Then it is a PNG of at most 512 pixels, drawn in the shop's colour, that scans to the link
    assert png.status == 200, png.body
    assert png.headers["Content-Type"] == "image/png"
    picture = png_picture(png.body)
    assert picture.width <= 512
    assert picture.colours() == {tuple(bytes.fromhex(BRAND[1:])), (255, 255, 255)}
    (reading,) = scan(picture)
    assert reading.text == link
    # And as an SVG, in colours they chose, it scans to the same link
    svg = get(net, mei, "qr-code", product_id=PRODUCT, format="svg", dark="#000000", light="#FFF8E7")
    assert svg.status == 200, svg.body
    assert svg.headers["Content-Type"] == "image/svg+xml"
    drawing = svg_drawing(svg.body if isinstance(svg.body, str) else svg.body.decode())
    assert (drawing.modules_colour, drawing.background) == ("#000", "#fff8e7")
    (reading,) = scan(enlarged(drawing.picture, 4))
    assert reading.text == link


def test_what_cannot_make_a_link_is_refused_naming_the_field():
    # Given a tenant that lists no shop origin yet, a distributor, and a member who is none
    net = network()
    mei, someone = net.appoint(), net.new_member()
    # Then a link is refused until the shop lists its origin
    answer = get(net, mei, "share-link")
    assert (answer.status, answer.problem_fields) == (409, ["origin"])
    shop_of(net)
    for route, query, status, field in (
        ("share-link", {"origin": "https://another.shop.example"}, 400, "origin"),  # not this shop's
        ("share-link", {"product_id": "not-a-product"}, 422, "query.product_id"),
        ("qr-code", {"size": 100}, 422, "query.size"),
        ("qr-code", {"dark": "#FFFFFF"}, 422, "query.dark"),  # white modules on white do not scan
        ("qr-code", {"format": "gif"}, 422, "query.format"),
    ):
        answer = get(net, mei, route, **query)
        assert (answer.status, answer.problem_fields) == (status, [field]), (route, query, answer.body)
    # And a member who is no distributor, or one suspended, gets no link
    answer = get(net, someone, "share-link")
    assert (answer.status, answer.problem_fields) == (404, ["header.Authorization"])
    net.suspend(mei)
    answer = get(net, mei, "qr-code")
    assert (answer.status, answer.problem_fields) == (409, ["header.Authorization"])
