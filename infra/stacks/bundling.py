"""Lambda code and layers, bundled on this machine (no Docker).

Every asset is bundled by a local `ILocalBundling` and carries its own fingerprint: a hash of
exactly the files that go into it. The fingerprint is the asset's hash, so a function's code
changes only when its own context changes, and tests that skip bundling
(`aws:cdk:bundling-stacks: []`) still get the hashes a real synth gets, without running pip.

- function code: `functions/__init__.py` and `functions/<context>/` (the docs function takes all
  of `functions/`, because it imports every context's `api.py`);
- core layer: `python/panacea/...`, the shared library;
- deps layer: `python/...`, the third-party packages for Lambda's arm64 python3.12, minus those
  the runtime already provides (boto3 and its dependencies).

When the bundling interpreter is CPython 3.12, each asset also ships its bytecode, compiled with
unchecked hashes: Lambda's code directories are read-only, so without it every cold start
compiles every module it imports, and zipped assets carry fixed timestamps that would make
timestamp-checked bytecode look stale.
"""

from __future__ import annotations

import compileall
import functools
import hashlib
import importlib.metadata
import py_compile
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jsii
from aws_cdk import BundlingOptions, DockerImage, ILocalBundling
from aws_cdk import aws_lambda as lambda_

from infra.wiring import ROOT

FUNCTIONS_DIR = ROOT / "functions"
CORE_DIR = ROOT / "layers" / "core" / "panacea"
DEPS_REQUIREMENTS = ROOT / "layers" / "deps" / "requirements.txt"
LOCKED_VERSIONS = ROOT / "requirements.lock"  # pins the transitive dependencies too

PYTHON_VERSION = "3.12"
PLATFORM = "manylinux2014_aarch64"  # Lambda arm64

# Shipped by the Lambda python3.12 runtime. A copy in the layer would shadow the runtime's own
# and could mismatch the boto3 the runtime pairs it with; pynamodb only needs *a* botocore.
RUNTIME_PROVIDED = frozenset({"boto3", "botocore", "s3transfer", "jmespath", "python-dateutil", "six", "urllib3"})

_SKIPPED_PARTS = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache"})
# Bytecode is only worth shipping when it is the runtime's own version; part of every asset hash.
SHIPS_BYTECODE = (
    sys.implementation.name == "cpython" and f"{sys.version_info[0]}.{sys.version_info[1]}" == PYTHON_VERSION
)


def _files(source: Path) -> list[Path]:
    """The files of `source` (a file or a directory) that belong in an asset."""
    if source.is_file():
        return [source]
    return sorted(
        p for p in source.rglob("*") if p.is_file() and p.suffix != ".pyc" and not _SKIPPED_PARTS & set(p.parts)
    )


def fingerprint(kind: str, sources: Iterable[Path], *, root: Path = ROOT) -> str:
    """A hash of `kind` and the paths (relative to `root`) and contents of every file in `sources`."""
    digest = hashlib.sha256(f"{kind} bytecode={SHIPS_BYTECODE}".encode())
    for source in sources:
        for file in _files(source):
            digest.update(str(file.relative_to(root)).encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


@jsii.implements(ILocalBundling)
class CopyFiles:
    """Copies files and directories (paths relative to the repository) into the asset."""

    def __init__(self, placements: Sequence[tuple[Path, str]]) -> None:
        self.placements = placements  # (source, destination inside the asset)

    def try_bundle(self, output_dir: str, *, image: DockerImage, **_: Any) -> bool:
        out = Path(output_dir)
        for source, destination in self.placements:
            for file in _files(source):
                relative = Path(destination) if source.is_file() else Path(destination) / file.relative_to(source)
                (out / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, out / relative)
        compile_bytecode(out)
        return True


@jsii.implements(ILocalBundling)
class PipInstall:
    """Installs the layer's requirements for Lambda's platform into `python/`."""

    def __init__(self, requirements: Path, constraints: Path) -> None:
        self.requirements = requirements
        self.constraints = constraints

    def try_bundle(self, output_dir: str, *, image: DockerImage, **_: Any) -> bool:
        target = Path(output_dir) / "python"
        command = [
            sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
            "-r", str(self.requirements), "-c", str(self.constraints), "-t", str(target),  # compiled below
            "--platform", PLATFORM, "--only-binary=:all:", "--python-version", PYTHON_VERSION, "--implementation", "cp",
        ]  # fmt: skip
        subprocess.run(command, check=True)  # noqa: S603 - a fixed command line, no shell
        _remove_runtime_provided(target)
        compile_bytecode(target)
        return True


def compile_bytecode(directory: Path) -> None:
    """Compile every module under `directory` for the runtime, if this interpreter is its version."""
    if SHIPS_BYTECODE:
        compileall.compile_dir(str(directory), quiet=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)


def _remove_runtime_provided(target: Path) -> None:
    """Delete the distributions the runtime provides (every file their RECORD lists) and scripts."""
    root = target.resolve()
    for dist in importlib.metadata.distributions(path=[str(root)]):
        if dist.metadata["Name"].lower().replace("_", "-") not in RUNTIME_PROVIDED:
            continue
        for file in dist.files or []:
            path = (root / file).resolve()
            if path.is_relative_to(root) and path.is_file():
                path.unlink()
    shutil.rmtree(root / "bin", ignore_errors=True)  # console scripts: nothing runs them in a layer
    for directory in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()


def _bundled(source: Path, bundler: ILocalBundling, asset_hash: str) -> lambda_.Code:
    return lambda_.Code.from_asset(
        str(source),
        asset_hash=asset_hash,
        bundling=BundlingOptions(image=DockerImage.from_registry("unused"), local=bundler),
    )


# A new Code object per function (an asset binds to one stack); assets of equal hash are
# staged and bundled once. Fingerprints are computed once per process.


def function_code(context: str) -> lambda_.Code:
    """The code of a function of `context`: `functions/__init__.py` and `functions/<context>/`."""
    init, package = FUNCTIONS_DIR / "__init__.py", FUNCTIONS_DIR / context
    if not package.is_dir():
        raise ValueError(f"no functions/{context}/ for a function of context {context!r}")
    placements = [(init, "functions/__init__.py"), (package, f"functions/{context}")]
    return _bundled(FUNCTIONS_DIR, CopyFiles(placements), _fingerprint("functions", (init, package)))


def all_functions_code() -> lambda_.Code:
    """Every context's entry points (the docs function imports each `functions/*/api.py`)."""
    return _bundled(
        FUNCTIONS_DIR, CopyFiles([(FUNCTIONS_DIR, "functions")]), _fingerprint("functions", (FUNCTIONS_DIR,))
    )


def core_layer_code() -> lambda_.Code:
    return _bundled(CORE_DIR, CopyFiles([(CORE_DIR, "python/panacea")]), _fingerprint("core-layer", (CORE_DIR,)))


def deps_layer_code() -> lambda_.Code:
    kind = f"deps-layer {PLATFORM} cp{PYTHON_VERSION} without {sorted(RUNTIME_PROVIDED)}"
    return _bundled(
        DEPS_REQUIREMENTS.parent,
        PipInstall(DEPS_REQUIREMENTS, LOCKED_VERSIONS),
        _fingerprint(kind, (DEPS_REQUIREMENTS, LOCKED_VERSIONS)),
    )


@functools.cache
def _fingerprint(kind: str, sources: tuple[Path, ...]) -> str:
    return fingerprint(kind, sources)
