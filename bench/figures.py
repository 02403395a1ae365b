"""Small helpers to summarise a list of measurements."""

from __future__ import annotations

import statistics


def median(values: list[float]) -> float:
    """The middle value."""
    return statistics.median(values)


def p99(values: list[float]) -> float:
    """The 99th percentile (the largest value for fewer than 100)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def slope(points: list[tuple[float, float]]) -> float:
    """The least-squares slope of y against x."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    mean_x, mean_y = statistics.mean(xs), statistics.mean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0
