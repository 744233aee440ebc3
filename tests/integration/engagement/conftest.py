"""The intake suites' fixtures (intake_support.py): a known audience, and what went on the queues."""

from tests.integration.engagement.intake_support import members, sent

__all__ = ["members", "sent"]
