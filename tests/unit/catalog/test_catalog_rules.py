"""The catalog's rules that need no AWS: how names are searched, what products, SKUs, stores and
stock changes accept, which moves are allowed, who may do what, and that any product change
fits in one transaction."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast

import pytest
from pydantic import BaseModel, ValidationError
from pynamodb.exceptions import CancellationReason

from infra.local import s3_forms
from panacea.catalog import product_items, search, stock, stock_items
from panacea.catalog.access import Action
from panacea.catalog.models import (
    MAX_CATEGORIES,
    MAX_SKUS,
    MAX_TAGS,
    PRODUCT_MOVES,
    STORE_MOVES,
    ImageUploadRequest,
    NewProduct,
    NewSku,
    NewStore,
    ProductKind,
    ProductStatus,
    StoreStatus,
)
from panacea.catalog.products import _Snapshot, _write_product
from panacea.catalog.stock_models import (
    StockAdjustment,
)
from panacea.platform import storage, transaction
from panacea.platform.access import Actor, Role
from panacea.platform.errors import Conflict, DomainError
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from panacea.platform.transaction import MAX_ITEMS, UnitOfWork

AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def _fields(exc: ValidationError) -> set[str]:
    return {".".join(str(p) for p in e["loc"]) for e in exc.errors()}


# --- search ------------------------------------------------------------------------------------


def test_names_become_words_without_accents_case_stop_words_or_punctuation():
    assert search.words("Crème de la Crème — Vitamin D3 & the B12!") == ["creme", "de", "la", "vitamin", "d3", "b12"]


def test_chinese_japanese_and_korean_runs_become_pairs_of_characters():
    assert search.words("基因检测套餐") == ["基因", "因检", "检测", "测套", "套餐"]
    assert "检" in search.prefixes("基因检测")  # one character is a word there


def test_a_name_is_indexed_under_the_first_characters_of_its_words_within_a_budget():
    # Given a name of five words
    found = search.prefixes("BRCA1 Hereditary Cancer Gene Panel")
    # Then each word gives its prefixes of 2 to 5 characters
    assert found[:4] == ["br", "brc", "brca", "brca1"]
    assert "hered" in found
    assert "heredi" not in found
    assert found[-1] == "panel"
    # And a long name never gives more than the budget
    assert len(search.prefixes(" ".join(f"{chr(ord('a') + n)}word" for n in range(26)))) == search.MAX_PREFIXES


def test_a_query_looks_up_its_longest_words_prefix_and_filters_by_every_word():
    assert search.query_terms("blood PRESSURE") == ("press", ["blood", "pressure"])
    with pytest.raises(ValueError, match="no word"):
        search.query_terms("!! ...")


# --- what the catalog accepts ----------------------------------------------------------------------


def test_a_sku_has_one_price_per_currency_none_negative():
    base = {"code": "GT-100-STD", "specs": {"panel": "standard"}}
    for prices in (
        [{"amount": 100, "currency": "GBP"}, {"amount": 90, "currency": "GBP"}],
        [{"amount": -1, "currency": "GBP"}],
        [],
        [{"amount": 100, "currency": "XXX"}],
    ):
        with pytest.raises(ValidationError) as refused:
            NewSku.model_validate({**base, "prices": prices})
        assert next(iter(_fields(refused.value))).startswith("prices")
    sku = NewSku.model_validate(
        {**base, "prices": [{"amount": 1, "currency": "USD"}, {"amount": 2, "currency": "EUR"}]}
    )
    assert [p.currency for p in sku.prices] == ["EUR", "USD"]


@pytest.mark.parametrize(
    ("fields", "wrong"),
    [
        ({"code": "has space"}, "code"),
        ({"specs": {"Panel": "x"}}, "specs.Panel.[key]"),
        ({"specs": {f"s{n}": "x" for n in range(11)}}, "specs"),
    ],
)
def test_a_sku_code_and_specs_are_short_and_plain(fields, wrong):
    with pytest.raises(ValidationError) as refused:
        NewSku.model_validate({"code": "GT-1", "prices": [{"amount": 1, "currency": "GBP"}], **fields})
    assert _fields(refused.value) == {wrong}


def test_a_product_names_each_category_tag_and_image_once_within_limits():
    one = "01JDQ4B0000000000000000000"
    with pytest.raises(ValidationError) as twice:
        NewProduct.model_validate({"name": "Kit", "kind": "gene_test", "category_ids": [one, one]})
    assert _fields(twice.value) == {"category_ids"}
    with pytest.raises(ValidationError) as many:
        NewProduct.model_validate(
            {"name": "Kit", "kind": "gene_test", "tag_ids": [new_id() for _ in range(MAX_TAGS + 1)]}
        )
    assert _fields(many.value) == {"tag_ids"}
    with pytest.raises(ValidationError) as cashback:
        NewProduct.model_validate({"name": "Kit", "kind": "gene_test", "cashback_bps": 10_001})
    assert _fields(cashback.value) == {"cashback_bps"}
    with pytest.raises(ValidationError) as image:
        NewProduct.model_validate({"name": "Kit", "kind": "gene_test", "images": ["https://example.com/x.jpg"]})
    assert _fields(image.value) == {"images.0"}


def _examples(model: type[BaseModel]) -> list[dict[str, Any]]:
    extra = model.model_config["json_schema_extra"]
    assert isinstance(extra, dict)
    return cast("list[dict[str, Any]]", extra["examples"])


def test_every_example_in_the_api_document_is_valid():
    for model in (NewProduct, NewSku, NewStore, StockAdjustment, ImageUploadRequest):
        for example in _examples(model):
            model.model_validate(example)


def test_only_pharmacies_and_institutions_open_as_stores():
    with pytest.raises(ValidationError) as refused:
        NewStore.model_validate({"name": "Us", "kind": "tenant", "licence_number": "ABC-123"})
    assert _fields(refused.value) == {"kind"}


def test_an_adjustment_changes_something_and_an_upload_is_a_small_image():
    with pytest.raises(ValidationError):
        StockAdjustment.model_validate({"delta": 0, "reason": "nothing"})
    with pytest.raises(ValidationError) as gif:
        ImageUploadRequest.model_validate({"content_type": "image/gif"})
    assert _fields(gif.value) == {"content_type"}
    with pytest.raises(ValidationError) as big:
        ImageUploadRequest.model_validate({"content_type": "image/png", "size": 5 * 1024 * 1024 + 1})
    assert _fields(big.value) == {"size"}


def test_products_and_stores_move_only_along_their_allowed_paths():
    assert PRODUCT_MOVES[ProductStatus.DRAFT] == {ProductStatus.PUBLISHED, ProductStatus.ARCHIVED}
    assert PRODUCT_MOVES[ProductStatus.PUBLISHED] == {ProductStatus.ARCHIVED}
    assert ProductStatus.DRAFT not in PRODUCT_MOVES[ProductStatus.ARCHIVED]
    assert STORE_MOVES[StoreStatus.CLOSED] == frozenset()


# --- who may do what ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "browse", "manage", "count"),
    [
        (Role.MEMBER, True, False, False),
        (Role.DISTRIBUTOR, True, False, False),
        (Role.FINANCE, True, False, False),
        (Role.ORDER_MANAGER, True, False, True),
        (Role.CATALOG_MANAGER, True, True, True),
        (Role.ADMIN, True, True, True),
        (Role.OWNER, True, True, True),
        (Role.PLATFORM_ADMIN, False, False, False),
    ],
)
def test_everyone_in_a_tenant_browses_and_only_catalog_staff_manage(role, browse, manage, count):
    actor = Actor(user_id="someone", tenant_id=None if role == Role.PLATFORM_ADMIN else "T1", roles=frozenset({role}))
    assert actor.can(Action.BROWSE_CATALOG) == browse
    assert actor.can(Action.MANAGE_CATALOG) == manage
    assert actor.can(Action.MANAGE_STOCK) == count


# --- products as items ----------------------------------------------------------------------------


def _product(**overrides) -> product_items.ProductItem:
    fields = {
        "tenant_id": "01JDQ3V6N1W2X3Y4Z5A6B7C8D9",
        "product_id": new_id(),
        "name": "Home Blood Pressure Monitor",
        "kind": ProductKind.DEVICE,
        "description": "",
        "images": [],
        "category_ids": [],
        "tag_ids": [],
        "cashback_bps": 0,
        "store_id": "01JDQ3V6N1W2X3Y4Z5A6B7C8D9",
        "listed": new_id(),
        "at": AT,
    }
    return product_items.ProductItem.new(**{**fields, **overrides})


def _sku(price: dict[str, int], *, active: bool = True) -> dict[str, object]:
    return {
        "code": new_id(),
        "specs": {},
        "prices": price,
        "active": active,
        "created_at": AT.isoformat(),
        "updated_at": AT.isoformat(),
    }


def test_a_products_lowest_price_counts_active_skus_in_each_currency():
    product = _product()
    product.skus = {
        new_id(): _sku({"GBP": 4500, "EUR": 5200}),
        new_id(): _sku({"GBP": 3900}),
        new_id(): _sku({"GBP": 100}, active=False),
    }
    assert [(m.currency, m.amount) for m in product.prices_from()] == [("EUR", 5200), ("GBP", 3900)]


def test_any_change_to_a_product_fits_in_one_transaction():
    # Given a product with every category, tag and SKU it may have and a long name
    def full(word: str) -> product_items.ProductItem:
        product = _product(
            name=" ".join(f"{chr(ord('a') + n)}{word}" for n in range(12)),
            category_ids=[new_id() for _ in range(MAX_CATEGORIES)],
            tag_ids=[new_id() for _ in range(MAX_TAGS)],
        )
        product.skus = {new_id(): _sku({"GBP": 100}) for _ in range(MAX_SKUS)}
        return product

    before = full("alpha")
    snapshot = _Snapshot(before)
    # When every one of its categories, tags and words changes at once
    after = full("omega")
    after.product_id, after.pk, after.skus = before.product_id, before.pk, before.skus
    uow = UnitOfWork(before.tenant_id)
    _write_product(uow, snapshot, after)
    # Then the transaction, with the event that announces the change, holds at most DynamoDB's 100 items
    written = sum(len(group) for group in (uow._checks, uow._deletes, uow._puts, uow._updates))
    assert written == 1 + 2 * (MAX_CATEGORIES + MAX_TAGS + search.MAX_PREFIXES) + MAX_SKUS
    assert written + 1 <= MAX_ITEMS


# --- the stock contract, and the errors it explains ------------------------------------------------


def test_a_stock_movement_stays_in_its_own_tenants_unit_of_work_and_moves_something():
    uow = UnitOfWork("01JDQ3V6N1W2X3Y4Z5A6B7C8D9")
    with pytest.raises(ValueError, match="cannot move tenant"):
        stock.reserve(uow, "01JDQ3V6N1W2X3Y4Z5A6B7C8DA", "S", new_id(), 1, new_id())
    with pytest.raises(ValueError, match="at least one unit"):
        stock.release(uow, "01JDQ3V6N1W2X3Y4Z5A6B7C8D9", "01JDQ3V6N1W2X3Y4Z5A6B7C8D9", new_id(), 0, new_id())


def test_a_failed_condition_is_explained_from_the_item_as_it_was():
    # Given a transaction whose second write failed its condition, DynamoDB returning the item
    raw = {"available": {"N": "2"}, "sku_code": {"S": "GT-1"}, "type": {"S": "stock"}}
    failure = SimpleNamespace(
        cancellation_reasons=[None, CancellationReason(code="ConditionalCheckFailed", raw_item=raw)]
    )

    def explain(item: dict[str, Any] | None) -> DomainError:
        line = stock_items.stock_of(item)
        return Conflict(f"{line.sku_code} has {int(line.available)}" if line else "none")

    # Then the error is made from that item
    error = transaction._reason(failure, [Conflict("first"), explain])  # type: ignore[arg-type]
    assert str(error) == "GT-1 has 2"


def test_object_keys_are_the_tenants_own():
    key = storage.tenant_object_key("01JDQ3V6N1W2X3Y4Z5A6B7C8D9", "catalog", "images", "01JDQ4A0000000000000000000.jpg")
    assert key == "tenants/01JDQ3V6N1W2X3Y4Z5A6B7C8D9/catalog/images/01JDQ4A0000000000000000000.jpg"
    assert storage.belongs_to("01JDQ3V6N1W2X3Y4Z5A6B7C8D9", key)
    assert not storage.belongs_to("01JDQ3V6N1W2X3Y4Z5A6B7C8DA", key)
    for parts in (("a/b",), ("..",), ()):
        with pytest.raises(ValueError, match="object key parts"):
            storage.tenant_object_key("01JDQ3V6N1W2X3Y4Z5A6B7C8D9", *parts)


# --- upload forms, as the local bucket judges them (infra/local/s3_forms.py) -------------------------


def _form(conditions: list[Any], *, expires: str = "2026-11-23T10:10:00Z", **fields: str) -> dict[str, str]:
    policy = base64.b64encode(json.dumps({"expiration": expires, "conditions": conditions}).encode()).decode()
    return {"key": "tenants/T/a.jpg", "Content-Type": "image/jpeg", "policy": policy, "x-amz-signature": "s", **fields}


CONDITIONS = [
    {"Content-Type": "image/jpeg"},
    ["content-length-range", 1, 100],
    {"bucket": "b"},
    {"key": "tenants/T/a.jpg"},
]


@pytest.mark.parametrize(
    ("form", "size", "status", "says"),
    [
        (_form(CONDITIONS), 100, None, ""),
        (_form(CONDITIONS), 101, 400, "EntityTooLarge"),
        (_form(CONDITIONS), 0, 400, "EntityTooSmall"),
        (_form(CONDITIONS, **{"Content-Type": "image/png"}), 10, 403, "Condition failed"),
        (_form(CONDITIONS, key="tenants/U/a.jpg"), 10, 403, "Condition failed"),
        (_form(CONDITIONS, acl="public-read"), 10, 403, "Extra input fields: acl"),
        (_form(CONDITIONS, expires="2026-11-23T09:59:59Z"), 10, 403, "Policy expired"),
        (_form([["starts-with", "$key", "tenants/T/"], *CONDITIONS[:3]]), 10, None, ""),
        (_form([["eq", "$key", "tenants/T/b.jpg"], *CONDITIONS[:3]]), 10, 403, "Condition failed"),
    ],
)
def test_an_upload_form_is_held_to_its_policy(form, size, status, says):
    refused = s3_forms.refusal(form, "b", size, now=AT)
    assert (refused[0] if refused else None) == status
    assert says in (refused[2] if refused else "")


def _product_with(commission: Any) -> NewProduct:
    return NewProduct.model_validate({"name": "BRCA panel", "kind": "gene_test", "commission": commission})


def test_a_products_commission_override_is_a_rate_or_a_fixed_amount_per_level_once_each():
    # Given an override of level 2 by a fixed amount and level 1 by a rate, Then it is kept level 1 first
    made = _product_with([{"level": 2, "fixed": {"amount": 500, "currency": "GBP"}}, {"level": 1, "rate_bps": 1200}])
    assert [(c.level, c.rate_bps, c.fixed) for c in made.commission] == [
        (1, 1200, None),
        (2, None, Money(amount=500, currency="GBP")),
    ]
    # And what the product item keeps reads back the same
    from panacea.catalog import commission  # noqa: PLC0415

    assert commission.of_stored(commission.stored(made.commission)) == made.commission
    # But each of these is refused, naming the field
    refused = [
        [{"level": 1}],  # neither
        [{"level": 1, "rate_bps": 800, "fixed": {"amount": 1, "currency": "GBP"}}],  # both
        [{"level": 4, "rate_bps": 100}],  # no fourth level
        [{"level": 1, "rate_bps": -1}],
        [{"level": 1, "fixed": {"amount": -1, "currency": "GBP"}}],
        [{"level": 1, "rate_bps": 100}, {"level": 1, "rate_bps": 200}],  # a level twice
        [{"level": 1, "rate_bps": 3000}, {"level": 2, "rate_bps": 2001}],  # more than half together
    ]
    for commission_sent in refused:
        with pytest.raises(ValidationError) as caught:
            _product_with(commission_sent)
        assert all(error["loc"][0] == "commission" for error in caught.value.errors()), commission_sent


def test_a_fixed_commission_is_in_the_tenants_currency_and_never_more_than_a_skus_price():
    from panacea.catalog import commission  # noqa: PLC0415
    from panacea.platform.errors import Unprocessable  # noqa: PLC0415

    rules = _product_with(
        [
            {"level": 1, "fixed": {"amount": 600, "currency": "GBP"}},
            {"level": 2, "fixed": {"amount": 400, "currency": "GBP"}},
        ]
    ).commission
    skus = {"S1": {"code": "A", "prices": {"GBP": 1000}}, "S2": {"code": "B", "prices": {"GBP": 999, "EUR": 5}}}
    # Given SKUs at £10.00 and £9.99, Then £6 + £4 of fixed commission is more than the second's price
    with pytest.raises(Unprocessable) as caught:
        commission.check_fixed_within_prices(rules, skus, currency="GBP", field="commission")
    assert [e.field for e in caught.value.errors] == ["commission"]
    commission.check_fixed_within_prices(rules, {"S1": skus["S1"]}, currency="GBP", field="commission")
    # And a fixed amount in another currency than the tenant's is refused
    with pytest.raises(Unprocessable) as caught:
        commission.check_fixed_within_prices(rules, {}, currency="EUR", field="commission")
    assert [e.field for e in caught.value.errors] == ["commission[0].fixed.currency", "commission[1].fixed.currency"]
    # And a SKU's price may not go below the product's fixed commission
    kept = commission.stored(rules)
    with pytest.raises(Unprocessable) as caught:
        commission.check_price_covers(
            kept, [Money(amount=5, currency="EUR"), Money(amount=999, currency="GBP")], field="prices"
        )
    assert [e.field for e in caught.value.errors] == ["prices[1]"]
    commission.check_price_covers(kept, [Money(amount=1000, currency="GBP")], field="prices")
