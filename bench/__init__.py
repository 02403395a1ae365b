"""Benchmarks: figures printed, not timed tests. Run ``python -m bench.calm``."""
