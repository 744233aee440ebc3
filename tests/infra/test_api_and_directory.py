"""The REST API's stage, authorizer and error answers; the user pool, its groups and its client."""

from __future__ import annotations

import json

from infra import wiring
from infra.local.gateway import _problem, shared_with
from panacea.platform import cors
from panacea.tenancy.tiers import LIMITS, PLATFORM, PLATFORM_PLAN
from tests.infra.template import STACK, STAGE, Synthesized

PROBLEM = "application/problem+json"


def test_the_stage_is_named_for_the_stage_throttled_traced_and_logged(synthesized: Synthesized):
    # Given the API's stage
    (stage,) = synthesized.props("AWS::ApiGateway::Stage").values()
    # Then it is the stage's name, throttles every method, traces with X-Ray and writes JSON access logs
    assert stage["StageName"] == STAGE
    assert stage["TracingEnabled"] is True
    (defaults,) = [m for m in stage["MethodSettings"] if (m["HttpMethod"], m["ResourcePath"]) == ("*", "/*")]
    assert defaults["ThrottlingRateLimit"] > 0
    assert defaults["ThrottlingBurstLimit"] >= defaults["ThrottlingRateLimit"]
    # And it logs errors of every method but never a request or response body (they hold health data)
    assert (defaults["LoggingLevel"], defaults["DataTraceEnabled"]) == ("ERROR", False)
    # And the account-wide logging role is left alone unless asked for
    assert synthesized.resources("AWS::ApiGateway::Account") == {}
    log_group = stage["AccessLogSetting"]["DestinationArn"]["Fn::GetAtt"][0]
    assert synthesized.props("AWS::Logs::LogGroup")[log_group]["RetentionInDays"] > 0
    assert json.loads(stage["AccessLogSetting"]["Format"])["requestId"] == "$context.requestId"


def test_protected_methods_use_the_wirings_credentials_authorizer(synthesized: Synthesized):
    # Given the authorizer and every method
    ((authorizer_id, authorizer),) = synthesized.props("AWS::ApiGateway::Authorizer").items()
    assert authorizer["Type"] == "REQUEST"
    assert authorizer["IdentitySource"] == "method.request.header.Authorization"
    assert 0 < authorizer["AuthorizerResultTtlInSeconds"] <= 300
    function = synthesized.function_behind(authorizer["AuthorizerUri"]["Fn::Join"][1][-2])
    assert synthesized.props("AWS::Lambda::Function")[function]["Handler"] == wiring.function(wiring.AUTHORIZER).handler
    methods = synthesized.props("AWS::ApiGateway::Method").values()
    # Then a method is either public (no authorizer) or guarded by the authorizer
    public = [m for m in methods if m["AuthorizationType"] == "NONE"]
    guarded = [m for m in methods if m["AuthorizationType"] == "CUSTOM"]
    assert len(public) + len(guarded) == len(methods)
    assert all(m["AuthorizerId"] == {"Ref": authorizer_id} for m in guarded)
    assert len(public) == len([r for r in wiring.routes() if r.public])


def test_every_method_validates_its_request_and_proxies_to_lambda(synthesized: Synthesized):
    # Given the request validator
    ((validator_id, validator),) = synthesized.props("AWS::ApiGateway::RequestValidator").items()
    assert (validator["ValidateRequestBody"], validator["ValidateRequestParameters"]) == (True, True)
    for method in synthesized.props("AWS::ApiGateway::Method").values():
        # Then each method uses it and hands the whole request to its function
        assert method["RequestValidatorId"] == {"Ref": validator_id}
        assert method["Integration"]["Type"] == "AWS_PROXY"


def test_gateway_errors_are_problem_json(synthesized: Synthesized):
    # Given the gateway responses
    responses = {r["ResponseType"]: r for r in synthesized.props("AWS::ApiGateway::GatewayResponse").values()}
    assert {"UNAUTHORIZED", "ACCESS_DENIED", "THROTTLED", "DEFAULT_4XX", "DEFAULT_5XX"} <= set(responses)
    for response_type, response in responses.items():
        # Then each answers application/problem+json with a type and a title
        assert response["ResponseParameters"]["gatewayresponse.header.Content-Type"] == f"'{PROBLEM}'"
        for template in response["ResponseTemplates"].values():
            body = json.loads(template.replace("$context.error.messageString", '"message"'))
            assert body["type"].startswith("/errors/"), response_type
            assert body["title"]
            assert "detail" in body
            if "StatusCode" in response:
                assert body["status"] == int(response["StatusCode"])
    # And a request without a valid token gets the same body as from the local gateway
    unauthorized = json.loads(responses["UNAUTHORIZED"]["ResponseTemplates"]["application/json"])
    assert unauthorized == {
        "type": "/errors/not-authenticated",
        "title": "Not authenticated",
        "status": 401,
        "detail": "a valid bearer token (Cognito ID token) is required",
    }
    assert responses["THROTTLED"]["StatusCode"] == "429"
    # And an unknown route is a 404 naming the path, as the local gateway answers it
    no_route = json.loads(responses["MISSING_AUTHENTICATION_TOKEN"]["ResponseTemplates"]["application/json"])
    assert no_route["errors"] == [{"field": "path", "code": "not_found"}]
    local = json.loads(_problem(404, "no-such-route", "No such route", no_route["detail"])[2])
    assert local == no_route


def test_gateway_errors_can_be_read_by_a_browser_on_the_origin_that_asked(synthesized: Synthesized):
    # Given the gateway responses: what API Gateway answers itself (no token, denied, throttled, no such
    # route, too large, any other 4xx or 5xx), before any function could consult a tenant's origins
    responses = synthesized.props("AWS::ApiGateway::GatewayResponse").values()
    assert responses
    for response in responses:
        parameters = response["ResponseParameters"].items()
        headers = {name.removeprefix("gatewayresponse.header."): value for name, value in parameters}
        # Then each is shared with the origin the request came from, which it varies by (its body is a
        # problem without tenant data), and tells the browser the headers the API takes, as a preflight does
        assert headers["Access-Control-Allow-Origin"] == "method.request.header.Origin", response["ResponseType"]
        assert headers["Vary"] == "'Origin'"
        assert headers["Access-Control-Allow-Headers"] == f"'{', '.join(cors.ALLOWED_HEADERS)}'"
        # And never with credentials (cookies): the API's travel in the Authorization header
        assert "Access-Control-Allow-Credentials" not in headers
        # And the local gateway's own errors carry the same headers, the request's Origin in place of the mapping
        origin = "https://shop.example"
        _, local, _ = shared_with(_problem(404, "no-such-route", "No such route", "no route"), origin)
        deployed = {name: value.strip("'") for name, value in headers.items()} | {"Access-Control-Allow-Origin": origin}
        assert local == deployed
    # And a body over API Gateway's 10 MB is refused with a problem of its own, as the local gateway refuses it
    assert "REQUEST_TOO_LARGE" in {r["ResponseType"] for r in responses}


def test_the_user_pool_has_an_immutable_tenant_and_the_wiring_groups(synthesized: Synthesized):
    # Given the user pool and its groups
    (pool,) = synthesized.props("AWS::Cognito::UserPool").values()
    groups = {g["GroupName"] for g in synthesized.props("AWS::Cognito::UserPoolGroup").values()}
    # Then the tenant is a custom attribute no one can change, and the roles are the wiring's groups
    (tenant,) = [a for a in pool["Schema"] if a["Name"] == "tenant_id"]
    assert (tenant["AttributeDataType"], tenant["Mutable"]) == ("String", False)
    assert groups == set(wiring.USER_GROUPS)
    assert pool["UserPoolName"] == f"{STACK}-users"
    assert pool["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] >= 12


def test_the_app_client_signs_in_with_passwords_srp_and_refresh_tokens(synthesized: Synthesized):
    # Given the user pool client
    (client,) = synthesized.props("AWS::Cognito::UserPoolClient").values()
    # Then it allows exactly the flows the apps use, has no secret and no OAuth grants
    assert set(client["ExplicitAuthFlows"]) == {
        "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_USER_SRP_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
    }
    assert client["GenerateSecret"] is False
    assert "AllowedOAuthFlows" not in client


def test_each_tier_has_a_usage_plan_with_its_limits_counted_under_the_authorizers_key(synthesized: Synthesized):
    # Given the tiers' limits (the same numbers the local gateway enforces)
    expected = {f"panacea-{STAGE}-{t.value}": limit for t, limit in LIMITS.items()} | {
        f"panacea-{STAGE}-{PLATFORM_PLAN}": PLATFORM
    }
    # Then each has its usage plan on the API's stage
    plans = {p["UsagePlanName"]: p for p in synthesized.props("AWS::ApiGateway::UsagePlan").values()}
    assert set(plans) == set(expected)
    for name, limit in expected.items():
        assert plans[name]["Throttle"] == {"RateLimit": limit.per_second, "BurstLimit": limit.burst}
        assert plans[name]["Quota"] == {"Limit": limit.per_day, "Period": "DAY"}
    # And requests are counted under the key the authorizer returns, on every guarded method
    (api,) = synthesized.props("AWS::ApiGateway::RestApi").values()
    assert api["ApiKeySourceType"] == "AUTHORIZER"
    for method in synthesized.props("AWS::ApiGateway::Method").values():
        assert method.get("ApiKeyRequired", False) == (method["AuthorizationType"] == "CUSTOM")
