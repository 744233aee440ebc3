from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.product_kind import ProductKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.level_commission import LevelCommission


T = TypeVar("T", bound="ProductPatch")


@_attrs_define
class ProductPatch:
    """A merge patch of a product's details (its status moves through publish and archive).

    Attributes:
        cashback_bps (int | None | Unset):
        category_ids (list[str] | None | Unset):
        commission (list[LevelCommission] | None | Unset): replaces the override; [] removes it
        description (None | str | Unset):
        images (list[str] | None | Unset):
        kind (None | ProductKind | Unset):
        name (None | str | Unset):
        store_id (None | str | Unset):
        tag_ids (list[str] | None | Unset):
    """

    cashback_bps: int | None | Unset = UNSET
    category_ids: list[str] | None | Unset = UNSET
    commission: list[LevelCommission] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    images: list[str] | None | Unset = UNSET
    kind: None | ProductKind | Unset = UNSET
    name: None | str | Unset = UNSET
    store_id: None | str | Unset = UNSET
    tag_ids: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cashback_bps: int | None | Unset
        if isinstance(self.cashback_bps, Unset):
            cashback_bps = UNSET
        else:
            cashback_bps = self.cashback_bps

        category_ids: list[str] | None | Unset
        if isinstance(self.category_ids, Unset):
            category_ids = UNSET
        elif isinstance(self.category_ids, list):
            category_ids = self.category_ids

        else:
            category_ids = self.category_ids

        commission: list[dict[str, Any]] | None | Unset
        if isinstance(self.commission, Unset):
            commission = UNSET
        elif isinstance(self.commission, list):
            commission = []
            for commission_type_0_item_data in self.commission:
                commission_type_0_item = commission_type_0_item_data.to_dict()
                commission.append(commission_type_0_item)

        else:
            commission = self.commission

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        images: list[str] | None | Unset
        if isinstance(self.images, Unset):
            images = UNSET
        elif isinstance(self.images, list):
            images = self.images

        else:
            images = self.images

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, ProductKind):
            kind = self.kind.value
        else:
            kind = self.kind

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        store_id: None | str | Unset
        if isinstance(self.store_id, Unset):
            store_id = UNSET
        else:
            store_id = self.store_id

        tag_ids: list[str] | None | Unset
        if isinstance(self.tag_ids, Unset):
            tag_ids = UNSET
        elif isinstance(self.tag_ids, list):
            tag_ids = self.tag_ids

        else:
            tag_ids = self.tag_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if store_id is not UNSET:
            field_dict["store_id"] = store_id
        if tag_ids is not UNSET:
            field_dict["tag_ids"] = tag_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.level_commission import LevelCommission

        d = dict(src_dict)

        def _parse_cashback_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cashback_bps = _parse_cashback_bps(d.pop("cashback_bps", UNSET))

        def _parse_category_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                category_ids_type_0 = cast(list[str], data)

                return category_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        category_ids = _parse_category_ids(d.pop("category_ids", UNSET))

        def _parse_commission(data: object) -> list[LevelCommission] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                commission_type_0 = []
                _commission_type_0 = data
                for commission_type_0_item_data in _commission_type_0:
                    commission_type_0_item = LevelCommission.from_dict(
                        commission_type_0_item_data
                    )

                    commission_type_0.append(commission_type_0_item)

                return commission_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LevelCommission] | None | Unset, data)

        commission = _parse_commission(d.pop("commission", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_images(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                images_type_0 = cast(list[str], data)

                return images_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        images = _parse_images(d.pop("images", UNSET))

        def _parse_kind(data: object) -> None | ProductKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = ProductKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_store_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        store_id = _parse_store_id(d.pop("store_id", UNSET))

        def _parse_tag_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tag_ids_type_0 = cast(list[str], data)

                return tag_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tag_ids = _parse_tag_ids(d.pop("tag_ids", UNSET))

        product_patch = cls(
            cashback_bps=cashback_bps,
            category_ids=category_ids,
            commission=commission,
            description=description,
            images=images,
            kind=kind,
            name=name,
            store_id=store_id,
            tag_ids=tag_ids,
        )

        return product_patch
