"""The data key in the template: one generated secret per stage, kept as the stage keeps its data,
read by exactly the functions that seal or open data at rest (and only that secret of theirs)."""

from __future__ import annotations

from typing import Any

from infra import wiring
from infra.stacks import data_keys
from tests.infra.template import STACK, Synthesized, as_list, join, statements


def _secret(synthesized: Synthesized) -> tuple[str, dict[str, Any]]:
    (found,) = [
        (k, p) for k, p in synthesized.props("AWS::SecretsManager::Secret").items() if p["Name"].endswith("-data-key")
    ]
    return found


def test_the_data_key_is_a_random_string_the_stack_generates(synthesized: Synthesized):
    # Given the stage's data key
    _, props = _secret(synthesized)
    # Then it is named for the stage and generated, never written in the template
    assert props["Name"] == f"{STACK}-data-key"
    assert props["GenerateSecretString"]["PasswordLength"] >= 32
    assert "SecretString" not in props


def test_only_the_functions_that_seal_data_read_the_data_key(synthesized: Synthesized):
    secret_id, _ = _secret(synthesized)
    functions = synthesized.props("AWS::Lambda::Function")
    sealers = {fn.name for fn in wiring.FUNCTIONS if wiring.Grant.SEAL_DATA in fn.grants}
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
        if fn.name in sealers:
            # Then a function that seals is told the key's secret and may GetSecretValue on it alone
            assert variables[data_keys.ENV_VARIABLE] == {"Ref": secret_id}
            assert reads == [(["secretsmanager:GetSecretValue"], [f"<{secret_id}>"])], fn.name
        else:
            assert data_keys.ENV_VARIABLE not in variables, fn.name
            assert reads == [], fn.name
