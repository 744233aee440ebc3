from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.product_kind import ProductKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_commission import LineCommission
    from ..models.money import Money


T = TypeVar("T", bound="OrderLine")


@_attrs_define
class OrderLine:
    """
    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        discount (Money): An amount in minor units (pence, fen, cents) of one currency.
        kind (ProductKind):
        line_no (int): 1-based position on the order
        product_id (str):
        product_name (str):
        quantity (int):
        sku_id (str):
        store_id (str):
        subtotal (Money): An amount in minor units (pence, fen, cents) of one currency.
        unit_price (Money): An amount in minor units (pence, fen, cents) of one currency.
        cashback_bps (int | Unset): 1/100 of a percent Default: 0.
        category_ids (list[str] | Unset):
        commission (list[LineCommission] | Unset): the product's commission override
        refunded_quantity (int | Unset):  Default: 0.
        wallet (Money | None | Unset): its share of the wallet credit spent (the rest: money)
    """

    amount: Money
    discount: Money
    kind: ProductKind
    line_no: int
    product_id: str
    product_name: str
    quantity: int
    sku_id: str
    store_id: str
    subtotal: Money
    unit_price: Money
    cashback_bps: int | Unset = 0
    category_ids: list[str] | Unset = UNSET
    commission: list[LineCommission] | Unset = UNSET
    refunded_quantity: int | Unset = 0
    wallet: Money | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money

        amount = self.amount.to_dict()

        discount = self.discount.to_dict()

        kind = self.kind.value

        line_no = self.line_no

        product_id = self.product_id

        product_name = self.product_name

        quantity = self.quantity

        sku_id = self.sku_id

        store_id = self.store_id

        subtotal = self.subtotal.to_dict()

        unit_price = self.unit_price.to_dict()

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

        refunded_quantity = self.refunded_quantity

        wallet: dict[str, Any] | None | Unset
        if isinstance(self.wallet, Unset):
            wallet = UNSET
        elif isinstance(self.wallet, Money):
            wallet = self.wallet.to_dict()
        else:
            wallet = self.wallet

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "discount": discount,
                "kind": kind,
                "line_no": line_no,
                "product_id": product_id,
                "product_name": product_name,
                "quantity": quantity,
                "sku_id": sku_id,
                "store_id": store_id,
                "subtotal": subtotal,
                "unit_price": unit_price,
            }
        )
        if cashback_bps is not UNSET:
            field_dict["cashback_bps"] = cashback_bps
        if category_ids is not UNSET:
            field_dict["category_ids"] = category_ids
        if commission is not UNSET:
            field_dict["commission"] = commission
        if refunded_quantity is not UNSET:
            field_dict["refunded_quantity"] = refunded_quantity
        if wallet is not UNSET:
            field_dict["wallet"] = wallet

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.line_commission import LineCommission
        from ..models.money import Money

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        discount = Money.from_dict(d.pop("discount"))

        kind = ProductKind(d.pop("kind"))

        line_no = d.pop("line_no")

        product_id = d.pop("product_id")

        product_name = d.pop("product_name")

        quantity = d.pop("quantity")

        sku_id = d.pop("sku_id")

        store_id = d.pop("store_id")

        subtotal = Money.from_dict(d.pop("subtotal"))

        unit_price = Money.from_dict(d.pop("unit_price"))

        cashback_bps = d.pop("cashback_bps", UNSET)

        category_ids = cast(list[str], d.pop("category_ids", UNSET))

        _commission = d.pop("commission", UNSET)
        commission: list[LineCommission] | Unset = UNSET
        if _commission is not UNSET:
            commission = []
            for commission_item_data in _commission:
                commission_item = LineCommission.from_dict(commission_item_data)

                commission.append(commission_item)

        refunded_quantity = d.pop("refunded_quantity", UNSET)

        def _parse_wallet(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                wallet_type_0 = Money.from_dict(data)

                return wallet_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        wallet = _parse_wallet(d.pop("wallet", UNSET))

        order_line = cls(
            amount=amount,
            discount=discount,
            kind=kind,
            line_no=line_no,
            product_id=product_id,
            product_name=product_name,
            quantity=quantity,
            sku_id=sku_id,
            store_id=store_id,
            subtotal=subtotal,
            unit_price=unit_price,
            cashback_bps=cashback_bps,
            category_ids=category_ids,
            commission=commission,
            refunded_quantity=refunded_quantity,
            wallet=wallet,
        )

        order_line.additional_properties = d
        return order_line

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
