"""A context's public face, loaded on first use.

A context's `__init__` names what other contexts may use. Importing any module of a context
runs its `__init__` first, so a face that imported its use cases eagerly would put the whole
context on the cold start of every function that touches one of its event models. Instead
the face maps each public name to the module that defines it, and loads that module when the
name is first read (PEP 562); a `TYPE_CHECKING` block beside it gives mypy the real types:

    if TYPE_CHECKING:
        from panacea.tenancy.logic import settings_of
    __all__ = ["settings_of"]
    __getattr__ = face(__name__, {"settings_of": "panacea.tenancy.logic"})
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def face(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """The module `__getattr__` of `package`, resolving each exported name from its module."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no public name {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(importlib.import_module(package), name, value)  # later reads skip this hook
        return value

    return __getattr__
