"""The user directory: one Cognito user pool for every tenant.

A user's username is their Panacea user id and their tenant the immutable `custom:tenant_id`
(see `panacea.platform.directory`), so email is deliberately not a unique sign-in alias: the
same person may hold accounts at two tenants. Users are created by the platform (the identity
context's use cases), never by self sign-up, which would let a caller choose their tenant.
Roles are pool groups, one per `wiring.USER_GROUPS`.
"""

from __future__ import annotations

from aws_cdk import Duration
from aws_cdk import aws_cognito as cognito
from constructs import Construct

from infra import wiring
from infra.stacks.checks import acknowledge
from infra.stacks.stage import Stage


class Directory(Construct):
    def __init__(self, scope: Construct, id: str, *, stage: Stage) -> None:
        super().__init__(scope, id)
        self.user_pool = cognito.UserPool(
            self,
            "UserPool",
            user_pool_name=stage.named("users"),
            self_sign_up_enabled=False,
            sign_in_aliases=cognito.SignInAliases(username=True),
            sign_in_case_sensitive=False,
            auto_verify=cognito.AutoVerifiedAttrs(email=True),
            custom_attributes={"tenant_id": cognito.StringAttribute(mutable=False)},
            password_policy=cognito.PasswordPolicy(
                min_length=12,
                require_lowercase=True,
                require_uppercase=True,
                require_digits=True,
                require_symbols=True,
                temp_password_validity=Duration.days(3),
            ),
            mfa=cognito.Mfa.OPTIONAL,
            mfa_second_factor=cognito.MfaSecondFactor(otp=True, sms=False),
            account_recovery=cognito.AccountRecovery.EMAIL_ONLY,
            feature_plan=cognito.FeaturePlan.ESSENTIALS,
            deletion_protection=not stage.disposable,
            removal_policy=stage.removal_policy,
        )
        acknowledge(
            self.user_pool,
            "AwsSolutions-COG2",
            "MFA is optional: staff can enrol an authenticator app, but members (patients, customers) "
            "sign in to tenants' apps where a required second factor would shut many of them out.",
        )
        acknowledge(
            self.user_pool,
            "AwsSolutions-COG8",
            "The Essentials plan: the Plus plan's threat protection is billed per monthly active user "
            "across every tenant's members, a cost to decide per deployment rather than by default.",
        )
        self.client = self.user_pool.add_client(
            "AppClient",
            user_pool_client_name=stage.named("app"),
            # Apps sign in through the identity API (admin password auth, the tenant resolved by
            # slug first); the user password and SRP flows stay for tools. Refresh tokens always.
            auth_flows=cognito.AuthFlow(admin_user_password=True, user_password=True, user_srp=True),
            disable_o_auth=True,  # apps sign in with the auth flows above; no hosted UI, no implicit grant
            generate_secret=False,
            prevent_user_existence_errors=True,
        )
        self.groups = {
            name: cognito.UserPoolGroup(self, f"Group-{name}", user_pool=self.user_pool, group_name=name)
            for name in wiring.USER_GROUPS
        }

    @property
    def user_pool_id(self) -> str:
        return self.user_pool.user_pool_id

    @property
    def arn(self) -> str:
        return self.user_pool.user_pool_arn
