from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_action import AuditAction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_entry_detail import AuditEntryDetail


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """Who did what, when, and from where.

    Attributes:
        action (AuditAction):
        actor_id (None | str): who acted (absent when no one was signed in)
        at (datetime.datetime):
        id (str):
        subject_id (None | str): whose account it was about, if known
        detail (AuditEntryDetail | Unset):
        login (None | str | Unset): the email or phone a sign-in was tried with
        source_ip (None | str | Unset):
        user_agent (None | str | Unset):
    """

    action: AuditAction
    actor_id: None | str
    at: datetime.datetime
    id: str
    subject_id: None | str
    detail: AuditEntryDetail | Unset = UNSET
    login: None | str | Unset = UNSET
    source_ip: None | str | Unset = UNSET
    user_agent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        actor_id: None | str
        actor_id = self.actor_id

        at = self.at.isoformat()

        id = self.id

        subject_id: None | str
        subject_id = self.subject_id

        detail: dict[str, Any] | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = self.detail.to_dict()

        login: None | str | Unset
        if isinstance(self.login, Unset):
            login = UNSET
        else:
            login = self.login

        source_ip: None | str | Unset
        if isinstance(self.source_ip, Unset):
            source_ip = UNSET
        else:
            source_ip = self.source_ip

        user_agent: None | str | Unset
        if isinstance(self.user_agent, Unset):
            user_agent = UNSET
        else:
            user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_id": actor_id,
                "at": at,
                "id": id,
                "subject_id": subject_id,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if login is not UNSET:
            field_dict["login"] = login
        if source_ip is not UNSET:
            field_dict["source_ip"] = source_ip
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_entry_detail import AuditEntryDetail

        d = dict(src_dict)
        action = AuditAction(d.pop("action"))

        def _parse_actor_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = d.pop("id")

        def _parse_subject_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject_id = _parse_subject_id(d.pop("subject_id"))

        _detail = d.pop("detail", UNSET)
        detail: AuditEntryDetail | Unset
        if isinstance(_detail, Unset):
            detail = UNSET
        else:
            detail = AuditEntryDetail.from_dict(_detail)

        def _parse_login(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        login = _parse_login(d.pop("login", UNSET))

        def _parse_source_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ip = _parse_source_ip(d.pop("source_ip", UNSET))

        def _parse_user_agent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_agent = _parse_user_agent(d.pop("user_agent", UNSET))

        audit_entry = cls(
            action=action,
            actor_id=actor_id,
            at=at,
            id=id,
            subject_id=subject_id,
            detail=detail,
            login=login,
            source_ip=source_ip,
            user_agent=user_agent,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
