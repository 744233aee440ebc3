"""The session policy a function asks STS for when it acts for one tenant, and what IAM makes of
it. moto does not enforce IAM, so the documents are read here the way IAM reads them: an Allow
statement applies when the action and resource are listed and every leading key of the request
matches one of its `ForAllValues:StringLike` patterns (`*` any run of characters, `?` one)."""

from __future__ import annotations

import fnmatch
import json
from typing import Any

import pytest

from panacea.platform import isolation
from panacea.platform.keys import MalformedKey, platform_key, tenant_key
from panacea.platform.schema import INDEX_NAMES

ROLE = "arn:aws:iam::123456789012:role/panacea-prod-TenantDataRoleA788F6F4-1ABCDEF"
TABLE, INDEXES = isolation.table_arns(
    role_arn=ROLE, region="eu-west-2", table="panacea-prod-table", indexes=INDEX_NAMES
)
TENANT, OTHER = "01JTENANTA000000000000000A", "01JTENANTB000000000000000B"


def allows(policy: dict[str, Any], action: str, resource: str, leading_keys: list[str]) -> bool:
    """Whether `policy` allows `action` on `resource` for a request naming `leading_keys`."""
    for statement in policy["Statement"]:
        if statement["Effect"] != "Allow" or action not in statement["Action"] or resource not in statement["Resource"]:
            continue
        (operator, condition), *others = statement["Condition"].items()
        assert operator == "ForAllValues:StringLike"
        assert not others
        patterns = condition["dynamodb:LeadingKeys"]
        if all(any(fnmatch.fnmatchcase(key, p) for p in patterns) for key in leading_keys):
            return True
    return False


def session() -> dict[str, Any]:
    return isolation.session_policy(TENANT, table_arn=TABLE, index_arns=INDEXES)


def role() -> dict[str, Any]:
    return isolation.role_policy(table_arn=TABLE, index_arns=INDEXES)


def test_the_policy_names_the_table_and_its_indexes_in_the_roles_account():
    assert TABLE == "arn:aws:dynamodb:eu-west-2:123456789012:table/panacea-prod-table"
    assert [index.removeprefix(TABLE) for index in INDEXES] == ["/index/GSI1", "/index/GSI2"]
    china = isolation.table_arns(
        role_arn="arn:aws-cn:iam::123456789012:role/r", region="cn-north-1", table="t", indexes=()
    )
    assert china == ("arn:aws-cn:dynamodb:cn-north-1:123456789012:table/t", [])
    with pytest.raises(ValueError, match="not an IAM role ARN"):
        isolation.table_arns(role_arn="panacea-tenant-data", region="eu-west-2", table="t", indexes=())


def test_a_tenants_session_reads_and_writes_its_own_keys():
    # Given the session policy of a tenant
    policy = session()
    own = tenant_key(TENANT, "ORDER", "01JORDER")
    # Then it may read and write its own items on the table, and query its own partitions of each index
    for action in ("dynamodb:GetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem", "dynamodb:BatchGetItem"):
        assert allows(policy, action, TABLE, [own])
    for action in ("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"):
        assert allows(policy, action, TABLE, [own])
    for index in INDEXES:
        assert allows(policy, "dynamodb:Query", index, [tenant_key(TENANT, "USERS")])


def test_a_tenants_session_reads_its_registry_entry_and_no_other_platform_key():
    policy = session()
    registry = platform_key("TENANT", TENANT)
    # Then the tenant's own registry entry can be read or checked, but never written
    assert allows(policy, "dynamodb:GetItem", TABLE, [registry])
    assert allows(policy, "dynamodb:ConditionCheckItem", TABLE, [registry])
    for action in isolation.TABLE_WRITE_ACTIONS:
        assert not allows(policy, action, TABLE, [registry])
    # And no other platform key can be read at all
    for key in (
        platform_key("TENANT", OTHER),
        platform_key("TENANT", TENANT, "APIKEYS"),  # its keys' list: their digests sign partner requests
        platform_key("APIKEY", "01JKEY"),
        platform_key("TENANTS"),
        platform_key("UNIQUE", "tenant_slug", "harbour-gene"),
        platform_key("IDEMPOTENCY", "op") + "#key",
    ):
        assert not allows(policy, "dynamodb:GetItem", TABLE, [key]), key
        assert not allows(policy, "dynamodb:Query", INDEXES[0], [key]), key


def test_another_tenants_keys_are_refused_even_beside_its_own():
    policy = session()
    own, theirs = tenant_key(TENANT, "SETTINGS"), tenant_key(OTHER, "SETTINGS")
    # Then another tenant's key is refused, alone or in a batch with the tenant's own
    assert not allows(policy, "dynamodb:GetItem", TABLE, [theirs])
    assert not allows(policy, "dynamodb:PutItem", TABLE, [theirs])
    assert not allows(policy, "dynamodb:BatchGetItem", TABLE, [own, theirs])
    # And so is a tenant whose id merely starts with this one's
    assert not allows(policy, "dynamodb:GetItem", TABLE, [tenant_key(TENANT + "X", "SETTINGS")])
    assert not allows(policy, "dynamodb:GetItem", TABLE, [f"T#{TENANT}"])


def test_nothing_but_item_operations_on_the_table_is_allowed():
    policy = session()
    own = tenant_key(TENANT, "ORDER", "1")
    for action in ("dynamodb:Scan", "dynamodb:DescribeTable", "dynamodb:DeleteTable", "dynamodb:PartiQLSelect"):
        assert not allows(policy, action, TABLE, [own])
    assert not allows(policy, "dynamodb:GetItem", TABLE.replace("panacea-prod-table", "another-table"), [own])
    assert not allows(policy, "dynamodb:PutItem", INDEXES[0], [own])  # writes go to the table


def test_a_session_is_never_wider_than_the_role():
    # Given keys a session allows, for each kind of operation
    for action in (*isolation.TABLE_READ_ACTIONS, *isolation.TABLE_WRITE_ACTIONS):
        for key in (tenant_key(TENANT, "X"), platform_key("TENANT", TENANT), platform_key("APIKEY", "K")):
            for resource in (TABLE, *INDEXES):
                # Then the role allows each of them too (a session gets the intersection of both)
                if allows(session(), action, resource, [key]):
                    assert allows(role(), action, resource, [key]), (action, resource, key)
    # And the role alone still keeps every tenant away from platform keys other than registry entries
    assert not allows(role(), "dynamodb:GetItem", TABLE, [platform_key("APIKEY", "K")])
    assert not allows(role(), "dynamodb:PutItem", TABLE, [platform_key("TENANT", TENANT)])


def test_the_session_policy_fits_sts_limits_for_the_longest_tenant_id():
    # Given the longest tenant id a key may carry and a long table name
    longest = "T" * 64
    table, indexes = isolation.table_arns(role_arn=ROLE, region="ap-southeast-2", table="t" * 255, indexes=INDEX_NAMES)
    text = isolation.policy_text(isolation.session_policy(longest, table_arn=table, index_arns=indexes))
    # Then it is compact JSON well under STS's 2,048 characters for an inline session policy
    assert len(text) < 2048
    assert json.loads(text)["Statement"][0]["Condition"]["ForAllValues:StringLike"]["dynamodb:LeadingKeys"] == [
        f"T#{longest}#*",
        f"P#TENANT#{longest}",
    ]


@pytest.mark.parametrize("tenant_id", ["", "a#b", "T*", "T?", "${aws:username}", "x" * 65])
def test_a_policy_is_only_made_for_a_real_tenant_id(tenant_id):
    # A wildcard or a policy variable in a tenant id would widen the policy: refused before that
    with pytest.raises(MalformedKey):
        isolation.session_policy(tenant_id, table_arn=TABLE, index_arns=INDEXES)
