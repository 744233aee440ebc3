"""The API usage adapter (API Gateway usage plans): puts a tenant's usage key in its tier's plan.

The CDK app makes one plan per tier, named `panacea-<stage>-<tier>` (the local runtime makes the
same in moto). A usage key only names the bucket a tenant's requests are throttled and counted
in: clients never send it, the authorizer returns it with every decision.
"""

from __future__ import annotations

from panacea.platform.aws import client
from panacea.platform.caches import cached
from panacea.platform.settings import settings


def plan_name(plan: str) -> str:
    return f"panacea-{settings().stage}-{plan}"


@cached
def _plan_ids() -> dict[str, str]:
    pages = client("apigateway").get_paginator("get_usage_plans").paginate()
    return {p["name"]: p["id"] for page in pages for p in page.get("items", [])}


def enrol(*, key_name: str, key_value: str, plan: str) -> None:
    """Make sure the usage key exists and sits in `plan`'s usage plan, and in no other. Safe to repeat."""
    plans = {name: plan_id for name, plan_id in _plan_ids().items() if name.startswith(plan_name(""))}
    if plan_name(plan) not in plans:
        raise LookupError(f"no usage plan {plan_name(plan)!r}; there are {sorted(plans)}")
    apigateway = client("apigateway")
    found = apigateway.get_api_keys(nameQuery=key_name, includeValues=False).get("items", [])
    key_id = next((k["id"] for k in found if k["name"] == key_name), None)
    if key_id is None:
        key_id = apigateway.create_api_key(name=key_name, value=key_value, enabled=True)["id"]
    target = plans[plan_name(plan)]
    pages = apigateway.get_paginator("get_usage_plans").paginate(keyId=key_id)
    holding = {p["id"] for page in pages for p in page.get("items", [])}
    if target not in holding:
        apigateway.create_usage_plan_key(usagePlanId=target, keyId=key_id, keyType="API_KEY")
    for plan_id in holding - {target}:  # a tier change: the key leaves its old plan
        apigateway.delete_usage_plan_key(usagePlanId=plan_id, keyId=key_id)
