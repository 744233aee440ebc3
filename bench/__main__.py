"""`make bench` (`python -m bench`): cold start per function, then AWS requests per use case; then
distribution's, a gene-test order's and notifications' figures, each on a platform of its own in a
fresh process.

Prints the figures as tables and writes them to bench/results/latest.json. Nothing is
asserted: these are measurements to read and compare, not tests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from bench import coldstart, distribution, exports, gene_figures, gene_tests, report
from bench import requests as aws_requests


def progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="fresh processes per cold-start figure (default 9)")
    parts = ["coldstart", "requests", "export", "distribution", "gene-tests", "notifications"]
    parser.add_argument("--only", choices=parts, help="run one part only")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    started = time.perf_counter()
    if args.only == "notifications":
        from bench import notification_report, notifications  # noqa: PLC0415 - its own platform, in its own process

        progress("notifications: one per channel, bus to delivered receipt; a broadcast to 10,000 …")
        notes = notifications.measure(progress)
        print(notification_report.render(notes), end="\n\n", flush=True)
        path = report.write_json(None, None, None, time.perf_counter() - started, notifications=notes)
        print(f"figures written to {path.relative_to(path.parents[2])} ({time.perf_counter() - started:.0f}s)")
        return 0
    if args.only == "gene-tests":
        progress("gene tests: one order from checkout to report, and 10,000 kit barcodes by CSV …")
        genes = gene_tests.measure(progress)
        print(gene_figures.render(genes), end="\n\n", flush=True)
        path = report.write_json(None, None, None, time.perf_counter() - started, gene_tests=genes)
        print(f"figures written to {path.relative_to(path.parents[2])} ({time.perf_counter() - started:.0f}s)")
        return 0
    if args.only == "distribution":
        progress("distribution: requests and cost per use case, the thaw at 10,000 …")
        figures = distribution.measure(progress)
        print(report.distribution(figures), end="\n\n", flush=True)
        path = report.write_json(None, None, None, time.perf_counter() - started, distribution=figures)
        print(f"figures written to {path.relative_to(path.parents[2])} ({time.perf_counter() - started:.0f}s)")
        return 0
    cold = reqs = export = None
    if args.only in {None, "coldstart"}:
        progress("cold start …")
        cold = coldstart.measure(args.runs, progress)
        print(report.cold_start(cold), end="\n\n", flush=True)
    if args.only in {None, "requests"}:
        progress("AWS requests per use case …")
        reqs = aws_requests.measure(progress)
        print(report.requests(reqs), end="\n\n", flush=True)
    if args.only in {None, "export"}:
        progress("finance's Excel export at its cap …")
        export = exports.measure(progress)
        print(report.export(export), end="\n\n", flush=True)
    seconds = time.perf_counter() - started
    path = report.write_json(cold, reqs, export, seconds)
    print(f"figures written to {path.relative_to(path.parents[2])} ({seconds:.0f}s)")
    if args.only is None:  # each on a platform of its own, in a fresh process (the requests part's patches stay here)
        apart = ("distribution", "gene-tests", "notifications")
        return max(subprocess.call([sys.executable, "-m", "bench", "--only", part]) for part in apart)
    return 0


if __name__ == "__main__":
    sys.exit(main())
