"""Every body a route takes, validated the way Powertools validates it (`json.loads`, then the
route's body field): strict all the way down, its documented examples accepted, no number or
boolean coerced from another JSON type, and no junk that fails with anything but a 422."""

from __future__ import annotations

import importlib
import json
from typing import Annotated, Any, get_args, get_origin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from functions.platform import docs
from panacea.platform.inputs import Command, MoneyIn
from panacea.platform.money import Money


def _bodies() -> dict[str, Any]:
    """{"METHOD /path": the route's body field (Powertools' ModelField)} for every route module."""
    found: dict[str, Any] = {}
    for module in docs.route_modules():  # clients' routes (api.py) and partners' (webhooks.py)
        app = importlib.import_module(f"functions.{module}").app
        for route in app._static_routes + app._dynamic_routes:
            for field in route.dependant.body_params:
                found[f"{route.method} {route.path}"] = field
    return found


BODIES = _bodies()
ROUTES = sorted(BODIES)


def validate(route: str, body: Any) -> list[dict[str, Any]]:
    """The errors Powertools would answer 422 with (none: the body is taken)."""
    _, errors = BODIES[route].validate(value=json.loads(json.dumps(body)), loc=("body",))
    return list(errors or [])


def _models(annotation: Any, metadata: tuple[Any, ...] = ()) -> list[tuple[type[BaseModel], bool]]:
    """The models an annotation holds, each with whether it is validated strictly."""
    if get_origin(annotation) is Annotated:
        inner, *more = get_args(annotation)
        return _models(inner, (*metadata, *more))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        strict = issubclass(annotation, Command) or (annotation is Money and tuple(metadata) == get_args(MoneyIn)[1:])
        return [(annotation, strict)]
    return [found for arg in get_args(annotation) for found in _models(arg)]


def reachable(model: type[BaseModel]) -> dict[type[BaseModel], bool]:
    """`model` and every model its fields hold, all the way down, each with whether it is strict."""
    seen: dict[type[BaseModel], bool] = {model: issubclass(model, Command)}
    todo = [model]
    while todo:
        for field in todo.pop().model_fields.values():
            for found, strict in _models(field.annotation, tuple(field.metadata)):
                if found not in seen:
                    seen[found] = strict
                    todo.append(found)
                seen[found] = seen[found] and strict
    return seen


def examples(model: type[BaseModel]) -> list[dict[str, Any]]:
    extra = model.model_config.get("json_schema_extra")
    found = extra.get("examples", []) if isinstance(extra, dict) else []
    return [example for example in found if isinstance(example, dict)] if isinstance(found, list) else []


def test_every_route_body_is_strict_all_the_way_down():
    # Given every model a route takes, and every model inside it
    lax = {
        f"{route} → {model.__name__}"
        for route in ROUTES
        for model, strict in reachable(BODIES[route].field_info.annotation).items()
        if not strict
    }
    # Then each is a Command (or Money as MoneyIn): none coerces what a client sends
    assert len(ROUTES) > 40
    assert lax == set()


@pytest.mark.parametrize("route", ROUTES)
def test_the_documented_examples_of_a_body_are_taken(route: str):
    body = BODIES[route].field_info.annotation
    for example in examples(body):
        assert validate(route, example) == [], example


def _number_leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _number_leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for i, item in enumerate(value) for leaf in _number_leaves(item, (*path, i))]
    return [(path, value)] if isinstance(value, bool | int) else []


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = _replaced(value[head], tuple(rest), new)
    return copy


@pytest.mark.parametrize("route", [r for r in ROUTES if any(examples(BODIES[r].field_info.annotation))])
def test_no_number_or_boolean_of_a_body_is_taken_from_another_json_type(route: str):
    # Given each number and boolean of each documented example
    for example in examples(BODIES[route].field_info.annotation):
        for path, value in _number_leaves(example):
            # When it is sent as a string, or a number as a boolean and a boolean as a number
            for other in (str(value).lower(), int(value) if isinstance(value, bool) else True):
                errors = validate(route, _replaced(example, path, other))
                # Then the body is refused, naming that field
                assert ("body", *path) in [tuple(e["loc"]) for e in errors], (path, other, errors)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@pytest.mark.parametrize("route", ROUTES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_junk_in_any_field_is_a_422_never_a_failure(route: str, data: st.DataObject):
    # Given a documented example (or nothing) with one field, or the whole body, replaced by junk
    model = BODIES[route].field_info.annotation
    body: Any = dict(data.draw(st.sampled_from(examples(model) or [{}])))
    name = data.draw(st.sampled_from([*model.model_fields, None]))
    if name is None:
        body = data.draw(JSON)
    else:
        body[name] = data.draw(JSON)
    # When Powertools validates it, then it is taken or refused, and nothing else happens
    validate(route, body)
