"""Catalog: the stores of a tenant's mall, what they sell (products, SKUs, prices), and stock.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`).
Orders prices lines with `price_lines`, and adds the writes of its stock movements, which the
catalog hands it from `StockLine`s (`reservation`, `stock_sale`, `stock_release`, `restocking`),
to the order's own transaction. Logistics reads a gene-test SKU's sample stability window
(`sample_stability_days`)."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.catalog.gene_tests import sample_stability_days
    from panacea.catalog.models import (
        Product,
        ProductArchived,
        ProductCreated,
        ProductKind,
        ProductPublished,
        ProductUpdated,
        Sku,
        SkuAdded,
        SkuUpdated,
        StockAdjusted,
        Store,
        StoreOpened,
        StoreStatusChanged,
    )
    from panacea.catalog.stock import (
        NotForSale,
        OutOfStock,
        StockLine,
        StockNotHeld,
        price_lines,
        reservation,
        restocking,
        stock_release,
        stock_sale,
    )
    from panacea.catalog.stock_models import (
        LineRequest,
        PricedLine,
        StockLevel,
    )

__all__ = [
    "LineRequest",
    "NotForSale",
    "OutOfStock",
    "PricedLine",
    "Product",
    "ProductArchived",
    "ProductCreated",
    "ProductKind",
    "ProductPublished",
    "ProductUpdated",
    "Sku",
    "SkuAdded",
    "SkuUpdated",
    "StockAdjusted",
    "StockLevel",
    "StockLine",
    "StockNotHeld",
    "Store",
    "StoreOpened",
    "StoreStatusChanged",
    "price_lines",
    "reservation",
    "restocking",
    "sample_stability_days",
    "stock_release",
    "stock_sale",
]
__getattr__ = face(
    __name__,
    {
        "NotForSale": "panacea.catalog.stock",
        "OutOfStock": "panacea.catalog.stock",
        "StockLine": "panacea.catalog.stock",
        "StockNotHeld": "panacea.catalog.stock",
        "price_lines": "panacea.catalog.stock",
        "reservation": "panacea.catalog.stock",
        "restocking": "panacea.catalog.stock",
        "stock_release": "panacea.catalog.stock",
        "stock_sale": "panacea.catalog.stock",
        "sample_stability_days": "panacea.catalog.gene_tests",
        "LineRequest": "panacea.catalog.stock_models",
        "PricedLine": "panacea.catalog.stock_models",
        "Product": "panacea.catalog.models",
        "ProductKind": "panacea.catalog.models",
        "Sku": "panacea.catalog.models",
        "StockLevel": "panacea.catalog.stock_models",
        "Store": "panacea.catalog.models",
        "ProductArchived": "panacea.catalog.models",
        "ProductCreated": "panacea.catalog.models",
        "ProductPublished": "panacea.catalog.models",
        "ProductUpdated": "panacea.catalog.models",
        "SkuAdded": "panacea.catalog.models",
        "SkuUpdated": "panacea.catalog.models",
        "StockAdjusted": "panacea.catalog.models",
        "StoreOpened": "panacea.catalog.models",
        "StoreStatusChanged": "panacea.catalog.models",
    },
)
