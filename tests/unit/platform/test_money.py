import pytest
from pydantic import ValidationError

from panacea.platform.money import CurrencyMismatch, Money


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
