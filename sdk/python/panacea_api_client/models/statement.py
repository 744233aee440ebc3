from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.buckets import Buckets
    from ..models.kind_total import KindTotal
    from ..models.statement_entry import StatementEntry


T = TypeVar("T", bound="Statement")


@_attrs_define
class Statement:
    """A distributor's commission ledger over `[start, end)`: the balances by state at its start,
    each entry in it, their totals by kind, and the balances at its end. opening + movements =
    closing in each state; when the period runs to now, closing is the ledger's balance.

        Attributes:
            closing (Buckets): A commission balance by state; total = pending + frozen + available.
            currency (str):
            distributor_id (str):
            end (datetime.datetime): the instant after its last (UTC), excluded
            entries (list[StatementEntry]): oldest first
            movements (Buckets): A commission balance by state; total = pending + frozen + available.
            opening (Buckets): A commission balance by state; total = pending + frozen + available.
            start (datetime.datetime): the period's first instant (UTC), included
            time_zone (str): the tenant's time zone, whose days the period is cut in
            to_now (bool): the period runs to now: closing is the balance now
            totals (list[KindTotal]): one per kind of entry in the period
    """

    closing: Buckets
    currency: str
    distributor_id: str
    end: datetime.datetime
    entries: list[StatementEntry]
    movements: Buckets
    opening: Buckets
    start: datetime.datetime
    time_zone: str
    to_now: bool
    totals: list[KindTotal]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closing = self.closing.to_dict()

        currency = self.currency

        distributor_id = self.distributor_id

        end = self.end.isoformat()

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        movements = self.movements.to_dict()

        opening = self.opening.to_dict()

        start = self.start.isoformat()

        time_zone = self.time_zone

        to_now = self.to_now

        totals = []
        for totals_item_data in self.totals:
            totals_item = totals_item_data.to_dict()
            totals.append(totals_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closing": closing,
                "currency": currency,
                "distributor_id": distributor_id,
                "end": end,
                "entries": entries,
                "movements": movements,
                "opening": opening,
                "start": start,
                "time_zone": time_zone,
                "to_now": to_now,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.buckets import Buckets
        from ..models.kind_total import KindTotal
        from ..models.statement_entry import StatementEntry

        d = dict(src_dict)
        closing = Buckets.from_dict(d.pop("closing"))

        currency = d.pop("currency")

        distributor_id = d.pop("distributor_id")

        end = datetime.datetime.fromisoformat(d.pop("end"))

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = StatementEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        movements = Buckets.from_dict(d.pop("movements"))

        opening = Buckets.from_dict(d.pop("opening"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        time_zone = d.pop("time_zone")

        to_now = d.pop("to_now")

        totals = []
        _totals = d.pop("totals")
        for totals_item_data in _totals:
            totals_item = KindTotal.from_dict(totals_item_data)

            totals.append(totals_item)

        statement = cls(
            closing=closing,
            currency=currency,
            distributor_id=distributor_id,
            end=end,
            entries=entries,
            movements=movements,
            opening=opening,
            start=start,
            time_zone=time_zone,
            to_now=to_now,
            totals=totals,
        )

        statement.additional_properties = d
        return statement

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
