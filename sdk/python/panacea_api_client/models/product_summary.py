from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.product_kind import ProductKind
from ..models.product_status import ProductStatus

if TYPE_CHECKING:
    from ..models.image import Image
    from ..models.money import Money


T = TypeVar("T", bound="ProductSummary")


@_attrs_define
class ProductSummary:
    """A product as lists show it (one query per page: lists carry this copy).

    Attributes:
        cashback_bps (int):
        category_ids (list[str]):
        id (str):
        image (Image | None):
        kind (ProductKind):
        name (str):
        prices_from (list[Money]):
        status (ProductStatus):
        store_id (str):
        tag_ids (list[str]):
    """

    cashback_bps: int
    category_ids: list[str]
    id: str
    image: Image | None
    kind: ProductKind
    name: str
    prices_from: list[Money]
    status: ProductStatus
    store_id: str
    tag_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.image import Image

        cashback_bps = self.cashback_bps

        category_ids = self.category_ids

        id = self.id

        image: dict[str, Any] | None
        if isinstance(self.image, Image):
            image = self.image.to_dict()
        else:
            image = self.image

        kind = self.kind.value

        name = self.name

        prices_from = []
        for prices_from_item_data in self.prices_from:
            prices_from_item = prices_from_item_data.to_dict()
            prices_from.append(prices_from_item)

        status = self.status.value

        store_id = self.store_id

        tag_ids = self.tag_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cashback_bps": cashback_bps,
                "category_ids": category_ids,
                "id": id,
                "image": image,
                "kind": kind,
                "name": name,
                "prices_from": prices_from,
                "status": status,
                "store_id": store_id,
                "tag_ids": tag_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.image import Image
        from ..models.money import Money

        d = dict(src_dict)
        cashback_bps = d.pop("cashback_bps")

        category_ids = cast(list[str], d.pop("category_ids"))

        id = d.pop("id")

        def _parse_image(data: object) -> Image | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                image_type_0 = Image.from_dict(data)

                return image_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Image | None, data)

        image = _parse_image(d.pop("image"))

        kind = ProductKind(d.pop("kind"))

        name = d.pop("name")

        prices_from = []
        _prices_from = d.pop("prices_from")
        for prices_from_item_data in _prices_from:
            prices_from_item = Money.from_dict(prices_from_item_data)

            prices_from.append(prices_from_item)

        status = ProductStatus(d.pop("status"))

        store_id = d.pop("store_id")

        tag_ids = cast(list[str], d.pop("tag_ids"))

        product_summary = cls(
            cashback_bps=cashback_bps,
            category_ids=category_ids,
            id=id,
            image=image,
            kind=kind,
            name=name,
            prices_from=prices_from,
            status=status,
            store_id=store_id,
            tag_ids=tag_ids,
        )

        product_summary.additional_properties = d
        return product_summary

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
