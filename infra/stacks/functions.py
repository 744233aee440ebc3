"""One Lambda per `wiring.FUNCTIONS`: arm64 python3.12 with the core and deps layers, its own
log group and its own role, whose statements are derived from the function's grants and name
each resource they reach (the table and its indexes one by one, the bus, the user pool).

Tracing is Lambda's active tracing; no function imports the X-Ray SDK (it costs ~180 ms of
cold start, see `panacea.platform.observability`).

The functions a person waits on (every API function and the authorizer, `SNAP_STARTED`) start
from a SnapStart snapshot on stages that have it (`Stage.snap_start`): each deploy that changes one
publishes a version (Lambda runs its init and snapshots it), and API Gateway invokes the alias
`live`, which follows the newest version. After a restore, `panacea.platform.snapstart` drops what
must not be shared between environments restored from one snapshot. Other functions (queues,
streams, workflows, schedules) keep invoking $LATEST: nobody waits on their cold start.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from aws_cdk import Aws, Duration, RemovalPolicy
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra import wiring
from infra.stacks import bundling, cursors, data_keys, messaging, payments
from infra.stacks.bus import Bus
from infra.stacks.checks import acknowledge
from infra.stacks.cursors import CursorKey
from infra.stacks.data import Table
from infra.stacks.data_keys import DataKey
from infra.stacks.directory import Directory
from infra.stacks.messaging import EmailReports
from infra.stacks.payments import StripeKeys
from infra.stacks.stage import Stage
from infra.stacks.storage import Buckets

RUNTIME = lambda_.Runtime.PYTHON_3_12
ARCHITECTURE = lambda_.Architecture.ARM_64
SERVICE_NAME = "panacea"  # POWERTOOLS_SERVICE_NAME, as in panacea.platform.observability
METRICS_NAMESPACE = "Panacea"

# DynamoDB actions per grant. Transactions need no actions of their own: IAM checks each item's
# action (TransactWriteItems → PutItem / UpdateItem / DeleteItem / ConditionCheckItem; TransactGetItems →
# GetItem). Scan is granted to no one: no request path scans.
TABLE_READ_ACTIONS = ("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem")
TABLE_WRITE_ACTIONS = (
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:ConditionCheckItem",
)
# What panacea.platform.usage calls (GET keys and plans, POST keys and plan keys, DELETE plan keys).
USAGE_ACTIONS = ("apigateway:GET", "apigateway:POST", "apigateway:DELETE")
# What panacea.platform.storage's presigned POSTs and GETs are signed for, under a bucket's tenants/ prefix.
UPLOAD_ACTIONS = ("s3:PutObject", "s3:GetObject")
# What a presigned GET alone is signed for (a tenant's logo in the messages it renders).
READ_UPLOAD_ACTIONS = ("s3:GetObject",)
# What panacea.platform.task_tokens calls: answering a state that waits for a task token.
TASK_TOKEN_ACTIONS = ("states:SendTaskSuccess", "states:SendTaskFailure")
# What panacea.platform.directory calls.
DIRECTORY_ACTIONS = ("cognito-idp:AdminCreateUser", "cognito-idp:AdminAddUserToGroup")
# Everything identity's account flows call in panacea.platform.directory.
ACCOUNT_ACTIONS = (
    *DIRECTORY_ACTIONS,
    "cognito-idp:AdminRemoveUserFromGroup",
    "cognito-idp:AdminSetUserPassword",
    "cognito-idp:AdminInitiateAuth",
    "cognito-idp:AdminUserGlobalSignOut",
    "cognito-idp:AdminDisableUser",
    "cognito-idp:AdminEnableUser",
    "cognito-idp:AdminUpdateUserAttributes",
    "cognito-idp:AdminGetUser",
)
# What panacea.platform.queues calls on the queues a function `sends_to` (their URL by name, then batches).
QUEUE_SEND_ACTIONS = ("sqs:GetQueueUrl", "sqs:SendMessage")
# Codes and notices: email from the sender identity only; text messages to phone numbers only.
DEFAULT_SENDER = "no-reply@panacea.example"  # a deployment names its verified identity: -c sender_email=…
SMS_TO_PHONES_ONLY = (
    "Publishing a text message straight to a phone number has no resource ARN, so the Allow is on '*'; "
    "a Deny on every topic ARN leaves phone numbers as the only target."
)
SMS_AND_PUSH = (
    "sns:Publish is on '*': a text message to a phone number has no resource ARN, and app push publishes to "
    "endpoints made per device. No Deny on topics can stand beside push: IAM's '*' matches across '/', so "
    "every pattern that names a topic (arn:aws:sns:<region>:<account>:<topic>) also names an endpoint "
    "(…:endpoint/<platform>/<app>/<id>). Instead a Deny on any SNS resource of another account keeps "
    "publishing inside this one."
)
# How cdk-nag writes a resource of this account and region in a finding's id.
IN_ACCOUNT = "arn:<AWS::Partition>:{}:<AWS::Region>:<AWS::AccountId>"
# The messaging providers' credentials: one secret per provider for the platform, one per tenant and
# provider for a tenant's own senders, all under the stage's prefix (panacea.platform.providers).
MESSAGING_SECRETS = "messaging/"
MESSAGING_SECRETS_MADE_LATER = (
    "A tenant's messaging credentials are one secret per tenant and provider, made when the tenant brings "
    "its own senders (after this policy); the stage's messaging/ prefix is the narrowest name IAM can give "
    "them, and only GetSecretValue is allowed on it."
)
PUSH_APPLICATIONS_MADE_LATER = (
    "Push applications are the platform's or a tenant's own (named in its credentials, made in SNS after "
    "this policy); only CreatePlatformEndpoint is allowed on them, to register a member's device."
)

# Behind API Gateway: a person waits on their cold start, so they start from a SnapStart snapshot
# (a browser's preflight too: it is kept per URL, so a web app sends many).
SNAP_STARTED = frozenset({api.function for api in wiring.APIS} | {wiring.AUTHORIZER, wiring.PREFLIGHT})
LIVE_ALIAS = "live"  # what API Gateway invokes: the function's newest published version

# The docs function merges the OpenAPI document of every `functions/<context>/api.py`.
NEEDS_EVERY_CONTEXT = frozenset({"PlatformDocs"})

X_RAY_HAS_NO_RESOURCES = (
    "Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no "
    "resource-level permissions, so their resource is '*'; every other statement names its resource."
)


class Layers(Construct):
    def __init__(self, scope: Construct, id: str, *, stage: Stage) -> None:
        super().__init__(scope, id)
        self.core = self._layer("Core", stage.named("core"), "panacea, the shared library", bundling.core_layer_code())
        self.deps = self._layer("Deps", stage.named("deps"), "Third-party packages", bundling.deps_layer_code())

    def _layer(self, id: str, name: str, description: str, code: lambda_.Code) -> lambda_.LayerVersion:
        return lambda_.LayerVersion(
            self,
            id,
            layer_version_name=name,
            description=description,
            code=code,
            compatible_runtimes=[RUNTIME],
            compatible_architectures=[ARCHITECTURE],
            removal_policy=RemovalPolicy.DESTROY,  # a deployed function keeps the version it was given
        )

    @property
    def all(self) -> list[lambda_.ILayerVersion]:
        return [self.core, self.deps]


class PanaceaFunction(Construct):
    """A function of the wiring with its log group and its own role."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        spec: wiring.Function,
        stage: Stage,
        code: lambda_.Code,
        layers: list[lambda_.ILayerVersion],
        environment: Mapping[str, str],
        undelivered: sqs.IQueue,
        snap_start: bool = False,
    ) -> None:
        super().__init__(scope, id)
        self.spec = spec
        name = stage.named(spec.name)
        # A version replaced by a newer one is deleted: each version's snapshot is billed while it exists.
        published = lambda_.VersionOptions(removal_policy=RemovalPolicy.DESTROY)
        self.log_group = logs.LogGroup(
            self,
            "Logs",
            log_group_name=f"/aws/lambda/{name}",
            retention=stage.log_retention,
            removal_policy=stage.removal_policy,
        )
        grants = ", ".join(sorted(spec.grants)) or "no data access"
        self.role = iam.Role(
            self,
            "Role",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            description=f"{name}: {grants}",
        )
        self.log_group.grant_write(self.role)
        self.function = lambda_.Function(
            self,
            "Function",
            function_name=name,
            description=spec.description,
            runtime=RUNTIME,
            architecture=ARCHITECTURE,
            handler=spec.handler,
            code=code,
            layers=layers,
            memory_size=spec.memory_mb,
            timeout=Duration.seconds(spec.timeout_s),
            environment=dict(environment),
            role=self.role,
            log_group=self.log_group,
            tracing=lambda_.Tracing.ACTIVE,
            dead_letter_queue=undelivered,
            snap_start=lambda_.SnapStartConf.ON_PUBLISHED_VERSIONS if snap_start else None,
            current_version_options=published if snap_start else None,
        )
        # What its trigger invokes: the alias of its newest published version, or $LATEST without SnapStart.
        self.invoked: lambda_.IFunction = self.function
        if snap_start:
            self.invoked = lambda_.Alias(
                self,
                "Live",
                alias_name=LIVE_ALIAS,
                version=self.function.current_version,
                description="The newest published version (SnapStart restores it); what API Gateway invokes",
            )
        self.anywhere = [X_RAY_HAS_NO_RESOURCES]  # why each statement on '*' is there
        acknowledge(
            self.function,
            "AwsSolutions-L1",
            "Lambda runs python3.12 here on purpose: the layers are built for cp3.12 and the local "
            "runtime and tests run the same interpreter; moving runtime is a deliberate change.",
        )
        acknowledge(
            self.function,
            "Serverless-LambdaLatestVersion",
            "python3.12 is the runtime this platform builds its layers for and tests against (see AwsSolutions-L1).",
        )

    def allow(self, actions: tuple[str, ...], resources: list[str]) -> None:
        self.role.add_to_principal_policy(iam.PolicyStatement(actions=list(actions), resources=resources))

    def allow_anywhere(self, actions: tuple[str, ...], why: str) -> None:
        """Allow `actions` on '*', saying why (the role's one acknowledgment of '*' gathers the reasons)."""
        self.allow(actions, ["*"])
        self.anywhere.append(why)

    def acknowledge_wildcards(self) -> None:
        """Accept the role's statements on '*' (X-Ray's, and any `allow_anywhere`), with every reason."""
        acknowledge(self.role, "AwsSolutions-IAM5[Resource::*]", " ".join(self.anywhere))

    def read_uploads(self, buckets: Buckets, bucket: wiring.Bucket) -> None:
        """Get objects under the bucket's `tenants/` prefix (presigned GETs), and nothing else of it."""
        self.allow(READ_UPLOAD_ACTIONS, [buckets.bucket(bucket.name).arn_for_objects(f"{bucket.object_prefix}*")])
        self._acknowledge_tenants_prefix(buckets, bucket)

    def store_uploads(self, buckets: Buckets, bucket: wiring.Bucket) -> None:
        """Put and get objects under the bucket's `tenants/` prefix, and nothing else of it."""
        self.allow(UPLOAD_ACTIONS, [buckets.bucket(bucket.name).arn_for_objects(f"{bucket.object_prefix}*")])
        self._acknowledge_tenants_prefix(buckets, bucket)

    def _acknowledge_tenants_prefix(self, buckets: Buckets, bucket: wiring.Bucket) -> None:
        acknowledge(
            self.role,
            f"AwsSolutions-IAM5[Resource::<{buckets.logical_id(bucket.name)}.Arn>/{bucket.object_prefix}*]",
            "Object keys are made per tenant and per upload at request time (tenants/<tenant>/…); the prefix "
            "is the narrowest name IAM can give them, and only PutObject and GetObject (or GetObject alone, "
            "for a function that only reads) are allowed on it.",
        )

    def use_stripe(self, keys: StripeKeys) -> None:
        """Read the Stripe keys' secret, and only that secret; told its ARN."""
        self.allow(("secretsmanager:GetSecretValue",), [keys.arn])
        self.function.add_environment(payments.ENV_VARIABLE, keys.arn)

    def seal_cursors(self, key: CursorKey) -> None:
        """Read the cursor key's secret, and only that secret; told its ARN."""
        self.allow(("secretsmanager:GetSecretValue",), [key.arn])
        self.function.add_environment(cursors.ENV_VARIABLE, key.arn)

    def seal_data(self, key: DataKey) -> None:
        """Read the data keys' secret, and only that secret; told its ARN."""
        self.allow(("secretsmanager:GetSecretValue",), [key.arn])
        self.function.add_environment(data_keys.ENV_VARIABLE, key.arn)

    def allow_sms_to_phones(self) -> None:
        self.allow_anywhere(("sns:Publish",), SMS_TO_PHONES_ONLY)
        self.role.add_to_principal_policy(
            iam.PolicyStatement(effect=iam.Effect.DENY, actions=["sns:Publish"], resources=["arn:*:sns:*:*:*"])
        )

    def use_messaging(self, stage: Stage, sender_identities: list[str], email_reports: EmailReports) -> None:
        """The messaging providers (panacea.platform.providers): their credentials' secrets (the
        platform's and each tenant's, under the stage's messaging prefix), email from the sender
        identities through the stage's configuration set, SMS to phone numbers, and app push to the
        endpoints of the push applications (the platform's, or a tenant's own, named in its credentials)."""
        secrets = f"secret:{stage.prefix}/{MESSAGING_SECRETS}*"
        self.allow(
            ("secretsmanager:GetSecretValue",),
            [f"arn:{Aws.PARTITION}:secretsmanager:{Aws.REGION}:{Aws.ACCOUNT_ID}:{secrets}"],
        )
        acknowledge(self.role, f"AwsSolutions-IAM5[Resource::{IN_ACCOUNT.format('secretsmanager')}:{secrets}]",
                    MESSAGING_SECRETS_MADE_LATER)  # fmt: skip
        self.allow(("ses:SendEmail",), [*sender_identities, email_reports.arn()])
        self.function.add_environment(messaging.ENV_VARIABLE, email_reports.name)
        self.allow(("sns:CreatePlatformEndpoint",), [f"arn:{Aws.PARTITION}:sns:{Aws.REGION}:{Aws.ACCOUNT_ID}:app/*"])
        acknowledge(self.role, f"AwsSolutions-IAM5[Resource::{IN_ACCOUNT.format('sns')}:app/*]",
                    PUSH_APPLICATIONS_MADE_LATER)  # fmt: skip
        self.allow_anywhere(("sns:Publish",), SMS_AND_PUSH)
        self.role.add_to_principal_policy(
            iam.PolicyStatement(
                effect=iam.Effect.DENY,
                actions=["sns:Publish"],
                resources=["arn:*:sns:*:*:*"],
                # Only where SNS names the resource's account (never for a phone number): another account's.
                conditions={
                    "StringNotEquals": {"aws:ResourceAccount": Aws.ACCOUNT_ID},
                    "Null": {"aws:ResourceAccount": "false"},
                },
            )
        )

    def allow_usage_keys(self) -> None:
        """Usage keys and their plan memberships (panacea.platform.usage). Plan and key ids are
        made at deploy and onboarding time, after this policy, so the paths end in a wildcard."""
        base = f"arn:{Aws.PARTITION}:apigateway:{Aws.REGION}::"
        self.allow(
            USAGE_ACTIONS, [f"{base}/apikeys", f"{base}/apikeys/*", f"{base}/usageplans", f"{base}/usageplans/*"]
        )
        for path in ("apikeys/*", "usageplans/*"):
            acknowledge(
                self.role,
                f"AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/{path}]",
                "Onboarding creates each tenant's usage key and puts it in its tier's usage plan; their ids "
                "exist only after this policy, and API Gateway's management actions name them by path.",
            )


class Functions(Construct):
    """Every function of the wiring, by name."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        stage: Stage,
        table: Table,
        bus: Bus,
        directory: Directory,
        stripe: StripeKeys,
        cursor_key: CursorKey,
        data_key: DataKey,
        buckets: Buckets,
        undelivered: sqs.IQueue,
        email_reports: EmailReports,
        declared: tuple[wiring.Function, ...] = wiring.FUNCTIONS,
    ) -> None:
        super().__init__(scope, id)
        layers = Layers(self, "Layers", stage=stage)
        sender = str(self.node.try_get_context("sender_email") or DEFAULT_SENDER)
        sender_identities = [
            f"arn:{Aws.PARTITION}:ses:{Aws.REGION}:{Aws.ACCOUNT_ID}:identity/{identity}"
            for identity in (sender, sender.partition("@")[2])
        ]
        environment = {
            "PANACEA_STAGE": stage.name,
            "PANACEA_TABLE": table.name,
            "PANACEA_EVENT_BUS": bus.name,
            "PANACEA_USER_POOL_ID": directory.user_pool_id,
            "PANACEA_APP_CLIENT_IDS": directory.client.user_pool_client_id,
            "PANACEA_SENDER_EMAIL": sender,
            **{b.environment: buckets.bucket(b.name).bucket_name for b in wiring.BUCKETS},
            "POWERTOOLS_SERVICE_NAME": SERVICE_NAME,
            "POWERTOOLS_METRICS_NAMESPACE": METRICS_NAMESPACE,
            **wiring.RUNTIME_ENVIRONMENT,  # pydantic without its plugin scan
        }
        grants: dict[wiring.Grant, Callable[[PanaceaFunction], None]] = {
            wiring.Grant.READ_TABLE: lambda f: f.allow(TABLE_READ_ACTIONS, [table.arn, *table.index_arns]),
            wiring.Grant.WRITE_TABLE: lambda f: f.allow(TABLE_WRITE_ACTIONS, [table.arn]),
            wiring.Grant.PUBLISH_EVENTS: lambda f: f.allow(("events:PutEvents",), [bus.arn]),
            wiring.Grant.MANAGE_DIRECTORY: lambda f: f.allow(DIRECTORY_ACTIONS, [directory.arn]),
            wiring.Grant.MANAGE_ACCOUNTS: lambda f: f.allow(ACCOUNT_ACTIONS, [directory.arn]),
            wiring.Grant.SEND_EMAIL: lambda f: f.allow(("ses:SendEmail",), sender_identities),
            wiring.Grant.SEND_SMS: lambda f: f.allow_sms_to_phones(),
            wiring.Grant.MANAGE_USAGE: lambda f: f.allow_usage_keys(),
            wiring.Grant.USE_STRIPE: lambda f: f.use_stripe(stripe),
            wiring.Grant.SEAL_CURSORS: lambda f: f.seal_cursors(cursor_key),
            wiring.Grant.ANSWER_ORDER_FULFILMENT: lambda f: f.allow(
                TASK_TOKEN_ACTIONS, [state_machine_arn(stage.named("order-fulfilment"))]
            ),
            wiring.Grant.ANSWER_COMMISSION_SETTLEMENT: lambda f: f.allow(
                TASK_TOKEN_ACTIONS, [state_machine_arn(stage.named("commission-settlement"))]
            ),
            wiring.Grant.ANSWER_WITHDRAWAL_PAYOUT: lambda f: f.allow(
                TASK_TOKEN_ACTIONS, [state_machine_arn(stage.named("withdrawal-payout"))]
            ),
            wiring.Grant.ANSWER_SAMPLE_LOGISTICS: lambda f: f.allow(
                TASK_TOKEN_ACTIONS, [state_machine_arn(stage.named("sample-logistics"))]
            ),
            wiring.Grant.SEAL_DATA: lambda f: f.seal_data(data_key),
            wiring.Grant.STORE_UPLOADS: lambda f: f.store_uploads(buckets, wiring.UPLOADS),
            wiring.Grant.USE_MESSAGING: lambda f: f.use_messaging(stage, sender_identities, email_reports),
            wiring.Grant.READ_UPLOADS: lambda f: f.read_uploads(buckets, wiring.UPLOADS),
        }
        self.by_name: dict[str, PanaceaFunction] = {}
        for spec in declared:
            if {wiring.Grant.SEND_SMS, wiring.Grant.USE_MESSAGING} <= spec.grants:
                raise ValueError(f"{spec.name}: SEND_SMS denies every topic ARN, which would deny USE_MESSAGING's push")
            made = PanaceaFunction(
                self,
                spec.name,
                spec=spec,
                stage=stage,
                code=code_of(spec),
                layers=layers.all,
                environment=environment,
                undelivered=undelivered,
                snap_start=stage.snap_start and spec.name in SNAP_STARTED,
            )
            for grant in sorted(spec.grants):
                grants[grant](made)
            if spec.sends_to:
                made.allow(QUEUE_SEND_ACTIONS, [queue_arn(stage.named(queue)) for queue in spec.sends_to])
            made.acknowledge_wildcards()
            self.by_name[spec.name] = made

    @property
    def lambdas(self) -> dict[str, lambda_.Function]:
        return {name: made.function for name, made in self.by_name.items()}

    @property
    def invoked(self) -> dict[str, lambda_.IFunction]:
        """What each function's trigger invokes: its `live` alias where SnapStart is on, else $LATEST."""
        return {name: made.invoked for name, made in self.by_name.items()}


def state_machine_arn(name: str) -> str:
    """A state machine's ARN from its name: its functions are made before it (it invokes them), so
    their roles name it rather than refer to it."""
    return f"arn:{Aws.PARTITION}:states:{Aws.REGION}:{Aws.ACCOUNT_ID}:stateMachine:{name}"


def queue_arn(name: str) -> str:
    """A queue's ARN from its name: the queues are made after the functions (their consumers), so the
    roles of the functions that send to them name them rather than refer to them."""
    return f"arn:{Aws.PARTITION}:sqs:{Aws.REGION}:{Aws.ACCOUNT_ID}:{name}"


def code_of(spec: wiring.Function) -> lambda_.Code:
    """A function's asset: its context's entry points, or every context's for those that need them."""
    if spec.name in NEEDS_EVERY_CONTEXT:
        return bundling.all_functions_code()
    return bundling.function_code(spec.context)
