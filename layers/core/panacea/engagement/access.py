"""Engagement's actions, declared beside their use cases and collected here: sending notifications
and reading their status (message_access.py)."""

from panacea.engagement import message_access

__all__ = ["message_access"]
