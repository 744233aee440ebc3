"""The tenant data role: what a function acting for one tenant may do to the table (item
operations on tenant keys only, under `dynamodb:LeadingKeys`), who may assume it (the functions
that serve tenants, and only they), and how those functions are told of it."""

from __future__ import annotations

from typing import Any

from infra import wiring
from infra.stacks.tenant_data import ENV_VARIABLE, PLATFORM_FUNCTIONS, serves_tenants
from panacea.platform import isolation
from tests.infra.template import Synthesized, as_list, join, statements

SERVING = {fn.name for fn in wiring.FUNCTIONS if serves_tenants(fn)}


def _tenant_role(synthesized: Synthesized) -> tuple[str, dict[str, Any]]:
    (found,) = [(k, p) for k, p in synthesized.props("AWS::IAM::Role").items() if k.startswith("TenantDataRole")]
    return found


def _function_role(synthesized: Synthesized, name: str) -> str:
    role: str = synthesized.props("AWS::Lambda::Function")[synthesized.function_id(name)]["Role"]["Fn::GetAtt"][0]
    return role


def _table_arn(synthesized: Synthesized) -> str:
    (table,) = synthesized.props("AWS::DynamoDB::Table")
    return f"<{table}.Arn>"


def test_functions_serve_tenants_unless_they_are_declared_platform_functions():
    # Given the wiring's functions
    with_table = {fn.name for fn in wiring.FUNCTIONS if fn.grants & {wiring.Grant.READ_TABLE, wiring.Grant.WRITE_TABLE}}
    # Then every platform function is one of them, says why, and the others serve tenants
    assert set(PLATFORM_FUNCTIONS) <= with_table
    assert all(len(reason) >= 40 for reason in PLATFORM_FUNCTIONS.values())
    assert with_table - set(PLATFORM_FUNCTIONS) == SERVING
    # And the API that tenants call is among them, the authorizer is not
    assert "TenancyApi" in SERVING
    assert wiring.AUTHORIZER not in SERVING


def test_the_role_allows_item_operations_on_tenant_keys_only(synthesized: Synthesized):
    # Given the tenant data role's permissions
    _, role = _tenant_role(synthesized)
    assert "ManagedPolicyArns" not in role
    (policy,) = role["Policies"]
    read, write = policy["PolicyDocument"]["Statement"]
    table = _table_arn(synthesized)
    # Then reads reach the table and each index by name, for keys of any tenant and registry entries
    assert read["Effect"] == "Allow"
    assert as_list(read["Action"]) == list(isolation.TABLE_READ_ACTIONS)
    assert {join(r) for r in as_list(read["Resource"])} == {
        table,
        *(f"{table}/index/{n}" for n, _, _ in wiring.TABLE.indexes),
    }
    assert read["Condition"] == {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["T#*", "P#TENANT#*"]}}
    # And writes reach the table, for tenant keys alone
    assert write["Effect"] == "Allow"
    assert as_list(write["Action"]) == list(isolation.TABLE_WRITE_ACTIONS)
    assert [join(r) for r in as_list(write["Resource"])] == [table]
    assert write["Condition"] == {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["T#*"]}}
    # And nothing else: no Scan, no table-level action, no other service (ForAllValues is also true
    # for a request without leading keys, so only item operations may sit under it)
    actions = set(isolation.TABLE_READ_ACTIONS) | set(isolation.TABLE_WRITE_ACTIONS)
    assert all(a.endswith("Item") or a == "dynamodb:Query" for a in actions)
    assert role["MaxSessionDuration"] == 3600


def test_the_role_is_attached_to_no_other_policy(synthesized: Synthesized):
    # Given the id of the tenant data role
    role_id, _ = _tenant_role(synthesized)
    # Then no managed or separate policy adds to it: its inline policy is all it can do
    for props in synthesized.props("AWS::IAM::Policy").values():
        assert {"Ref": role_id} not in props.get("Roles", [])
    assert not synthesized.props("AWS::IAM::ManagedPolicy")


def test_only_the_roles_of_functions_that_serve_tenants_may_assume_it(synthesized: Synthesized):
    # Given the tenant data role's trust policy
    _, role = _tenant_role(synthesized)
    trust = role["AssumeRolePolicyDocument"]["Statement"]
    # Then each statement lets one function role (by ARN) assume it, with nothing else
    principals = set()
    for statement in trust:
        assert statement["Effect"] == "Allow"
        assert statement["Action"] == "sts:AssumeRole"
        assert set(statement["Principal"]) == {"AWS"}
        principals |= {join(p) for p in as_list(statement["Principal"]["AWS"])}
    # And those roles are exactly the roles of the functions that serve tenants
    assert principals == {f"<{_function_role(synthesized, name)}.Arn>" for name in SERVING}


def test_each_function_that_serves_tenants_may_assume_it_and_is_told_its_arn(synthesized: Synthesized):
    role_id, _ = _tenant_role(synthesized)
    policies_of = {k: {r["Ref"] for r in p.get("Roles", [])} for k, p in synthesized.props("AWS::IAM::Policy").items()}
    for fn in wiring.FUNCTIONS:
        # Given the sts:AssumeRole statements of a function's role
        function_role = _function_role(synthesized, fn.name)
        assumes = [
            statement
            for policy_id, statement in statements(synthesized)
            if function_role in policies_of.get(policy_id, set()) and "sts:AssumeRole" in as_list(statement["Action"])
        ]
        variables = synthesized.props("AWS::Lambda::Function")[synthesized.function_id(fn.name)]["Environment"][
            "Variables"
        ]
        if fn.name in SERVING:
            # Then a function that serves tenants may assume the tenant data role, and that role only
            (statement,) = assumes
            assert as_list(statement["Action"]) == ["sts:AssumeRole"]
            assert [join(r) for r in as_list(statement["Resource"])] == [f"<{role_id}.Arn>"]
            assert join(variables[ENV_VARIABLE]) == f"<{role_id}.Arn>"
        else:
            # And any other function may assume no role at all, and is not told of it
            assert assumes == [], fn.name
            assert ENV_VARIABLE not in variables, fn.name


def test_no_role_may_assume_roles_it_does_not_name(synthesized: Synthesized):
    # Given every IAM statement of the template
    for policy_id, statement in statements(synthesized):
        if any(a.startswith("sts:") for a in as_list(statement["Action"])):
            # Then an STS action names the role it is for
            assert all("*" not in join(r) for r in as_list(statement["Resource"])), (policy_id, statement)
