"""Finance keeps its own words for what it records of an order (it does not import orders), so
they must stay the words orders uses: a state, kind or method finance did not know would refuse
the ledger entry of the very transaction that marks an order paid."""

from __future__ import annotations

from enum import StrEnum

import pytest

from panacea.finance import models as finance
from panacea.orders import models as orders


@pytest.mark.parametrize(
    ("finance_words", "orders_words"),
    [
        (finance.OrderState, orders.OrderState),
        (finance.ProductKind, orders.ProductKind),
        (finance.PaymentMethod, orders.PaymentMethod),
    ],
)
def test_finance_knows_every_word_orders_uses(finance_words: type[StrEnum], orders_words: type[StrEnum]):
    # Given orders' vocabulary and finance's copy of it
    # Then every value orders can record is one finance records
    assert {w.value for w in orders_words} == {w.value for w in finance_words}
