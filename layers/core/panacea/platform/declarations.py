"""What every context declares, collected: its actions and the roles that hold them
(`<context>/access.py`) and its section of a tenant's settings (`<context>/settings.py`). The
modules are found by name, the way the event catalogue finds each context's models, so a new
context is collected without editing anything.

A handler does not need this: a context's use cases import their own `access.py`, so the actions
they check are granted on the handler's cold start, and no other context's are loaded. Only what
shows or composes them all calls it: the docs page's permission matrix (`actions`) and tenancy's
`TenantSettings` (`settings_sections`, which imports only the small `settings.py` modules).
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import panacea
from panacea.platform.access import PERMISSIONS, Action
from panacea.platform.sections import SettingsSection

# The contexts built so far, in the order they were built: the permission matrix shows their
# actions in this order, and those of any later context after them, by the context's name.
BUILT = (
    "tenancy",
    "identity",
    "catalog",
    "promotions",
    "payments",
    "orders",
    "finance",
    "distribution",
    "records",
    "logistics",
    "engagement",
    "billing",
)


def contexts() -> list[str]:
    """Every context's package under `panacea` (the kernel is none), in the order shown above."""
    found = {m.name for m in pkgutil.iter_modules(panacea.__path__) if m.ispkg and m.name != "platform"}
    return sorted(found, key=lambda name: (BUILT.index(name) if name in BUILT else len(BUILT), name))


def declaring(module: str) -> list[str]:
    """The contexts that have `module` (e.g. "access"), each one's module imported."""
    found = []
    for context in contexts():
        if any((Path(path) / context / f"{module}.py").exists() for path in panacea.__path__):
            importlib.import_module(f"panacea.{context}.{module}")
            found.append(context)
    return found


def actions() -> list[Action]:
    """Every context's actions: context by context, each in the order its `access.py` lists them."""
    rank = {context: i for i, context in enumerate(declaring("access"))}

    def context_of(action: Action) -> str:
        return [*type(action).__module__.split("."), ""][1]  # panacea.<context>.access

    return sorted(PERMISSIONS.actions(), key=lambda action: rank.get(context_of(action), len(rank)))


def settings_sections() -> list[type[SettingsSection]]:
    """Every context's section of a tenant's settings, by name."""
    declaring("settings")
    return sorted(SettingsSection.registry.values(), key=lambda section: section.section_name)
