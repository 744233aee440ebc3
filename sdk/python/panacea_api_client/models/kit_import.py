from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="KitImport")


@_attrs_define
class KitImport:
    """A batch of barcodes: a list, or CSV text with a `barcode` column (a header line first).

    Attributes:
        barcodes (list[str] | None | Unset): one barcode each
        csv (None | str | Unset): CSV with a `barcode` column; bad rows are named by their line number
    """

    barcodes: list[str] | None | Unset = UNSET
    csv: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        barcodes: list[str] | None | Unset
        if isinstance(self.barcodes, Unset):
            barcodes = UNSET
        elif isinstance(self.barcodes, list):
            barcodes = self.barcodes

        else:
            barcodes = self.barcodes

        csv: None | str | Unset
        if isinstance(self.csv, Unset):
            csv = UNSET
        else:
            csv = self.csv

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if barcodes is not UNSET:
            field_dict["barcodes"] = barcodes
        if csv is not UNSET:
            field_dict["csv"] = csv

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_barcodes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                barcodes_type_0 = cast(list[str], data)

                return barcodes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        barcodes = _parse_barcodes(d.pop("barcodes", UNSET))

        def _parse_csv(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        csv = _parse_csv(d.pop("csv", UNSET))

        kit_import = cls(
            barcodes=barcodes,
            csv=csv,
        )

        return kit_import
