"""Billing's public face: every name it lists resolves, and reading the face loads nothing else."""

from __future__ import annotations

import os
import subprocess
import sys

from panacea import billing


def test_every_public_name_resolves():
    # Given the names billing's face lists
    # When each is read
    found = {name: getattr(billing, name) for name in billing.__all__}
    # Then each is a real object of billing's own modules (a cached function by the function it wraps)
    modules = {name: getattr(getattr(value, "__wrapped__", value), "__module__", "") for name, value in found.items()}
    assert {name: m for name, m in modules.items() if not m.startswith("panacea.billing.")} == {}


def test_importing_the_face_loads_none_of_its_modules():
    # Given a fresh interpreter
    code = "import sys, panacea.billing; print(sorted(m for m in sys.modules if m.startswith('panacea.billing.')))"
    # When it imports billing's face
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    loaded = run.stdout.strip()
    # Then no module of billing is loaded until a name is read
    assert loaded == "[]"
