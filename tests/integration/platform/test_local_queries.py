"""The local runtime's DynamoDB answers a Query without sorting the whole table, and answers it as
moto would (infra/local/moto_bridge.py, point 8): the partition asked for, in key order, paged."""

from __future__ import annotations

from typing import Any

import boto3

from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from panacea.platform.ids import new_id
from tests.support import resources


def _all_pages(ddb: Any, **query: Any) -> list[list[str]]:
    pages, start = [], None
    while True:
        answer = ddb.query(**query, **({"ExclusiveStartKey": start} if start else {}))
        pages.append([i["SK"]["S"] for i in answer["Items"]])
        start = answer.get("LastEvaluatedKey")
        if not start:
            return pages


def test_a_query_of_the_table_or_an_index_reads_only_its_key_in_order_and_pages(platform: LocalPlatform):
    ddb = boto3.client("dynamodb", endpoint_url=platform.aws_url, region_name=REGION)
    table = resources(platform).table
    # Given five items of one partition, put out of order, two more under a neighbouring key, and
    # an index partition holding three of the first five and one of the neighbours
    pk, neighbour, index_key = f"T#{new_id()}#SHELF", f"T#{new_id()}#SHELF", f"T#{new_id()}#BY#SHELF"
    for sk in ("C", "A", "E", "B", "D"):
        item = {"PK": {"S": pk}, "SK": {"S": sk}}
        if sk in ("B", "D", "E"):
            item |= {"GSI1PK": {"S": index_key}, "GSI1SK": {"S": f"at#{'EDB'.index(sk)}"}}
        ddb.put_item(TableName=table, Item=item)
    ddb.put_item(TableName=table, Item={"PK": {"S": neighbour}, "SK": {"S": "A"}})
    ddb.put_item(
        TableName=table,
        Item={"PK": {"S": neighbour}, "SK": {"S": "Z"}, "GSI1PK": {"S": index_key}, "GSI1SK": {"S": "at#9"}},
    )
    ddb.put_item(TableName=table, Item={"PK": {"S": neighbour}, "SK": {"S": "Y"}, "GSI1PK": {"S": index_key}})
    mine = {"TableName": table, "KeyConditionExpression": "PK = :pk", "ExpressionAttributeValues": {":pk": {"S": pk}}}
    by_index = {
        "TableName": table,
        "IndexName": "GSI1",
        "KeyConditionExpression": "GSI1PK = :k AND begins_with(GSI1SK, :at)",
        "ExpressionAttributeValues": {":k": {"S": index_key}, ":at": {"S": "at#"}},
    }
    # When the partition and the index are queried, forwards, backwards and in pages of two
    # Then each answers only its own items, in key order, the pages continuing where they stopped
    assert _all_pages(ddb, **mine) == [["A", "B", "C", "D", "E"]]
    assert _all_pages(ddb, **mine, ScanIndexForward=False, Limit=2) == [["E", "D"], ["C", "B"], ["A"]]
    assert _all_pages(ddb, **by_index) == [["E", "D", "B", "Z"]]
    assert _all_pages(ddb, **by_index, Limit=3) == [["E", "D", "B"], ["Z"]]
    # And a key nobody wrote answers nothing, and a deleted item is gone from both
    nobody = {
        "TableName": table,
        "KeyConditionExpression": "PK = :pk",
        "ExpressionAttributeValues": {":pk": {"S": "T#none"}},
    }
    assert _all_pages(ddb, **nobody) == [[]]
    ddb.delete_item(TableName=table, Key={"PK": {"S": pk}, "SK": {"S": "D"}})
    assert _all_pages(ddb, **mine) == [["A", "B", "C", "E"]]
    assert _all_pages(ddb, **by_index) == [["E", "B", "Z"]]
