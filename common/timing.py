"""Milliseconds between perf_counter() readings, rounded for logs and reports."""

from __future__ import annotations

import time


def ms_since(start: float, end: float | None = None) -> float:
    return round(((time.perf_counter() if end is None else end) - start) * 1000, 1)
