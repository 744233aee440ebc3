"""The CDK app's stack and its constructs, one per concern, all read from `infra.wiring`."""

from infra.stacks.checks import add_checks
from infra.stacks.stack import PanaceaStack
from infra.stacks.stage import Stage

__all__ = ["PanaceaStack", "Stage", "add_checks"]
