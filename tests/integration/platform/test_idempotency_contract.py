"""Which writes honour `Idempotency-Key` is read from the code of every route, and the document says
exactly that: each of them, and no other, documents the header; each scopes the key to its caller.

A route honours the key when its handler calls `idempotent(...)`, reads the header, or hands the
key (its `IdempotencyKey` parameter) on to a use case.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

from functions.platform import docs
from infra import wiring

KEY = "Idempotency-Key"
METHODS = ("get", "put", "post", "delete", "patch")


def _routes() -> Iterator[tuple[str, str, Callable[..., Any]]]:
    """Every route of every API function: method, OpenAPI path, handler."""
    for api in wiring.APIS:
        app = importlib.import_module(wiring.function(api.function).module).app
        for route in app._static_routes + app._dynamic_routes:  # Powertools' route table, as the wiring reads it
            if route.include_in_schema:
                yield route.method, route.openapi_path, route.func


def _tree(fn: Callable[..., Any]) -> ast.FunctionDef:
    node = ast.parse(textwrap.dedent(inspect.getsource(fn))).body[0]
    assert isinstance(node, ast.FunctionDef)
    return node


def _calls(fn: ast.FunctionDef) -> list[ast.Call]:
    return [node for node in ast.walk(fn) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _hands_on_key(call: ast.Call) -> bool:
    values = [*call.args, *(k.value for k in call.keywords)]
    return any(isinstance(v, ast.Name) and v.id == "idempotency_key" for v in values) or any(
        k.arg == "idempotency_key" for k in call.keywords
    )


def _reads_header(call: ast.Call) -> bool:
    return _name(call) == "header" and any(isinstance(a, ast.Constant) and a.value == KEY for a in call.args)


def _honours(fn: Callable[..., Any]) -> bool:
    return any(_name(c) == "idempotent" or _reads_header(c) or _hands_on_key(c) for c in _calls(_tree(fn)))


def _documented() -> dict[tuple[str, str], dict[str, Any]]:
    """The operations whose document lists the header: (METHOD, path) → the parameter."""
    found = {}
    for path, item in json.loads(docs.document())["paths"].items():
        for method in METHODS:
            for parameter in item.get(method, {}).get("parameters", []):
                if parameter["in"] == "header" and parameter["name"].lower() == KEY.lower():
                    found[(method.upper(), path)] = parameter
    return found


def test_the_writes_documenting_idempotency_key_are_exactly_those_that_honour_it():
    # Given the routes whose code honours the key, and the operations the document says do
    honouring = {(method, path) for method, path, fn in _routes() if _honours(fn)}
    documented = _documented()
    # Then they are the same set, and none of them is a read
    assert honouring, "no route honours Idempotency-Key?"
    assert set(documented) == honouring
    assert all(method != "GET" for method, _ in honouring)
    # And each documents it as an optional header, spelled as sent, with what it does
    for parameter in documented.values():
        assert parameter["name"] == KEY
        assert parameter.get("required", False) is False
        assert "Idempotent-Replayed" in parameter["description"]


def test_every_route_that_honours_the_key_scopes_it_to_its_caller():
    """The generic walk: `idempotent(actor, …)` keys the record by the actor it is given, so each
    call must be given the verified caller (`current_actor()`), and a key handed on to a use case
    travels with that caller (a use case keys it by the actor: a checkout's claim by the member,
    an API key's issue through `once(caller=actor)`)."""
    walked = []
    for method, path, fn in _routes():
        if not _honours(fn):
            continue
        walked.append((method, path))
        tree = _tree(fn)
        assert not any(_reads_header(c) for c in _calls(tree)), f"{method} {path}: take the key as IdempotencyKey"
        for call in _calls(tree):
            if _name(call) == "idempotent" or _hands_on_key(call):
                assert _given_the_caller(call, tree, fn), f"{method} {path}: {ast.unparse(call)}"
    assert len(walked) == len(_documented())


def _given_the_caller(call: ast.Call, tree: ast.FunctionDef, fn: Callable[..., Any]) -> bool:
    """Whether `call` gets the verified caller: `current_actor()` or a name bound to it in the
    handler; or it is a helper of the handler's module that does so itself."""
    actors = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and _name(node.value) == "current_actor"
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    values = [*call.args, *(k.value for k in call.keywords)]
    if any(isinstance(v, ast.Name) and v.id in actors for v in values):
        return True
    if any(isinstance(v, ast.Call) and _name(v) == "current_actor" for v in values):
        return True
    helper = fn.__globals__.get(_name(call)) if isinstance(call.func, ast.Name) else None
    if helper is None or helper.__module__ != fn.__module__:
        return False
    inner = _tree(helper)
    return any(_given_the_caller(c, inner, helper) for c in _calls(inner) if _name(c) == "idempotent")
