"""Operation ids are the SDKs' method names: `<context>.<handler>`, set once by the platform's
resolver from the route's handler, stable as long as the handler keeps its name, and unique in the
merged document."""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter

from functions.platform import docs
from panacea.platform.api import build_resolver, operation_id_of

DOTTED = re.compile(r"^[a-z][a-z0-9_]*\.[a-z_][a-z0-9_]*$")


def _operations() -> list[tuple[str, str, str]]:
    document = json.loads(docs.document())
    return [(m.upper(), p, str(op.get("operationId"))) for p, ops in document["paths"].items() for m, op in ops.items()]


def test_every_operation_id_is_dotted_and_unique_across_the_merged_document():
    # Given the merged document's operations
    operations = _operations()
    # Then each id reads as a method name, <context>.<function>
    assert [o for o in operations if not DOTTED.match(o[2])] == []
    # And no two operations share one
    assert [i for i, n in Counter(o[2] for o in operations).items() if n > 1] == []
    assert ("POST", "/v1/orders", "orders.place") in operations
    assert ("GET", "/v1/catalog/products", "catalog.list_products") in operations


def test_an_operation_id_is_the_context_and_the_name_of_the_function_that_serves_it():
    # Given each resolver docs.document() merges (a context's api.py, and its webhooks.py for partners)
    for module in docs.route_modules():
        context = module.split(".")[0]
        app = importlib.import_module(f"functions.{module}").app
        # Then each documented route's id is named after its handler
        for route in app._static_routes + app._dynamic_routes:
            if route.include_in_schema:
                assert route.operation_id == f"{context}.{route.func.__name__}", (route.method, route.path)
    assert "payments.webhooks" in docs.route_modules()
    assert ("POST", "/v1/payments/stripe/webhook", "payments.stripe_webhook") in _operations()


def test_a_route_outside_functions_keeps_powertools_default_and_an_explicit_id_wins():
    # Given a resolver with one route that names its operation and one that does not
    app = build_resolver()

    @app.get("/things", operation_id="things.find")
    def find() -> dict[str, str]:
        return {}

    @app.get("/others")
    def others() -> dict[str, str]:
        return {}

    # Then the named one keeps its name, and one outside functions/<context>/api.py gets no dotted id
    ids = {route.path: route.operation_id for route in app._static_routes}
    assert ids["/things"] == "things.find"
    assert not DOTTED.match(ids["/others"])
    assert operation_id_of(find) is None
