"""`make sdk`: the API's OpenAPI document, and the Python and TypeScript clients generated from it.

    python sdk/generate.py           write openapi.json, python/panacea_api_client and typescript/src/schema.d.ts
    python sdk/generate.py --check   regenerate into a temporary folder; name what differs (exit 1 if anything)

The document is merged from every `functions/<context>/api.py` (functions.platform.docs) in a
subprocess with a fixed dummy environment, so what is written depends on the code alone; it is
written sorted and indented, so its diffs read. The clients come from that file: the Python one
from openapi-python-client (the venv's), the TypeScript types from openapi-typescript
(sdk/typescript/node_modules, installed by `make`). The hand-written layers beside them
(sdk/python/panacea_sdk, sdk/typescript/src/*.ts but schema.d.ts) are left alone.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

SDK = Path(__file__).resolve().parent
ROOT = SDK.parent
BIN = Path(sys.executable).parent
DOCUMENT = "openapi.json"
PYTHON_PACKAGE = Path("python/panacea_api_client")
TYPESCRIPT_SCHEMA = Path("typescript/src/schema.d.ts")
GENERATED = [Path(DOCUMENT), PYTHON_PACKAGE, TYPESCRIPT_SCHEMA]
CACHES = {"__pycache__", ".ruff_cache", ".mypy_cache"}  # what running or checking the client leaves beside it

# What the document is built under: no real stage, table or secret is read to describe the API.
DUMMY_ENVIRONMENT = {
    "PANACEA_STAGE": "sdk",
    "PANACEA_TABLE": "panacea-sdk",
    "PANACEA_EVENT_BUS": "panacea-sdk",
    "AWS_REGION": "eu-west-2",
    "AWS_DEFAULT_REGION": "eu-west-2",
    "AWS_ACCESS_KEY_ID": "sdk",
    "AWS_SECRET_ACCESS_KEY": "sdk",
}
_BUILD_DOCUMENT = """
import json, sys
from functions.platform import docs
sys.stdout.write(json.dumps(json.loads(docs.document()), indent=2, sort_keys=True, ensure_ascii=False) + "\\n")
"""


def document() -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PANACEA_", "AWS_"))}
    environment |= DUMMY_ENVIRONMENT | {"PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "layers" / "core")])}
    built = subprocess.run(
        [sys.executable, "-c", _BUILD_DOCUMENT], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    if built.returncode:
        raise SystemExit(f"the OpenAPI document could not be built:\n{built.stderr}")
    return built.stdout


def by_context(document: dict[str, Any]) -> dict[str, Any]:
    """The document as the Python generator reads it: each operation tagged with its context and
    named by its function (`orders.place` → tag `orders`, id `place`), so the client's modules
    follow the stable operation ids (`panacea_api_client.api.orders.place`), not the display tags."""
    for operations in document["paths"].values():
        for operation in operations.values():
            context, _, name = str(operation["operationId"]).partition(".")
            operation["tags"], operation["operationId"] = [context], name
    return document


def python_client(document_path: Path, package: Path) -> None:
    """openapi-python-client, formatted by ruff with its own defaults (`--isolated`: the same code
    wherever it is written, whatever ruff configuration the folders above hold)."""
    config = SDK / "python" / "generator.json"
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "client"
        regrouped = Path(work) / "openapi.json"
        regrouped.write_text(json.dumps(by_context(json.loads(document_path.read_text(encoding="utf-8")))))
        _run(
            [
                str(BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(regrouped),
                "--meta",
                "none",
                "--config",
                str(config),
                "--output-path",
                str(out),
            ],
            cwd=Path(work),
        )
        if package.exists():
            shutil.rmtree(package)
        package.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(out, package)


def typescript_types(document_path: Path, schema: Path) -> None:
    tool = SDK / "typescript" / "node_modules" / ".bin" / "openapi-typescript"
    if not tool.exists():
        raise SystemExit(f"{tool} is missing: run `make sdk` (it installs sdk/typescript with npm ci)")
    schema.parent.mkdir(parents=True, exist_ok=True)
    _run([str(tool), str(document_path), "--output", str(schema), "--root-types"], cwd=SDK / "typescript")


def _run(command: list[str], *, cwd: Path) -> None:
    environment = os.environ | {"PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")


def generate(into: Path) -> None:
    """Every generated file, under `into` as under sdk/."""
    (into / DOCUMENT).write_text(document(), encoding="utf-8")
    python_client(into / DOCUMENT, into / PYTHON_PACKAGE)
    typescript_types(into / DOCUMENT, into / TYPESCRIPT_SCHEMA)


def differences(fresh: Path, committed: Path) -> list[str]:
    """The generated files that are not as committed (relative to sdk/)."""
    found: list[str] = []
    for generated in GENERATED:
        a, b = fresh / generated, committed / generated
        if a.is_file() or b.is_file():
            if not (a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)):
                found.append(str(generated))
            continue
        names = {p.relative_to(a) for p in a.rglob("*") if p.is_file() and not CACHES & set(p.parts)}
        names |= {p.relative_to(b) for p in b.rglob("*") if p.is_file() and not CACHES & set(p.parts)}
        found += [
            str(generated / name)
            for name in sorted(names)
            if not ((a / name).is_file() and (b / name).is_file() and filecmp.cmp(a / name, b / name, shallow=False))
        ]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare a fresh generation with what is committed")
    args = parser.parse_args(argv)
    if not args.check:
        generate(SDK)
        return 0
    with tempfile.TemporaryDirectory() as work:
        fresh = Path(work)
        (fresh / PYTHON_PACKAGE.parent).mkdir(parents=True)
        generate(fresh)
        stale = differences(fresh, SDK)
    if stale:
        sys.stderr.write("stale (run `make sdk`):\n" + "\n".join(f"  sdk/{name}" for name in stale) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
