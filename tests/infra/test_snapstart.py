"""SnapStart: the functions a person waits on (every API function, the authorizer and the preflight
function) are published with SnapStart and invoked by API Gateway through their `live` alias, on
every stage but a developer's own (`dev-*`), where they are invoked as $LATEST and nothing is
published."""

from __future__ import annotations

from typing import Any

from infra import wiring
from infra.stacks.functions import LIVE_ALIAS, SNAP_STARTED
from tests.infra.template import Synthesized, join

API_FUNCTIONS = {api.function for api in wiring.APIS} | {wiring.AUTHORIZER, wiring.PREFLIGHT}


def _apigateway_permissions(synthesized: Synthesized) -> list[dict[str, Any]]:
    permissions = synthesized.props("AWS::Lambda::Permission").values()
    return [p for p in permissions if p["Principal"] == "apigateway.amazonaws.com"]


def test_snap_start_is_on_for_exactly_the_api_functions_and_the_authorizer(synthesized: Synthesized):
    # Given the functions of a shared stage (`test`)
    functions = synthesized.props("AWS::Lambda::Function")
    # Then those API Gateway invokes snapshot their published versions, and no other does
    assert SNAP_STARTED == API_FUNCTIONS
    for fn in wiring.FUNCTIONS:
        props = functions[synthesized.function_id(fn.name)]
        expected = {"ApplyOn": "PublishedVersions"} if fn.name in API_FUNCTIONS else None
        assert props.get("SnapStart") == expected, fn.name


def test_each_api_function_has_a_published_version_and_a_live_alias_on_it(synthesized: Synthesized):
    # Given the versions and aliases of the template
    versions = synthesized.resources("AWS::Lambda::Version")
    for name in sorted(API_FUNCTIONS):
        function_id = synthesized.function_id(name)
        # Then the function has one version, deleted when a newer one replaces it (each version's snapshot is billed)
        (version_id,) = [k for k, v in versions.items() if v["Properties"]["FunctionName"] == {"Ref": function_id}]
        assert versions[version_id]["DeletionPolicy"] == "Delete"
        # And its alias `live` is on that version
        found = synthesized.alias_of(name)
        assert found is not None, name
        _, alias = found
        assert alias["Name"] == LIVE_ALIAS
        assert alias["FunctionVersion"] == {"Fn::GetAtt": [version_id, "Version"]}
    # And nothing else is published
    assert len(versions) == len(API_FUNCTIONS)
    assert len(synthesized.props("AWS::Lambda::Alias")) == len(API_FUNCTIONS)


def test_api_gateway_invokes_the_aliases_and_may_invoke_nothing_else(synthesized: Synthesized):
    # Given every method, the authorizer and API Gateway's invoke permissions
    methods = synthesized.props("AWS::ApiGateway::Method").values()
    aliases = {f"<{synthesized.alias_of(name)[0]}>" for name in API_FUNCTIONS}  # type: ignore[index]
    # Then every integration and the authorizer invoke an alias
    for method in methods:
        assert any(alias in join(method["Integration"]["Uri"]) for alias in aliases), method
    (authorizer,) = synthesized.props("AWS::ApiGateway::Authorizer").values()
    assert synthesized.invoked(wiring.AUTHORIZER) in join(authorizer["AuthorizerUri"])
    # And API Gateway may invoke each alias, never a function's $LATEST
    permitted = {f"<{p['FunctionName']['Ref']}>" for p in _apigateway_permissions(synthesized)}
    assert permitted == aliases
    assert all("Ref" in p["FunctionName"] for p in _apigateway_permissions(synthesized))


def test_a_developers_own_stage_has_no_snap_start_and_invokes_latest(personal: Synthesized):
    # Given the stack of a personal stage (`dev-alice`): SnapStart's cache would be billed for nobody's benefit
    functions = personal.props("AWS::Lambda::Function")
    # Then no function snapshots, nothing is published, and API Gateway invokes the functions themselves
    assert all("SnapStart" not in props for props in functions.values())
    assert personal.resources("AWS::Lambda::Version") == {}
    assert personal.resources("AWS::Lambda::Alias") == {}
    for method in personal.props("AWS::ApiGateway::Method").values():
        assert ".Arn>" in join(method["Integration"]["Uri"])
    permitted = {personal.function_behind(p["FunctionName"]) for p in _apigateway_permissions(personal)}
    assert permitted == {personal.function_id(name) for name in API_FUNCTIONS}
