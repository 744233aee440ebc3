import pytest

from panacea.platform.access import Actor, Role, authorize
from panacea.platform.errors import Forbidden, NotAuthenticated
from panacea.platform.keys import MalformedKey, owner_key, platform_key, tenant_key
from panacea.tenancy.access import Action


def test_every_tenant_key_starts_with_the_tenant_prefix():
    assert tenant_key("01TENANT", "ORDER", "42") == "T#01TENANT#ORDER#42"
    assert platform_key("TENANT", "01TENANT") == "P#TENANT#01TENANT"
    assert owner_key(None, "OUTBOX", "1") == "P#OUTBOX#1"


@pytest.mark.parametrize("part", ["", "a#b"])
def test_a_key_part_cannot_break_the_key(part):
    with pytest.raises(MalformedKey):
        tenant_key("01TENANT", part)


def test_a_tenant_id_cannot_smuggle_a_separator():
    with pytest.raises(MalformedKey):
        tenant_key("A#T#B", "X")


def test_a_tenant_user_never_holds_platform_powers():
    # Given a token of a tenant user who is somehow also in the platform_admin group
    claims = {"cognito:username": "u1", "custom:tenant_id": "T1", "cognito:groups": "platform_admin,owner"}
    # When the actor is built from it
    actor = Actor.from_claims(claims)
    # Then only the tenant role counts
    assert actor.roles == {Role.OWNER}
    with pytest.raises(Forbidden):
        authorize(actor, Action.MANAGE_TENANTS)


@pytest.mark.parametrize("groups", [["platform_admin"], "platform_admin"])
def test_groups_arrive_as_a_list_or_flattened(groups):
    actor = Actor.from_claims({"cognito:username": "admin", "cognito:groups": groups})
    assert actor.can(Action.MANAGE_TENANTS)
    assert actor.tenant_id is None


@pytest.mark.parametrize("context", [None, {}, {"tenant_id": "T1", "roles": "owner"}])
def test_no_verified_caller_means_not_authenticated(context):
    with pytest.raises(NotAuthenticated):
        Actor.from_context(context)


def test_the_authorizers_context_carries_the_actor_to_functions():
    # Given a verified owner of a tenant, and a partner key of the same tenant
    owner = Actor(user_id="u1", tenant_id="T1", roles=frozenset({Role.OWNER, Role.FINANCE}))
    key = Actor(user_id="apikey:K", tenant_id="T1", roles=frozenset({Role.LAB_OPERATOR}), via="api_key")
    # When each crosses API Gateway as the authorizer's flat string context
    # Then the function sees the same actor
    assert owner.as_context() == {"user_id": "u1", "tenant_id": "T1", "roles": "finance,owner", "via": "user"}
    assert Actor.from_context(owner.as_context()) == owner
    assert Actor.from_context(key.as_context()) == key


def test_a_context_with_a_tenant_never_carries_platform_powers():
    actor = Actor.from_context({"user_id": "u1", "tenant_id": "T1", "roles": "platform_admin,admin"})
    assert actor.roles == {Role.ADMIN}


def test_a_platform_admin_has_no_tenant_to_act_in():
    actor = Actor(user_id="admin", tenant_id=None, roles=frozenset({Role.PLATFORM_ADMIN}))
    with pytest.raises(Forbidden):
        _ = actor.tenant
