"""Figures of a period, added up from its ledger entries: integer minor units, per currency, never
floats. Every figure is a sum over lines of entries, so the breakdowns (by product, store and
payment method) and the order list each add up to the currency's totals to the minor unit.

    gross      sales' unit price * quantity
    discounts  sales' discounts
    refunds    refunds' amounts (negative)
    net        every amount: gross - discounts + refunds
    orders     orders with a sale in the period (in the row: of that product, store, method)
    units      units sold; units_refunded: units refunded
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from panacea.finance.models import (
    CurrencySales,
    EntryKind,
    LedgerEntry,
    LedgerLine,
    MethodSales,
    OrderState,
    PaymentMethod,
    PeriodOrder,
    ProductSales,
    SalesReport,
    StoreSales,
    Totals,
)
from panacea.platform.money import Money


@dataclass
class Tally:
    """Running sums of one row, in minor units of one currency."""

    gross: int = 0
    discounts: int = 0
    refunds: int = 0
    net: int = 0
    units: int = 0
    units_refunded: int = 0
    orders: set[str] = field(default_factory=set)

    def add(self, entry: LedgerEntry, line: LedgerLine) -> None:
        if entry.kind == EntryKind.SALE:
            self.gross += line.gross.amount
            self.discounts += line.discount.amount
            self.units += line.quantity
            self.orders.add(entry.order_id)
        else:
            self.refunds += line.amount.amount
            self.units_refunded -= line.quantity
        self.net += line.amount.amount

    def totals(self, currency: str) -> Totals:
        if self.net != self.gross - self.discounts + self.refunds:
            raise ValueError("a sale's amount is its gross less its discount")
        return Totals(
            gross=Money(amount=self.gross, currency=currency),
            discounts=Money(amount=self.discounts, currency=currency),
            refunds=Money(amount=self.refunds, currency=currency),
            net=Money(amount=self.net, currency=currency),
            orders=len(self.orders),
            units=self.units,
            units_refunded=self.units_refunded,
        )


@dataclass
class OrderTally:
    """One order's movements in the period."""

    order_id: str
    member_id: str
    payment_method: PaymentMethod
    ordered_at: datetime
    paid_at: datetime | None
    currency: str
    state: OrderState  # after its last movement in the period
    tally: Tally = field(default_factory=Tally)

    def row(self, state: OrderState | None = None) -> PeriodOrder:
        totals = self.tally.totals(self.currency)
        return PeriodOrder(
            order_id=self.order_id,
            member_id=self.member_id,
            state=state or self.state,
            payment_method=self.payment_method,
            ordered_at=self.ordered_at,
            paid_at=self.paid_at,
            currency=self.currency,
            gross=totals.gross,
            discounts=totals.discounts,
            refunds=totals.refunds,
            net=totals.net,
            units=totals.units,
            units_refunded=totals.units_refunded,
        )


@dataclass
class CurrencyFigures:
    currency: str
    totals: Tally = field(default_factory=Tally)
    products: dict[str, Tally] = field(default_factory=dict)
    product_names: dict[str, str] = field(default_factory=dict)
    stores: dict[str, Tally] = field(default_factory=dict)
    methods: dict[str, Tally] = field(default_factory=dict)

    def add(self, entry: LedgerEntry, line: LedgerLine) -> None:
        self.totals.add(entry, line)
        self.products.setdefault(line.product_id, Tally()).add(entry, line)
        self.product_names[line.product_id] = line.product_name
        self.stores.setdefault(line.store_id, Tally()).add(entry, line)
        self.methods.setdefault(entry.payment_method.value, Tally()).add(entry, line)

    def sales(self) -> CurrencySales:
        c = self.currency
        return CurrencySales(
            currency=c,
            totals=self.totals.totals(c),
            by_product=[
                ProductSales(product_id=key, product_name=self.product_names[key], **dict(tally.totals(c)))
                for key, tally in ranked(self.products)
            ],
            by_store=[StoreSales(store_id=key, **dict(tally.totals(c))) for key, tally in ranked(self.stores)],
            by_payment_method=[
                MethodSales(payment_method=PaymentMethod(key), **dict(tally.totals(c)))
                for key, tally in ranked(self.methods)
            ],
        )


def ranked(rows: Mapping[str, Tally]) -> list[tuple[str, Tally]]:
    """Highest net first; ties by key, so a report reads the same every time."""
    return sorted(rows.items(), key=lambda row: (-row[1].net, row[0]))


@dataclass
class PeriodFigures:
    """Everything a period's reports show, added up from its entries (with only one product's
    lines, if asked for)."""

    since: date
    until: date
    product_id: str | None
    member_id: str | None
    entries: list[LedgerEntry] = field(default_factory=list)
    currencies: dict[str, CurrencyFigures] = field(default_factory=dict)
    orders: dict[str, OrderTally] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        entries: Iterable[LedgerEntry],
        *,
        since: date,
        until: date,
        product_id: str | None = None,
        member_id: str | None = None,
    ) -> PeriodFigures:
        made = cls(since, until, product_id, member_id)
        for entry in entries:
            made.add(entry)
        return made

    def add(self, entry: LedgerEntry) -> None:
        lines = [line for line in entry.lines if self.product_id in (None, line.product_id)]
        if not lines:
            return
        if len(lines) != len(entry.lines):
            entry = entry.model_copy(update={"lines": lines})
        self.entries.append(entry)
        figures = self.currencies.setdefault(entry.currency, CurrencyFigures(entry.currency))
        order = self.orders.get(entry.order_id)
        if order is None:
            order = self.orders[entry.order_id] = OrderTally(
                order_id=entry.order_id,
                member_id=entry.member_id,
                payment_method=entry.payment_method,
                ordered_at=entry.ordered_at,
                paid_at=entry.paid_at,
                currency=entry.currency,
                state=entry.state,
            )
        order.state, order.paid_at = entry.state, entry.paid_at or order.paid_at
        for line in lines:
            figures.add(entry, line)
            order.tally.add(entry, line)

    @property
    def currency_list(self) -> list[CurrencyFigures]:
        return [self.currencies[c] for c in sorted(self.currencies)]

    def report(self) -> SalesReport:
        return SalesReport(
            since=self.since,
            until=self.until,
            product_id=self.product_id,
            member_id=self.member_id,
            entries=len(self.entries),
            currencies=[figures.sales() for figures in self.currency_list],
        )

    def order_rows(self, states: Mapping[str, OrderState], *, newest_first: bool = True) -> list[PeriodOrder]:
        """The period's orders (ids are ULIDs: by id is by time), each in its state now if known."""
        ordered = sorted(self.orders, reverse=newest_first)
        return [self.orders[order_id].row(states.get(order_id)) for order_id in ordered]
