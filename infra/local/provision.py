"""Create, in moto, every resource the wiring declares: the same table, bus, rules, queues,
functions, state machines, user pool and schedules that the CDK app deploys."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from typing import Any

import boto3

from infra import wiring
from infra.local.invoke import ACCOUNT, REGION
from panacea.platform import isolation
from panacea.tenancy.tiers import LIMITS, PLATFORM, PLATFORM_PLAN, usage_key

STAGE = "local"
PREFIX = f"panacea-{STAGE}"
SENDER_EMAIL = "no-reply@panacea.local"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/{PREFIX}-runtime"
# Assumed (narrowed to one tenant) whenever a function acts for a tenant: the same code path
# as in the cloud, against moto's STS. moto does not enforce IAM; the session policies the
# functions ask for are checked by tests/unit/platform/test_tenant_scope_policy.py and, request by
# request, by the cross-tenant probe (tests/integration/platform/test_tenant_isolation.py).
TENANT_ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/{PREFIX}-tenant-data"
# The local Stripe keys, in a secret as in the cloud; the local Stripe sandbox knows them too.
STRIPE_SECRET_NAME = f"{PREFIX}-stripe"
STRIPE_SECRET_KEY = "sk_test_local_panacea_sandbox"  # noqa: S105 - a local sandbox's key, not a secret
STRIPE_WEBHOOK_SECRET = "whsec_local_panacea_sandbox"  # noqa: S105 - a local sandbox's key, not a secret
STRIPE_BILLING_WEBHOOK_SECRET = "whsec_local_panacea_billing"  # noqa: S105 - the billing endpoint's, locally
# The messaging providers: Twilio, WhatsApp and WeChat answer from the local messaging sandbox with its keys
# (panacea.platform.providers.credentials.SANDBOX, handed out when no secret names an account); SNS mobile
# push needs platform applications, made in moto, whose ARNs the platform's secret holds as in the cloud.
MESSAGING_SECRETS_PREFIX = f"{PREFIX}/messaging"
PUSH_SECRET_NAME = f"{MESSAGING_SECRETS_PREFIX}/platform/sns_push"


@dataclass
class QueueRefs:
    url: str
    arn: str
    dlq_url: str
    dlq_arn: str


@dataclass
class Resources:
    endpoint: str
    table: str = f"{PREFIX}-table"
    bus: str = PREFIX
    user_pool_id: str = ""
    user_pool_client_id: str = ""
    sender_email: str = SENDER_EMAIL
    queues: dict[str, QueueRefs] = field(default_factory=dict)
    functions: dict[str, str] = field(default_factory=dict)  # name → ARN
    state_machines: dict[str, str] = field(default_factory=dict)  # name → ARN
    schedules: list[str] = field(default_factory=list)
    usage_plans: dict[str, str] = field(default_factory=dict)  # tier (or "platform") → plan id
    buckets: dict[str, str] = field(default_factory=dict)  # wiring name → bucket name
    stripe_secret: str = ""  # the secret's ARN
    stripe_api_base: str | None = None  # the local Stripe sandbox
    messaging_sandbox: str | None = None  # the local messaging sandbox (Twilio, WhatsApp, WeChat)
    push_applications: dict[str, str] = field(default_factory=dict)  # fcm / apns → platform application ARN

    @property
    def issuer(self) -> str:
        return f"https://cognito-idp.{REGION}.amazonaws.com/{self.user_pool_id}"

    @property
    def jwks_url(self) -> str:
        return f"{self.endpoint}/{self.user_pool_id}/.well-known/jwks.json"

    def environment(self) -> dict[str, str]:
        """What every function finds in its environment (the CDK app sets the same names)."""
        return {
            "PANACEA_STAGE": STAGE,
            "PANACEA_TABLE": self.table,
            "PANACEA_EVENT_BUS": self.bus,
            "PANACEA_USER_POOL_ID": self.user_pool_id,
            "PANACEA_APP_CLIENT_IDS": self.user_pool_client_id,
            "PANACEA_JWKS_URL": self.jwks_url,
            "PANACEA_SENDER_EMAIL": self.sender_email,
            "PANACEA_TENANT_ROLE_ARN": TENANT_ROLE_ARN,
            **{b.environment: self.buckets.get(b.name, f"{PREFIX}-{b.name}") for b in wiring.BUCKETS},
            "PANACEA_STRIPE_SECRET": self.stripe_secret,
            **({"PANACEA_STRIPE_API_BASE": self.stripe_api_base} if self.stripe_api_base else {}),
            "PANACEA_MESSAGING_SECRETS_PREFIX": MESSAGING_SECRETS_PREFIX,
            **({"PANACEA_MESSAGING_SANDBOX": self.messaging_sandbox} if self.messaging_sandbox else {}),
            "POWERTOOLS_SERVICE_NAME": "panacea",
            "POWERTOOLS_METRICS_NAMESPACE": "Panacea",
        }


def _client(service: str, endpoint: str) -> Any:
    return boto3.session.Session().client(service, endpoint_url=endpoint, region_name=REGION)


def provision(endpoint: str, *, stripe_api_base: str | None = None, messaging_sandbox: str | None = None) -> Resources:
    res = Resources(endpoint=endpoint, stripe_api_base=stripe_api_base, messaging_sandbox=messaging_sandbox)
    _role(endpoint)
    _table(endpoint, res)
    _tenant_role(endpoint, res)
    _user_pool(endpoint, res)
    _client("sesv2", endpoint).create_email_identity(EmailIdentity=res.sender_email)
    _client("events", endpoint).create_event_bus(Name=res.bus)
    _buckets(endpoint, res)
    _stripe_secret(endpoint, res)
    _push_applications(endpoint, res)
    _usage_plans(endpoint, res)
    _functions(endpoint, res)
    _queues(endpoint, res)
    _workflows(endpoint, res)
    _schedules(endpoint, res)
    return res


def _usage_plans(endpoint: str, res: Resources) -> None:
    """One usage plan per tier (and the platform's), as the CDK app makes them."""
    apigateway = _client("apigateway", endpoint)
    for name, limit in [*((tier.value, limit) for tier, limit in LIMITS.items()), (PLATFORM_PLAN, PLATFORM)]:
        plan = apigateway.create_usage_plan(
            name=f"{PREFIX}-{name}",  # what panacea.platform.usage.plan_name looks for
            throttle={"rateLimit": limit.per_second, "burstLimit": limit.burst},
            quota={"limit": limit.per_day, "period": "DAY"},
        )
        res.usage_plans[name] = plan["id"]
    # The platform admins' key; tenants' keys are enrolled by their onboarding.
    key = apigateway.create_api_key(name=f"{PREFIX}-platform", value=usage_key(STAGE, PLATFORM_PLAN), enabled=True)
    apigateway.create_usage_plan_key(usagePlanId=res.usage_plans[PLATFORM_PLAN], keyId=key["id"], keyType="API_KEY")


def _stripe_secret(endpoint: str, res: Resources) -> None:
    """The Stripe keys' secret, as the CDK app makes it, holding the local sandbox's keys."""
    value = {
        "secret_key": STRIPE_SECRET_KEY,
        "webhook_secret": STRIPE_WEBHOOK_SECRET,
        "billing_webhook_secret": STRIPE_BILLING_WEBHOOK_SECRET,
    }
    made = _client("secretsmanager", endpoint).create_secret(Name=STRIPE_SECRET_NAME, SecretString=json.dumps(value))
    res.stripe_secret = made["ARN"]


def _push_applications(endpoint: str, res: Resources) -> None:
    """SNS mobile push's platform applications (FCM, APNs) and the platform's secret naming them."""
    sns = _client("sns", endpoint)
    for kind, platform in (("fcm", "GCM"), ("apns", "APNS_SANDBOX")):
        made = sns.create_platform_application(
            Name=f"{PREFIX}-{kind}", Platform=platform, Attributes={"PlatformCredential": f"local-{kind}-credential"}
        )
        res.push_applications[kind] = made["PlatformApplicationArn"]
    value = {f"{kind}_application_arn": arn for kind, arn in res.push_applications.items()}
    _client("secretsmanager", endpoint).create_secret(Name=PUSH_SECRET_NAME, SecretString=json.dumps(value))


def _buckets(endpoint: str, res: Resources) -> None:
    """Each bucket of the wiring, as the CDK app makes it (infra/stacks/storage.py): encrypted,
    closed to the public, incomplete uploads aborted, browsers allowed to POST. Not its TLS-only
    policy: the local endpoint speaks plain HTTP on loopback, and moto, which applies a bucket's
    Deny statements without their conditions, would refuse every request."""
    s3 = _client("s3", endpoint)
    for bucket in wiring.BUCKETS:
        name = f"{PREFIX}-{bucket.name}"
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
        s3.put_bucket_encryption(
            Bucket=name,
            ServerSideEncryptionConfiguration={
                "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
            },
        )
        s3.put_public_access_block(
            Bucket=name,
            PublicAccessBlockConfiguration={
                "BlockPublicAcls": True,
                "IgnorePublicAcls": True,
                "BlockPublicPolicy": True,
                "RestrictPublicBuckets": True,
            },
        )
        s3.put_bucket_lifecycle_configuration(
            Bucket=name,
            LifecycleConfiguration={
                "Rules": [
                    {
                        "ID": "abandoned-uploads",
                        "Status": "Enabled",
                        "Filter": {"Prefix": ""},
                        "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": bucket.abandoned_upload_days},
                    }
                ]
            },
        )
        s3.put_bucket_cors(
            Bucket=name,
            CORSConfiguration={
                "CORSRules": [
                    {
                        "AllowedMethods": ["GET", "POST"],
                        "AllowedOrigins": list(bucket.upload_origins),
                        "AllowedHeaders": ["*"],
                        "MaxAgeSeconds": 3000,
                    }
                ]
            },
        )
        res.buckets[bucket.name] = name


def _role(endpoint: str) -> None:
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ],
    }
    _client("iam", endpoint).create_role(RoleName=f"{PREFIX}-runtime", AssumeRolePolicyDocument=json.dumps(trust))


def _tenant_role(endpoint: str, res: Resources) -> None:
    """The tenant data role, as the CDK app makes it (infra/stacks/tenant_data.py): assumable by
    the functions' role, allowed item operations on tenant keys only."""
    table_arn, index_arns = isolation.table_arns(
        role_arn=TENANT_ROLE_ARN, region=REGION, table=res.table, indexes=wiring.TABLE.index_names
    )
    trust = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": ROLE_ARN}, "Action": "sts:AssumeRole"}],
    }
    name = TENANT_ROLE_ARN.rsplit("/", 1)[1]
    iam = _client("iam", endpoint)
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust), MaxSessionDuration=3600)
    iam.put_role_policy(
        RoleName=name,
        PolicyName="tenant-data",
        PolicyDocument=json.dumps(isolation.role_policy(table_arn=table_arn, index_arns=index_arns)),
    )


def _table(endpoint: str, res: Resources) -> None:
    t = wiring.TABLE
    names = t.key_attributes
    ddb = _client("dynamodb", endpoint)
    ddb.create_table(
        TableName=res.table,
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in names],
        KeySchema=[
            {"AttributeName": t.partition_key, "KeyType": "HASH"},
            {"AttributeName": t.sort_key, "KeyType": "RANGE"},
        ],
        GlobalSecondaryIndexes=[
            {
                "IndexName": name,
                "KeySchema": [
                    {"AttributeName": pk, "KeyType": "HASH"},
                    {"AttributeName": sk, "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
            for name, pk, sk in t.indexes
        ],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )
    ddb.update_time_to_live(
        TableName=res.table, TimeToLiveSpecification={"Enabled": True, "AttributeName": t.ttl_attribute}
    )


def _user_pool(endpoint: str, res: Resources) -> None:
    cognito = _client("cognito-idp", endpoint)
    pool = cognito.create_user_pool(
        PoolName=f"{PREFIX}-users",
        Schema=[{"Name": "tenant_id", "AttributeDataType": "String", "Mutable": False}],
        AutoVerifiedAttributes=["email"],
        UsernameConfiguration={"CaseSensitive": False},
        Policies={  # as the CDK app's pool (infra/stacks/directory.py)
            "PasswordPolicy": {
                "MinimumLength": 12,
                "RequireUppercase": True,
                "RequireLowercase": True,
                "RequireNumbers": True,
                "RequireSymbols": True,
                "TemporaryPasswordValidityDays": 3,
            }
        },
    )["UserPool"]
    res.user_pool_id = pool["Id"]
    res.user_pool_client_id = cognito.create_user_pool_client(
        UserPoolId=res.user_pool_id,
        ClientName=f"{PREFIX}-app",
        ExplicitAuthFlows=[
            "ALLOW_USER_PASSWORD_AUTH",
            "ALLOW_USER_SRP_AUTH",
            "ALLOW_REFRESH_TOKEN_AUTH",
            "ALLOW_ADMIN_USER_PASSWORD_AUTH",  # the identity API signs people in (and counts failures)
        ],
    )["UserPoolClient"]["ClientId"]
    for group in wiring.USER_GROUPS:
        cognito.create_group(GroupName=group, UserPoolId=res.user_pool_id)


def _code() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("README.txt", "runs in the local runtime's process; see infra/local/moto_bridge.py")
    return buffer.getvalue()


def _functions(endpoint: str, res: Resources) -> None:
    aws_lambda = _client("lambda", endpoint)
    code = _code()
    for fn in wiring.FUNCTIONS:
        created = aws_lambda.create_function(
            FunctionName=f"{PREFIX}-{fn.name}",
            Runtime="python3.12",
            Architectures=["arm64"],
            Role=ROLE_ARN,
            Handler=fn.handler,
            Code={"ZipFile": code},
            Timeout=fn.timeout_s,
            MemorySize=fn.memory_mb,
            Environment={"Variables": res.environment()},
        )
        res.functions[fn.name] = created["FunctionArn"]


def _queues(endpoint: str, res: Resources) -> None:
    sqs, events = _client("sqs", endpoint), _client("events", endpoint)
    for queue in wiring.QUEUES:
        dlq_url = sqs.create_queue(QueueName=f"{PREFIX}-{queue.name}-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        url = sqs.create_queue(
            QueueName=f"{PREFIX}-{queue.name}",
            Attributes={
                "VisibilityTimeout": str(queue.visibility_timeout_s),
                "RedrivePolicy": json.dumps(
                    {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": queue.max_receive_count}
                ),
            },
        )["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        res.queues[queue.name] = QueueRefs(url, arn, dlq_url, dlq_arn)
        if queue.events is None:  # the platform sends to it itself: no rule
            continue
        rule = f"{PREFIX}-{queue.name}"
        events.put_rule(Name=rule, EventBusName=res.bus, EventPattern=json.dumps(queue.events.as_dict()))
        events.put_targets(Rule=rule, EventBusName=res.bus, Targets=[{"Id": "queue", "Arn": arn}])


def definition(workflow: wiring.Workflow, function_arns: dict[str, str]) -> str:
    """The ASL file with each `${Substitution}` replaced by its function's ARN."""
    text = workflow.path.read_text()
    for placeholder, function_name in workflow.tasks.items():
        text = text.replace("${" + placeholder + "}", function_arns[function_name])
    return text


def _workflows(endpoint: str, res: Resources) -> None:
    sfn, events = _client("stepfunctions", endpoint), _client("events", endpoint)
    for workflow in wiring.WORKFLOWS:
        arn = sfn.create_state_machine(
            name=f"{PREFIX}-{workflow.name}", definition=definition(workflow, res.functions), roleArn=ROLE_ARN
        )["stateMachineArn"]
        res.state_machines[workflow.name] = arn
        if workflow.trigger:
            rule = f"{PREFIX}-{workflow.name}"
            events.put_rule(Name=rule, EventBusName=res.bus, EventPattern=json.dumps(workflow.trigger.as_dict()))
            events.put_targets(
                Rule=rule, EventBusName=res.bus, Targets=[{"Id": "workflow", "Arn": arn, "RoleArn": ROLE_ARN}]
            )


def _schedules(endpoint: str, res: Resources) -> None:
    scheduler = _client("scheduler", endpoint)
    for schedule in wiring.SCHEDULES:
        scheduler.create_schedule(
            Name=f"{PREFIX}-{schedule.name}",
            ScheduleExpression=schedule.expression,
            FlexibleTimeWindow={"Mode": "OFF"},
            Target={
                "Arn": res.functions[schedule.function],
                "RoleArn": ROLE_ARN,
                "Input": json.dumps(schedule.payload),
            },
        )
        res.schedules.append(schedule.name)
