"""Powertools' REST resolver without the rest of its event handlers.

`aws_lambda_powertools.event_handler/__init__` imports every resolver Powertools ships (AppSync's
brings asyncio), and `utilities.data_classes/__init__` every event class (AWS Config's, Kafka's …):
together ~50 ms of each API function's cold start for code it never runs (`make bench`). Both
`__init__`s only re-export names from their submodules, so the two packages are registered here
without running them: a submodule imports as usual, and a name asked of the package is imported
from the submodule its `__init__` takes it from. What is never asked for is never loaded; what is
asked for is exactly what the `__init__` would have given.

Importing this module does it; `functions/__init__` imports it, so it precedes every handler's own
imports. Where those packages are already loaded, it changes nothing.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

LAZY_PACKAGES = ("aws_lambda_powertools.event_handler", "aws_lambda_powertools.utilities.data_classes")


def load_lazily(package: str) -> None:
    """Register `package` in `sys.modules` with its names resolved on first use, its `__init__` unrun."""
    if package in sys.modules:
        return
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(package)
    origins = _re_exports(package, Path(spec.origin).read_text())
    module = importlib.util.module_from_spec(spec)

    def name_on_first_use(name: str) -> Any:
        if name in origins:
            origin, original = origins[name]
            value = getattr(importlib.import_module(origin), original)
        elif importlib.util.find_spec(f"{package}.{name}") is not None:
            value = importlib.import_module(f"{package}.{name}")
        else:  # not a re-export nor a submodule: whatever else the __init__ defines, it runs once
            del module.__getattr__
            spec.loader.exec_module(module)  # type: ignore[union-attr]
            return getattr(module, name)
        setattr(module, name, value)
        return value

    module.__getattr__ = name_on_first_use  # type: ignore[method-assign]  # PEP 562
    sys.modules[package] = module
    parent, _, child = package.rpartition(".")
    if parent:
        setattr(importlib.import_module(parent), child, module)


def _re_exports(package: str, source: str) -> dict[str, tuple[str, str]]:
    """{name: (the module it is imported from, its name there)} for each `from … import` of an `__init__`."""
    origins: dict[str, tuple[str, str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom):
            base = package if node.level else ""
            if node.level > 1:
                base = base.rsplit(".", node.level - 1)[0]
            origin = ".".join(part for part in (base, node.module or "") if part)
            origins.update({alias.asname or alias.name: (origin, alias.name) for alias in node.names})
    return origins


def _install() -> None:
    for package in LAZY_PACKAGES:
        load_lazily(package)


_install()

__all__ = ["LAZY_PACKAGES", "load_lazily"]
