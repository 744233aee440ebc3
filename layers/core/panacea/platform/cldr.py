"""Countries and currencies as the Unicode CLDR knows them (Babel's data), the maintained lists
request models check codes against instead of keeping their own.

Babel (its import and its data, ~70 ms) loads with the first code checked, never on a cold start
(`tests/unit/platform/test_lean_cold_start.py`); each list is read once per process (currencies
once per day: one in use today may be withdrawn tomorrow), and `reset_caches()` forgets them.
"""

from __future__ import annotations

import re
from datetime import date

from panacea.platform.caches import cached

# ISO 3166-1 alpha-2 keeps these out of the officially assigned codes, though CLDR names them:
# user-assigned codes (AA, QM-QZ, XA-XZ, ZZ: Kosovo's XK, CLDR's "unknown region") and codes
# exceptionally reserved for other uses (Ascension Island, the European Union, the UN ...).
_USER_ASSIGNED = re.compile(r"^(AA|Q[M-Z]|X[A-Z]|ZZ)$")
_EXCEPTIONALLY_RESERVED = frozenset(["AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "FX", "IC", "SU", "TA", "UK", "UN"])


@cached
def countries() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes of today's countries and territories (249 in CLDR 49): every
    two-letter region CLDR holds currencies, languages or time zones for, less deprecated codes
    (CLDR's aliases: YU, CS, AN ...) and the codes ISO does not assign to a country."""
    from babel.core import get_global  # noqa: PLC0415 - not on a cold start: see the module's docstring

    regions: set[str] = set()
    for table in ("territory_currencies", "territory_languages", "territory_zones"):
        regions.update(get_global(table))
    deprecated = get_global("territory_aliases")
    return frozenset(
        code
        for code in regions
        if re.fullmatch(r"[A-Z]{2}", code)
        and code not in deprecated
        and code not in _EXCEPTIONALLY_RESERVED
        and not _USER_ASSIGNED.match(code)
    )


@cached
def currencies_in_use(on: date) -> frozenset[str]:
    """The ISO 4217 codes that are legal tender somewhere on `on` (no fund codes such as UYI or
    USN, no withdrawn ones such as ZWL)."""
    from babel.core import get_global  # noqa: PLC0415 - not on a cold start
    from babel.numbers import get_territory_currencies  # noqa: PLC0415

    return frozenset(
        code
        for territory in get_global("territory_currencies")
        for code in get_territory_currencies(territory, on, tender=True)
    )


@cached
def currency_digits() -> dict[str, int]:
    """Every currency CLDR lists as legal tender somewhere, then or now, and the digits of its minor
    unit (`panacea.platform.money` counts amounts in them). A withdrawn one (ZWL, BGN) stays known,
    so a record written in it still reads; what a request may name is `currencies_in_use` that day."""
    from babel.core import get_global  # noqa: PLC0415 - not on a cold start
    from babel.numbers import get_currency_precision  # noqa: PLC0415

    tender = {
        code
        for entries in get_global("territory_currencies").values()
        for code, _since, _until, is_tender in entries
        if is_tender
    }
    return {code: get_currency_precision(code) for code in sorted(tender)}
