"""Orders' section of a tenant's settings (`orders`): how long a member has to pay and to cancel,
when a delivered order completes by itself, and the ways a tenant takes payment."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from panacea.platform.inputs import Command, FromString
from panacea.platform.sections import SettingsSection, TenantProfile


class OnlinePaymentMethod(StrEnum):
    """The online (Stripe) methods a tenant may enable (offline ones are `offline_payment`)."""

    CARD = "card"
    ALIPAY = "alipay"
    WECHAT_PAY = "wechat_pay"


_CHINA_METHODS = [OnlinePaymentMethod.ALIPAY, OnlinePaymentMethod.WECHAT_PAY, OnlinePaymentMethod.CARD]


class OrdersPatch(Command):
    model_config = ConfigDict(extra="forbid")
    payment_timeout_minutes: Annotated[int, Field(ge=5, le=7 * 24 * 60)] | None = None
    cancel_window_minutes: Annotated[int, Field(ge=0, le=7 * 24 * 60)] | None = None
    auto_complete_days: Annotated[int, Field(ge=1, le=60)] | None = None
    payment_methods: Annotated[list[FromString[OnlinePaymentMethod]], Field(min_length=1)] | None = None
    offline_payment: bool | None = None


class OrderSettings(SettingsSection, name="orders", patch=OrdersPatch):
    payment_timeout_minutes: Annotated[int, Field(ge=5, le=7 * 24 * 60)] = 30
    cancel_window_minutes: Annotated[int, Field(ge=0, le=7 * 24 * 60)] = 60
    auto_complete_days: Annotated[int, Field(ge=1, le=60)] = 10
    payment_methods: Annotated[list[OnlinePaymentMethod], Field(min_length=1)] = [OnlinePaymentMethod.CARD]
    offline_payment: bool = False

    @classmethod
    def default_for(cls, tenant: TenantProfile) -> OrderSettings:
        """CNY tenants take Alipay and WeChat Pay first; gene-testing companies also take offline
        payments (a bank transfer, cash at a collection point)."""
        return cls(
            payment_methods=_CHINA_METHODS if tenant.currency == "CNY" else [OnlinePaymentMethod.CARD],
            offline_payment=tenant.kind == "gene_testing",
        )
