"""Benchmarks: `python benchmarks/web.py` (docs/performance.md)."""
