from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.product_kind import ProductKind
from ..models.product_status import ProductStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.image import Image
    from ..models.level_commission import LevelCommission
    from ..models.money import Money
    from ..models.sku import Sku


T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """
    Attributes:
        cashback_bps (int):
        category_ids (list[str]):
        created_at (datetime.datetime):
        description (str):
        id (str):
        images (list[Image]):
        kind (ProductKind):
        name (str):
        prices_from (list[Money]): the lowest price of its active SKUs, per currency
        skus (list[Sku]):
        status (ProductStatus):
        store_id (str):
        tag_ids (list[str]):
        updated_at (datetime.datetime):
        commission (list[LevelCommission] | Unset): per level, instead of the tenant's rate
        published_at (datetime.datetime | None | Unset):
    """

    cashback_bps: int
    category_ids: list[str]
    created_at: datetime.datetime
    description: str
    id: str
    images: list[Image]
    kind: ProductKind
    name: str
    prices_from: list[Money]
    skus: list[Sku]
    status: ProductStatus
    store_id: str
    tag_ids: list[str]
    updated_at: datetime.datetime
    commission: list[LevelCommission] | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cashback_bps = self.cashback_bps

        category_ids = self.category_ids

        created_at = self.created_at.isoformat()

        description = self.description

        id = self.id

        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        kind = self.kind.value

        name = self.name

        prices_from = []
        for prices_from_item_data in self.prices_from:
            prices_from_item = prices_from_item_data.to_dict()
            prices_from.append(prices_from_item)

        skus = []
        for skus_item_data in self.skus:
            skus_item = skus_item_data.to_dict()
            skus.append(skus_item)

        status = self.status.value

        store_id = self.store_id

        tag_ids = self.tag_ids

        updated_at = self.updated_at.isoformat()

        commission: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.commission, Unset):
            commission = []
            for commission_item_data in self.commission:
                commission_item = commission_item_data.to_dict()
                commission.append(commission_item)

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cashback_bps": cashback_bps,
                "category_ids": category_ids,
                "created_at": created_at,
                "description": description,
                "id": id,
                "images": images,
                "kind": kind,
                "name": name,
                "prices_from": prices_from,
                "skus": skus,
                "status": status,
                "store_id": store_id,
                "tag_ids": tag_ids,
                "updated_at": updated_at,
            }
        )
        if commission is not UNSET:
            field_dict["commission"] = commission
        if published_at is not UNSET:
            field_dict["published_at"] = published_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.image import Image
        from ..models.level_commission import LevelCommission
        from ..models.money import Money
        from ..models.sku import Sku

        d = dict(src_dict)
        cashback_bps = d.pop("cashback_bps")

        category_ids = cast(list[str], d.pop("category_ids"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        id = d.pop("id")

        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = Image.from_dict(images_item_data)

            images.append(images_item)

        kind = ProductKind(d.pop("kind"))

        name = d.pop("name")

        prices_from = []
        _prices_from = d.pop("prices_from")
        for prices_from_item_data in _prices_from:
            prices_from_item = Money.from_dict(prices_from_item_data)

            prices_from.append(prices_from_item)

        skus = []
        _skus = d.pop("skus")
        for skus_item_data in _skus:
            skus_item = Sku.from_dict(skus_item_data)

            skus.append(skus_item)

        status = ProductStatus(d.pop("status"))

        store_id = d.pop("store_id")

        tag_ids = cast(list[str], d.pop("tag_ids"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _commission = d.pop("commission", UNSET)
        commission: list[LevelCommission] | Unset = UNSET
        if _commission is not UNSET:
            commission = []
            for commission_item_data in _commission:
                commission_item = LevelCommission.from_dict(commission_item_data)

                commission.append(commission_item)

        def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))

        product = cls(
            cashback_bps=cashback_bps,
            category_ids=category_ids,
            created_at=created_at,
            description=description,
            id=id,
            images=images,
            kind=kind,
            name=name,
            prices_from=prices_from,
            skus=skus,
            status=status,
            store_id=store_id,
            tag_ids=tag_ids,
            updated_at=updated_at,
            commission=commission,
            published_at=published_at,
        )

        product.additional_properties = d
        return product

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
