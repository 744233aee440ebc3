"""The wiring of Panacea, declared once.

Which function serves which routes, which events feed which queues, which tasks each state
machine calls, which schedules exist, and what each function may touch. The CDK app
(`infra/stacks/`) turns this into CloudFormation; the local runtime (`infra/local/`) runs the
same declaration on moto; `tests/infra/test_wiring_agrees.py` proves the two agree.

Routes are not repeated here: each API function's resolver declares them, and `routes()`
reads them from it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from panacea.platform import schema

ROOT = Path(__file__).resolve().parent.parent


class Grant(StrEnum):
    """What a function may touch. Each becomes a least-privilege IAM statement."""

    READ_TABLE = "read_table"
    WRITE_TABLE = "write_table"
    PUBLISH_EVENTS = "publish_events"
    MANAGE_DIRECTORY = "manage_directory"  # Cognito: create a user and put them in groups (onboarding)
    MANAGE_ACCOUNTS = "manage_accounts"  # Cognito: the whole account life (sign-in, passwords, roles, standing)
    SEND_EMAIL = "send_email"  # SES: send from the sender identity (panacea.platform.messaging)
    SEND_SMS = "send_sms"  # SNS: publish to phone numbers (panacea.platform.messaging)
    MANAGE_USAGE = "manage_usage"  # API Gateway usage keys and their plans (tiers' throttling)
    STORE_UPLOADS = "store_uploads"  # S3: put and get objects under tenants/ in the uploads bucket (platform.storage)
    USE_STRIPE = "use_stripe"  # Secrets Manager: read the Stripe keys' secret (panacea.platform.payments)
    ANSWER_ORDER_FULFILMENT = "answer_order_fulfilment"  # Step Functions: answer order-fulfilment's task tokens
    ANSWER_COMMISSION_SETTLEMENT = "answer_commission_settlement"  # Step Functions: commission-settlement's tokens
    SEAL_CURSORS = "seal_cursors"  # Secrets Manager: read the cursor key's secret (panacea.platform.cursors)
    ANSWER_WITHDRAWAL_PAYOUT = "answer_withdrawal_payout"  # Step Functions: answer withdrawal-payout's task tokens
    SEAL_DATA = "seal_data"  # Secrets Manager: read the data keys' secret (panacea.platform.sealing)
    ANSWER_SAMPLE_LOGISTICS = "answer_sample_logistics"  # Step Functions: answer sample-logistics' task tokens
    USE_MESSAGING = "use_messaging"  # the messaging providers: their secrets, SES, SNS (SMS, push endpoints)
    READ_UPLOADS = "read_uploads"  # S3: get objects under tenants/ in the uploads bucket (presigned GETs only)


@dataclass(frozen=True)
class Function:
    name: str
    handler: str  # "functions.<context>.<entry>.handler"
    description: str
    grants: frozenset[Grant] = frozenset()
    memory_mb: int = 512
    timeout_s: int = 15
    sends_to: tuple[str, ...] = ()  # queues of the wiring it sends to itself (IAM sqs:SendMessage on exactly those)

    @property
    def module(self) -> str:
        return self.handler.rsplit(".", 1)[0]

    @property
    def context(self) -> str:
        return self.handler.split(".")[1]


@dataclass(frozen=True)
class Api:
    """A function behind API Gateway. Its routes, and which of them are public (declared on the
    route with `security=PUBLIC`, which also tells the OpenAPI document), come from its resolver."""

    function: str


@dataclass(frozen=True)
class EventPattern:
    sources: tuple[str, ...]
    detail_types: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        pattern: dict[str, Any] = {"source": list(self.sources)}
        if self.detail_types:
            pattern["detail-type"] = list(self.detail_types)
        return pattern


@dataclass(frozen=True)
class Queue:
    """An SQS queue (with its dead-letter queue) fed by a bus rule, drained by a consumer; with no
    `events`, a queue the platform itself sends to (a function that `sends_to` it), with no rule."""

    name: str
    consumer: str
    events: EventPattern | None = None
    batch_size: int = 10
    max_receive_count: int = 5
    visibility_timeout_s: int = 90


@dataclass(frozen=True)
class Stream:
    """The table's stream, filtered, into a function."""

    function: str
    filter: dict[str, Any]
    batch_size: int = 100


@dataclass(frozen=True)
class Workflow:
    """A state machine from its ASL file; `tasks` maps each `${Substitution}` to a function."""

    name: str
    definition: str
    tasks: dict[str, str]
    trigger: EventPattern | None = None

    @property
    def path(self) -> Path:
        return ROOT / self.definition


@dataclass(frozen=True)
class Schedule:
    name: str
    expression: str  # rate(...) or cron(...), as EventBridge Scheduler takes them
    function: str
    payload: dict[str, Any] = field(default_factory=dict)


Table = schema.TableShape  # the table's shape is the kernel's: its items are built on it
TABLE = schema.TABLE

# Set on every function besides the stage's resources (the CDK app; `make bench` runs handlers
# with it). Pydantic otherwise scans every installed distribution for plugins when it builds its
# first model (~20 ms of a cold start); the platform uses none.
RUNTIME_ENVIRONMENT: dict[str, str] = {"PYDANTIC_DISABLE_PLUGINS": "__all__"}


@dataclass(frozen=True)
class Bucket:
    """An S3 bucket of the stage. Objects live under `tenants/<tenant>/…` (keys the platform makes,
    panacea.platform.storage); clients upload with presigned POSTs, read with presigned GETs."""

    name: str  # the stage's resource name is panacea-<stage>-<name> locally; CDK names it in AWS
    environment: str  # the variable that tells functions its name
    object_prefix: str = "tenants/"  # what the grant reaches: <bucket>/tenants/*
    abandoned_upload_days: int = 1  # incomplete uploads are aborted after this many days
    upload_origins: tuple[str, ...] = ("*",)  # browsers that may POST to it (CORS): the member and admin apps


UPLOADS = Bucket("uploads", environment="PANACEA_UPLOADS_BUCKET")
BUCKETS: tuple[Bucket, ...] = (UPLOADS,)
USER_GROUPS = (
    "platform_admin", "owner", "admin", "catalog_manager", "order_manager", "finance",
    "content_editor", "service_desk", "expert", "lab_operator", "member", "distributor",
)  # fmt: skip

_RW = frozenset({Grant.READ_TABLE, Grant.WRITE_TABLE})

# Engagement's queues the platform sends to itself (no bus rule): one per channel, the broadcasts' pages,
# the receipt checks. `panacea.platform.queues.send_batch` names them as here.
CHANNEL_QUEUES = ("engagement-sms", "engagement-whatsapp", "engagement-email", "engagement-wechat", "engagement-push")
BROADCAST_QUEUE = "engagement-broadcasts"
RECEIPT_QUEUE = "engagement-receipts"
# The contexts whose events may reach members (engagement's rules say which do, per tenant).
MEMBER_FACING_SOURCES = (
    "panacea.identity", "panacea.orders", "panacea.payments", "panacea.logistics", "panacea.records",
    "panacea.distribution", "panacea.promotions", "panacea.catalog", "panacea.care",
)  # fmt: skip
_LISTS = _RW | {Grant.SEAL_CURSORS}  # an API function whose routes page lists

FUNCTIONS: tuple[Function, ...] = (
    Function("PlatformDocs", "functions.platform.docs.handler", "Health, OpenAPI document and docs page"),
    Function("OutboxRelay", "functions.platform.outbox.handler", "Relays outbox items from the table stream to the bus",
             frozenset({Grant.PUBLISH_EVENTS})),
    Function("TenancyApi", "functions.tenancy.api.handler", "Tenants, settings, standing and API keys", _LISTS),
    Function("TenancySteps", "functions.tenancy.steps.handler", "Tenant onboarding tasks",
             _RW | {Grant.MANAGE_USAGE}),
    Function("TenancyJobs", "functions.tenancy.jobs.handler", "Marks stalled onboardings failed", _RW),
    Function("TenancyPreflight", "functions.tenancy.preflight.handler",
             "Answers browsers' CORS preflights from the tenants' registered web origins",
             frozenset({Grant.READ_TABLE}), memory_mb=256, timeout_s=5),
    Function("IdentityAuthorizer", "functions.identity.authorizer.handler",
             "Verifies tokens and signed API keys before any route runs", _RW),
    Function("IdentitySteps", "functions.identity.steps.handler", "Invites a tenant's first owner",
             _RW | {Grant.MANAGE_DIRECTORY, Grant.SEND_EMAIL}),
    Function("IdentityApi", "functions.identity.api.handler",
             "Registration, sign-in, profiles, addresses, staff, roles and the audit trail",
             _LISTS | {Grant.MANAGE_ACCOUNTS, Grant.SEND_EMAIL, Grant.SEND_SMS}),
    Function("PromotionsApi", "functions.promotions.api.handler",
             "Campaigns, coupons and single-use codes; what they take off an order", _LISTS),
    Function("PaymentsWebhooks", "functions.payments.webhooks.handler",
             "Stripe's signed webhooks: payments succeed, fail, are refunded or disputed",
             _RW | {Grant.USE_STRIPE}),
    Function("PaymentsApi", "functions.payments.api.handler", "Payments and refunds, for finance", _LISTS),
    Function("BillingWebhooks", "functions.billing.webhooks.handler",
             "Stripe Billing's signed webhooks: each tenant's entitlements rebuilt from Stripe's answers",
             _RW | {Grant.USE_STRIPE}),
    Function("BillingApi", "functions.billing.api.handler",
             "Plans, the tenant's entitlements, Checkout, plan changes, cancellation and the portal",
             _RW | {Grant.USE_STRIPE}),
    Function("BillingJobs", "functions.billing.jobs.handler",
             "Nightly: every tenant's entitlements reconciled with Stripe", _RW | {Grant.USE_STRIPE}, timeout_s=900),
    Function("CatalogApi", "functions.catalog.api.handler",
             "Stores, categories, tags, products, SKUs, prices, images and stock of the mall",
             _LISTS | {Grant.STORE_UPLOADS}),
    Function("OrdersApi", "functions.orders.api.handler",
             "Cart, checkout, members' orders, and staff's search, shipments, refunds and offline payments",
             _LISTS | {Grant.USE_STRIPE, Grant.ANSWER_ORDER_FULFILMENT}),
    Function("OrdersSteps", "functions.orders.steps.handler",
             "Order-fulfilment tasks: payment and shipment waits, expiry, vouchers, completion",
             _RW | {Grant.USE_STRIPE, Grant.ANSWER_ORDER_FULFILMENT}),
    Function("OrdersConsumers", "functions.orders.consumers.handler",
             "Moves orders on payments' events (paid, failed, refunded, disputed)",
             _RW | {Grant.USE_STRIPE, Grant.ANSWER_ORDER_FULFILMENT}),
    Function("AnalyticsConsumers", "functions.analytics.consumers.handler", "Counts events per tenant and day", _RW),
    # A whole vCPU (1,769 MB): an export at finance's cap (25,000 ledger lines) renders in ~10 s on
    # one core, which must fit, with its reads, in API Gateway's 29 s.
    Function("FinanceApi", "functions.finance.api.handler",
             "Sales by period, product, store and payment method, the period's orders, and their Excel export",
             frozenset({Grant.READ_TABLE, Grant.SEAL_CURSORS}), memory_mb=1769, timeout_s=28),
    Function("DistributionApi", "functions.distribution.api.handler",
             "Distributors and their codes, share links and QR codes, members' bindings and teams", _LISTS),
    # As FinanceApi's: a workbook at its cap (25,000 commissions or withdrawals) must render within 29 s.
    Function("DistributionWalletApi", "functions.distribution.wallet_api.handler",
             "Wallets, payout accounts, withdrawals and their review, statements, and their workbooks",
             _LISTS | {Grant.USE_STRIPE, Grant.SEAL_DATA, Grant.ANSWER_WITHDRAWAL_PAYOUT},
             memory_mb=1769, timeout_s=28),
    Function("DistributionConsumers", "functions.distribution.consumers.handler",
             "Binds registered members, reverses commission on refunds, tells settlement an order's outcome",
             _RW | {Grant.ANSWER_COMMISSION_SETTLEMENT}),
    Function("DistributionSteps", "functions.distribution.steps.handler",
             "Commission-settlement tasks: bind and accrue, await the outcome, freeze", _RW),
    Function("DistributionJobs", "functions.distribution.jobs.handler",
             "Makes frozen commission available when its time comes, in batches", _RW, timeout_s=300),
    Function("DistributionPayouts", "functions.distribution.payouts.handler",
             "Withdrawal-payout tasks: the review's wait and timeout, Stripe Connect transfers, money returned",
             _RW | {Grant.USE_STRIPE, Grant.ANSWER_WITHDRAWAL_PAYOUT}),
    # Filing a report reads its PDF back (up to 20 MB) and extracts its text with pypdf: a whole vCPU.
    Function("RecordsApi", "functions.records.api.handler",
             "Gene reports (upload, filing, release, search, reads audited) and members' own checkup records",
             _LISTS | {Grant.STORE_UPLOADS}, memory_mb=1769, timeout_s=28),
    Function("LogisticsApi", "functions.logistics.api.handler",
             "Collection points, their slots, appointments at them, kits, labs and their manifests",
             _LISTS | {Grant.SEAL_DATA}),
    Function("LogisticsWebhooks", "functions.logistics.webhooks.handler",
             "Labs' signed calls about their samples", _RW),
    Function("LogisticsKitConsumers", "functions.logistics.kit_consumers.handler",
             "Keeps paid orders' gene-test lines; posts a lab the manifest of a sample on its way",
             _RW | {Grant.SEAL_DATA}),
    Function("LogisticsConsumers", "functions.logistics.consumers.handler",
             "Records members' paid gene tests from orders' payments and refunds", _RW),
    Function("LogisticsSteps", "functions.logistics.steps.handler",
             "Sample-logistics tasks: each sample's waits, reminders and escalations, replacement kits, release",
             _RW | {Grant.ANSWER_SAMPLE_LOGISTICS, Grant.ANSWER_ORDER_FULFILMENT}),
    Function("LogisticsJourneys", "functions.logistics.journey_consumers.handler",
             "Moves the samples sample logistics follows on kits', labs', appointments', reports' and refunds' events",
             _RW | {Grant.ANSWER_SAMPLE_LOGISTICS}),
    Function("LogisticsJobs", "functions.logistics.jobs.handler",
             "Emits the reminders of confirmed appointments due the day before, once each", _RW, timeout_s=300),
    Function("EngagementApi", "functions.engagement.api.handler",
             "Notifications sent on request, their status and trail, members' own, and broadcasts to a tag",
             _LISTS, sends_to=(*CHANNEL_QUEUES, BROADCAST_QUEUE)),
    Function("EngagementFanout", "functions.engagement.consumers.handler",
             "Turns members' events into messages by the tenants' rules, onto the channels' queues",
             _RW, sends_to=CHANNEL_QUEUES),
    Function("EngagementBroadcasts", "functions.engagement.broadcasts.handler",
             "Sends a broadcast one page of its audience at a time, onto the channels' queues",
             _RW, timeout_s=60, sends_to=(*CHANNEL_QUEUES, BROADCAST_QUEUE)),
    Function("EngagementSenders", "functions.engagement.senders.handler",
             "Sends messages through their channel's providers, checks their receipts, walks the reachability chain",
             _RW | {Grant.PUBLISH_EVENTS, Grant.USE_MESSAGING, Grant.READ_UPLOADS}, timeout_s=60,
             sends_to=(*CHANNEL_QUEUES, RECEIPT_QUEUE)),  # emails show the tenant's logo (a presigned URL)
    Function("EngagementTemplatesApi", "functions.engagement.template_api.handler",
             "Notification rules per tenant, and templates per event, channel and language: versions, previews",
             _LISTS | {Grant.READ_UPLOADS}),  # previews show the logo (a presigned URL)
    Function("EngagementWebhooks", "functions.engagement.webhooks.handler",
             "Messaging providers' signed status callbacks and people's own messages",
             _RW | {Grant.PUBLISH_EVENTS, Grant.USE_MESSAGING}, sends_to=(*CHANNEL_QUEUES,)),
    Function("EngagementDeliveries", "functions.engagement.deliveries.handler",
             "Records AWS-native delivery events (SES's event destination, SNS SMS) as messages' statuses", _RW),
    Function("EngagementPreferencesApi", "functions.engagement.preference_api.handler",
             "Members' notification settings, devices, WeChat binding and marketing consent; audiences", _LISTS),
)  # fmt: skip

AUTHORIZER = "IdentityAuthorizer"  # runs before every route that is not public
PREFLIGHT = "TenancyPreflight"  # answers OPTIONS on every path that has a route (CORS preflights), publicly

APIS: tuple[Api, ...] = (
    Api("PlatformDocs"),
    Api("TenancyApi"),
    Api("IdentityApi"),
    Api("CatalogApi"),
    Api("PaymentsWebhooks"),
    Api("PaymentsApi"),
    Api("PromotionsApi"),
    Api("OrdersApi"),
    Api("FinanceApi"),
    Api("DistributionApi"),
    Api("DistributionWalletApi"),
    Api("RecordsApi"),
    Api("LogisticsApi"),
    Api("LogisticsWebhooks"),
    Api("EngagementApi"),
    Api("EngagementTemplatesApi"),
    Api("EngagementWebhooks"),
    Api("EngagementPreferencesApi"),
    Api("BillingWebhooks"),
    Api("BillingApi"),
)

STREAMS: tuple[Stream, ...] = (
    Stream("OutboxRelay", filter={"eventName": ["INSERT"], "dynamodb": {"NewImage": {"type": {"S": ["outbox"]}}}}),
)

QUEUES: tuple[Queue, ...] = (
    Queue("analytics", consumer="AnalyticsConsumers",
          events=EventPattern(sources=("panacea.tenancy", "panacea.identity"))),
    Queue("orders-payments", consumer="OrdersConsumers",
          events=EventPattern(sources=("panacea.payments",),
                              detail_types=("payment.succeeded", "payment.failed", "payment.refunded",
                                            "payment.disputed", "payment.canceled"))),
    Queue("distribution-events", consumer="DistributionConsumers",
          events=EventPattern(sources=("panacea.identity", "panacea.orders"),
                              detail_types=("member.registered", "order.completed", "order.refunded",
                                            "order.cancelled"))),
    Queue("logistics-events", consumer="LogisticsConsumers",
          events=EventPattern(sources=("panacea.orders",), detail_types=("order.paid", "order.refunded"))),
    Queue("logistics-kits", consumer="LogisticsKitConsumers",
          events=EventPattern(sources=("panacea.orders", "panacea.logistics"),
                              detail_types=("order.paid", "sample.in_transit"))),
    Queue("logistics-journeys", consumer="LogisticsJourneys",
          events=EventPattern(sources=("panacea.logistics", "panacea.records", "panacea.orders"),
                              detail_types=("kit.dispatched", "kit.registered", "sample.collected",
                                            "sample.in_transit", "sample.received_by_lab", "sample.processing",
                                            "sample.report_ready", "sample.error", "appointment.requested",
                                            "appointment.confirmed", "appointment.collected",
                                            "appointment.declined", "appointment.cancelled", "appointment.no_show",
                                            "report.released", "order.refunded"))),
    Queue("engagement-events", consumer="EngagementFanout", events=EventPattern(sources=MEMBER_FACING_SOURCES)),
    *(Queue(name, consumer="EngagementSenders", visibility_timeout_s=360) for name in CHANNEL_QUEUES),
    Queue(RECEIPT_QUEUE, consumer="EngagementSenders", visibility_timeout_s=360),
    Queue(BROADCAST_QUEUE, consumer="EngagementBroadcasts", batch_size=1, visibility_timeout_s=360),
    Queue("engagement-deliveries", consumer="EngagementDeliveries",
          events=EventPattern(sources=("aws.ses", "panacea.local.sns"))),
)  # fmt: skip

WORKFLOWS: tuple[Workflow, ...] = (
    Workflow(
        "tenant-onboarding",
        definition="statemachines/tenant-onboarding.asl.json",
        tasks={"TenancyStepsArn": "TenancySteps", "IdentityStepsArn": "IdentitySteps"},
        trigger=EventPattern(sources=("panacea.tenancy",), detail_types=("tenant.created",)),
    ),
    Workflow(
        "order-fulfilment",
        definition="statemachines/order-fulfilment.asl.json",
        tasks={"OrdersStepsArn": "OrdersSteps"},
        trigger=EventPattern(sources=("panacea.orders",), detail_types=("order.placed",)),
    ),
    Workflow(
        "commission-settlement",
        definition="statemachines/commission-settlement.asl.json",
        tasks={"DistributionStepsArn": "DistributionSteps"},
        trigger=EventPattern(sources=("panacea.orders",), detail_types=("order.paid",)),
    ),
    Workflow(
        "sample-logistics",
        definition="statemachines/sample-logistics.asl.json",
        tasks={"LogisticsStepsArn": "LogisticsSteps"},
        trigger=EventPattern(sources=("panacea.orders",), detail_types=("order.paid",)),
    ),
    Workflow(
        "withdrawal-payout",
        definition="statemachines/withdrawal-payout.asl.json",
        tasks={"DistributionPayoutsArn": "DistributionPayouts"},
        trigger=EventPattern(sources=("panacea.distribution",), detail_types=("withdrawal.requested",)),
    ),
)

SCHEDULES: tuple[Schedule, ...] = (
    Schedule("stalled-onboardings", "rate(1 hour)", "TenancyJobs", {"older_than_minutes": 60}),
    Schedule("commission-thaw", "rate(1 hour)", "DistributionJobs"),
    Schedule("appointment-reminders", "rate(1 hour)", "LogisticsJobs"),
    Schedule("billing-reconcile", "rate(1 day)", "BillingJobs"),
)


def function(name: str) -> Function:
    return next(f for f in FUNCTIONS if f.name == name)


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # OpenAPI style: /v1/tenants/{tenant_id}
    function: str
    public: bool
    documented: bool


def routes() -> list[Route]:
    """Every route of every API function, read from the resolvers that serve them, and on each of
    their paths an `OPTIONS` route to the preflight function: a browser's CORS preflight carries
    no credentials, so it is public, and undocumented (it is no operation of the API)."""
    found = []
    for api in APIS:
        app = importlib.import_module(function(api.function).module).app
        for route in app._static_routes + app._dynamic_routes:  # Powertools' route table
            public = route.security == []  # `security=PUBLIC`: no credentials, as OpenAPI says it
            found.append(Route(route.method, route.openapi_path, api.function, public, route.include_in_schema))
    paths = sorted({route.path for route in found})
    found += [Route("OPTIONS", path, PREFLIGHT, public=True, documented=False) for path in paths]
    return sorted(found, key=lambda r: (r.path, r.method))
