"""Panacea's shared library, shipped to Lambda as the core layer.

`platform` is the kernel every context stands on; each other package is one bounded context
with `models.py` (pydantic), `dal.py` (pynamodb items and queries) and `logic.py` (use cases).
"""
