"""Printing the figures as compact tables, and writing them as JSON."""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench import commerce
from bench.coldstart import TRACED_API, ColdStartFigures
from bench.costs import per_million
from bench.distribution import DistributionFigures
from bench.exports import GATEWAY_TIMEOUT_S, LAMBDA_ANSWER_BYTES, ExportFigures
from bench.ledger import aws_only, stripe_only
from bench.requests import RequestFigures

if TYPE_CHECKING:
    from bench.gene_figures import GeneTestFigures

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], right: Sequence[int] = ()) -> str:
    """A plain text table; columns whose index is in `right` are right-aligned."""
    cells = [[str(c) for c in header], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]).rstrip(), rule, *(line(r).rstrip() for r in cells[1:])])


def operations(counted: Counter[str] | dict[str, int]) -> str:
    return ", ".join(f"{op} x{n}" if n > 1 else op for op, n in sorted(counted.items())) or "-"


def services(counted: Counter[str]) -> str:
    """Requests per service, most first: "3 dynamodb, 1 cognito-idp"."""
    per_service: Counter[str] = Counter()
    for operation, n in counted.items():
        per_service[operation.split(":", 1)[0]] += n
    return ", ".join(f"{n} {service}" for service, n in per_service.most_common()) or "-"


def spread(samples_ms: list[float]) -> str:
    return f"{min(samples_ms):.0f}..{max(samples_ms):.0f}"


def shares(heaviest: dict[str, float]) -> str:
    return ", ".join(f"{package} {share:.0f}%" for package, share in heaviest.items())


def cold_start(figures: ColdStartFigures) -> str:
    base, base_cpu = figures.boto3.median_ms, figures.boto3.median_cpu_ms
    interpreter = sorted(figures.interpreter_ms)[len(figures.interpreter_ms) // 2]
    rows = []
    for fn, s in figures.functions:
        first = figures.first_requests.get(fn.name)
        rows.append(
            [
                fn.name,
                f"{s.median_ms:.0f}",
                f"{s.median_ms / base:.2f}",
                f"{s.median_cpu_ms / base_cpu:.2f}",
                spread(s.samples_ms),
                f"+{first.median_extra_ms:.0f}" if first else "-",
                first.outcome if first else "",
                shares(s.heaviest),
            ]
        )
    api = next(s for fn, s in figures.functions if fn.name == "TenancyApi")
    comparisons = []
    for s in figures.comparisons:
        extra = f"+{s.median_ms - api.median_ms:.0f} ms over TenancyApi" if s.label == TRACED_API else ""
        comparisons.append(
            [
                s.label,
                f"{s.median_ms:.0f}",
                f"{s.median_ms / base:.2f}",
                spread(s.samples_ms),
                extra,
            ]
        )
    runs = len(next(iter(figures.first_requests.values())).extra_ms) if figures.first_requests else 0
    return "\n".join(
        [
            f"COLD START: import of each handler module in a fresh interpreter, median of {figures.runs} processes",
            "  timed inside the child (time.perf_counter around the import): process spawn and interpreter start are",
            "  excluded; .pyc compiled and every import run once beforehand. 'cpu x' is the same ratio in CPU time",
            "  (time.process_time), which a busy machine does not inflate. 'where the time goes' is the share of",
            "  import self time per package in one `python -X importtime` run. Children run with the functions'",
            f"  runtime environment ({', '.join(f'{k}={v}' for k, v in figures.environment.items())}).",
            "  'first request': a fresh process imports the handler, then runs a recorded sample event twice against",
            f"  the wiring's resources in moto; the first run's time minus the second's, median of {runs} processes",
            "  (the outcome is the first answer: the samples' tenants are not in the table).",
            f"  load average before the bench: {figures.load_average:.2f} on {os.cpu_count()} CPUs"
            + ("; NOISY RUN: import boto3 varied by over 30%, compare medians with care" if figures.noisy else ""),
            f"  interpreter alone (wall clock of `python -c pass`, spawn included): {interpreter:.0f} ms",
            f"  import boto3 (the reference, ratio 1.00): {base:.0f} ms, range {spread(figures.boto3.samples_ms)};"
            f" {base_cpu:.0f} ms of CPU",
            "",
            table(
                ["function", "ms", "x boto3", "cpu x", "range ms", "first request ms", "answer", "where the time goes"],
                rows,
                right=(1, 2, 3, 4, 5),
            ),
            "",
            "  for comparison (the platform uses Lambda active tracing, not the X-Ray SDK):",
            table(["import", "ms", "x boto3", "range ms", ""], comparisons, right=(1, 2, 3)),
            *stripe_first_use(figures),
            *provider_first_use(figures),
        ]
    )


def provider_first_use(figures: ColdStartFigures) -> list[str]:
    """What a messaging provider's SDK adds on its first use, after the handler (twilio, wechatpy)."""
    if not figures.providers:
        return []
    base = figures.boto3.median_ms
    rows = [[s.label, f"{s.median_ms:.0f}", f"{s.median_ms / base:.2f}", spread(s.samples_ms)]
            for _, s in figures.providers]  # fmt: skip
    at_cold_start = figures.providers_at_cold_start
    return [
        "",
        "  messaging providers' SDKs are imported on the first send (or callback) through their provider, not with",
        "  the handler; what that first use adds, with the handler imported first and untimed:",
        table(["import", "ms", "x boto3", "range ms"], rows, right=(1, 2)),
        "  provider SDKs imported at cold start, with the handler: " + (", ".join(at_cold_start) or "none"),
    ]


def stripe_first_use(figures: ColdStartFigures) -> list[str]:
    """What a container's first use of Stripe adds, for the functions that may use it."""
    if not figures.stripe:
        return []
    base = figures.boto3.median_ms
    handler = {fn.name: s.median_ms for fn, s in figures.functions}
    rows = [
        [
            s.label,
            f"{s.median_ms:.0f}",
            f"{s.median_ms / base:.2f}",
            spread(s.samples_ms),
            f"{100 * s.median_ms / handler[fn.name]:.0f}% of {fn.name}'s cold start",
        ]
        for fn, s in figures.stripe
    ]
    at_cold_start = figures.stripe_at_cold_start
    return [
        "",
        "  stripe is imported on a container's first use of Stripe (panacea.platform.payments), not with the",
        "  handler: what that first use adds, timed after importing the handler (untimed), for each function",
        "  that may use Stripe (grant use_stripe); the first API call is one request to a local Stripe sandbox",
        "  (the network round trip included, a millisecond or so here):",
        table(["first use", "ms", "x boto3", "range ms", ""], rows, right=(1, 2, 3)),
        "  stripe imported at cold start, with the handler: "
        + (", ".join(at_cold_start) + " (it should be imported on first use)" if at_cold_start else "by no function"),
    ]


def requests(figures: RequestFigures) -> str:
    rows = [[u.name, u.route, u.status, u.requests, operations(u.operations)] for u in figures.use_cases]
    identity_rows = [
        [
            u.name,
            u.route,
            u.status,
            u.requests,
            "-" if u.authorizer is None else u.authorizer_requests,
            u.requests + u.authorizer_requests,
            services(u.operations),
            "-" if u.authorizer is None else operations(u.authorizer),
        ]
        for u in figures.identity
    ]
    width = max(len(u.name) for u in figures.identity)
    identity_operations = [f"    {u.name.ljust(width)}  {operations(u.operations)}" for u in figures.identity]
    notes = [f"    {u.name}: {u.note}" for u in figures.identity if u.note and u.authorizer is not None]
    onboarding_rows = [[caller, sum(ops.values()), operations(ops)] for caller, ops in figures.onboarding.items()]
    workflow, consumers = figures.onboarding_requests()
    per_event = [
        [
            caller,
            f["invocations"],
            f["events"],
            f["requests"],
            f"{f['requests_per_event']:.2f}",
            operations(f["operations"]),
        ]
        for caller, f in figures.per_event.items()
    ]
    sign_in = figures.per_sign_in
    by_service = ", ".join(f"{n} {service}" for service, n in sorted(sign_in["sign_in_by_service"].items()))
    assumed = figures.assume_role
    lines = [
        "AWS REQUESTS PER USE CASE: counted on the local platform (moto) with botocore before-send hooks (one per",
        "  HTTP attempt) on every client the functions use: their own, the per-tenant ones made from STS",
        "  credentials, and pynamodb's shared connection. Background work (relay, workflow tasks, consumers) is",
        "  booked to its own function and not to the route.",
        "",
        "  tenancy: each route invoked once through its handler, with the context the authorizer would give:",
        table(["use case", "route", "status", "requests", "operations"], rows, right=(2, 3)),
        "",
        "  identity: each request sent as a client sends it, through the local gateway (route, authorizer,",
        "  function); 'fn' is the function's requests, 'authz' the authorizer's ('-': a public route, none ran).",
        "  API Gateway caches a bearer token's Allow for 60 s per Authorization value, so 'authz' is paid once",
        "  per new token per minute; a signed partner request is never cached and pays it every time.",
        table(
            ["use case", "route", "status", "fn", "authz", "total", "fn by service", "authorizer operations"],
            identity_rows,
            right=(2, 3, 4, 5),
        ),
        *notes,
        "  the function's operations:",
        *identity_operations,
        "",
        f"  AWS REQUESTS PER SIGN-IN: {sign_in['sign_in_requests']} ({by_service}): "
        + operations(sign_in["sign_in_operations"]),
        f"    then the first request with the new token: +{sign_in['first_request_authorizer']} in the authorizer ("
        + operations(sign_in["first_request_authorizer_operations"])
        + "), plus the user pool's signing keys fetched once per authorizer container",
        "",
        f"  STS AssumeRole over the whole run: {sum(assumed.values())} ("
        + (", ".join(f"{caller} x{n}" for caller, n in assumed.items()) or "none")
        + "); a tenant's session is assumed on a",
        "    process's first request for that tenant and kept for up to an hour. Locally every function shares one",
        "    process; on Lambda each container of each function assumes its own.",
        "",
        "  onboarding of the tenant created above (workflow tasks + relay), from its creation until the platform",
        "  went quiet after it became active; the API call itself and the status polls are not counted:",
        table(["function/task", "requests", "operations"], onboarding_rows, right=(1,)),
        f"  onboarding (workflow tasks + relay): {workflow} requests; plus {consumers} by queue consumers",
        "",
        "  per event, over the whole run (events are batched, so a busy moment costs less per event):",
        table(
            ["function", "invocations", "events", "requests", "per event", "operations"], per_event, right=(1, 2, 3, 4)
        ),
    ]
    lines += ["", *commerce_section(figures.commerce)]
    lines += [f"  WARNING: {w}" for w in figures.warnings]
    return "\n".join(lines)


def counts(counted: Counter[str] | dict[str, int]) -> str:
    """ "OutboxRelay 1, OrdersSteps/await_payment 2" (in the order given)."""
    return ", ".join(f"{name} {n}" for name, n in counted.items()) or "nothing"


def background_rows(step: commerce.Background, webhook_function: str) -> list[list[Any]]:
    """A row per webhook delivered (what the webhook function sent for it), then per caller."""
    rows: list[list[Any]] = [
        [
            f"{webhook_function} <- {d.event_type} ({d.status})",
            d.requests,
            d.stripe_calls,
            operations(d.operations),
        ]
        for d in step.deliveries
    ]
    for caller, ops in step.by_caller.items():
        if caller != webhook_function or not step.deliveries:
            rows.append([caller, sum(aws_only(ops).values()), sum(stripe_only(ops).values()), operations(ops)])
    return rows


def commerce_section(figures: commerce.CommerceFigures) -> list[str]:
    rows = [
        [
            u.name,
            u.route,
            u.status,
            u.requests,
            u.stripe_calls,
            "-" if u.authorizer is None else u.authorizer_requests,
            u.requests + u.authorizer_requests,
            services(aws_only(u.operations)),
        ]
        for u in figures.use_cases
    ]
    width = max(len(u.name) for u in figures.use_cases)
    by_use_case = [f"    {u.name.ljust(width)}  {operations(u.operations)}" for u in figures.use_cases]
    lines = [
        "  commerce: a member's journey, each request sent through the local gateway (route, authorizer,",
        "  function) on the tenant onboarded above, with a shop built beforehand (not counted); 'fn' is the",
        "  function's AWS requests, 'Stripe' its calls to Stripe's API (the local sandbox; not AWS requests,",
        "  counted apart), 'authz' the authorizer's. What each step set off in the background follows.",
        table(
            ["use case", "route", "status", "fn", "Stripe", "authz", "total", "fn by service"],
            rows,
            right=(2, 3, 4, 5, 6),
        ),
        f"    {commerce.FIRST_CHECKOUT}: Stripe's keys are read from Secrets Manager on a container's first use",
        "  the function's operations:",
        *by_use_case,
        "",
        "  in the background, from each step until the platform went quiet: each webhook the sandbox delivered",
        "  through the gateway (what the webhook function sent for it, and the answer's status), the relay,",
        "  queue consumers and workflow tasks:",
    ]
    for step in figures.background.values():
        lines += [
            f"  {step.step}: {step.requests} requests"
            + (f", {step.stripe_calls} Stripe calls" if step.stripe_calls else ""),
            table(
                ["webhook, function or task", "requests", "Stripe", "operations"],
                background_rows(step, figures.webhook_function),
                right=(1, 2),
            ),
        ]
    if commerce.CHECKOUT in {u.name for u in figures.use_cases} and commerce.AFTER_CHECKOUT in figures.background:
        checkout = figures.per_checkout
        lines += [
            "",
            f"  AWS REQUESTS PER CHECKOUT: {checkout['orders_api_requests']} in OrdersApi (starting the payment"
            f" included) + {checkout['authorizer_requests']} in the authorizer;"
            f" {checkout['stripe_calls']} Stripe call (" + operations(checkout["stripe_operations"]) + ")",
            f"    then {checkout['background_requests']} in the background ("
            + counts(checkout["background_by_caller"])
            + f"): {checkout['total_requests']} AWS requests in all",
        ]
    if commerce.PAYMENT in figures.background:
        webhook = figures.per_payment_webhook
        others = ", ".join(f"{d['event_type']} {d['requests']}" for d in webhook["other_deliveries"]) or "none"
        lines += [
            f"  AWS REQUESTS PER PAYMENT WEBHOOK: {webhook['webhook_requests']} in {figures.webhook_function} for"
            f" {commerce.PAYMENT_SUCCEEDED} ("
            + operations(webhook["webhook_operations"])
            + f"); other webhooks: {others}",
            f"    then {webhook['following_requests']} until fulfilment started and parked on its waits ("
            + counts(webhook["following_by_caller"])
            + f"): {webhook['total_requests']} AWS requests in all, {webhook['stripe_calls']} Stripe calls",
        ]
    if commerce.REFUND in {u.name for u in figures.use_cases} and commerce.AFTER_REFUND in figures.background:
        refund, after = figures.use_case(commerce.REFUND), figures.background[commerce.AFTER_REFUND]
        lines.append(
            f"  per refund: {refund.requests} in OrdersApi + {refund.authorizer_requests} in the authorizer, "
            f"{refund.stripe_calls} Stripe call; then {after.requests} in the background: "
            f"{refund.requests + refund.authorizer_requests + after.requests} AWS requests in all"
        )
    reads = sum(figures.secret_reads.values())
    lines += [
        f"  Stripe's keys (secretsmanager:GetSecretValue) read {reads} times over the whole run ("
        + (", ".join(f"{caller} x{n}" for caller, n in figures.secret_reads.items()) or "never")
        + "): once per process here,",
        "    where every function shares one; on Lambda once per container of each function that uses Stripe.",
    ]
    return lines


def export(figures: ExportFigures) -> str:
    mb = 1024 * 1024
    fits = figures.answer_bytes <= LAMBDA_ANSWER_BYTES and figures.add_up_s + figures.render_s < GATEWAY_TIMEOUT_S
    return "\n".join(
        [
            "FINANCE'S EXCEL EXPORT AT ITS CAP: the figures of a period added up and rendered in this process as",
            "  FinanceApi does (its DynamoDB reads not included); one core, as the function's 1,769 MB has.",
            table(
                ["ledger lines", "entries", "add up s", "render s", "runs s", "xlsx MB", "answer MB (base64)"],
                [
                    [
                        f"{figures.lines:,}",
                        f"{figures.entries:,}",
                        f"{figures.add_up_s:.2f}",
                        f"{figures.render_s:.2f}",
                        ", ".join(f"{r:.2f}" for r in figures.render_runs_s),
                        f"{figures.xlsx_bytes / mb:.2f}",
                        f"{figures.answer_bytes / mb:.2f}",
                    ]
                ],
                right=(0, 1, 2, 3, 5, 6),
            ),
            f"  inside Lambda's {LAMBDA_ANSWER_BYTES // mb} MB answer and API Gateway's {GATEWAY_TIMEOUT_S} s: "
            + ("yes" if fits else "NO"),
        ]
    )


def distribution(figures: DistributionFigures) -> str:
    rows = [
        [
            s.name,
            "-" if s.answer is None else s.answer,
            s.requests,
            services(s.operations),
            sum(s.invocations.values()),
            s.transitions,
            f"{s.units['dynamodb:WRU']:g}",
            f"{s.units['dynamodb:RRU']:g}",
            f"{s.units['events:entry']:g}",
            per_million(s.cost["total"]),
        ]
        for s in figures.steps
    ]
    by_caller = [
        f"    {s.name}: " + "; ".join(f"{caller} {operations(aws_only(ops))}" for caller, ops in s.by_caller.items())
        for s in figures.steps
    ]
    thaws = [
        [
            t.ordering,
            f"{t.shares:,}",
            f"{t.distributors:,}",
            t.dynamodb_requests,
            "yes" if t.dynamodb_requests <= 500 else "NO",
            len(t.transaction_items),
            "{min}/{mean}/{max}".format(**t.as_dict()["items_per_transaction"]),
            f"{t.seconds:.1f}",
            operations(t.operations),
            f"${t.cost['total']:.4f}",
        ]
        for t in figures.thaws
    ]
    lines = [
        "DISTRIBUTION: AWS requests per use case, from each step until the platform went quiet (the bench's own",
        "  calls apart), booked to the function or workflow task that sent them; list-price cost at AWS's us-east-1",
        "  on-demand prices (bench/costs.py: DynamoDB request units estimated from each request, Lambda invocations,",
        "  EventBridge entries, Step Functions state transitions; Lambda duration left out), per million operations.",
        table(
            [
                "use case",
                "status",
                "requests",
                "by service",
                "invocations",
                "transitions",
                "WRU",
                "RRU",
                "events",
                "$ per million",
            ],
            rows,
            right=(2, 4, 5, 6, 7, 8, 9),
        ),
        "  by caller:",
        *by_caller,
    ]
    if thaws:
        lines += [
            "",
            "  THE THAW AT SCALE: 10,000 due commissions of 1,000 distributors released by one run of the schedule's",
            "  job (its own requests; 'interleaved': commission i is distributor i mod 1,000's, as orders complete",
            "  across a network); issue 10 allows 500 DynamoDB requests.",
            table(
                [
                    "thaw times",
                    "due",
                    "distributors",
                    "DynamoDB requests",
                    "<= 500",
                    "transactions",
                    "items min/mean/max",
                    "job s",
                    "operations",
                    "list price",
                ],
                thaws,
                right=(1, 2, 3, 5, 7, 9),
            ),
        ]
    lines += [f"  WARNING: {w}" for w in figures.warnings]
    return "\n".join(lines)


def write_json(
    cold: ColdStartFigures | None,
    reqs: RequestFigures | None,
    export: ExportFigures | None,
    seconds: float,
    *,
    distribution: DistributionFigures | None = None,
    gene_tests: GeneTestFigures | None = None,
    notifications: Any = None,
) -> Path:
    """Write the figures; a part not measured this time (`--only`) keeps its previous figures."""
    try:
        document: dict[str, Any] = json.loads(RESULTS.read_text())
    except (OSError, ValueError):
        document = {}
    now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    document["machine"] = {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count()}
    document["generated_at"], document["seconds"] = now, round(seconds, 1)
    parts: tuple[tuple[str, Any], ...] = (
        ("cold_start", cold),
        ("requests", reqs),
        ("export", export),
        ("distribution", distribution),
        ("gene_tests", gene_tests),
        ("notifications", notifications),
    )
    for part, figures in parts:
        if figures is not None:
            document[part] = {"measured_at": now, **figures.as_dict()}
        document.setdefault(part, None)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(document, indent=2) + "\n")
    return RESULTS
