from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.replacement_policy import ReplacementPolicy
    from ..models.sample_waits import SampleWaits


T = TypeVar("T", bound="LogisticsSettings")


@_attrs_define
class LogisticsSettings:
    """Sample logistics: replacement kits (`replacements`), the default stability window and the
    workflow's waits at each stage of a sample.

        Attributes:
            replacements (ReplacementPolicy | Unset): At most `max_per_line` replacement kits for one gene-test line (a
                sample error or a kit lost
                in the post); `free` sends them at once, else the member is offered one for a fee.
            sample_stability_days (int | Unset): days a collected sample stays good, unless its gene test's SKU says
                Default: 28.
            waits (SampleWaits | Unset): Days a sample may stay at a stage before the member (or staff) is reminded.
    """

    replacements: ReplacementPolicy | Unset = UNSET
    sample_stability_days: int | Unset = 28
    waits: SampleWaits | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        replacements: dict[str, Any] | Unset = UNSET
        if not isinstance(self.replacements, Unset):
            replacements = self.replacements.to_dict()

        sample_stability_days = self.sample_stability_days

        waits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.waits, Unset):
            waits = self.waits.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if replacements is not UNSET:
            field_dict["replacements"] = replacements
        if sample_stability_days is not UNSET:
            field_dict["sample_stability_days"] = sample_stability_days
        if waits is not UNSET:
            field_dict["waits"] = waits

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.replacement_policy import ReplacementPolicy
        from ..models.sample_waits import SampleWaits

        d = dict(src_dict)
        _replacements = d.pop("replacements", UNSET)
        replacements: ReplacementPolicy | Unset
        if isinstance(_replacements, Unset):
            replacements = UNSET
        else:
            replacements = ReplacementPolicy.from_dict(_replacements)

        sample_stability_days = d.pop("sample_stability_days", UNSET)

        _waits = d.pop("waits", UNSET)
        waits: SampleWaits | Unset
        if isinstance(_waits, Unset):
            waits = UNSET
        else:
            waits = SampleWaits.from_dict(_waits)

        logistics_settings = cls(
            replacements=replacements,
            sample_stability_days=sample_stability_days,
            waits=waits,
        )

        logistics_settings.additional_properties = d
        return logistics_settings

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
