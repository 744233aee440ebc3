from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_state import ReportState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.finding_view import FindingView


T = TypeVar("T", bound="ReportView")


@_attrs_define
class ReportView:
    """
    Attributes:
        created_at (datetime.datetime):
        created_by (str):
        findings (list[FindingView]):
        id (str):
        line_id (None | str):
        markers_summary (str):
        member_id (str):
        order_id (None | str):
        state (ReportState):
        test_name (str):
        pages (int | None | Unset): pages of the PDF (known once released)
        released_at (datetime.datetime | None | Unset):
        released_by (None | str | Unset):
    """

    created_at: datetime.datetime
    created_by: str
    findings: list[FindingView]
    id: str
    line_id: None | str
    markers_summary: str
    member_id: str
    order_id: None | str
    state: ReportState
    test_name: str
    pages: int | None | Unset = UNSET
    released_at: datetime.datetime | None | Unset = UNSET
    released_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by = self.created_by

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        id = self.id

        line_id: None | str
        line_id = self.line_id

        markers_summary = self.markers_summary

        member_id = self.member_id

        order_id: None | str
        order_id = self.order_id

        state = self.state.value

        test_name = self.test_name

        pages: int | None | Unset
        if isinstance(self.pages, Unset):
            pages = UNSET
        else:
            pages = self.pages

        released_at: None | str | Unset
        if isinstance(self.released_at, Unset):
            released_at = UNSET
        elif isinstance(self.released_at, datetime.datetime):
            released_at = self.released_at.isoformat()
        else:
            released_at = self.released_at

        released_by: None | str | Unset
        if isinstance(self.released_by, Unset):
            released_by = UNSET
        else:
            released_by = self.released_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by": created_by,
                "findings": findings,
                "id": id,
                "line_id": line_id,
                "markers_summary": markers_summary,
                "member_id": member_id,
                "order_id": order_id,
                "state": state,
                "test_name": test_name,
            }
        )
        if pages is not UNSET:
            field_dict["pages"] = pages
        if released_at is not UNSET:
            field_dict["released_at"] = released_at
        if released_by is not UNSET:
            field_dict["released_by"] = released_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.finding_view import FindingView

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = FindingView.from_dict(findings_item_data)

            findings.append(findings_item)

        id = d.pop("id")

        def _parse_line_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_id = _parse_line_id(d.pop("line_id"))

        markers_summary = d.pop("markers_summary")

        member_id = d.pop("member_id")

        def _parse_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_id = _parse_order_id(d.pop("order_id"))

        state = ReportState(d.pop("state"))

        test_name = d.pop("test_name")

        def _parse_pages(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pages = _parse_pages(d.pop("pages", UNSET))

        def _parse_released_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_at_type_0 = datetime.datetime.fromisoformat(data)

                return released_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        released_at = _parse_released_at(d.pop("released_at", UNSET))

        def _parse_released_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        released_by = _parse_released_by(d.pop("released_by", UNSET))

        report_view = cls(
            created_at=created_at,
            created_by=created_by,
            findings=findings,
            id=id,
            line_id=line_id,
            markers_summary=markers_summary,
            member_id=member_id,
            order_id=order_id,
            state=state,
            test_name=test_name,
            pages=pages,
            released_at=released_at,
            released_by=released_by,
        )

        report_view.additional_properties = d
        return report_view

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
