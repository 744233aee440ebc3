"""What a tenant's owner sends and reads when subscribing to Panacea, changing plan or cancelling."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import ConfigDict, EmailStr, Field

from panacea.platform.inputs import Command
from panacea.platform.models import BaseModel

ReturnUrl = Annotated[str, Field(pattern=r"^https://[^\s]{1,400}$", examples=["https://clinic.example/billing"])]
PlanKey = Annotated[str, Field(pattern=r"^(tenant|partner)\.[a-z_]{1,40}$", examples=["tenant.professional"])]


class CheckoutRequest(Command):
    """Start paying for a plan: Stripe Checkout (subscription mode), with the plan's trial."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "plan_key": "tenant.professional",
                    "currency": "GBP",
                    "billing_email": "accounts@bristol-clinic.example",
                    "success_url": "https://clinic.example/billing/done",
                    "cancel_url": "https://clinic.example/billing",
                }
            ]
        }
    )

    plan_key: PlanKey
    currency: Literal["GBP", "CNY"] = "GBP"
    billing_email: EmailStr = Field(description="where Stripe sends invoices and receipts")
    success_url: ReturnUrl
    cancel_url: ReturnUrl


class CheckoutStarted(BaseModel):
    checkout_id: str = Field(examples=["cs_test_a1b2c3d4e5f6"])
    url: str = Field(
        description="send the owner here to pay (Stripe's page)",
        examples=["https://checkout.stripe.com/c/pay/cs_test_a1"],
    )
    customer_id: str = Field(examples=["cus_RbZ1a2B3c4D5e6"])


class PlanChange(Command):
    """Move the subscription to another plan now (the rest of the period is prorated)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"plan_key": "tenant.enterprise"}]})

    plan_key: PlanKey


class SubscriptionCancellation(Command):
    """Cancel when the paid period ends (`at_period_end`: true), or take that back (false)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"at_period_end": True}]})

    at_period_end: bool


class PortalRequest(Command):
    model_config = ConfigDict(json_schema_extra={"examples": [{"return_url": "https://clinic.example/billing"}]})

    return_url: ReturnUrl


class PortalSession(BaseModel):
    url: str = Field(description="Stripe's Customer Portal for this tenant (short-lived)",
                     examples=["https://billing.stripe.com/p/session/test_a1b2"])  # fmt: skip


class PlanView(BaseModel):
    """A plan as the price list shows it."""

    key: str = Field(examples=["tenant.professional"])
    audience: str = Field(examples=["tenant"])
    name: str = Field(examples=["Professional"])
    prices: dict[str, int] = Field(
        description="currency → monthly price in minor units", examples=[{"GBP": 4900, "CNY": 44800}]
    )
    trial_days: int = Field(examples=[14])
    features: list[str] = Field(examples=[["sms", "email", "basic_branding"]])
    limits: dict[str, int | None] = Field(description="None: unlimited", examples=[{"members": 100}])


class EntitlementsView(BaseModel):
    """What the tenant may do now, as billing last rebuilt it from Stripe."""

    access: str = Field(description="full, read_only, suspended, or none (no plan)", examples=["full"])
    plan_key: str | None = Field(examples=["tenant.professional"])
    status: str | None = Field(description="the subscription's status in Stripe", examples=["active"])
    features: list[str] = Field(examples=[["sms", "email"]])
    limits: dict[str, int | None] = Field(examples=[{"members": 100, "messages_per_month": 25000}])
    period_end: datetime | None = None
    trial_end: datetime | None = None
    complimentary: bool = False
