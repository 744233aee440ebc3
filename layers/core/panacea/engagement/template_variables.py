"""A template's variables: written `{name}`, each a field of the event's data (its model in
`DomainEvent.registry`, newest version) or of the tenant's brand; for events whose models do not
exist yet, the variables their rule declares.

Templates are filled by hand, never by `str.format`: each `{name}` is looked up in a flat map of
strings, so no attribute, index, conversion or format spec is ever evaluated (`{order.__class__}`,
`{0}`, `{x!r}`, `{x:>99999}` are refused when the template is saved)."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from string import Formatter
from typing import Any

import panacea
from panacea.engagement.rules import Rule
from panacea.platform import clock
from panacea.platform.caches import cached
from panacea.platform.errors import FieldError, Unprocessable
from panacea.platform.events import DomainEvent

BRAND_VARIABLES = ("tenant_name", "logo_url", "primary_colour")


class UnknownVariable(Unprocessable):
    slug, title = "unknown-template-variable", "Unknown template variable"


class MalformedTemplate(Unprocessable):
    slug, title = "malformed-template", "Malformed template"


def variables_in(text: str, *, field: str) -> list[str]:
    """The variables `text` uses, in order of first use; `MalformedTemplate` naming `field` when a
    brace is unmatched or a placeholder is anything but a plain name."""
    try:
        parts = list(Formatter().parse(text))
    except ValueError as exc:
        raise MalformedTemplate.on_field(field, "malformed", f"{field}: {exc} (write a literal brace twice)") from exc
    found: list[str] = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            detail = f"{field}: {shown} is not a plain variable; write {{name}} with a field's name"
            raise MalformedTemplate.on_field(field, "malformed", detail)
        if name not in found:
            found.append(name)
    return found


def fill(text: str, values: dict[str, str]) -> str:
    """`text` with each `{name}` replaced by `values[name]` (empty if absent); `{{` and `}}` are braces."""
    out: list[str] = []
    for literal, name, _, _ in Formatter().parse(text):
        out.append(literal)
        if name is not None:
            out.append(values.get(name, ""))
    return "".join(out)


@cached
def _every_event_model() -> None:
    """Import every context's models (`models.py` and `*_models.py`), which registers its events:
    the templates' functions validate against all of them (the engine's senders never call this)."""
    for context in pkgutil.iter_modules(panacea.__path__):
        if not context.ispkg or context.name == "platform":
            continue
        for path in panacea.__path__:
            for module in sorted((Path(path) / context.name).glob("*models.py")):
                importlib.import_module(f"panacea.{context.name}.{module.stem}")


def event_model(event_type: str) -> type[DomainEvent] | None:
    """The newest model of `event_type`, or None if no context defines it (yet)."""
    _every_event_model()
    versions = [(v, model) for (name, v), model in DomainEvent.registry.items() if name == event_type]
    return max(versions, key=lambda found: found[0])[1] if versions else None


def allowed(rule: Rule) -> list[str]:
    """The variables a template of `rule`'s event may use: its data's fields, then the brand's."""
    model = event_model(rule.event_type)
    fields = list(model.model_fields) if model is not None else list(rule.variables)
    return [*fields, *(b for b in BRAND_VARIABLES if b not in fields)]


def check(rule: Rule, texts: dict[str, str]) -> None:
    """Every variable of every text (by field name) is one the event has: else one 422 naming each
    field at fault."""
    known = set(allowed(rule))
    errors = [
        FieldError(field, "unknown_variable", f"{{{name}}} is not a field of {rule.event_type}")
        for field, text in texts.items()
        for name in variables_in(text, field=field)
        if name not in known
    ]
    if errors:
        detail = "; ".join(f"{e.field}: {e.message}" for e in errors)
        raise UnknownVariable(f"{detail} (known: {', '.join(sorted(known))})", errors=errors)


# --- sample data (previews) ---------------------------------------------------------------------


def sample_data(rule: Rule, currency: str) -> dict[str, Any]:
    """Data like the event's, for a preview: each field's first example, else a value of its type."""
    model = event_model(rule.event_type)
    if model is None:
        return {name: _placeholder(name) for name in rule.variables}
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    return {name: _sample(name, spec, defs, currency) for name, spec in schema.get("properties", {}).items()}


def _placeholder(name: str) -> Any:
    if name.endswith("_at"):
        return clock.now().isoformat()
    return f"<{name}>"


def _sample(name: str, spec: dict[str, Any], defs: dict[str, Any], currency: str) -> Any:  # noqa: PLR0911
    if "$ref" in spec:
        return _sample(name, defs.get(spec["$ref"].rsplit("/", 1)[-1], {}), defs, currency)
    if spec.get("examples"):
        return spec["examples"][0]
    if "anyOf" in spec:
        options = [s for s in spec["anyOf"] if s.get("type") != "null"]
        return _sample(name, options[0], defs, currency) if options else None
    if "enum" in spec:
        return spec["enum"][0]
    kind = spec.get("type")
    if kind == "object" and {"amount", "currency"} <= set(spec.get("properties", {})):
        return {"amount": 12_345, "currency": currency}
    if kind == "object":
        return {k: _sample(k, v, defs, currency) for k, v in spec.get("properties", {}).items()}
    if kind == "array":
        return [_sample(name, spec.get("items", {}), defs, currency)]
    if kind in ("integer", "number"):
        return 1
    if kind == "boolean":
        return True
    if spec.get("format") == "date-time":
        return clock.now().isoformat()
    return _placeholder(name)
