"""What a phone does with a QR code the platform draws: turns the image into pixels and reads it
(zxing-cpp, the reader behind many scanning apps). The PNG is read with zlib and the format's own
rules (PNG, 3rd edition: chunks, filters, palettes), the SVG as the paths segno writes, so neither
needs an imaging library, and a drawing that is wrong cannot be read back right."""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

import zxingcpp

RGB = tuple[int, int, int]
SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Picture:
    """An image as rows of RGB pixels."""

    rows: list[list[RGB]]

    @property
    def width(self) -> int:
        return len(self.rows[0])

    @property
    def height(self) -> int:
        return len(self.rows)

    def colours(self) -> set[RGB]:
        return {pixel for row in self.rows for pixel in row}


@dataclass(frozen=True)
class Reading:
    text: str
    error_correction: str


def scan(picture: Picture) -> list[Reading]:
    """The QR codes a scanner reads in the picture (grey, as a camera's luma)."""
    grey = bytes(round(0.299 * r + 0.587 * g + 0.114 * b) for row in picture.rows for r, g, b in row)
    image = memoryview(grey).cast("B", shape=[picture.height, picture.width])
    qr_codes = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(image, formats=qr_codes, try_invert=False)  # as the pickiest phone: dark on light
    return [Reading(text=code.text, error_correction=code.ec_level) for code in found]


# --- PNG -----------------------------------------------------------------------------------------


def png_picture(data: bytes) -> Picture:
    """A PNG's pixels: greyscale or palette colour, 1 to 8 bits a sample, not interlaced."""
    assert data[:8] == SIGNATURE, "not a PNG"
    chunks = _chunks(data[8:])
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">2I5B", chunks[b"IHDR"][0])
    assert colour_type in (0, 3), "segno writes greyscale or palette PNGs"
    assert depth <= 8
    assert interlace == 0
    stride = (width * depth + 7) // 8
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    assert len(raw) == height * (stride + 1), "the image data is not the size the header says"
    palette_data = chunks[b"PLTE"][0] if colour_type == 3 else b""
    palette = [tuple(palette_data[i : i + 3]) for i in range(0, len(palette_data), 3)]
    rows, above = [], bytearray(stride)
    for y in range(height):
        line = _unfiltered(raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]), above)
        samples = [(line[x * depth // 8] >> (8 - depth - x * depth % 8)) & ((1 << depth) - 1) for x in range(width)]
        if colour_type == 3:
            rows.append([palette[s] for s in samples])
        else:
            rows.append([(s * 255 // ((1 << depth) - 1),) * 3 for s in samples])
        above = line
    return Picture(rows)


def _chunks(data: bytes) -> dict[bytes, list[bytes]]:
    found: dict[bytes, list[bytes]] = {}
    at = 0
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"the {kind!r} chunk's CRC is wrong"
        found.setdefault(kind, []).append(body)
        at += 12 + length
    assert b"IEND" in found, "no IEND chunk"
    return found


def _unfiltered(kind: int, line: bytearray, above: bytearray) -> bytearray:
    """A scanline with its filter undone (bit depths under 8: one byte is the filter's unit)."""
    for i in range(len(line)):
        left, up, corner = (line[i - 1] if i else 0), above[i], (above[i - 1] if i else 0)
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - corner
            guess = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner))[2]
            line[i] = (line[i] + guess) & 0xFF
        else:
            assert kind == 0, f"unknown filter {kind}"
    return line


# --- SVG -----------------------------------------------------------------------------------------

_SVG = "{http://www.w3.org/2000/svg}"
_STEP = re.compile(r"([MmHh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?")


@dataclass(frozen=True)
class Svg:
    """What segno's SVG says: its edge in pixels, pixels per module, colours, and the picture its
    paths draw at one pixel per module."""

    width: int
    height: int
    scale: int
    background: str
    modules_colour: str
    picture: Picture


def svg_drawing(text: str) -> Svg:
    """Reads segno's SVG: a background path over the whole code, then each row's dark runs as
    horizontal strokes one module wide (`M x y`, then `h n` draws, `m dx dy` moves)."""
    root = ElementTree.fromstring(text)  # noqa: S314 - the platform's own drawing, made by the test
    group = root.find(f"{_SVG}g")
    assert group is not None
    scale = int(re.fullmatch(r"scale\((\d+)\)", group.get("transform", ""))[1])  # type: ignore[index]
    background, modules = group.findall(f"{_SVG}path")
    edge = int(root.get("width", "0")) // scale
    assert background.get("d") == f"M0 0h{edge}v{edge}h-{edge}z", "the background covers the whole code"
    grid = [[False] * edge for _ in range(edge)]
    x = y = 0.0
    for command, first, second in _STEP.findall(modules.get("d", "")):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            for column in range(int(x), int(x + float(first))):
                grid[int(y)][column] = True
            x += float(first)
    light, dark = _rgb(background.get("fill", "")), _rgb(modules.get("stroke", ""))
    picture = Picture([[dark if cell else light for cell in row] for row in grid])
    return Svg(
        width=int(root.get("width", "0")),
        height=int(root.get("height", "0")),
        scale=scale,
        background=background.get("fill", ""),
        modules_colour=modules.get("stroke", ""),
        picture=picture,
    )


def _rgb(colour: str) -> RGB:
    """A CSS colour as segno writes it: `#rgb` or `#rrggbb` (the tests' colours have no names)."""
    digits = colour.removeprefix("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    assert len(digits) == 6, f"not a hex colour: {colour}"
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def enlarged(picture: Picture, factor: int) -> Picture:
    """The picture with each pixel made `factor` by `factor` (a scanner wants more than one pixel a
    module)."""
    return Picture([[pixel for pixel in row for _ in range(factor)] for row in picture.rows for _ in range(factor)])
