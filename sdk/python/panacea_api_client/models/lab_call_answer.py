from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lab_outcome import LabOutcome

if TYPE_CHECKING:
    from ..models.kit import Kit


T = TypeVar("T", bound="LabCallAnswer")


@_attrs_define
class LabCallAnswer:
    """
    Attributes:
        kit (Kit):
        outcome (LabOutcome):
    """

    kit: Kit
    outcome: LabOutcome
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kit = self.kit.to_dict()

        outcome = self.outcome.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kit": kit,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.kit import Kit

        d = dict(src_dict)
        kit = Kit.from_dict(d.pop("kit"))

        outcome = LabOutcome(d.pop("outcome"))

        lab_call_answer = cls(
            kit=kit,
            outcome=outcome,
        )

        lab_call_answer.additional_properties = d
        return lab_call_answer

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
