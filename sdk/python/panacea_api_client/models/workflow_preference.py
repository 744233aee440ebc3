from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_preference_channels import WorkflowPreferenceChannels


T = TypeVar("T", bound="WorkflowPreference")


@_attrs_define
class WorkflowPreference:
    """One workflow (an event type): off altogether, or on with some channels off.

    Attributes:
        channels (WorkflowPreferenceChannels | Unset):
        enabled (bool | Unset):  Default: True.
    """

    channels: WorkflowPreferenceChannels | Unset = UNSET
    enabled: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels.to_dict()

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if channels is not UNSET:
            field_dict["channels"] = channels
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.workflow_preference_channels import WorkflowPreferenceChannels

        d = dict(src_dict)
        _channels = d.pop("channels", UNSET)
        channels: WorkflowPreferenceChannels | Unset
        if isinstance(_channels, Unset):
            channels = UNSET
        else:
            channels = WorkflowPreferenceChannels.from_dict(_channels)

        enabled = d.pop("enabled", UNSET)

        workflow_preference = cls(
            channels=channels,
            enabled=enabled,
        )

        workflow_preference.additional_properties = d
        return workflow_preference

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
