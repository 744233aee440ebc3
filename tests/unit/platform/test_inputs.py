"""What a request model takes: strict JSON types, dates and enum members from their strings, free
text without control characters, countries and currencies from CLDR's lists (issue 9)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any

import pytest
from pydantic import Field, TypeAdapter, ValidationError

from panacea.platform import cldr
from panacea.platform.clock import FixedClock, use_clock
from panacea.platform.inputs import Command, Country, CurrentCurrency, FromString, MoneyIn, Paragraphs, Text


class Colour(StrEnum):
    RED = "red"


class Sample(Command):
    count: int = 0
    flag: bool = False
    colour: FromString[Colour] = Colour.RED
    day: FromString[date] | None = None
    label: Annotated[Text, Field(max_length=20)] = ""
    about: Paragraphs = ""
    country: Country = "GB"
    currency: CurrentCurrency = "GBP"
    prices: list[MoneyIn] = []


def refused(**fields: Any) -> list[tuple[tuple[int | str, ...], str]]:
    """(loc, type) of each error, validated as Powertools does: Python objects from json.loads."""
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Sample).validate_python(fields, from_attributes=True)
    return [(e["loc"], e["type"]) for e in caught.value.errors()]


def test_numbers_and_booleans_are_not_coerced_from_other_json_types():
    assert refused(count="1") == [(("count",), "int_type")]
    assert refused(count=True) == [(("count",), "int_type")]
    assert refused(count=1.0) == [(("count",), "int_type")]
    assert refused(flag="yes") == [(("flag",), "bool_type")]
    assert refused(flag=1) == [(("flag",), "bool_type")]


def test_dates_and_enum_members_come_from_their_strings_and_never_from_numbers():
    # Given what JSON carries for a date and an enum member
    taken = TypeAdapter(Sample).validate_python({"day": "1986-04-12", "colour": "red"})
    # Then they are taken, as the objects
    assert (taken.day, taken.colour) == (date(1986, 4, 12), Colour.RED)
    # And Python code may still pass the objects themselves
    assert Sample(day=date(1986, 4, 12), colour=Colour.RED).day == date(1986, 4, 12)
    # But a number is not a date (lax pydantic reads 0 as 1970-01-01), nor an enum member
    assert refused(day=0) == [(("day",), "string_type")]
    assert refused(colour=1) == [(("colour",), "string_type")]
    assert refused(colour="blue") == [(("colour",), "enum")]


def test_free_text_refuses_control_characters_and_lone_surrogates():
    assert refused(label="A\u0000B") == [(("label",), "control_character")]
    assert refused(label="tab\there") == [(("label",), "control_character")]
    assert refused(label="\x85next line") == [(("label",), "control_character")]
    assert refused(about="\ud800") == [(("about",), "control_character")]
    # While paragraphs keep their line breaks and tabs, and text its letters and emoji
    kept = Sample(label="Mei Chen 陈美 ✓", about="line one\r\nline two\tindented")
    assert kept.about == "line one\r\nline two\tindented"


def test_the_schema_says_text_holds_no_control_characters():
    label = Sample.model_json_schema()["properties"]["label"]
    assert label["pattern"] == "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
    assert label["maxLength"] == 20


def test_countries_are_iso_3166_alpha_2_as_cldr_knows_them():
    # Then the 249 officially assigned codes, Antarctica and the UK's GB among them
    assert len(cldr.countries()) == 249
    assert {"GB", "CN", "AQ", "BV", "SS"} <= cldr.countries()
    # And neither user-assigned (ZZ, XK), reserved (EU, UK, AC) nor withdrawn codes (YU, AN)
    for code in ("ZZ", "XK", "EU", "UK", "AC", "YU", "AN"):
        assert refused(country=code) == [(("country",), "country")], code
    assert refused(country="gb") == [(("country",), "string_pattern_mismatch")]


def test_currencies_are_those_in_use_on_the_day_by_the_platform_clock():
    # Given the currencies CLDR says are legal tender somewhere on two days
    before, after = cldr.currencies_in_use(date(2024, 1, 1)), cldr.currencies_in_use(date(2026, 6, 1))
    # Then Zimbabwe's ZWG and the Caribbean guilder replaced ZWL and ANG, Bulgaria took the euro
    assert {"ZWL", "ANG", "BGN"} <= before
    assert not {"ZWG", "XCG"} & before
    assert {"ZWG", "XCG", "EUR"} <= after
    assert not {"ZWL", "ANG", "BGN"} & after
    # And fund codes are no currency a price is in
    assert "UYI" not in after
    # When a request names a currency, the platform clock's day decides
    with use_clock(FixedClock(datetime(2025, 6, 1, tzinfo=UTC))):
        assert Sample(currency="BGN").currency == "BGN"
    with use_clock(FixedClock(datetime(2026, 6, 1, tzinfo=UTC))):
        assert refused(currency="BGN") == [(("currency",), "currency")]
        assert refused(currency="ZWL") == [(("currency",), "currency")]


def test_money_a_client_sends_is_strict_and_in_a_currency_in_use():
    assert Sample(prices=[{"amount": 29900, "currency": "GBP"}]).prices[0].amount == 29900  # type: ignore[list-item]
    assert refused(prices=[{"amount": "29900", "currency": "GBP"}]) == [(("prices", 0, "amount"), "int_type")]
    assert refused(prices=[{"amount": 1, "currency": "UYI"}]) == [(("prices", 0, "currency"), "currency")]
