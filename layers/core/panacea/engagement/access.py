"""Engagement's actions, granted by each family's own module (imported here so that the permission
matrix collects them with the other contexts'): templates' and rules' (template_access.py)."""

from panacea.engagement import template_access

__all__ = ["template_access"]
