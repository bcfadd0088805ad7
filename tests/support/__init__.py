"""Reusable test support (servers the tests start themselves)."""
