"""The committed SDKs are what `make sdk` generates from the code, and the TypeScript one type-checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TYPESCRIPT = ROOT / "sdk" / "typescript"
TSC = TYPESCRIPT / "node_modules" / ".bin" / "tsc"


def test_the_committed_document_and_clients_are_what_make_sdk_generates():
    # When the document and both clients are generated afresh into a temporary folder
    check = subprocess.run(
        [sys.executable, str(ROOT / "sdk" / "generate.py"), "--check"], capture_output=True, text=True, check=False
    )
    # Then nothing differs from sdk/ (else: run `make sdk` and commit what it writes)
    assert check.returncode == 0, check.stderr


def test_the_typescript_sdk_type_checks_against_the_generated_types():
    # Given the TypeScript SDK installed by `make` (npm ci in sdk/typescript)
    assert TSC.exists(), "sdk/typescript is not installed: run `make test` (or `make sdk`)"
    # When tsc checks it, its example included, Then it passes
    checked = subprocess.run([str(TSC), "--noEmit", "-p", str(TYPESCRIPT)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
