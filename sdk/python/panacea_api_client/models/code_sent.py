from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel

T = TypeVar("T", bound="CodeSent")


@_attrs_define
class CodeSent:
    """A code is on its way, if the address can receive one (the answer is the same either way).

    Attributes:
        channel (Channel):
        destination (str): where it went, partly hidden
        detail (str):
        expires_in (int): seconds the code stays valid
    """

    channel: Channel
    destination: str
    detail: str
    expires_in: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        destination = self.destination

        detail = self.detail

        expires_in = self.expires_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "destination": destination,
                "detail": detail,
                "expires_in": expires_in,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel = Channel(d.pop("channel"))

        destination = d.pop("destination")

        detail = d.pop("detail")

        expires_in = d.pop("expires_in")

        code_sent = cls(
            channel=channel,
            destination=destination,
            detail=detail,
            expires_in=expires_in,
        )

        code_sent.additional_properties = d
        return code_sent

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
