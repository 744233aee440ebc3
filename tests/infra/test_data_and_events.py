"""The table, the bus and what a stage keeps when its stack goes."""

from __future__ import annotations

import pytest
from aws_cdk.assertions import Match, Template

from infra import wiring
from infra.stacks import Stage
from tests.infra.template import STACK, Synthesized


def test_the_table_has_the_wiring_keys_indexes_and_ttl(synthesized: Synthesized):
    # Given the synthesized stack
    (table,) = synthesized.props("AWS::DynamoDB::Table").values()
    # Then the table has the declared keys, both overloaded indexes with every attribute, and the TTL
    assert table["TableName"] == f"{STACK}-table"
    assert table["KeySchema"] == [
        {"AttributeName": wiring.TABLE.partition_key, "KeyType": "HASH"},
        {"AttributeName": wiring.TABLE.sort_key, "KeyType": "RANGE"},
    ]
    indexes = {i["IndexName"]: i for i in table["GlobalSecondaryIndexes"]}
    assert set(indexes) == {name for name, _, _ in wiring.TABLE.indexes}
    for name, pk, sk in wiring.TABLE.indexes:
        assert indexes[name]["KeySchema"] == [
            {"AttributeName": pk, "KeyType": "HASH"},
            {"AttributeName": sk, "KeyType": "RANGE"},
        ]
        assert indexes[name]["Projection"] == {"ProjectionType": "ALL"}
    assert table["TimeToLiveSpecification"] == {"AttributeName": wiring.TABLE.ttl_attribute, "Enabled": True}
    assert {a["AttributeType"] for a in table["AttributeDefinitions"]} == {"S"}


def test_the_table_is_on_demand_recoverable_and_streams_both_images(synthesized: Synthesized):
    # Given the synthesized table
    (table,) = synthesized.props("AWS::DynamoDB::Table").values()
    # Then it bills per request, keeps point-in-time recovery and streams old and new images
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["StreamSpecification"] == {"StreamViewType": "NEW_AND_OLD_IMAGES"}


def test_a_disposable_stage_can_be_deleted_with_its_data(synthesized: Synthesized):
    # Given the `test` stage, a disposable one
    (table,) = synthesized.resources("AWS::DynamoDB::Table").values()
    (pool,) = synthesized.resources("AWS::Cognito::UserPool").values()
    # Then deleting the stack deletes the table and the user pool too
    assert table["DeletionPolicy"] == "Delete"
    assert table["Properties"]["DeletionProtectionEnabled"] is False
    assert pool["DeletionPolicy"] == "Delete"


def test_a_production_stage_keeps_its_data(production: Template):
    # Given a stage that is not dev, test or dev-<someone>
    # Then its table and user pool survive the stack and refuse deletion while it stands
    production.has_resource(
        "AWS::DynamoDB::Table",
        {"DeletionPolicy": "Retain", "Properties": Match.object_like({"DeletionProtectionEnabled": True})},
    )
    production.has_resource(
        "AWS::Cognito::UserPool",
        {"DeletionPolicy": "Retain", "Properties": Match.object_like({"DeletionProtection": "ACTIVE"})},
    )
    production.all_resources("AWS::Logs::LogGroup", {"DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain"})


def test_which_stages_are_disposable():
    # Given stage names
    # Then only dev, test and dev-<someone> are disposable
    assert [Stage(n).disposable for n in ("dev", "test", "dev-alice", "prod", "staging", "devops")] == [
        True, True, True, False, False, False,
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["Dev", "1dev", "dev_alice", "a-stage-name-that-is-far-too-long"])
def test_a_stage_must_fit_the_settings_pattern(name: str):
    # When a stage name the functions' settings would refuse is given
    # Then the app refuses it before synthesizing anything
    with pytest.raises(ValueError, match="lowercase letters"):
        Stage(name)


def test_the_bus_is_named_for_the_stage_and_archives_every_panacea_event(synthesized: Synthesized):
    # Given the synthesized bus
    ((bus_id, bus),) = synthesized.props("AWS::Events::EventBus").items()
    # Then it is panacea-<stage>, and its archive keeps every panacea.* event published on it
    assert bus["Name"] == STACK
    synthesized.template.has_resource_properties(
        "AWS::Events::Archive",
        {"SourceArn": {"Fn::GetAtt": [bus_id, "Arn"]}, "EventPattern": {"source": [{"prefix": "panacea."}]}},
    )
