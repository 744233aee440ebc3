from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.product_kind import ProductKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.level_commission import LevelCommission


T = TypeVar("T", bound="NewProduct")


@_attrs_define
class NewProduct:
    """A product, created as a draft; its SKUs are added next, then it is published.

    Attributes:
        kind (ProductKind):
        name (str):
        cashback_bps (int | Unset): share of the price paid back to the member Default: 0.
        category_ids (list[str] | Unset):
        commission (list[LevelCommission] | Unset): per level, instead of the tenant's rate; levels not named earn the
            tenant's rate
        description (str | Unset):  Default: ''.
        images (list[str] | Unset): the first is the product's picture
        store_id (None | str | Unset): the store that sells it; the tenant itself if absent
        tag_ids (list[str] | Unset):
    """

    kind: ProductKind
    name: str
    cashback_bps: int | Unset = 0
    category_ids: list[str] | Unset = UNSET
    commission: list[LevelCommission] | Unset = UNSET
    description: str | Unset = ""
    images: list[str] | Unset = UNSET
    store_id: None | str | Unset = UNSET
    tag_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        cashback_bps = self.cashback_bps

        category_ids: list[str] | Unset = UNSET
        if not isinstance(self.category_ids, Unset):
            category_ids = self.category_ids

        commission: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.commission, Unset):
            commission = []
            for commission_item_data in self.commission:
                commission_item = commission_item_data.to_dict()
                commission.append(commission_item)

        description = self.description

        images: list[str] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = self.images

        store_id: None | str | Unset
        if isinstance(self.store_id, Unset):
            store_id = UNSET
        else:
            store_id = self.store_id

        tag_ids: list[str] | Unset = UNSET
        if not isinstance(self.tag_ids, Unset):
            tag_ids = self.tag_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if cashback_bps is not UNSET:
            field_dict["cashback_bps"] = cashback_bps
        if category_ids is not UNSET:
            field_dict["category_ids"] = category_ids
        if commission is not UNSET:
            field_dict["commission"] = commission
        if description is not UNSET:
            field_dict["description"] = description
        if images is not UNSET:
            field_dict["images"] = images
        if store_id is not UNSET:
            field_dict["store_id"] = store_id
        if tag_ids is not UNSET:
            field_dict["tag_ids"] = tag_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.level_commission import LevelCommission

        d = dict(src_dict)
        kind = ProductKind(d.pop("kind"))

        name = d.pop("name")

        cashback_bps = d.pop("cashback_bps", UNSET)

        category_ids = cast(list[str], d.pop("category_ids", UNSET))

        _commission = d.pop("commission", UNSET)
        commission: list[LevelCommission] | Unset = UNSET
        if _commission is not UNSET:
            commission = []
            for commission_item_data in _commission:
                commission_item = LevelCommission.from_dict(commission_item_data)

                commission.append(commission_item)

        description = d.pop("description", UNSET)

        images = cast(list[str], d.pop("images", UNSET))

        def _parse_store_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        store_id = _parse_store_id(d.pop("store_id", UNSET))

        tag_ids = cast(list[str], d.pop("tag_ids", UNSET))

        new_product = cls(
            kind=kind,
            name=name,
            cashback_bps=cashback_bps,
            category_ids=category_ids,
            commission=commission,
            description=description,
            images=images,
            store_id=store_id,
            tag_ids=tag_ids,
        )

        return new_product
