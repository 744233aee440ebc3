"""What staff may set up and what a quote may be asked (panacea.promotions.models, no I/O)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

import pytest
from pydantic import BaseModel, ValidationError

from panacea.platform.money import Money
from panacea.promotions.models import (
    NewPromotion,
    Offer,
    PromotionPatch,
)
from panacea.promotions.quotes import (
    CodeBatchRequest,
    QuoteLine,
    QuoteRequest,
)

REQUESTS: list[type[BaseModel]] = [NewPromotion, PromotionPatch, CodeBatchRequest, QuoteRequest, Offer]


def examples(model: type[BaseModel]) -> list[dict[str, Any]]:
    extra = model.model_config["json_schema_extra"]
    assert isinstance(extra, dict)
    return cast("list[dict[str, Any]]", extra["examples"])


@pytest.mark.parametrize("model", REQUESTS, ids=lambda m: m.__name__)
def test_every_documented_example_is_a_valid_request(model):
    # The API document shows these, and the cross-tenant probe sends them
    for example in examples(model):
        model.model_validate(example)


def campaign(**overrides) -> dict[str, Any]:
    return {**examples(NewPromotion)[1], **overrides}


def test_a_shared_code_goes_with_method_code_and_is_stored_upper_case():
    assert NewPromotion.model_validate(campaign(method="code", code="spring-20")).code == "SPRING-20"
    with pytest.raises(ValidationError, match="needs its `code`"):
        NewPromotion.model_validate(campaign(method="code"))
    with pytest.raises(ValidationError, match="only a promotion with method `code`"):
        NewPromotion.model_validate(campaign(method="automatic", code="SPRING20"))


@pytest.mark.parametrize("code", ["AB", "-LEADING", "WITH SPACE", "HASH#1", "X" * 33])
def test_a_code_is_letters_digits_and_dashes(code):
    with pytest.raises(ValidationError):
        NewPromotion.model_validate(campaign(method="code", code=code))


def test_a_window_ends_after_it_starts():
    with pytest.raises(ValidationError, match="ends_at comes after starts_at"):
        NewPromotion.model_validate(campaign(starts_at="2027-04-05T00:00:00Z", ends_at="2027-04-05T00:00:00Z"))


def test_times_carry_their_zone():
    with pytest.raises(ValidationError):
        NewPromotion.model_validate(campaign(starts_at="2027-04-05T00:00:00"))


def test_limits_are_positive():
    for field in ("usage_limit", "per_member_limit", "budget"):
        with pytest.raises(ValidationError):
            NewPromotion.model_validate(campaign(**{field: 0}))


def test_a_batch_holds_one_transactions_worth_of_codes():
    assert CodeBatchRequest(count=98).count == 98
    with pytest.raises(ValidationError):
        CodeBatchRequest(count=99)


def test_a_quote_line_is_not_negative():
    with pytest.raises(ValidationError, match="not negative"):
        QuoteLine(line_ref="1", product_id="p", amount=Money(amount=-1, currency="CNY"))


def test_a_patch_refuses_what_no_promotion_has():
    with pytest.raises(ValidationError):
        PromotionPatch.model_validate({"status": "active"})
    patch = PromotionPatch.model_validate({"ends_at": datetime(2027, 7, 31, tzinfo=UTC).isoformat()})
    assert patch.model_dump(exclude_unset=True).keys() == {"ends_at"}
