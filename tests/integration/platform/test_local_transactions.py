"""The local runtime's DynamoDB keeps AWS's promise for transactions: all or nothing, and a
cancelled one leaves no trace, not even in the stream (infra/local/moto_bridge.py, point 4)."""

from __future__ import annotations

import boto3

from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from panacea.platform.ids import new_id
from tests.support import resources


def test_a_cancelled_transaction_puts_back_every_item_it_touched(platform: LocalPlatform):
    ddb = boto3.client("dynamodb", endpoint_url=platform.aws_url, region_name=REGION)
    table = resources(platform).table
    stream_arn = ddb.describe_table(TableName=table)["Table"]["LatestStreamArn"]
    streams = boto3.client("dynamodbstreams", endpoint_url=platform.aws_url, region_name=REGION)
    shard = streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]["Shards"][0]["ShardId"]
    # Given an item worth 1
    pk = f"T#{new_id()}#COUNTER"
    ddb.put_item(TableName=table, Item={"PK": {"S": pk}, "SK": {"S": "A"}, "n": {"N": "1"}})
    iterator = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard, ShardIteratorType="LATEST")
    # When a transaction raises it to 2 and adds another item, but fails a check on a third
    try:
        ddb.transact_write_items(
            TransactItems=[
                {
                    "Update": {
                        "TableName": table,
                        "Key": {"PK": {"S": pk}, "SK": {"S": "A"}},
                        "UpdateExpression": "SET n = :two",
                        "ExpressionAttributeValues": {":two": {"N": "2"}},
                    }
                },
                {"Put": {"TableName": table, "Item": {"PK": {"S": pk}, "SK": {"S": "B"}}}},
                {
                    "ConditionCheck": {
                        "TableName": table,
                        "Key": {"PK": {"S": pk}, "SK": {"S": "missing"}},
                        "ConditionExpression": "attribute_exists(PK)",
                    }
                },
            ]
        )
        raise AssertionError("the transaction should have been cancelled")
    except ddb.exceptions.TransactionCanceledException:
        pass
    ddb.put_item(TableName=table, Item={"PK": {"S": pk}, "SK": {"S": "C"}})
    # Then the first item is still worth 1, the second does not exist, and the stream saw only the later put
    items = ddb.query(TableName=table, KeyConditionExpression="PK = :pk", ExpressionAttributeValues={":pk": {"S": pk}})
    assert [(i["SK"]["S"], i.get("n", {}).get("N")) for i in items["Items"]] == [("A", "1"), ("C", None)]
    records = streams.get_records(ShardIterator=iterator["ShardIterator"])["Records"]
    mine = [r for r in records if r["dynamodb"]["Keys"]["PK"]["S"] == pk]
    assert [(r["eventName"], r["dynamodb"]["Keys"]["SK"]["S"]) for r in mine] == [("INSERT", "C")]
