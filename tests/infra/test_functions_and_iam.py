"""Every function: its runtime, tracing, logs, layers and environment; and its own role, which
reaches exactly what the function's grants say, each resource by name."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from infra import wiring
from infra.stacks import cursors, data_keys, messaging, payments
from infra.stacks.functions import DIRECTORY_ACTIONS, IN_ACCOUNT, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS
from infra.stacks.tenant_data import ENV_VARIABLE
from tests.infra.template import STACK, STAGE, Synthesized, as_list, join, statements

CONFIGURATION_SET = f"{IN_ACCOUNT.format('ses')}:configuration-set/{STACK}-messages"

ENVIRONMENT = {
    "PANACEA_STAGE",
    "PANACEA_TABLE",
    "PANACEA_EVENT_BUS",
    "PANACEA_USER_POOL_ID",
    "PANACEA_APP_CLIENT_IDS",
    "PANACEA_SENDER_EMAIL",
    "PANACEA_UPLOADS_BUCKET",
    "POWERTOOLS_SERVICE_NAME",
    "POWERTOOLS_METRICS_NAMESPACE",
    "PYDANTIC_DISABLE_PLUGINS",
}


def _role_of(synthesized: Synthesized, name: str) -> str:
    role: str = synthesized.props("AWS::Lambda::Function")[synthesized.function_id(name)]["Role"]["Fn::GetAtt"][0]
    return role


def _statements_of_role(synthesized: Synthesized, role_id: str) -> list[dict[str, Any]]:
    policies = {k for k, p in synthesized.props("AWS::IAM::Policy").items() if {"Ref": role_id} in p.get("Roles", [])}
    return [s for policy_id, s in statements(synthesized) if policy_id in policies or policy_id == role_id]


def _actions(statement: dict[str, Any]) -> list[str]:
    return as_list(statement["Action"])


def test_every_function_is_arm64_python312_with_active_tracing(synthesized: Synthesized):
    # Given every Lambda of the template
    functions = synthesized.props("AWS::Lambda::Function")
    # Then each runs python3.12 on arm64, traced by Lambda (no X-Ray SDK in the code)
    assert len(functions) == len(wiring.FUNCTIONS)
    for props in functions.values():
        assert props["Runtime"] == "python3.12"
        assert props["Architectures"] == ["arm64"]
        assert props["TracingConfig"] == {"Mode": "Active"}


def test_every_function_has_both_layers_its_environment_and_a_log_group_with_retention(synthesized: Synthesized):
    # Given the layers and the log groups
    layers = synthesized.props("AWS::Lambda::LayerVersion")
    assert {p["LayerName"] for p in layers.values()} == {f"{STACK}-core", f"{STACK}-deps"}
    for layer in layers.values():
        assert layer["CompatibleArchitectures"] == ["arm64"]
        assert layer["CompatibleRuntimes"] == ["python3.12"]
    log_groups = synthesized.props("AWS::Logs::LogGroup")
    for fn in wiring.FUNCTIONS:
        # When a function is looked up by its name
        props = synthesized.props("AWS::Lambda::Function")[synthesized.function_id(fn.name)]
        # Then it uses both layers, gets every variable the settings read, and logs to its own group
        assert sorted(layer["Ref"] for layer in props["Layers"]) == sorted(layers)
        variables = props["Environment"]["Variables"]
        # (and the tenant data role's ARN if it serves tenants: tests/infra/test_tenant_data.py; the
        # Stripe keys' secret if it calls Stripe: tests/infra/test_payments.py; the cursor key's if it
        # pages lists: tests/infra/test_cursor_key.py; the data keys' if it seals: tests/infra/test_data_key.py;
        # the email configuration set if it uses the messaging providers: tests/infra/test_email_reports.py)
        optional = {ENV_VARIABLE, payments.ENV_VARIABLE, cursors.ENV_VARIABLE, data_keys.ENV_VARIABLE}
        optional |= {messaging.ENV_VARIABLE, messaging.CALLBACK_BASE_VARIABLE}
        assert set(variables) - optional == ENVIRONMENT
        # (the callback base only for the senders, who tell providers where to report: the API's own URL)
        if messaging.CALLBACK_BASE_VARIABLE in variables:
            assert fn.name == "EngagementSenders"
            assert "execute-api" in json.dumps(variables[messaging.CALLBACK_BASE_VARIABLE])
        assert variables["PANACEA_STAGE"] == STAGE
        assert variables["POWERTOOLS_SERVICE_NAME"] == "panacea"
        group = log_groups[props["LoggingConfig"]["LogGroup"]["Ref"]]
        assert group["LogGroupName"] == f"/aws/lambda/{STACK}-{fn.name}"
        assert group["RetentionInDays"] > 0
        assert props["MemorySize"] == fn.memory_mb
        assert props["Timeout"] == fn.timeout_s


def test_each_function_has_its_own_role_assumed_only_by_lambda(synthesized: Synthesized):
    # Given the role of every function
    roles = [_role_of(synthesized, fn.name) for fn in wiring.FUNCTIONS]
    # Then no two functions share one, and only Lambda may assume it, with no managed policy
    assert len(set(roles)) == len(roles)
    for role_id in roles:
        role = synthesized.props("AWS::IAM::Role")[role_id]
        (trust,) = role["AssumeRolePolicyDocument"]["Statement"]
        assert trust["Principal"] == {"Service": "lambda.amazonaws.com"}
        assert "ManagedPolicyArns" not in role


def test_no_statement_grants_a_dynamodb_action_on_a_wildcard(synthesized: Synthesized):
    # Given every IAM statement of the template
    for policy_id, statement in statements(synthesized):
        if not any(a.startswith("dynamodb:") for a in _actions(statement)):
            continue
        # Then a DynamoDB action names its table, index or stream: never '*', index/* or stream/*
        for resource in as_list(statement["Resource"]):
            text = join(resource)
            assert "*" not in text, (policy_id, statement)


def test_a_role_reaches_exactly_what_its_grants_say(synthesized: Synthesized):
    table = next(iter(synthesized.props("AWS::DynamoDB::Table")))
    indexes = {f"<{table}.Arn>/index/{name}" for name, _, _ in wiring.TABLE.indexes}
    for fn in wiring.FUNCTIONS:
        # Given the statements of a function's role
        granted = _statements_of_role(synthesized, _role_of(synthesized, fn.name))
        by_action = {a: {join(r) for r in as_list(s["Resource"])} for s in granted for a in _actions(s)}
        table_actions = {a for a in by_action if a.startswith("dynamodb:")} - {
            "dynamodb:DescribeStream",
            "dynamodb:GetRecords",
            "dynamodb:GetShardIterator",
            "dynamodb:ListStreams",
        }
        expected: set[str] = set()
        if wiring.Grant.READ_TABLE in fn.grants:
            expected |= set(TABLE_READ_ACTIONS)
            # Then reading reaches the table and each index by name
            assert by_action["dynamodb:Query"] == {f"<{table}.Arn>", *indexes}
        if wiring.Grant.WRITE_TABLE in fn.grants:
            expected |= set(TABLE_WRITE_ACTIONS)
            assert by_action["dynamodb:PutItem"] == {f"<{table}.Arn>"}
        # And a function without a table grant has no table action at all
        assert table_actions == expected, fn.name
        assert "dynamodb:Scan" not in by_action
        publishes = wiring.Grant.PUBLISH_EVENTS in fn.grants
        assert ("events:PutEvents" in by_action) == publishes, fn.name
        if publishes:
            (bus,) = synthesized.props("AWS::Events::EventBus")
            assert by_action["events:PutEvents"] == {f"<{bus}.Arn>"}
        manages = bool({wiring.Grant.MANAGE_DIRECTORY, wiring.Grant.MANAGE_ACCOUNTS} & fn.grants)
        assert all((a in by_action) == manages for a in DIRECTORY_ACTIONS), fn.name
        runs_accounts = wiring.Grant.MANAGE_ACCOUNTS in fn.grants
        assert ("cognito-idp:AdminInitiateAuth" in by_action) == runs_accounts, fn.name
        sends_email = bool({wiring.Grant.SEND_EMAIL, wiring.Grant.USE_MESSAGING} & fn.grants)
        assert ("ses:SendEmail" in by_action) == sends_email, fn.name
        if sends_email:
            # Email goes from the sender identities, and for the messaging providers through the stage's
            # configuration set (SES authorizes both)
            through = {r for r in by_action["ses:SendEmail"] if ":identity/" not in r}
            expected_sets = {CONFIGURATION_SET} if wiring.Grant.USE_MESSAGING in fn.grants else set()
            assert through == expected_sets, fn.name
        if manages:
            (pool,) = synthesized.props("AWS::Cognito::UserPool")
            assert by_action["cognito-idp:AdminCreateUser"] == {f"<{pool}.Arn>"}


def test_the_only_wildcard_resources_of_a_function_role_are_x_ray_and_text_messages(synthesized: Synthesized):
    for fn in wiring.FUNCTIONS:
        # Given a function's statements with '*' as their resource
        granted = _statements_of_role(synthesized, _role_of(synthesized, fn.name))
        wildcard = [s for s in granted if "*" in as_list(s["Resource"])]
        denied = [
            (_actions(s), as_list(s["Resource"]), s.get("Condition")) for s in granted if s.get("Effect") == "Deny"
        ]
        # Then they are the X-Ray statement that active tracing needs, and, for a function that texts
        # codes, publishing (phone numbers have no ARN) with every topic denied
        expected = [["xray:PutTelemetryRecords", "xray:PutTraceSegments"]]
        if wiring.Grant.SEND_SMS in fn.grants:
            expected.append(["sns:Publish"])
            assert denied == [(["sns:Publish"], ["arn:*:sns:*:*:*"], None)]
        # And for the messaging providers, publishing (SMS to phone numbers, push to each device's endpoint,
        # which a Deny on topics would also deny) with every SNS resource of another account denied
        elif wiring.Grant.USE_MESSAGING in fn.grants:
            expected.append(["sns:Publish"])
            other_accounts = {
                "StringNotEquals": {"aws:ResourceAccount": {"Ref": "AWS::AccountId"}},
                "Null": {"aws:ResourceAccount": "false"},  # where SNS names one: a phone number has no account
            }
            assert denied == [(["sns:Publish"], ["arn:*:sns:*:*:*"], other_accounts)], fn.name
        else:
            assert denied == [], fn.name
        assert sorted(sorted(_actions(s)) for s in wildcard if s.get("Effect", "Allow") == "Allow") == sorted(expected)


def test_no_function_both_texts_codes_and_uses_the_messaging_providers():
    # Given SEND_SMS's Deny on every topic ARN, which matches push endpoints too
    both = [f.name for f in wiring.FUNCTIONS if {wiring.Grant.SEND_SMS, wiring.Grant.USE_MESSAGING} <= f.grants]
    # Then no function holds both grants (its push would be denied; `Functions` refuses to make one)
    assert both == []


def test_the_messaging_providers_grant_reaches_their_secrets_email_and_push_applications(synthesized: Synthesized):
    users = [f for f in wiring.FUNCTIONS if wiring.Grant.USE_MESSAGING in f.grants]
    assert {f.name for f in users} == {"EngagementSenders", "EngagementWebhooks"}
    for fn in wiring.FUNCTIONS:
        # Given the statements of a function's role
        granted = _statements_of_role(synthesized, _role_of(synthesized, fn.name))
        secrets = sorted(join(r) for s in granted if "secretsmanager:GetSecretValue" in _actions(s)
                         for r in as_list(s["Resource"]) if "/messaging/" in join(r))  # fmt: skip
        endpoints = [(_actions(s), [join(r) for r in as_list(s["Resource"])]) for s in granted
                     if any(a.startswith("sns:") and a != "sns:Publish" for a in _actions(s))]  # fmt: skip
        variables = synthesized.props("AWS::Lambda::Function")[synthesized.function_id(fn.name)]["Environment"]
        if fn in users:
            # Then a user of the providers reads the secrets under the stage's messaging prefix, and no other
            assert secrets == [f"{IN_ACCOUNT.format('secretsmanager')}:secret:{STACK}/messaging/*"], fn.name
            # And it registers devices with the push applications, and does nothing else in SNS but publish
            assert endpoints == [(["sns:CreatePlatformEndpoint"], [f"{IN_ACCOUNT.format('sns')}:app/*"])], fn.name
            # And it is told the email configuration set it names on every email
            assert variables["Variables"][messaging.ENV_VARIABLE] == f"{STACK}-messages"
        else:
            # And no other function reads those secrets, registers a device, or knows of the configuration set
            assert (secrets, endpoints) == ([], []), fn.name
            assert messaging.ENV_VARIABLE not in variables["Variables"], fn.name


def test_functions_of_a_context_share_one_code_asset_and_the_docs_function_has_its_own(synthesized: Synthesized):
    # Given the code of every function
    code = {
        fn.name: synthesized.props("AWS::Lambda::Function")[synthesized.function_id(fn.name)]["Code"]["S3Key"]
        for fn in wiring.FUNCTIONS
    }
    # Then functions of one context ship the same asset, different contexts different ones
    assert code["TenancyApi"] == code["TenancySteps"] == code["TenancyJobs"]
    assert len({code["TenancyApi"], code["IdentitySteps"], code["AnalyticsConsumers"], code["PlatformDocs"]}) == 4
    assert code["OutboxRelay"] != code["PlatformDocs"]  # platform/ alone vs every context
    assert Counter(code.values())[code["PlatformDocs"]] == 1


ANSWERING = {
    "order-fulfilment": wiring.Grant.ANSWER_ORDER_FULFILMENT,
    "commission-settlement": wiring.Grant.ANSWER_COMMISSION_SETTLEMENT,
    "withdrawal-payout": wiring.Grant.ANSWER_WITHDRAWAL_PAYOUT,
    "sample-logistics": wiring.Grant.ANSWER_SAMPLE_LOGISTICS,
}


def test_only_the_functions_that_answer_a_workflow_may_and_only_its_tokens(synthesized: Synthesized):
    machines = {
        p["StateMachineName"].removeprefix(f"{STACK}-"): p["StateMachineName"]
        for p in synthesized.props("AWS::StepFunctions::StateMachine").values()
    }
    for fn in wiring.FUNCTIONS:
        # Given the statements of a function's role that answer task tokens
        granted = _statements_of_role(synthesized, _role_of(synthesized, fn.name))
        answering = [s for s in granted if any(a.startswith("states:SendTask") for a in _actions(s))]
        # Then a function may answer (success or failure) the tokens of the workflows it was granted, only
        expected = sorted(
            f"arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:{machines[name]}"
            for name, grant in ANSWERING.items()
            if grant in fn.grants
        )
        for statement in answering:
            assert sorted(_actions(statement)) == ["states:SendTaskFailure", "states:SendTaskSuccess"]
        assert sorted(join(r) for s in answering for r in as_list(s["Resource"])) == expected, fn.name


def test_only_the_functions_that_send_to_queues_may_and_only_to_those(synthesized: Synthesized):
    undelivered, _ = synthesized.named("AWS::SQS::Queue", "QueueName", "undelivered")
    for fn in wiring.FUNCTIONS:
        # Given the statements of a function's role that send to a queue
        granted = _statements_of_role(synthesized, _role_of(synthesized, fn.name))
        sending = [s for s in granted if "sqs:SendMessage" in _actions(s)]
        # (Lambda's own: a failed asynchronous invocation goes to the undelivered queue, for every function;
        # and a stream's batch given up on, for the stream's function)
        dead_letters = [s for s in sending if as_list(s["Resource"]) == [{"Fn::GetAtt": [undelivered, "Arn"]}]]
        expected_dead_letters = [["sqs:SendMessage"]]
        if fn.name in {stream.function for stream in wiring.STREAMS}:
            expected_dead_letters.append(["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"])
        assert sorted(sorted(_actions(s)) for s in dead_letters) == sorted(expected_dead_letters), fn.name
        sending = [s for s in sending if s not in dead_letters]
        # Then a function sends (and looks up by name) exactly the queues it declares, named by the stage
        expected = sorted(f"arn:<AWS::Partition>:sqs:<AWS::Region>:<AWS::AccountId>:{STACK}-{q}" for q in fn.sends_to)
        for statement in sending:
            assert sorted(_actions(statement)) == ["sqs:GetQueueUrl", "sqs:SendMessage"]
        assert sorted(join(r) for s in sending for r in as_list(s["Resource"])) == expected, fn.name
    # And every queue a function sends to is a queue of the wiring
    assert {q for fn in wiring.FUNCTIONS for q in fn.sends_to} <= {q.name for q in wiring.QUEUES}
