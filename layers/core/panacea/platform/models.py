"""The base of every pydantic model of the platform: commands, views, events, money.

Pydantic builds a model's validator and serializer when its class is defined, unless the model
says `defer_build`; then it builds them the first time the model validates, serializes or gives
its JSON schema. A handler imports far more models than one request uses (a context's
`models.py` holds every command, view and event of the context), so building them all at import
was most of a handler's own cold start. With `defer_build` a process pays only for the models it
uses, each once, on the first request that uses it (`make bench` prints that first request's cost
beside each handler's import). What the models accept, answer and document does not change.

A model inherits the setting, and merges it with its own `model_config`:

    from panacea.platform.models import BaseModel

    class Refund(BaseModel):
        model_config = ConfigDict(extra="forbid")
"""

from __future__ import annotations

import pydantic
from pydantic import ConfigDict


class BaseModel(pydantic.BaseModel):
    """A pydantic model whose validator and serializer are built on first use, not at import."""

    model_config = ConfigDict(defer_build=True)
