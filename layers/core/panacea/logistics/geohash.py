"""Geohash (Niemeyer's public-domain encoding), and the great-circle distance between two points.

Twenty lines rather than a dependency: `pygeohash` and `python-geohash` on PyPI do the same and no
more (the latter needs a C compiler). A geohash's prefix is the cell that holds it, so points kept
under their geohash sort near each other in a key."""

from __future__ import annotations

import math

BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"
PRECISION = 9  # about 5 m by 5 m
EARTH_RADIUS_KM = 6371.0088


def encode(latitude: float, longitude: float, precision: int = PRECISION) -> str:
    """The geohash of a position, `precision` characters long."""
    lat, lon = [-90.0, 90.0], [-180.0, 180.0]
    chars: list[str] = []
    bits, bit, even = 0, 0, True
    while len(chars) < precision:
        interval, value = (lon, longitude) if even else (lat, latitude)
        middle = (interval[0] + interval[1]) / 2
        bits <<= 1
        if value >= middle:
            bits |= 1
            interval[0] = middle
        else:
            interval[1] = middle
        even, bit = not even, bit + 1
        if bit == 5:
            chars.append(BASE32[bits])
            bits, bit = 0, 0
    return "".join(chars)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance between two positions, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))
