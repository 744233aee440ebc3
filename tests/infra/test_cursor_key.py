"""The cursor key in the template: one generated secret per stage, read by exactly the functions
that page lists (and only that secret of theirs), each told its ARN."""

from __future__ import annotations

from typing import Any

from infra import wiring
from infra.stacks import cursors
from tests.infra.template import STACK, Synthesized, as_list, join, statements


def _secret(synthesized: Synthesized) -> tuple[str, dict[str, Any]]:
    (found,) = [
        (k, p) for k, p in synthesized.props("AWS::SecretsManager::Secret").items() if p["Name"].endswith("-cursor-key")
    ]
    return found


def test_the_cursor_key_is_a_random_string_the_stack_generates(synthesized: Synthesized):
    # Given the stage's cursor key
    secret_id, props = _secret(synthesized)
    # Then it is named for the stage and generated, never written in the template
    assert props["Name"] == f"{STACK}-cursor-key"
    assert props["GenerateSecretString"]["PasswordLength"] >= 32
    assert "SecretString" not in props
    assert synthesized.resources("AWS::SecretsManager::Secret")[secret_id]["DeletionPolicy"] == "Delete"


def test_the_functions_that_page_lists_read_the_cursor_key_and_no_other_does(synthesized: Synthesized):
    secret_id, _ = _secret(synthesized)
    functions = synthesized.props("AWS::Lambda::Function")
    pagers = {fn.name for fn in wiring.FUNCTIONS if wiring.Grant.SEAL_CURSORS in fn.grants}
    webhooks = {fn.name for fn in wiring.FUNCTIONS if fn.module.endswith(".webhooks")}  # partners' calls: no lists
    bounded = {"BillingApi"}  # its answers are bounded (the price list, one record): no pages
    serving = {api.function for api in wiring.APIS} - {"PlatformDocs"} - webhooks - bounded
    assert pagers == serving  # every API function with lists, and nothing else
    for fn in wiring.FUNCTIONS:
        # Given a function's environment and the statements that read the key
        variables = functions[synthesized.function_id(fn.name)]["Environment"]["Variables"]
        role = functions[synthesized.function_id(fn.name)]["Role"]["Fn::GetAtt"][0]
        policies = {k for k, p in synthesized.props("AWS::IAM::Policy").items() if {"Ref": role} in p.get("Roles", [])}
        reads = [
            (as_list(s["Action"]), [join(r) for r in as_list(s["Resource"])])
            for pid, s in statements(synthesized)
            if pid in policies and f"<{secret_id}>" in [join(r) for r in as_list(s["Resource"])]
        ]
        if fn.name in pagers:
            # Then a function that pages is told the key's secret and may GetSecretValue on it alone
            assert variables[cursors.ENV_VARIABLE] == {"Ref": secret_id}
            assert reads == [(["secretsmanager:GetSecretValue"], [f"<{secret_id}>"])], fn.name
        else:
            assert cursors.ENV_VARIABLE not in variables, fn.name
            assert reads == [], fn.name
