from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hop import Hop


T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """A notification to one member: where it is on its chain of channels, its status and trail.

    Attributes:
        chain (list[str]):
        channel (str):
        created_at (datetime.datetime):
        event_type (str):
        id (str):
        member_id (str):
        request_id (str):
        status (str):
        status_at (datetime.datetime):
        step (int):
        hops (list[Hop] | Unset): oldest first; absent from lists
        provider (None | str | Unset):
        send_at (datetime.datetime | None | Unset):
    """

    chain: list[str]
    channel: str
    created_at: datetime.datetime
    event_type: str
    id: str
    member_id: str
    request_id: str
    status: str
    status_at: datetime.datetime
    step: int
    hops: list[Hop] | Unset = UNSET
    provider: None | str | Unset = UNSET
    send_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chain = self.chain

        channel = self.channel

        created_at = self.created_at.isoformat()

        event_type = self.event_type

        id = self.id

        member_id = self.member_id

        request_id = self.request_id

        status = self.status

        status_at = self.status_at.isoformat()

        step = self.step

        hops: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hops, Unset):
            hops = []
            for hops_item_data in self.hops:
                hops_item = hops_item_data.to_dict()
                hops.append(hops_item)

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        send_at: None | str | Unset
        if isinstance(self.send_at, Unset):
            send_at = UNSET
        elif isinstance(self.send_at, datetime.datetime):
            send_at = self.send_at.isoformat()
        else:
            send_at = self.send_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chain": chain,
                "channel": channel,
                "created_at": created_at,
                "event_type": event_type,
                "id": id,
                "member_id": member_id,
                "request_id": request_id,
                "status": status,
                "status_at": status_at,
                "step": step,
            }
        )
        if hops is not UNSET:
            field_dict["hops"] = hops
        if provider is not UNSET:
            field_dict["provider"] = provider
        if send_at is not UNSET:
            field_dict["send_at"] = send_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hop import Hop

        d = dict(src_dict)
        chain = cast(list[str], d.pop("chain"))

        channel = d.pop("channel")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        event_type = d.pop("event_type")

        id = d.pop("id")

        member_id = d.pop("member_id")

        request_id = d.pop("request_id")

        status = d.pop("status")

        status_at = datetime.datetime.fromisoformat(d.pop("status_at"))

        step = d.pop("step")

        _hops = d.pop("hops", UNSET)
        hops: list[Hop] | Unset = UNSET
        if _hops is not UNSET:
            hops = []
            for hops_item_data in _hops:
                hops_item = Hop.from_dict(hops_item_data)

                hops.append(hops_item)

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        def _parse_send_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_at_type_0 = datetime.datetime.fromisoformat(data)

                return send_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        send_at = _parse_send_at(d.pop("send_at", UNSET))

        message = cls(
            chain=chain,
            channel=channel,
            created_at=created_at,
            event_type=event_type,
            id=id,
            member_id=member_id,
            request_id=request_id,
            status=status,
            status_at=status_at,
            step=step,
            hops=hops,
            provider=provider,
            send_at=send_at,
        )

        message.additional_properties = d
        return message

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
