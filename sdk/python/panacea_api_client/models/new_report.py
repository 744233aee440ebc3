from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.finding import Finding


T = TypeVar("T", bound="NewReport")


@_attrs_define
class NewReport:
    """
    Attributes:
        file_key (str): the `key` of the report's upload, once the PDF is posted
        member_id (str):
        test_name (str):
        findings (list[Finding] | Unset):
        line_id (None | str | Unset): the order's gene-test line (its group id)
        markers_summary (str | Unset):  Default: ''.
        order_id (None | str | Unset): the order the test was bought in
    """

    file_key: str
    member_id: str
    test_name: str
    findings: list[Finding] | Unset = UNSET
    line_id: None | str | Unset = UNSET
    markers_summary: str | Unset = ""
    order_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file_key = self.file_key

        member_id = self.member_id

        test_name = self.test_name

        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)

        line_id: None | str | Unset
        if isinstance(self.line_id, Unset):
            line_id = UNSET
        else:
            line_id = self.line_id

        markers_summary = self.markers_summary

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        else:
            order_id = self.order_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file_key": file_key,
                "member_id": member_id,
                "test_name": test_name,
            }
        )
        if findings is not UNSET:
            field_dict["findings"] = findings
        if line_id is not UNSET:
            field_dict["line_id"] = line_id
        if markers_summary is not UNSET:
            field_dict["markers_summary"] = markers_summary
        if order_id is not UNSET:
            field_dict["order_id"] = order_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.finding import Finding

        d = dict(src_dict)
        file_key = d.pop("file_key")

        member_id = d.pop("member_id")

        test_name = d.pop("test_name")

        _findings = d.pop("findings", UNSET)
        findings: list[Finding] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = Finding.from_dict(findings_item_data)

                findings.append(findings_item)

        def _parse_line_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line_id = _parse_line_id(d.pop("line_id", UNSET))

        markers_summary = d.pop("markers_summary", UNSET)

        def _parse_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_id = _parse_order_id(d.pop("order_id", UNSET))

        new_report = cls(
            file_key=file_key,
            member_id=member_id,
            test_name=test_name,
            findings=findings,
            line_id=line_id,
            markers_summary=markers_summary,
            order_id=order_id,
        )

        return new_report
