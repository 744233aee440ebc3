from decimal import Decimal

import pytest
from pydantic import ValidationError

from panacea.platform.money import MINOR_UNITS, CurrencyMismatch, Money


def test_a_share_rounds_down_so_the_platform_never_pays_out_more_than_it_took():
    # Given a sale of £19.99
    sale = Money(amount=1999, currency="GBP")
    # When 8% and 4% commissions are taken
    first, second = sale.share(800), sale.share(400)
    # Then each rounds down to the penny
    assert (first.amount, second.amount) == (159, 79)
    assert first.amount + second.amount <= sale.amount * 1200 / 10_000


def test_amounts_of_two_currencies_never_mix():
    with pytest.raises(CurrencyMismatch):
        Money(amount=1, currency="GBP") + Money(amount=1, currency="CNY")


def test_a_currency_must_be_iso_4217():
    with pytest.raises(ValidationError):
        Money(amount=1, currency="XYZ")


def test_money_reads_in_its_minor_units():
    assert str(Money(amount=1999, currency="GBP")) == "19.99 GBP"
    assert str(Money(amount=500, currency="JPY")) == "500 JPY"
    assert str(Money(amount=-1250, currency="KWD")) == "-1.250 KWD"


def test_a_rate_outside_basis_points_is_refused():
    with pytest.raises(ValueError, match="basis points"):
        Money(amount=100, currency="GBP").share(10_001)


@pytest.mark.parametrize("code", ["ZWG", "XCG", "ZWL", "ANG", "BGN"])
def test_the_currencies_are_cldrs_not_a_hand_kept_list(code):
    # Given Zimbabwe's gold (ZWG, 2024), the Caribbean guilder (XCG, 2025), and the currencies they
    # and the euro replaced: amounts read from records in any of them (what a request may name is
    # narrower: a currency in use that day, panacea.platform.inputs.CurrentCurrency)
    # Then each is a currency an amount can be in
    assert code in MINOR_UNITS
    assert Money(amount=1, currency=code).currency == code


def test_a_code_iso_never_gave_a_currency_is_refused():
    with pytest.raises(ValidationError, match="not an ISO 4217 currency"):
        Money(amount=1, currency="ZZZ")


def test_a_currencys_minor_unit_is_the_one_cldr_says_it_is_used_with():
    # Given currencies counted in pence, yen, fils, and ones whose fraction is not used (CLDR: 0 digits)
    # When their minor units are read, Then they are CLDR's
    assert {c: MINOR_UNITS[c] for c in ("GBP", "JPY", "KWD", "BHD", "ISK", "HUF", "TWD")} == {
        "GBP": 2,
        "JPY": 0,
        "KWD": 3,
        "BHD": 3,
        "ISK": 0,
        "HUF": 0,
        "TWD": 2,
    }
    assert Money(amount=1500, currency="ISK").major == Decimal(1500)


def test_money_reads_as_people_of_a_locale_write_it():
    assert Money(amount=1999, currency="GBP").localized("en_GB") == "£19.99"
    assert Money(amount=500, currency="JPY").localized("ja_JP") == "￥500"
    assert Money(amount=1999, currency="EUR").localized("fr_FR") == "19,99\xa0€"
    assert Money(amount=5120, currency="KWD").localized("en") == "KWD5.120"
