"""Confidence intervals and tests that respect the unit of sampling: the dialogue.

Turns of one conversation are not independent (one misunderstanding spoils the turns after it),
so every interval comes from a bootstrap that resamples whole dialogues, and the A/B test pairs
dialogues: the same resampled dialogues for A and B, and a sign test on per-dialogue wins.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import binomtest

RESAMPLES = 2000
LEVEL = 0.95


def _ratio_of_sums(num: np.ndarray, den: np.ndarray, index: np.ndarray) -> np.ndarray:
    """sum(num)/sum(den) for each resample (row of `index`); NaN where a resample has no denominator."""
    top, bottom = num[index].sum(axis=1), den[index].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1), np.nan)


def _resamples(n: int, seed: int, resamples: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, n, size=(resamples, n))


def _interval(values: np.ndarray, level: float) -> tuple[float, float] | None:
    values = values[~np.isnan(values)]
    if not len(values):
        return None
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(values, [tail, 100 - tail])
    return float(lo), float(hi)


def bootstrap_ratio(
    num: np.ndarray,
    den: np.ndarray,
    scale: float = 1.0,
    seed: int = 0,
    resamples: int = RESAMPLES,
    level: float = LEVEL,
) -> tuple[float, float] | None:
    """Percentile CI of sum(num)/sum(den)*scale, resampling dialogues (one entry each)."""
    if len(num) == 0 or den.sum() == 0:
        return None
    ci = _interval(_ratio_of_sums(num, den, _resamples(len(num), seed, resamples)) * scale, level)
    return ci


@dataclass
class PairedDifference:
    a: float | None
    b: float | None
    difference: float | None  # b - a
    ci: tuple[float, float] | None  # of b - a


def paired_bootstrap(
    a: tuple[np.ndarray, np.ndarray],
    b: tuple[np.ndarray, np.ndarray],
    scale: float = 1.0,
    seed: int = 0,
    resamples: int = RESAMPLES,
    level: float = LEVEL,
) -> PairedDifference:
    """B - A of a ratio-of-sums metric, both computed on the same resampled dialogues."""
    (num_a, den_a), (num_b, den_b) = a, b
    value_a = float(num_a.sum() / den_a.sum() * scale) if den_a.sum() > 0 else None
    value_b = float(num_b.sum() / den_b.sum() * scale) if den_b.sum() > 0 else None
    if value_a is None or value_b is None:
        return PairedDifference(value_a, value_b, None, None)
    index = _resamples(len(num_a), seed, resamples)
    diffs = (_ratio_of_sums(num_b, den_b, index) - _ratio_of_sums(num_a, den_a, index)) * scale
    return PairedDifference(value_a, value_b, value_b - value_a, _interval(diffs, level))


@dataclass
class SignTest:
    wins: int  # dialogues where B is better
    losses: int
    ties: int
    p_value: float | None  # two-sided exact binomial test on wins vs losses


def sign_test(a: np.ndarray, b: np.ndarray, higher_is_better: bool) -> SignTest:
    """Per-dialogue wins of B over A (NaN: the dialogue has no value for this metric)."""
    both = ~np.isnan(a) & ~np.isnan(b)
    delta = (b - a)[both] * (1 if higher_is_better else -1)
    wins, losses = int((delta > 1e-12).sum()), int((delta < -1e-12).sum())
    ties = int(both.sum()) - wins - losses
    p = float(binomtest(wins, wins + losses, 0.5).pvalue) if wins + losses else None
    return SignTest(wins, losses, ties, p)
