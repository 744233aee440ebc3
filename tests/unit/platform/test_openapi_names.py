"""The merged OpenAPI document names each schema once: two contexts' models of the same name would
overwrite each other when the documents are merged (checkout's payment methods documented as the
online ones a tenant enables, the order quote as promotions' quote)."""

from __future__ import annotations

import json
from collections import defaultdict

from functions.platform import docs


def test_no_two_contexts_define_a_schema_of_the_same_name_differently():
    # Given every context's own document, before they are merged
    definitions: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for context, document in docs.context_documents():
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            definitions[name][json.dumps(schema, sort_keys=True)].append(context)
    # Then a name two contexts share is one and the same schema
    clashes = {name: [contexts for contexts in by.values()] for name, by in definitions.items() if len(by) > 1}
    assert clashes == {}


def test_the_merged_document_keeps_each_contexts_schemas():
    # Given the merged document and every context's own
    merged = json.loads(docs.document())["components"]["schemas"]
    # Then every schema of every context is in it as that context defined it
    for context, document in docs.context_documents():
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            assert merged[name] == schema, (context, name)
