"""`make bench` (`python -m bench`): cold start per function, then AWS requests per use case.

Prints the figures as tables and writes them to bench/results/latest.json. Nothing is
asserted: these are measurements to read and compare, not tests.
"""

from __future__ import annotations

import argparse
import sys
import time

from bench import coldstart, exports, report
from bench import requests as aws_requests


def progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="fresh processes per cold-start figure (default 9)")
    parser.add_argument("--only", choices=["coldstart", "requests", "export"], help="run one part only")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    started = time.perf_counter()
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
