"""Medians and a distribution-free 95 % confidence interval for a median, from counts (no rows, no packages).

Ratings are whole numbers 0 to 10, so a group is a count per value and a
million sessions cost no more than eleven. The interval for the median change
is the order-statistic (sign-test) interval: with the n paired changes
sorted, d(1) <= ... <= d(n), it is [d(k), d(n - k + 1)], where k is the
largest rank with P(B <= k - 1) <= 0.025 for B ~ Binomial(n, 1/2). It makes
no assumption about the shape of the changes, its coverage is at least 95 %
(exactly 1 - 2 P(B <= k - 1) for continuous data; ties only widen it), and it
can be checked by hand with a binomial table. The binomial sum is worked in
whole numbers, exactly, up to :data:`EXACT_UP_TO` pairs, and in doubles
beyond (where a one-rank difference moves nothing a 0-10 scale can show).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

EXACT_UP_TO = 2000
"""Up to this many pairs, the binomial tail is summed in exact integers."""
TAIL = 0.025
"""Each tail of the 95 % interval."""


def count_of(counts: Mapping[int, int]) -> int:
    """How many values the counts stand for."""
    return sum(counts.values())


def value_at(counts: Mapping[int, int], index: int) -> int:
    """The value at 0-based ``index`` when the counted values are sorted."""
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if index < seen:
            return value
    raise IndexError(index)


def median_of(counts: Mapping[int, int]) -> float | None:
    """The median of the counted values (the mean of the two middle ones for an even count); None if none."""
    n = count_of(counts)
    if n == 0:
        return None
    return (value_at(counts, (n - 1) // 2) + value_at(counts, n // 2)) / 2


def interval_rank(n: int) -> int | None:
    """k for the 95 % interval [d(k), d(n - k + 1)] of a median of n values; None below 6 values (no such k)."""
    if n < 6:
        return None
    if n <= EXACT_UP_TO:
        # P(B <= k - 1) <= 1/40  <=>  40 * sum(C(n, i) for i < k) <= 2**n, all in whole numbers.
        limit, total, term, k = 2**n, 0, 1, 0
        while 40 * (total + term) <= limit:
            total += term
            term = term * (n - k) // (k + 1)
            k += 1
        return k
    k = max(1, int(n / 2 - 1.959964 * math.sqrt(n) / 2))  # the normal approximation, then step to the exact rank
    while _lower_tail(n, k - 1) > TAIL:
        k -= 1
    while _lower_tail(n, k) <= TAIL:
        k += 1
    return k


def interval_coverage(n: int) -> float | None:
    """The interval's coverage for continuous data, 1 - 2 P(B <= k - 1) (at least 0.95); None below 6 values."""
    k = interval_rank(n)
    return None if k is None else 1 - 2 * _lower_tail(n, k - 1)


def median_interval(counts: Mapping[int, int]) -> tuple[int, int] | None:
    """The 95 % distribution-free interval for the median of the counted values; None below 6 values."""
    n = count_of(counts)
    k = interval_rank(n)
    if k is None:
        return None
    return value_at(counts, k - 1), value_at(counts, n - k)


def _lower_tail(n: int, j: int) -> float:
    """P(B <= j) for B ~ Binomial(n, 1/2), summed from j down until the terms no longer matter."""
    if j < 0:
        return 0.0
    if n <= EXACT_UP_TO:
        return float(sum(math.comb(n, i) for i in range(j + 1)) / 2**n)
    log_half = n * math.log(2)
    total = 0.0
    for i in range(j, -1, -1):
        term = math.exp(math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) - log_half)
        total += term
        if term < total * 1e-17:
            break
    return total
