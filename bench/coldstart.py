"""Cold start: how long each function's handler module takes to import in a fresh interpreter.

Each figure is the median of N fresh processes (`python -c`, cwd the repository, PYTHONPATH
`.` and `layers/core`, as Lambda puts the function and its layers on the path). The child
times its own import with `time.perf_counter` and prints it, so process spawn and the
interpreter's start are left out; the interpreter alone is measured separately (wall clock of
`python -c pass`). Before timing, the project's sources are compiled with compileall and every
subject is imported once, so no run pays for writing .pyc files or a cold OS file cache.
Runs are interleaved (one of each subject per round) so that a noisy moment spreads evenly.

Figures are also given as a ratio to `import boto3`, measured the same way: the Lambda Python
runtime ships boto3, so "x boto3" reads the same on this machine and on a Lambda.

`stripe` is imported on first use (panacea.platform.payments), not with the handler. For every
function that may use Stripe (its grants include `use_stripe`), what that first use adds is timed
the same way with the handler imported first and untimed: `import stripe`, and once the first
API call (the client, one request to a local Stripe sandbox this process serves, its answer).
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from infra import wiring
from infra.local.stripe_sandbox import StripeSandbox

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("functions", "layers/core", "infra")
CHILD = "{prelude}\nimport time\nstarted = time.perf_counter()\n{code}\nprint(time.perf_counter() - started)"
MARK = "import sys\nprint('-- bench: timed part --', file=sys.stderr)\n"
BOTO3 = "import boto3"
TRACER = "from aws_lambda_powertools import Tracer\nTracer()"
TRACED_API = "tenancy API with a Powertools Tracer()"
STRIPE = "stripe"
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
    heaviest: dict[str, float] = field(default_factory=dict)  # top packages by share of self time
    packages: list[str] = field(default_factory=list)  # every top-level package the import loads

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)

    def as_dict(self, boto3_ms: float) -> dict[str, Any]:
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
            "self_time_share_by_package": self.heaviest,
        }


@dataclass
class ColdStartFigures:
    runs: int
    interpreter_ms: list[float]
    boto3: Subject
    functions: list[tuple[wiring.Function, Subject]]
    comparisons: list[Subject]
    stripe: list[tuple[wiring.Function, Subject]]  # what a first use of Stripe adds, per function using it
    load_average: float  # 1-minute load before the bench began: other work on the machine adds noise

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
            "functions": [{"function": fn.name, **s.as_dict(base)} for fn, s in self.functions],
            "comparisons": [s.as_dict(base) for s in self.comparisons],
            "stripe_first_use": [{"function": fn.name, **s.as_dict(base)} for fn, s in self.stripe],
            "stripe_at_cold_start": self.stripe_at_cold_start,
        }

    @property
    def stripe_at_cold_start(self) -> list[str]:
        """Functions whose handler imports `stripe` with itself (it should be on first use only)."""
        return [fn.name for fn, s in self.functions if STRIPE in s.packages]


class ColdStartFailed(RuntimeError):
    """A child process could not import its subject."""


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [".", "layers/core", env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child(code: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *extra, "-c", code],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        check=False,
    )


def time_import(subject: Subject) -> float:
    """Milliseconds the child spent importing `subject`, by its own clock."""
    done = _child(CHILD.format(prelude=subject.prelude, code=subject.code))
    if done.returncode != 0:
        raise ColdStartFailed(f"{subject.label}: {done.stderr.strip()[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1]) * 1000


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


def measure(runs: int, log: Callable[[str], None]) -> ColdStartFigures:
    load_average = os.getloadavg()[0]
    for source in SOURCES:
        compileall.compile_dir(ROOT / source, quiet=1)
    sandbox = StripeSandbox(secret_key=STRIPE_KEY, webhook_secret="whsec_bench")  # noqa: S106 - local only
    try:
        boto3, functions, comparisons = subjects()
        stripe = stripe_subjects(sandbox.serve())
        everything = [boto3, *(s for _, s in functions), *comparisons, *(s for _, s in stripe)]
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
                subject.samples_ms.append(time_import(subject))
    finally:
        sandbox.stop()
    return ColdStartFigures(runs, interpreter, boto3, functions, comparisons, stripe, load_average)
