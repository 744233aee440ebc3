"""A function's cold start: Python's cyclic garbage collector is held back while its modules load.

Loading a handler makes ~50,000 objects that live as long as the process (modules, classes,
functions, models, boto3's service models); none of them is garbage, yet the collector runs over
them ~125 times while they are being made, ~5% of a handler's import (`make bench`). So
`functions/__init__`, which every handler module imports first, raises the collector's threshold
(`hold_collector`), and the entry point that ends each handler module (`lambda_entry`,
`consumer_entry`, `steps_entry`, or `loaded()` called by the module itself) puts the threshold back
and freezes what was loaded (`gc.freeze`): later collections, on requests, never walk it again.

The threshold is raised, not the collector switched off: a module that is imported without any
entry point (a test, a script) still collects, only rarely. Both happen once per process.
"""

from __future__ import annotations

import gc

HELD_THRESHOLD = 100_000  # allocations between young collections while loading (CPython's default: 2,000)


class _Load:
    """The process's one load: the threshold it held back, and whether it has ended."""

    held: tuple[int, ...] | None = None
    ended = False


def hold_collector() -> None:
    """Collect rarely until `loaded()`: called before a function's own imports."""
    if _Load.held is None and not _Load.ended:
        _Load.held = gc.get_threshold()
        gc.set_threshold(HELD_THRESHOLD, *_Load.held[1:])


def loaded() -> None:
    """The function's modules are in: the usual threshold again, and what was loaded frozen."""
    if _Load.held is not None:
        gc.set_threshold(*_Load.held)
        gc.freeze()
        _Load.held, _Load.ended = None, True


__all__ = ["HELD_THRESHOLD", "hold_collector", "loaded"]
