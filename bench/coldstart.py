"""Cold start: how long each function's handler module takes to import in a fresh interpreter.

Each figure is the median of N fresh processes (`python -c`, cwd the repository, PYTHONPATH
`.` and `layers/core`, as Lambda puts the function and its layers on the path). The child
times its own import with `time.perf_counter` and prints it, so process spawn and the
interpreter's start are left out; the interpreter alone is measured separately (wall clock of
`python -c pass`). Before timing, the project's sources are compiled with compileall and every
subject is imported once, so no run pays for writing .pyc files or a cold OS file cache.
Runs are interleaved (one of each subject per round) so that a noisy moment spreads evenly.

Figures are also given as a ratio to `import boto3`, measured the same way: the Lambda Python
runtime ships boto3, so "x boto3" reads the same on this machine and on a Lambda. The child also
reports the CPU time of its import (`time.process_time`): on a busy machine the wall clock adds the
time spent waiting for a core, the CPU time does not, so "cpu x boto3" is the steadier ratio.
Children run with the environment every function gets besides its resources
(`infra.wiring.RUNTIME_ENVIRONMENT`).

Beside each handler, its first request: a fresh process imports the handler (untimed), then hands
it one of the function's recorded sample events (`events/<Function>/`, `FIRST_REQUESTS`) twice,
against the wiring's resources in a moto server this process runs. The figure is the first
invocation's time minus the second's: what a new execution environment's first request pays on
top of a warm one (models built on first use, clients and connections made, modules imported on
first use). The samples name tenants and users the moto server does not hold, so most answers are
refusals or empty pages (the outcome is shown); the paths they take through the resolver, the
models and the clients are the ones every request takes.

`stripe` is imported on first use (panacea.platform.payments), not with the handler. For every
function that may use Stripe (its grants include `use_stripe`), what that first use adds is timed
the same way with the handler imported first and untimed: `import stripe`, and once the first
API call (the client, one request to a local Stripe sandbox this process serves, its answer).
"""

from __future__ import annotations

import compileall
import contextlib
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from infra import wiring
from infra.local.stripe_sandbox import StripeSandbox

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("functions", "layers/core", "infra")
CHILD = (
    "{prelude}\nimport time\nstarted, cpu = time.perf_counter(), time.process_time()\n{code}\n"
    "print(time.perf_counter() - started, time.process_time() - cpu)"
)
# The first request's child: the handler imported and the event read before anything is timed.
FIRST_REQUEST_CHILD = """
import json, time
from infra.local.invoke import LambdaContext
from {module} import {attr} as handler
event = json.loads(open({sample!r}).read())
if {authorization!r}:
    event["headers"]["Authorization"] = {authorization!r}
def invoke():
    started = time.perf_counter()
    try:
        answer = handler(event, LambdaContext({name!r}))
        outcome = str(answer.get("statusCode", "ok")) if isinstance(answer, dict) else "ok"
    except Exception as error:
        outcome = type(error).__name__
    return (time.perf_counter() - started) * 1000, outcome
(first, outcome), (second, _) = invoke(), invoke()
print(json.dumps({{"first_ms": first, "second_ms": second, "outcome": outcome}}))
"""
# The recorded sample each function's first request is timed with (reads where the function has one).
FIRST_REQUESTS = {
    "PlatformDocs": "health.json",
    "OutboxRelay": "tenant-created-insert.json",
    "TenancyApi": "own-tenant.json",
    "TenancySteps": "apply-defaults.json",
    "TenancyJobs": "stalled-onboardings.json",
    "IdentityAuthorizer": "signed-partner-request.json",  # with a bearer token instead (measure_first_requests)
    "IdentitySteps": "enrol-owner.json",
    "IdentityApi": "list-staff.json",
    "PromotionsApi": "available.json",
    "PaymentsWebhooks": "payment-intent-succeeded.json",
    "PaymentsApi": "list-payments.json",
    "CatalogApi": "browse-products.json",
    "OrdersApi": "my-orders.json",
    "OrdersSteps": "await-payment.json",
    "OrdersConsumers": "payment-succeeded.json",
    "AnalyticsConsumers": "tenant-created.json",
    "FinanceApi": "sales.json",
}
EVENTS = ROOT / "events"
LOCAL_REGION = "eu-west-2"  # infra.local.invoke.REGION
MARK = "import sys\nprint('-- bench: timed part --', file=sys.stderr)\n"
BOTO3 = "import boto3"
TRACER = "from aws_lambda_powertools import Tracer\nTracer()"
TRACED_API = "tenancy API with a Powertools Tracer()"
STRIPE = "stripe"
# The messaging providers' SDKs: loaded by the senders (and the callbacks' checks) on first use of their
# provider, never with a handler. What that first use adds, after the handler, per SDK.
PROVIDER_SDKS = {
    "twilio": "from twilio.rest import Client\nfrom twilio.http.http_client import TwilioHttpClient",
    "wechatpy": "from wechatpy import WeChatClient",
}
PROVIDER_FUNCTIONS = ("EngagementSenders", "EngagementWebhooks")
FIRST_REQUEST_RUNS = 5  # fresh processes per first-request figure (each imports a handler untimed)
STRIPE_KEY = "sk_test_bench"  # the local sandbox's, for the first-call figure
FIRST_CALL = (
    "client = stripe.StripeClient({key!r}, base_addresses={{'api': {url!r}}}, max_network_retries=0)\n"
    "client.v1.payment_intents.create({{'amount': 100, 'currency': 'gbp', 'allowed_payment_method_types': ['card']}})"
)


@dataclass
class Subject:
    """Something imported in a fresh interpreter and timed."""

    label: str
    code: str
    module: str | None = None  # the handler module of a function
    prelude: str = ""  # run before the timed part (imports that are not what is measured)
    samples_ms: list[float] = field(default_factory=list)
    cpu_samples_ms: list[float] = field(default_factory=list)  # the child's CPU time for the same runs
    heaviest: dict[str, float] = field(default_factory=dict)  # top packages by share of self time
    packages: list[str] = field(default_factory=list)  # every top-level package the import loads

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def median_cpu_ms(self) -> float:
        return statistics.median(self.cpu_samples_ms)

    def as_dict(self, boto3_ms: float, boto3_cpu_ms: float | None = None) -> dict[str, Any]:
        return {
            "label": self.label,
            "code": self.code,
            "module": self.module,
            **({"untimed_prelude": self.prelude} if self.prelude else {}),
            "median_ms": round(self.median_ms, 1),
            "ratio_to_boto3": round(self.median_ms / boto3_ms, 2),
            "min_ms": round(min(self.samples_ms), 1),
            "max_ms": round(max(self.samples_ms), 1),
            "samples_ms": [round(s, 1) for s in self.samples_ms],
            "median_cpu_ms": round(self.median_cpu_ms, 1),
            **({"cpu_ratio_to_boto3": round(self.median_cpu_ms / boto3_cpu_ms, 2)} if boto3_cpu_ms else {}),
            "self_time_share_by_package": self.heaviest,
        }


@dataclass
class FirstRequest:
    """A function's first request after its import, less its second (see the module docstring)."""

    function: str
    sample: str  # events/<Function>/<sample>
    authorization: str | None = None  # the sample's Authorization header replaced (the authorizer's bearer token)
    extra_ms: list[float] = field(default_factory=list)  # first minus second, per fresh process
    first_ms: list[float] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)

    @property
    def median_extra_ms(self) -> float:
        return statistics.median(self.extra_ms)

    @property
    def outcome(self) -> str:
        return Counter(self.outcomes).most_common(1)[0][0]

    def as_dict(self) -> dict[str, Any]:
        return {
            "function": self.function,
            "sample": f"events/{self.function}/{self.sample}"
            + (", with a bearer token from the local user pool" if self.authorization else ""),
            "outcome": self.outcome,
            "median_first_minus_second_ms": round(self.median_extra_ms, 1),
            "median_first_ms": round(statistics.median(self.first_ms), 1),
            "first_minus_second_ms": [round(s, 1) for s in self.extra_ms],
        }


@dataclass
class ColdStartFigures:
    runs: int
    interpreter_ms: list[float]
    boto3: Subject
    functions: list[tuple[wiring.Function, Subject]]
    comparisons: list[Subject]
    stripe: list[tuple[wiring.Function, Subject]]  # what a first use of Stripe adds, per function using it
    first_requests: dict[str, FirstRequest]  # by function name
    load_average: float  # 1-minute load before the bench began: other work on the machine adds noise
    providers: list[tuple[wiring.Function, Subject]] = field(default_factory=list)  # a provider SDK's first use

    @property
    def environment(self) -> dict[str, str]:
        return dict(wiring.RUNTIME_ENVIRONMENT)

    @property
    def noisy(self) -> bool:
        """The reference import varied by more than 30% between runs: the machine was busy."""
        return max(self.boto3.samples_ms) > 1.3 * self.boto3.median_ms

    def as_dict(self) -> dict[str, Any]:
        base = self.boto3.median_ms
        return {
            "runs": self.runs,
            "method": "median of fresh `python -c` processes; the child times its own import with "
            "time.perf_counter, so process spawn and interpreter start are excluded",
            "load_average_before": round(self.load_average, 2),
            "noisy": self.noisy,
            "interpreter_alone_ms": round(statistics.median(self.interpreter_ms), 1),
            "interpreter_alone_method": "wall clock of `python -c pass`, spawn included",
            "boto3_ms": round(base, 1),
            "boto3_cpu_ms": round(self.boto3.median_cpu_ms, 1),
            "environment": self.environment,
            "functions": [
                {"function": fn.name, **s.as_dict(base, self.boto3.median_cpu_ms)} for fn, s in self.functions
            ],
            "first_requests": [r.as_dict() for r in self.first_requests.values()],
            "comparisons": [s.as_dict(base) for s in self.comparisons],
            "stripe_first_use": [{"function": fn.name, **s.as_dict(base)} for fn, s in self.stripe],
            "stripe_at_cold_start": self.stripe_at_cold_start,
            "provider_sdk_first_use": [{"function": fn.name, **s.as_dict(base)} for fn, s in self.providers],
            "provider_sdks_at_cold_start": self.providers_at_cold_start,
        }

    @property
    def providers_at_cold_start(self) -> list[str]:
        """`function: sdk` for each handler that imports a messaging provider's SDK with itself."""
        return [f"{fn.name}: {sdk}" for fn, s in self.functions for sdk in PROVIDER_SDKS if sdk in s.packages]

    @property
    def stripe_at_cold_start(self) -> list[str]:
        """Functions whose handler imports `stripe` with itself (it should be on first use only)."""
        return [fn.name for fn, s in self.functions if STRIPE in s.packages]


class ColdStartFailed(RuntimeError):
    """A child process could not import its subject."""


def _environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **wiring.RUNTIME_ENVIRONMENT, **(extra or {})}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [".", "layers/core", env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child(code: str, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *extra, "-c", code],
        cwd=ROOT,
        env=_environment(env),
        capture_output=True,
        text=True,
        check=False,
    )


def time_import(subject: Subject) -> tuple[float, float]:
    """Milliseconds the child spent importing `subject` by its own clock, and of CPU."""
    done = _child(CHILD.format(prelude=subject.prelude, code=subject.code))
    if done.returncode != 0:
        raise ColdStartFailed(f"{subject.label}: {done.stderr.strip()[-2000:]}")
    wall, cpu = (float(part) * 1000 for part in done.stdout.strip().splitlines()[-1].split())
    return wall, cpu


def time_first_request(request: FirstRequest, environment: dict[str, str]) -> None:
    """One fresh process: import the handler, then time its sample event twice."""
    fn = wiring.function(request.function)
    module, attr = fn.handler.rsplit(".", 1)
    sample = str(EVENTS / fn.name / request.sample)
    code = FIRST_REQUEST_CHILD.format(
        module=module, attr=attr, sample=sample, name=fn.name, authorization=request.authorization
    )
    done = _child(code, env=environment)
    if done.returncode != 0:
        raise ColdStartFailed(f"{fn.name} first request: {done.stderr.strip()[-2000:]}")
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    request.first_ms.append(answer["first_ms"])
    request.extra_ms.append(answer["first_ms"] - answer["second_ms"])
    request.outcomes.append(answer["outcome"])


@contextlib.contextmanager
def local_aws() -> Iterator[tuple[dict[str, str], str]]:
    """The wiring's resources in a moto server on a free port: the environment a function is given,
    and a bearer token (a Cognito ID token of a user of the pool) for the authorizer's request."""
    from moto.server import ThreadedMotoServer  # noqa: PLC0415 - the first-request figures only

    from infra.local.provision import provision  # noqa: PLC0415
    from infra.local.runtime import LOCAL_CREDENTIALS  # noqa: PLC0415

    saved = dict(os.environ)
    os.environ.update(LOCAL_CREDENTIALS)  # provision's clients sign with them
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's per-request access log
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        url = f"http://127.0.0.1:{server.get_host_and_port()[1]}"
        resources = provision(url)
        _stop_at_the_bus(url, resources.bus)
        environment = {
            **LOCAL_CREDENTIALS,
            **resources.environment(),
            "AWS_ENDPOINT_URL": url,
            "POWERTOOLS_LOG_LEVEL": "WARNING",
        }
        yield environment, f"Bearer {_id_token(url, resources.user_pool_id, resources.user_pool_client_id)}"
    finally:
        server.stop()
        os.environ.clear()
        os.environ.update(saved)


def time_interpreter() -> float:
    started = time.perf_counter()
    _child("pass")
    return (time.perf_counter() - started) * 1000


def where_time_goes(subject: Subject, top: int = 4) -> tuple[dict[str, float], list[str]]:
    """Share of import self time per top-level package, from one `-X importtime` run, and every
    top-level package imported.

    The standard library is grouped as `stdlib`; only imports made by the subject count.
    """
    done = _child(MARK + subject.code, "-X", "importtime")
    if done.returncode != 0:
        raise ColdStartFailed(f"{subject.label}: {done.stderr.strip()[-2000:]}")
    timed = done.stderr.split("-- bench: timed part --", 1)[-1]
    self_us: Counter[str] = Counter()
    for line in timed.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        package = name.split(".")[0]
        self_us["stdlib" if package in sys.stdlib_module_names else package] += int(own)
    total = sum(self_us.values()) or 1
    heaviest = {package: round(100 * us / total, 1) for package, us in self_us.most_common(top)}
    return heaviest, sorted(self_us)


def subjects() -> tuple[Subject, list[tuple[wiring.Function, Subject]], list[Subject]]:
    boto3 = Subject("import boto3", BOTO3)
    functions = [(fn, Subject(fn.name, f"import {fn.module}", module=fn.module)) for fn in wiring.FUNCTIONS]
    api = wiring.function("TenancyApi").module
    comparisons = [
        Subject("Powertools Tracer() (imports the X-Ray SDK)", TRACER),
        Subject(TRACED_API, f"import {api}\n{TRACER}", module=api),
    ]
    return boto3, functions, comparisons


def stripe_subjects(sandbox_url: str) -> list[tuple[wiring.Function, Subject]]:
    """For every function that may use Stripe: `import stripe` after its handler; and, for the
    first of them, the first API call after that (the client, a request to the sandbox, its answer)."""
    using = [fn for fn in wiring.FUNCTIONS if wiring.Grant.USE_STRIPE in fn.grants]
    found = [
        (fn, Subject(f"{fn.name}: import stripe", "import stripe", module=fn.module, prelude=f"import {fn.module}"))
        for fn in using
    ]
    if using:
        fn = next((f for f in using if f.name == "OrdersApi"), using[0])
        call = FIRST_CALL.format(key=STRIPE_KEY, url=sandbox_url)
        first = Subject(
            f"{fn.name}: then its first API call", call, module=fn.module, prelude=f"import {fn.module}\nimport stripe"
        )
        found.append((fn, first))
    return found


def provider_subjects() -> list[tuple[wiring.Function, Subject]]:
    """For the functions that use messaging providers: each SDK's import after the handler."""
    found = []
    for name in PROVIDER_FUNCTIONS:
        fn = wiring.function(name)
        for sdk, code in PROVIDER_SDKS.items():
            found.append((fn, Subject(f"{fn.name}: {sdk} on first use", code, module=fn.module,
                                      prelude=f"import {fn.module}")))  # fmt: skip
    return found


def measure(runs: int, log: Callable[[str], None]) -> ColdStartFigures:
    load_average = os.getloadavg()[0]
    for source in SOURCES:
        compileall.compile_dir(ROOT / source, quiet=1)
    sandbox = StripeSandbox(secret_key=STRIPE_KEY, webhook_secret="whsec_bench")  # noqa: S106 - local only
    try:
        boto3, functions, comparisons = subjects()
        stripe = stripe_subjects(sandbox.serve())
        providers = provider_subjects()
        everything = [
            boto3,
            *(s for _, s in functions),
            *comparisons,
            *(s for _, s in stripe),
            *(s for _, s in providers),
        ]
        for subject in everything:  # warm: .pyc of third-party packages and the OS file cache
            time_import(subject)
        time_interpreter()
        for _, subject in functions:
            subject.heaviest, subject.packages = where_time_goes(subject)
        log(f"  cold start: {runs} rounds of {len(everything)} imports, each in a fresh interpreter")
        interpreter: list[float] = []
        for _ in range(runs):
            interpreter.append(time_interpreter())
            for subject in everything:
                wall, cpu = time_import(subject)
                subject.samples_ms.append(wall)
                subject.cpu_samples_ms.append(cpu)
    finally:
        sandbox.stop()
    first = measure_first_requests(max(1, min(runs, FIRST_REQUEST_RUNS)), log)
    return ColdStartFigures(runs, interpreter, boto3, functions, comparisons, stripe, first, load_average, providers)


def _stop_at_the_bus(url: str, bus: str) -> None:
    """Keep only the rules' queue targets: an event a sample publishes goes no further than a queue
    (moto runs no workflow or function target, and none should run while figures are taken)."""
    import boto3  # noqa: PLC0415

    events = boto3.session.Session().client("events", endpoint_url=url, region_name=LOCAL_REGION)
    for rule in events.list_rules(EventBusName=bus)["Rules"]:
        targets = events.list_targets_by_rule(Rule=rule["Name"], EventBusName=bus)["Targets"]
        elsewhere = [t["Id"] for t in targets if ":sqs:" not in t["Arn"]]
        if elsewhere:
            events.remove_targets(Rule=rule["Name"], EventBusName=bus, Ids=elsewhere)


def _id_token(url: str, pool: str, client: str) -> str:
    """An ID token of a user of the local pool (a member of no tenant the table holds: refused after its check)."""
    import boto3  # noqa: PLC0415

    cognito = boto3.session.Session().client("cognito-idp", endpoint_url=url, region_name=LOCAL_REGION)
    password = "Bench-Password-1"  # noqa: S105 - a local user pool's throwaway user
    cognito.admin_create_user(UserPoolId=pool, Username="bench", MessageAction="SUPPRESS")
    cognito.admin_set_user_password(UserPoolId=pool, Username="bench", Password=password, Permanent=True)
    answer = cognito.admin_initiate_auth(
        UserPoolId=pool,
        ClientId=client,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "bench", "PASSWORD": password},
    )
    token: str = answer["AuthenticationResult"]["IdToken"]
    return token


def first_request_sample(function: str) -> str | None:
    """The sample a function's first request is timed with: the chosen one, else its first (None: the
    function has no recorded sample yet, and no first-request figure)."""
    return FIRST_REQUESTS.get(function) or next(iter(sorted(p.name for p in (EVENTS / function).glob("*.json"))), None)


def measure_first_requests(runs: int, log: Callable[[str], None]) -> dict[str, FirstRequest]:
    samples = {fn.name: first_request_sample(fn.name) for fn in wiring.FUNCTIONS}
    requests = {name: FirstRequest(name, sample) for name, sample in samples.items() if sample}
    with local_aws() as (environment, bearer):
        if wiring.AUTHORIZER in requests:
            requests[
                wiring.AUTHORIZER
            ].authorization = bearer  # a person's token: the JWKS and its keys, then the standing
        log(f"  first requests: {runs} fresh processes per function, on the wiring's resources in moto")
        for _ in range(runs):
            for request in requests.values():
                time_first_request(request, environment)
    return requests
