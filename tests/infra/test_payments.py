"""Payments in the template: the Stripe keys' secret, read only by the functions that call Stripe,
and Stripe's webhook route, public (Stripe signs its calls) and served by its own function."""

from __future__ import annotations

import json
from typing import Any

from aws_cdk.assertions import Template

from infra import wiring
from infra.stacks import payments
from infra.stacks.tenant_data import ENV_VARIABLE as TENANT_ROLE
from tests.infra.template import STACK, Synthesized, as_list, join, statements

WEBHOOK = ("POST", "/v1/payments/stripe/webhook")


def _secret(synthesized: Synthesized) -> tuple[str, dict[str, Any]]:
    (found,) = [
        (k, p) for k, p in synthesized.props("AWS::SecretsManager::Secret").items() if p["Name"].endswith("-stripe")
    ]
    return found


def _role_of(synthesized: Synthesized, name: str) -> str:
    role: str = synthesized.props("AWS::Lambda::Function")[synthesized.function_id(name)]["Role"]["Fn::GetAtt"][0]
    return role


def _policies_of(synthesized: Synthesized, role_id: str) -> set[str]:
    return {k for k, p in synthesized.props("AWS::IAM::Policy").items() if {"Ref": role_id} in p.get("Roles", [])}


def test_the_stripe_keys_live_in_one_secret_with_a_placeholder_operators_replace(synthesized: Synthesized):
    # Given the stage's secrets
    secret_id, props = _secret(synthesized)
    # Then there is one, named for the stage, made with a placeholder key and a random signing secret
    assert props["Name"] == f"{STACK}-stripe"
    generated = props["GenerateSecretString"]
    assert json.loads(generated["SecretStringTemplate"]) == {"secret_key": payments.PLACEHOLDER}
    assert generated["GenerateStringKey"] == "webhook_secret"
    assert "SecretString" not in props  # no key is ever in the template
    # And a disposable stage deletes it with the stack
    assert synthesized.resources("AWS::SecretsManager::Secret")[secret_id]["DeletionPolicy"] == "Delete"


def test_a_lasting_stage_keeps_its_stripe_keys(production: Template):
    secrets = production.find_resources("AWS::SecretsManager::Secret").values()
    (secret,) = [s for s in secrets if s["Properties"]["Name"].endswith("-stripe")]
    assert secret["DeletionPolicy"] == "Retain"


def test_only_the_functions_that_call_stripe_read_the_secret_and_only_it(synthesized: Synthesized):
    secret_id, _ = _secret(synthesized)
    functions = synthesized.props("AWS::Lambda::Function")
    callers = {fn.name for fn in wiring.FUNCTIONS if wiring.Grant.USE_STRIPE in fn.grants}
    assert "PaymentsWebhooks" in callers
    for fn in wiring.FUNCTIONS:
        # Given a function's environment and statements
        variables = functions[synthesized.function_id(fn.name)]["Environment"]["Variables"]
        policies = _policies_of(synthesized, _role_of(synthesized, fn.name))
        reads = [
            s
            for pid, s in statements(synthesized)
            if pid in policies
            and any("secretsmanager:" in a for a in as_list(s["Action"]))
            and f"<{secret_id}>" in [join(r) for r in as_list(s["Resource"])]
        ]
        if fn.name in callers:
            # Then a caller of Stripe is told the secret and may GetSecretValue on exactly that secret
            assert variables[payments.ENV_VARIABLE] == {"Ref": secret_id}
            assert [(as_list(s["Action"]), [join(r) for r in as_list(s["Resource"])]) for s in reads] == [
                (["secretsmanager:GetSecretValue"], [f"<{secret_id}>"])
            ]
        else:
            # And no other function knows of it or may read it
            assert payments.ENV_VARIABLE not in variables, fn.name
            assert reads == [], fn.name


def test_stripes_webhook_route_is_public_and_served_by_its_own_function(synthesized: Synthesized):
    # Given the route table and the API's methods
    (route,) = [r for r in wiring.routes() if (r.method, r.path) == WEBHOOK]
    methods = [
        p
        for p in synthesized.props("AWS::ApiGateway::Method").values()
        if p["HttpMethod"] == "POST" and "AuthorizerId" not in p and p["AuthorizationType"] == "NONE"
    ]
    # Then Stripe reaches it without a token (it signs the body instead), through the webhook function only
    assert route.public
    assert route.function == "PaymentsWebhooks"
    webhook = synthesized.function_id("PaymentsWebhooks")
    assert [m for m in methods if synthesized.invoked("PaymentsWebhooks") in join(m["Integration"]["Uri"])]
    # And the function acts for the tenant a webhook resolves to with the tenant data role, like any tenant's function
    variables = synthesized.props("AWS::Lambda::Function")[webhook]["Environment"]["Variables"]
    assert TENANT_ROLE in variables
