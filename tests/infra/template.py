"""Reading the synthesized templates: resources by type and name, values as text, IAM statements.

The stack has nested stacks (the API's routes, one per context, `infra.stacks.routes`): their
resources are read with the parent's, each nested template's parameters replaced by what the parent
passes them, so that a method in a nested stack refers to the parent's authorizer, function alias or
resource as a method in the parent would (`{"Ref": "<AliasId>"}`); and each of the parent's
references to a nested stack's output replaced by the output's value, so that an alarm in the parent
on a queue of the queues' stack names it as it would in one stack (`{"Fn::GetAtt": ["<QueueId>", "QueueName"]}`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from aws_cdk import NestedStack, Stack
from aws_cdk.assertions import Template

from infra.wiring import ROOT

STAGE = "test"
STACK = f"panacea-{STAGE}"


def app_context(**extra: Any) -> dict[str, Any]:
    """cdk.json's context (what `cdk synth` passes), with bundling skipped."""
    context = json.loads((ROOT / "cdk.json").read_text()).get("context", {})
    return {**context, "aws:cdk:bundling-stacks": [], **extra}


@dataclass(frozen=True)
class Acknowledgment:
    path: str  # the construct it was made on
    rule: str  # e.g. AwsSolutions::AwsSolutions-IAM5[Resource::*]
    reason: str


@dataclass(frozen=True)
class Synthesized:
    template: Template
    raw: dict[str, Any]
    template_path: Path
    nag_failure: str | None  # the synth's error when cdk-nag refused it
    report: dict[str, Any]  # validation-report.json
    acknowledgments: list[Acknowledgment]
    stack_name: str = STACK
    nested: dict[str, dict[str, Any]] = field(default_factory=dict)  # logical id in the parent → template

    @property
    def templates(self) -> dict[str, dict[str, Any]]:
        """Every template of the stack, the parent's under the stack's name, each as synthesized."""
        return {self.stack_name: self.raw, **self.nested}

    @cached_property
    def _all_resources(self) -> dict[str, dict[str, Any]]:
        outputs = {}  # the parent's GetAtt of a nested stack's output → the output's value
        found = {}
        for logical_id, template in self.nested.items():
            passed = self.raw["Resources"][logical_id]["Properties"].get("Parameters", {})
            for key, resource in template["Resources"].items():
                assert key not in found, f"logical id {key} is in two templates"
                found[key] = _substituted(resource, passed)
            for name, output in template.get("Outputs", {}).items():
                outputs[json.dumps([logical_id, f"Outputs.{name}"])] = _substituted(output["Value"], passed)
        for key, resource in self.raw["Resources"].items():
            assert key not in found, f"logical id {key} is in two templates"
            found[key] = _outputs_resolved(resource, outputs)
        return found

    @property
    def route_stacks(self) -> dict[str, dict[str, Any]]:
        """The nested stacks of the API's routes (one per context), by logical id in the parent."""
        return {k: t for k, t in self.nested.items() if k.startswith("Api") and "RoutesNestedStack" in k}

    def resources(self, type_: str) -> dict[str, dict[str, Any]]:
        """Logical id → resource, for every resource of `type_` in the stack and its nested stacks."""
        return {k: r for k, r in self._all_resources.items() if r["Type"] == type_}

    def props(self, type_: str) -> dict[str, dict[str, Any]]:
        return {k: r.get("Properties", {}) for k, r in self.resources(type_).items()}

    def function_id(self, name: str) -> str:
        """The logical id of the Lambda of wiring function `name`."""
        wanted = f"{self.stack_name}-{name}"
        (found,) = [k for k, p in self.props("AWS::Lambda::Function").items() if p.get("FunctionName") == wanted]
        return found

    def alias_of(self, name: str) -> tuple[str, dict[str, Any]] | None:
        """The alias (logical id, properties) of wiring function `name`, if it has one."""
        function = {"Ref": self.function_id(name)}
        found = [(k, p) for k, p in self.props("AWS::Lambda::Alias").items() if p["FunctionName"] == function]
        return found[0] if found else None

    def invoked(self, name: str) -> str:
        """What a trigger of wiring function `name` invokes, as `join` writes it: its alias
        (`<AliasId>`) where SnapStart is on, else the function itself (`<FunctionId.Arn>`)."""
        alias = self.alias_of(name)
        return f"<{alias[0]}>" if alias else f"<{self.function_id(name)}.Arn>"

    def function_behind(self, reference: dict[str, Any]) -> str:
        """The logical id of the function a reference invokes: `GetAtt` of a function, or `Ref` of an alias."""
        if "Fn::GetAtt" in reference:
            function: str = reference["Fn::GetAtt"][0]
            return function
        behind: str = self.props("AWS::Lambda::Alias")[reference["Ref"]]["FunctionName"]["Ref"]
        return behind

    def named(self, type_: str, name_property: str, name: str) -> tuple[str, dict[str, Any]]:
        """The one resource of `type_` whose `name_property` is `panacea-test-<name>`."""
        wanted = f"{STACK}-{name}"
        (found,) = [(k, p) for k, p in self.props(type_).items() if p.get(name_property) == wanted]
        return found


def nested_templates(stack: Stack, outdir: Path) -> dict[str, dict[str, Any]]:
    """The templates of `stack`'s nested stacks, synthesized into `outdir`, by logical id in the parent."""
    found = {}
    for construct in stack.node.find_all():
        if isinstance(construct, NestedStack) and construct.nested_stack_resource is not None:
            logical_id = stack.resolve(construct.nested_stack_resource.logical_id)
            found[logical_id] = json.loads((outdir / construct.template_file).read_text())
    return found


def _substituted(value: Any, parameters: dict[str, Any]) -> Any:
    """`value` with each `Ref` to one of `parameters` replaced by what the parent passes it."""
    if isinstance(value, dict):
        if list(value) == ["Ref"] and value["Ref"] in parameters:
            return parameters[value["Ref"]]
        return {k: _substituted(v, parameters) for k, v in value.items()}
    if isinstance(value, list):
        return [_substituted(v, parameters) for v in value]
    return value


def _outputs_resolved(value: Any, outputs: dict[str, Any]) -> Any:
    """`value` with each `GetAtt` of a nested stack's output replaced by the output's value."""
    if isinstance(value, dict):
        if list(value) == ["Fn::GetAtt"] and json.dumps(value["Fn::GetAtt"]) in outputs:
            return outputs[json.dumps(value["Fn::GetAtt"])]
        return {k: _outputs_resolved(v, outputs) for k, v in value.items()}
    if isinstance(value, list):
        return [_outputs_resolved(v, outputs) for v in value]
    return value


def join(value: Any) -> str:
    """A CloudFormation value as text: references become `<Id.Attr>`, joins are joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if "Ref" in value:
            return f"<{value['Ref']}>"
        if "Fn::GetAtt" in value:
            return "<{}.{}>".format(*value["Fn::GetAtt"])
        if "Fn::Join" in value:
            separator, parts = value["Fn::Join"]
            joined: str = separator.join(join(p) for p in parts)
            return joined
    return json.dumps(value, sort_keys=True)


def statements(synthesized: Synthesized) -> Iterator[tuple[str, dict[str, Any]]]:
    """(policy logical id, statement) for every statement of every IAM policy in the template."""
    for policy_id, props in synthesized.props("AWS::IAM::Policy").items():
        for statement in props["PolicyDocument"]["Statement"]:
            yield policy_id, statement
    for role_id, props in synthesized.props("AWS::IAM::Role").items():
        for policy in props.get("Policies", []):
            for statement in policy["PolicyDocument"]["Statement"]:
                yield role_id, statement


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
