"""The house rules a parser can check (DESIGN.md: Layout, rules 10 and 11).

Every module under layers/core/panacea and functions/ is parsed with `ast`; every import is
read, also those inside functions and `if TYPE_CHECKING:` blocks, and every attribute read of
an imported face (`finance.sale_entry`).

- A context meets another only at its face: it imports `panacea.<other>` (the package) and
  the names its `__init__` lists in `__all__` (read from the source, not by importing it: the
  faces are lazy, `panacea.platform.faces`). Never its `dal`, `logic`, `models` or any other
  module.
- The kernel (`panacea.platform`) imports no context, and its modules import each other
  without a circle.
- `functions/<context>/` imports its own context and the kernel freely, other contexts only
  through their faces (their event models too), and no other context's functions.
- The layer does not import what is not shipped with it (functions, infra, tests, bench).
- No module under layers/ is longer than MODULE_LINES, no function longer than FUNCTION_LINES.

The allowlists below hold what was there when these rules were written down. They may only
shrink: a listed entry that no longer occurs fails the test too, so a fix also deletes its line.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator, Set
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYER = ROOT / "layers" / "core"
KERNEL = "platform"
SHIPPED_APART = ("functions", "infra", "tests", "bench")  # what the core layer cannot see in Lambda
MODULE_LINES = 500
FUNCTION_LINES = 60


# --- reading the code ------------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    """What a module imports: a module, or one `name` from a module (None: the module itself)."""

    module: str
    name: str | None
    line: int
    type_checking: bool = False  # inside `if TYPE_CHECKING:`: read by mypy, never run


class Codebase:
    """The modules of the layer and the functions: their names, files and sources (read once)."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files
        self._sources: dict[str, str] = {}
        self._exports: dict[str, frozenset[str]] = {}

    @classmethod
    def of(cls, *roots: tuple[Path, Path]) -> Codebase:
        files: dict[str, Path] = {}
        for top, base in roots:
            for path in sorted(top.rglob("*.py")):
                parts = path.relative_to(base).with_suffix("").parts
                files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
        return cls(files)

    def is_module(self, name: str) -> bool:
        return name in self.files

    def is_package(self, name: str) -> bool:
        return name in self.files and self.files[name].name == "__init__.py"

    def source(self, name: str) -> str:
        if name not in self._sources:
            self._sources[name] = self.files[name].read_text()
        return self._sources[name]

    def exports(self, package: str) -> frozenset[str]:
        """The names a package's `__init__` lists in `__all__` (none if it lists none)."""
        if package not in self._exports:
            tree = ast.parse(self.source(package)) if self.is_package(package) else ast.Module([], [])
            self._exports[package] = exported_names(tree)
        return self._exports[package]


def exported_names(tree: ast.Module) -> frozenset[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                return frozenset(ast.literal_eval(node.value))
    return frozenset()


CODEBASE = Codebase.of((LAYER / "panacea", LAYER), (ROOT / "functions", ROOT))


def imports_of(module: str, nodes: list[ast.AST], codebase: Codebase) -> Iterator[Import]:
    """Every import in the module (`nodes`: all of its syntax tree), wherever it is written."""
    checking = _type_checking_lines(nodes)
    package = module if codebase.is_package(module) else module.rpartition(".")[0]
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, None, node.lineno, node.lineno in checking)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            for alias in node.names:
                if codebase.is_module(f"{base}.{alias.name}"):
                    yield Import(f"{base}.{alias.name}", None, node.lineno, node.lineno in checking)
                else:
                    yield Import(base, alias.name, node.lineno, node.lineno in checking)


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = ".".join(parts[: len(parts) - node.level + 1])
    return f"{base}.{node.module}" if node.module else base


def _type_checking_lines(nodes: list[ast.AST]) -> set[int]:
    lines: set[int] = set()
    for node in nodes:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def face_reads(nodes: list[ast.AST], faces: dict[str, str]) -> Iterator[tuple[str, str, int]]:
    """(face package, name, line) for every `alias.name` read of a face bound to `alias`."""
    for node in nodes:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in faces:
            yield faces[node.value.id], node.attr, node.lineno


def _bound_faces(nodes: list[ast.AST], codebase: Codebase, module: str) -> dict[str, str]:
    """Local names bound to another context's face (`from panacea import finance`, `import
    panacea.finance as finance`)."""
    own = (context_of(module) or ("", ""))[1]
    bound: dict[str, str] = {}
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module == "panacea" and not node.level:
            named = [(alias.asname or alias.name, f"panacea.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            named = [(alias.asname, alias.name) for alias in node.names if alias.asname]
        else:
            continue
        for name, face in named:
            if codebase.is_package(face) and face.count(".") == 1 and face.split(".")[1] not in (own, KERNEL):
                bound[name] = face
    return bound


# --- the rules ---------------------------------------------------------------------------------


def context_of(module: str) -> tuple[str, str] | None:
    """('panacea' | 'functions', context) for a module of the layer or of the functions."""
    parts = module.split(".")
    if parts[0] in ("panacea", "functions") and len(parts) > 1:
        return parts[0], parts[1]
    return None


@dataclass(frozen=True, order=True)
class Crossing:
    importer: str
    imported: str  # a module, or module.name for a name the face does not export
    line: int
    rule: str


def crossings(module: str, source: str, codebase: Codebase = CODEBASE) -> list[Crossing]:
    """What `module` (with `source`) imports across a border it may not cross."""
    nodes = list(ast.walk(ast.parse(source)))
    found = [c for i in imports_of(module, nodes, codebase) if (c := _judge(module, i, codebase)) is not None]
    for face, name, line in face_reads(nodes, _bound_faces(nodes, codebase, module)):
        if name not in codebase.exports(face):
            found.append(Crossing(module, f"{face}.{name}", line, f"{face} does not export {name!r}"))
    return found


def _judge(module: str, imported: Import, codebase: Codebase) -> Crossing | None:
    side, context = context_of(module) or ("", "")
    target = context_of(imported.module)
    if side == "panacea" and imported.module.split(".")[0] in SHIPPED_APART:
        return Crossing(module, imported.module, imported.line, "the layer imports what is not shipped with it")
    if target is None:
        return None  # the standard library, third parties, the `panacea` package itself
    broken = _rule_broken((side, context), target, imported, codebase)
    if broken is None:
        return None
    rule, what = broken
    return Crossing(module, what, imported.line, rule)


def _rule_broken(
    importer: tuple[str, str], target: tuple[str, str], imported: Import, codebase: Codebase
) -> tuple[str, str] | None:
    """(rule, what is imported) when importing `imported` from `importer` breaks a rule."""
    (side, context), (target_side, target_context) = importer, target
    if target_side == "functions":
        allowed = (side, context) == ("functions", target_context)
        return None if allowed else ("imports another's functions", imported.module)
    if (side, context) == ("panacea", KERNEL):
        return None if target_context == KERNEL else ("the kernel imports a context", imported.module)
    face = f"panacea.{target_context}"
    if target_context in (context, KERNEL):
        return None
    if imported.module != face:
        return f"imports a module of {face} instead of its face", imported.module
    if imported.name is not None and imported.name not in codebase.exports(face):
        return f"{face} does not export {imported.name!r}", f"{face}.{imported.name}"
    return None


@functools.cache
def all_crossings(codebase: Codebase = CODEBASE) -> tuple[Crossing, ...]:
    return tuple(sorted(c for m in codebase.files for c in crossings(m, codebase.source(m), codebase)))


def every_crossing(codebase: Codebase = CODEBASE) -> frozenset[tuple[str, str]]:
    return frozenset((c.importer, c.imported) for c in all_crossings(codebase))


# --- crossings allowed, each with its reason (the list can only shrink) ---------------------------

ALLOWED_CROSSINGS: set[tuple[str, str]] = set()


# --- sizes -------------------------------------------------------------------------------------

# Modules allowed over MODULE_LINES (none: split a module by what it holds before it grows past it).
LONG_MODULES: set[str] = set()

# Functions allowed over FUNCTION_LINES (none).
LONG_FUNCTIONS: set[str] = set()


def module_lengths(codebase: Codebase = CODEBASE) -> dict[str, int]:
    return {m: len(codebase.source(m).splitlines()) for m in codebase.files if m.startswith("panacea")}


def function_lengths(module: str, source: str) -> Iterator[tuple[str, int]]:
    def visit(node: ast.AST, prefix: str) -> Iterator[tuple[str, int]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield f"{module}:{prefix}{child.name}", (child.end_lineno or child.lineno) - child.lineno + 1
                yield from visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                yield from visit(child, f"{prefix}{child.name}.")

    yield from visit(ast.parse(source), "")


def long_functions(codebase: Codebase = CODEBASE) -> set[str]:
    return {
        name
        for m in codebase.files
        for name, lines in function_lengths(m, codebase.source(m))
        if lines > FUNCTION_LINES
    }


# --- the kernel's own imports --------------------------------------------------------------------


def kernel_circles(codebase: Codebase = CODEBASE) -> list[list[str]]:
    """Circles among the kernel's modules, through any import that runs (not TYPE_CHECKING)."""
    kernel = [m for m in codebase.files if m.startswith(f"panacea.{KERNEL}.")]
    graph = {
        m: sorted(
            {
                i.module
                for i in imports_of(m, list(ast.walk(ast.parse(codebase.source(m)))), codebase)
                if i.module in kernel and i.module != m and not i.type_checking
            }
        )
        for m in kernel
    }
    circles: list[list[str]] = []
    done: set[str] = set()

    def walk(node: str, path: list[str]) -> None:
        if node in path:
            circles.append([*path[path.index(node) :], node])
            return
        if node in done:
            return
        for follower in graph[node]:
            walk(follower, [*path, node])
        done.add(node)

    for module in sorted(kernel):
        walk(module, [])
    return circles


# --- the tests -----------------------------------------------------------------------------------


def _listed(found: Set[object], allowed: Set[object], what: str) -> None:
    new, gone = sorted(map(str, found - allowed)), sorted(map(str, allowed - found))
    assert not new, f"{what}, not allowed: {new}"
    assert not gone, f"{what} listed as allowed but no longer found (delete them from the list): {gone}"


def test_contexts_meet_only_at_their_faces():
    # Given every module of the layer and the functions
    # When each import and each read of a face is judged
    found = every_crossing()
    # Then every crossing is one of today's, and every one of today's is still there
    new = [c for c in all_crossings() if (c.importer, c.imported) not in ALLOWED_CROSSINGS]
    assert not new, "imports across a context's border:\n" + "\n".join(
        f"  {c.importer}:{c.line} imports {c.imported}: {c.rule}" for c in new
    )
    _listed(found, ALLOWED_CROSSINGS, "imports across a context's border")


def test_the_kernel_imports_no_context_and_no_circle():
    kernel = {(i, m) for i, m in every_crossing() if i.startswith(f"panacea.{KERNEL}.")}
    assert kernel == set(), "the kernel imports a context"
    assert kernel_circles() == []


def test_no_module_of_the_layer_is_longer_than_500_lines():
    long = {m for m, lines in module_lengths().items() if lines > MODULE_LINES}
    _listed(long, LONG_MODULES, f"modules over {MODULE_LINES} lines")


def test_no_function_is_longer_than_60_lines():
    _listed(long_functions(), LONG_FUNCTIONS, f"functions over {FUNCTION_LINES} lines")


def unregistered_caches(module: str, source: str) -> list[str]:
    """Functions of `module` cached with functools (`cache`, `lru_cache`) instead of the kernel's
    `cached`, which `reset_caches()` forgets (the local runtime, tests, SnapStart restores)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                if ast.unparse(called).rpartition(".")[2] in ("cache", "lru_cache"):
                    found.append(f"{module}:{node.name}")
    return found


def test_every_cache_of_the_layer_is_forgotten_by_reset_caches():
    layer = [m for m in CODEBASE.files if m.startswith("panacea.")]
    assert [f for m in layer for f in unregistered_caches(m, CODEBASE.source(m))] == []
    assert unregistered_caches("m", "import functools\n@functools.lru_cache(1)\ndef f(): ...\n") == ["m:f"]


# --- the checker, checked --------------------------------------------------------------------------


def test_the_checker_reports_a_module_of_another_context_and_passes_its_face():
    # Given a finance module that reaches into orders' data layer, and uses tenancy's face
    source = "\n".join(
        [
            "from typing import TYPE_CHECKING",
            "from panacea import tenancy",
            "from panacea.orders.dal import OrderItem",
            "from panacea.tenancy import settings_of",
            "if TYPE_CHECKING:",
            "    from panacea.identity.models import Address",
            "def later():",
            "    import panacea.promotions.logic",
            "    return tenancy.settings_of, tenancy.TenantRecord",
        ]
    )
    # When the checker reads it
    found = {(c.importer, c.imported, c.line) for c in crossings("panacea.finance.x", source)}
    # Then the dal, the typing-only model and the function-local logic are reported, and the name
    # the face does not export; the face and its exported names are not
    assert found == {
        ("panacea.finance.x", "panacea.orders.dal", 3),
        ("panacea.finance.x", "panacea.identity.models", 6),
        ("panacea.finance.x", "panacea.promotions.logic", 8),
        ("panacea.finance.x", "panacea.tenancy.TenantRecord", 9),
    }


def test_the_checker_holds_the_kernel_and_the_functions_to_their_rules():
    kernel = crossings("panacea.platform.x", "from panacea import tenancy\nfrom panacea.platform import aws\n")
    assert [(c.imported, c.rule) for c in kernel] == [("panacea.tenancy", "the kernel imports a context")]
    handler = "\n".join(
        [
            "from panacea.orders import logic",  # its own context: free
            "from panacea.tenancy import TenantSettingsChanged",  # another's event, through its face
            "from panacea.tenancy.models import TenantStatus",  # another's module: not
            "from functions.catalog import api",  # another's functions: not
        ]
    )
    found = [(c.imported, c.line) for c in crossings("functions.orders.api", handler)]
    assert found == [("panacea.tenancy.models", 3), ("functions.catalog.api", 4)]
    layer = crossings("panacea.orders.x", "from tests.support import call\n")
    assert [c.imported for c in layer] == ["tests.support"]


def test_the_checker_finds_a_circle_hidden_in_a_function(tmp_path):
    # Given two kernel modules: one imports the other at the top, the other imports it back inside a function
    kernel = tmp_path / "panacea" / "platform"
    kernel.mkdir(parents=True)
    (tmp_path / "panacea" / "__init__.py").write_text("")
    (kernel / "__init__.py").write_text("")
    (kernel / "aws.py").write_text("def assume():\n    from panacea.platform.table import INDEX_NAMES\n")
    (kernel / "table.py").write_text("from panacea.platform import aws\n")
    # When the checker looks for circles
    circles = kernel_circles(Codebase.of((tmp_path / "panacea", tmp_path)))
    # Then it finds the one
    assert circles == [["panacea.platform.aws", "panacea.platform.table", "panacea.platform.aws"]]


def test_the_size_checks_measure_functions_with_their_bodies():
    source = "class A:\n    def f(self):\n" + "        x = 1\n" * 70 + "def g():\n    pass\n"
    assert dict(function_lengths("m", source)) == {"m:A.f": 71, "m:g": 2}
