"""Engagement's actions, granted by each family's own module (imported here so that the permission
matrix collects them with the other contexts'): messages' (message_access.py), members' preferences
and audiences' (preference_access.py), templates' and rules' (template_access.py)."""

from panacea.engagement import message_access, preference_access, template_access

__all__ = ["message_access", "preference_access", "template_access"]
