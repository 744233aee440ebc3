from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_kind import EntryKind

if TYPE_CHECKING:
    from ..models.buckets import Buckets


T = TypeVar("T", bound="KindTotal")


@_attrs_define
class KindTotal:
    """The period's entries of one kind, added up.

    Attributes:
        entries (int):
        kind (EntryKind):
        moved (Buckets): A commission balance by state; total = pending + frozen + available.
    """

    entries: int
    kind: EntryKind
    moved: Buckets
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entries = self.entries

        kind = self.kind.value

        moved = self.moved.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entries": entries,
                "kind": kind,
                "moved": moved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.buckets import Buckets

        d = dict(src_dict)
        entries = d.pop("entries")

        kind = EntryKind(d.pop("kind"))

        moved = Buckets.from_dict(d.pop("moved"))

        kind_total = cls(
            entries=entries,
            kind=kind,
            moved=moved,
        )

        kind_total.additional_properties = d
        return kind_total

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
