"""Sanctions screening: list versions, candidates and the analyst's decisions."""
