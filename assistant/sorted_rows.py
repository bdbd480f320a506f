"""Intersections of sorted, unique row arrays (the phrase postings' rows) without a pass over
the longer one: each row of the shorter is looked up by binary search. At a million products a
posting can hold hundreds of thousands of rows where the other holds a few dozen (issue 21)."""

from __future__ import annotations

import numpy as np


def common(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The rows in both sorted, unique arrays, sorted."""
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return a[:0]
    at = np.searchsorted(b, a)
    found = at < len(b)
    found[found] = b[at[found]] == a[found]
    return a[found]


def meet(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two sorted, unique row arrays share a row."""
    return len(common(a, b)) > 0
