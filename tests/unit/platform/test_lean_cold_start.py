"""What a cold start leaves out: Powertools' other event handlers, and the libraries a handler uses
only on some requests (imported with their first use). `make bench` measures what this saves."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import aws_lambda_powertools.event_handler  # noqa: F401 - loaded, as in any test process
import pytest

from infra import wiring
from panacea.platform.powertools import load_lazily

# Loaded only by a request that needs them, or by nothing at all.
LEFT_OUT = (
    "asyncio",  # Powertools' AppSync resolver and batch processor
    "aws_lambda_powertools.event_handler.appsync",
    "aws_lambda_powertools.utilities.batch",
    "aws_lambda_powertools.utilities.data_classes.aws_config_rule_event",
    "aws_lambda_powertools.event_handler.openapi.models",  # the docs function's document
    "email_validator",  # the first email address validated
    "phonenumbers",  # the first phone number read
    "ulid",  # the first id made
    "stripe",  # the first call to Stripe
    "babel",  # the first currency or country checked, or amount printed (CLDR's lists and digits)
    "aws_lambda_powertools.utilities.parameters",  # the first secret read
    "segno",  # the first QR code drawn (a share link's)
)


CHILD = (
    "import importlib, json, sys; importlib.import_module({module!r}); "
    "print(json.dumps([m for m in {left_out!r} if m in sys.modules]))"
)


def test_no_handler_imports_what_only_some_requests_use():
    # Given every function's handler module
    modules = sorted({function.module for function in wiring.FUNCTIONS})
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    # When each is imported in a fresh interpreter, as on a cold start
    loaded = {
        module: json.loads(
            subprocess.run(
                [sys.executable, "-c", CHILD.format(module=module, left_out=list(LEFT_OUT))],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for module in modules
    }
    # Then none of them loads what only some requests use
    assert {module: found for module, found in loaded.items() if found} == {}


def test_every_handler_module_loads_with_the_collector_held_and_ends_it():
    # Given every function's handler module, and the collector's threshold of a fresh interpreter
    modules = sorted({function.module for function in wiring.FUNCTIONS})
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = (
        "import gc, importlib, json; usual = gc.get_threshold(); importlib.import_module({module!r}); "
        "print(json.dumps({{'usual': gc.get_threshold() == usual, 'frozen': gc.get_freeze_count(), "
        "'young_collections': gc.get_stats()[0]['collections']}}))"
    )
    # When each is imported in a fresh interpreter, as on a cold start
    ended = {
        module: json.loads(
            subprocess.run(
                [sys.executable, "-c", child.format(module=module)], env=env, capture_output=True, text=True, check=True
            ).stdout
        )
        for module in modules
    }
    # Then each put the usual threshold back and froze what it loaded, having collected a few times at most
    assert {m: e for m, e in ended.items() if not e["usual"] or e["frozen"] < 10_000} == {}
    assert max(e["young_collections"] for e in ended.values()) < 20


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A throwaway package whose `__init__` re-exports from two submodules; what ran is logged."""
    files = {
        "lazy_probe_log.py": "RAN: list[str] = []\n",
        "lazy_probe/__init__.py": """
            import lazy_probe_log
            from .light import Light
            from lazy_probe.heavy import Heavy as Weighty
            lazy_probe_log.RAN.append("__init__")
            EXTRA = "defined by the __init__ itself"
        """,
        "lazy_probe/light.py": "class Light: ...\n",
        "lazy_probe/heavy.py": "import lazy_probe_log\nlazy_probe_log.RAN.append('heavy')\nclass Heavy: ...\n",
        "lazy_probe/plain.py": "VALUE = 1\n",
    }
    (tmp_path / "lazy_probe").mkdir()
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    yield importlib.import_module("lazy_probe_log").RAN
    for module in [m for m in sys.modules if m.startswith("lazy_probe")]:
        del sys.modules[module]


def test_a_lazily_loaded_package_gives_what_its_init_would_and_loads_only_that(package: list[str]):
    ran = package
    # Given a package registered without running its __init__
    load_lazily("lazy_probe")
    probe = sys.modules["lazy_probe"]
    # When a submodule and one re-exported name are imported from it
    imported = __import__("lazy_probe", fromlist=["Light", "plain"])  # what `from lazy_probe import …` does
    light, plain = imported.Light, imported.plain

    # Then they are the submodules' own, the other submodule is not loaded and the __init__ has not run
    assert light is sys.modules["lazy_probe.light"].Light
    assert plain.VALUE == 1
    assert ran == []
    # And a name re-exported under another name loads its own submodule
    assert probe.Weighty is sys.modules["lazy_probe.heavy"].Heavy
    assert ran == ["heavy"]
    # And a name only the __init__ defines runs the __init__, once, for it
    assert probe.EXTRA == "defined by the __init__ itself"
    assert ran == ["heavy", "__init__"]
    # And a name that is nowhere is an AttributeError, as for any module
    with pytest.raises(AttributeError):
        _ = probe.Nowhere


def test_a_package_already_loaded_is_left_as_it_is():
    # Given Powertools' event handler package, however it was loaded
    loaded = sys.modules["aws_lambda_powertools.event_handler"]

    # When it is registered lazily again
    load_lazily("aws_lambda_powertools.event_handler")
    # Then it is the same module, and every resolver it names is still there
    assert sys.modules["aws_lambda_powertools.event_handler"] is loaded
    assert loaded.AppSyncResolver.__module__ == "aws_lambda_powertools.event_handler.appsync"
    assert loaded.APIGatewayRestResolver.__module__ == "aws_lambda_powertools.event_handler.api_gateway"
