"""Tenancy: the businesses that run on Panacea, their settings, their standing and their keys."""
