"""The docs function has a page for every problem type the code defines, even those of modules its
routes load only on first use (a fresh docs function has loaded none of them)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from infra import wiring

ROOT = Path(__file__).resolve().parents[3]
CHILD = (
    "import json; from functions.platform import docs; print(json.dumps(sorted(p.slug for p in docs._problem_types())))"
)


def defined_slugs() -> set[str]:
    """Every `slug` a class of the library or the functions assigns (`slug = "…"`, or in a tuple)."""
    found: set[str] = set()
    for path in [*ROOT.glob("layers/core/panacea/**/*.py"), *ROOT.glob("functions/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ClassDef):
                continue
            for statement in node.body:
                if not isinstance(statement, ast.Assign):
                    continue
                for target in statement.targets:
                    names = target.elts if isinstance(target, ast.Tuple) else [target]
                    values = statement.value.elts if isinstance(statement.value, ast.Tuple) else [statement.value]
                    for name, value in zip(names, values, strict=False):
                        if isinstance(name, ast.Name) and name.id == "slug" and isinstance(value, ast.Constant):
                            found.add(str(value.value))
    return found


def test_a_fresh_docs_function_has_a_page_for_every_problem_type_the_code_defines():
    # Given every problem type a class of the code defines
    defined = defined_slugs()
    assert {"out-of-stock", "payment-provider-unavailable", "not-found"} <= defined
    # When a fresh docs function lists the types it has pages for
    env = {**os.environ, **wiring.RUNTIME_ENVIRONMENT, "PYTHONPATH": os.pathsep.join(sys.path)}
    listed = json.loads(
        subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True).stdout
    )
    # Then none is missing
    assert sorted(defined - set(listed)) == []
