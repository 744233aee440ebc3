"""Engagement's actions, declared beside their use cases and collected here for the kernel
(`panacea.platform.declarations`: the docs' permission matrix): each module grants its own on import.

- preference_access.py: members' notification settings, the service desk's read, audiences."""

import panacea.engagement.preference_access  # noqa: F401 - grants the members' side's actions
