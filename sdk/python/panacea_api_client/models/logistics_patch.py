from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.replacement_policy_patch import ReplacementPolicyPatch
    from ..models.sample_waits_patch import SampleWaitsPatch


T = TypeVar("T", bound="LogisticsPatch")


@_attrs_define
class LogisticsPatch:
    """
    Attributes:
        replacements (None | ReplacementPolicyPatch | Unset):
        sample_stability_days (int | None | Unset):
        waits (None | SampleWaitsPatch | Unset):
    """

    replacements: None | ReplacementPolicyPatch | Unset = UNSET
    sample_stability_days: int | None | Unset = UNSET
    waits: None | SampleWaitsPatch | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.replacement_policy_patch import ReplacementPolicyPatch
        from ..models.sample_waits_patch import SampleWaitsPatch

        replacements: dict[str, Any] | None | Unset
        if isinstance(self.replacements, Unset):
            replacements = UNSET
        elif isinstance(self.replacements, ReplacementPolicyPatch):
            replacements = self.replacements.to_dict()
        else:
            replacements = self.replacements

        sample_stability_days: int | None | Unset
        if isinstance(self.sample_stability_days, Unset):
            sample_stability_days = UNSET
        else:
            sample_stability_days = self.sample_stability_days

        waits: dict[str, Any] | None | Unset
        if isinstance(self.waits, Unset):
            waits = UNSET
        elif isinstance(self.waits, SampleWaitsPatch):
            waits = self.waits.to_dict()
        else:
            waits = self.waits

        field_dict: dict[str, Any] = {}

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
        from ..models.replacement_policy_patch import ReplacementPolicyPatch
        from ..models.sample_waits_patch import SampleWaitsPatch

        d = dict(src_dict)

        def _parse_replacements(data: object) -> None | ReplacementPolicyPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                replacements_type_0 = ReplacementPolicyPatch.from_dict(data)

                return replacements_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReplacementPolicyPatch | Unset, data)

        replacements = _parse_replacements(d.pop("replacements", UNSET))

        def _parse_sample_stability_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sample_stability_days = _parse_sample_stability_days(
            d.pop("sample_stability_days", UNSET)
        )

        def _parse_waits(data: object) -> None | SampleWaitsPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                waits_type_0 = SampleWaitsPatch.from_dict(data)

                return waits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SampleWaitsPatch | Unset, data)

        waits = _parse_waits(d.pop("waits", UNSET))

        logistics_patch = cls(
            replacements=replacements,
            sample_stability_days=sample_stability_days,
            waits=waits,
        )

        return logistics_patch
