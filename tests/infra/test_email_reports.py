"""Email's delivery reports in AWS (`infra.stacks.messaging.EmailReports`): the stage's SES
configuration set reports to EventBridge, whose SES events land on the account's default bus; a
rule there forwards this stage's (and no other's) to the stage's bus, where the deliveries queue's
rule picks them up."""

from __future__ import annotations

from typing import Any

from infra import wiring
from infra.stacks.messaging import REPORTED
from tests.infra.template import STACK, Synthesized, as_list, join

CONFIGURATION_SET = f"{STACK}-messages"
DEFAULT_BUS = "arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:event-bus/default"


def _forward(synthesized: Synthesized) -> tuple[str, dict[str, Any]]:
    return synthesized.named("AWS::Events::Rule", "Name", "email-reports")


def test_the_stages_configuration_set_reports_every_email_event_to_eventbridge(synthesized: Synthesized):
    # Given the SES configuration set of the stage and its event destinations
    ((set_id, configuration_set),) = synthesized.props("AWS::SES::ConfigurationSet").items()
    destinations = synthesized.resources("AWS::SES::ConfigurationSetEventDestination")
    # Then the set is named for the stage
    assert configuration_set["Name"] == CONFIGURATION_SET
    # And its one destination, made after it, is EventBridge's default bus (the only bus SES sends to)
    ((destination_id, destination),) = destinations.items()
    assert set_id in as_list(destination.get("DependsOn", []))
    props = destination["Properties"]
    assert props["ConfigurationSetName"] == CONFIGURATION_SET
    reported = props["EventDestination"]
    assert reported["Enabled"] is True
    assert join(reported["EventBridgeDestination"]["EventBusArn"]) == DEFAULT_BUS
    # And it reports what moves a message's status: sent, delivered, bounced, complained, rejected
    assert {"SEND", "DELIVERY", "BOUNCE", "COMPLAINT", "REJECT"} <= set(reported["MatchingEventTypes"])
    assert reported["MatchingEventTypes"] == REPORTED, destination_id


def test_the_forward_rule_takes_this_stages_ses_events_from_the_default_bus_to_the_stages_bus(
    synthesized: Synthesized,
):
    # Given the rule that forwards email reports, and the stage's bus
    _, rule = _forward(synthesized)
    (bus,) = synthesized.props("AWS::Events::EventBus")
    # Then it listens on the account's default bus, to SES's events about this stage's configuration set only
    assert rule["EventBusName"] == "default"
    assert rule["EventPattern"] == {
        "source": ["aws.ses"],
        "detail": {"mail": {"tags": {"ses:configuration-set": [CONFIGURATION_SET]}}},
    }
    # And its one target is the stage's bus, through a role, dead-lettering to the undelivered queue
    (target,) = rule["Targets"]
    assert target["Arn"] == {"Fn::GetAtt": [bus, "Arn"]}
    undelivered, _ = synthesized.named("AWS::SQS::Queue", "QueueName", "undelivered")
    assert target["DeadLetterConfig"]["Arn"] == {"Fn::GetAtt": [undelivered, "Arn"]}
    # And that role is EventBridge's, and may put events on the stage's bus and do nothing else
    role_id = target["RoleArn"]["Fn::GetAtt"][0]
    role = synthesized.props("AWS::IAM::Role")[role_id]
    (trust,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert trust["Principal"] == {"Service": "events.amazonaws.com"}
    granted = [
        (as_list(s["Action"]), as_list(s["Resource"]))
        for p in synthesized.props("AWS::IAM::Policy").values()
        if {"Ref": role_id} in p["Roles"]
        for s in p["PolicyDocument"]["Statement"]
    ]
    assert granted == [(["events:PutEvents"], [{"Fn::GetAtt": [bus, "Arn"]}])]


def test_forwarded_reports_reach_the_deliveries_queue(synthesized: Synthesized):
    # Given the deliveries queue's rule on the stage's bus
    (bus,) = synthesized.props("AWS::Events::EventBus")
    _, deliveries = synthesized.named("AWS::Events::Rule", "Name", "engagement-deliveries")
    # Then it takes SES's events (those the forward rule puts on the stage's bus)
    assert deliveries["EventBusName"] == {"Ref": bus}
    assert "aws.ses" in deliveries["EventPattern"]["source"]
    _, forward = _forward(synthesized)
    assert set(forward["EventPattern"]["source"]) <= set(deliveries["EventPattern"]["source"])
    queue = next(q for q in wiring.QUEUES if q.name == "engagement-deliveries")
    assert queue.consumer == "EngagementDeliveries"
