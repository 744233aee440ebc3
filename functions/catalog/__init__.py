"""Catalog's entry points: the HTTP routes of the mall and its stock."""
