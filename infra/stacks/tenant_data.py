"""The stage's tenant data role: how a function reaches the table while it acts for one tenant.

A function that serves tenants assumes this role for each tenant it acts for, with a session
policy naming that tenant's leading keys (`panacea.platform.isolation`), so IAM, not only the
code, keeps one tenant's request away from another's items. The role itself allows, for any
tenant, at most:

    reads   GetItem, BatchGetItem, Query, ConditionCheckItem   on the table and each index   keys T#*, P#TENANT#*
    writes  PutItem, UpdateItem, DeleteItem, BatchWriteItem     on the table                  keys T#*

each under `ForAllValues:StringLike` on `dynamodb:LeadingKeys`. Only the roles of functions that
serve tenants may assume it; each of them is allowed `sts:AssumeRole` on it and is told its ARN
(`PANACEA_TENANT_ROLE_ARN`). Platform functions are neither.
"""

from __future__ import annotations

from collections.abc import Mapping

from aws_cdk import Duration
from aws_cdk import aws_iam as iam
from constructs import Construct

from infra import wiring
from infra.stacks.data import Table
from infra.stacks.functions import PanaceaFunction
from infra.stacks.stage import Stage
from panacea.platform import isolation

ENV_VARIABLE = "PANACEA_TENANT_ROLE_ARN"

# Functions with table access that act for the platform even while they handle something of one
# tenant: they keep their own role for everything. Every other function with table access
# serves tenants (a new function is confined by default).
PLATFORM_FUNCTIONS: Mapping[str, str] = {
    wiring.AUTHORIZER: "verifies every tenant's callers: reads API keys (P#APIKEY#…) and tenants' standing, "
    "records the signatures it has seen",
    "TenancySteps": "onboarding moves the tenant's registry entry (P#TENANT#…) and copies a parent partner's branding",
    "TenancyJobs": "walks the tenants in a status, across tenants",
    "TenancyPreflight": "answers browsers' preflights, which carry no credentials, from the registry of "
    "tenants' web origins (P#UNIQUE#tenant_origin#…)",
}
_TABLE_GRANTS = frozenset({wiring.Grant.READ_TABLE, wiring.Grant.WRITE_TABLE})


def serves_tenants(spec: wiring.Function) -> bool:
    """Whether a function reaches the table for tenants, and so must do it as them."""
    return bool(spec.grants & _TABLE_GRANTS) and spec.name not in PLATFORM_FUNCTIONS


class TenantData(Construct):
    def __init__(
        self, scope: Construct, id: str, *, stage: Stage, table: Table, functions: Mapping[str, PanaceaFunction]
    ) -> None:
        super().__init__(scope, id)
        self.serving = {name: made for name, made in functions.items() if serves_tenants(made.spec)}
        policy = isolation.role_policy(table_arn=table.arn, index_arns=table.index_arns)
        self.role = iam.Role(
            self,
            "Role",
            assumed_by=iam.CompositePrincipal(*(iam.ArnPrincipal(f.role.role_arn) for f in self.serving.values())),
            description=f"{stage.prefix}: assumed per tenant, with a session policy naming that tenant's keys",
            max_session_duration=Duration.hours(1),  # a role assumed from a role gets an hour at most anyway
            inline_policies={"TenantKeys": iam.PolicyDocument.from_json(policy)},
        )
        for made in self.serving.values():
            self.role.grant_assume_role(made.role)
            made.function.add_environment(ENV_VARIABLE, self.role.role_arn)
