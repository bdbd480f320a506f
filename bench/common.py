"""Helpers shared by the benchmarks: data locations and a synthetic catalog scale-up."""

from __future__ import annotations

import os
import random
import statistics
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from common.schema import Product
from common.settings import Settings

REPO = Path(__file__).resolve().parent.parent
# ../shared/datasets beside the clone; SHOPASSIST_SHARED_DATASETS points elsewhere (a git worktree).
SHARED = Path(os.environ.get("SHOPASSIST_SHARED_DATASETS") or REPO.parent / "shared" / "datasets")
FLIPKART = SHARED / "flipkart" / "product.csv"
FLIPKART_MAPPING = REPO / "ingest" / "mappings" / "flipkart.yaml"
DEV_QUERIES = SHARED / "queries" / "dev.jsonl"
BENCH_DIR = REPO / ".cache" / "bench"


def indexed_flipkart(**overrides) -> Settings:
    """Settings for the Flipkart catalog indexed under .cache/bench (re-embeds only what changed)."""
    from ingest.pipeline import ingest_catalog  # the heavy import only for benches that index

    settings = Settings(data_dir=BENCH_DIR / "flipkart", **overrides)
    ingest_catalog(settings, FLIPKART, FLIPKART_MAPPING, progress=False)
    return settings


VARIANTS = "classic premium lite pro plus essential deluxe urban studio travel everyday signature".split()


def scale_up(products: list[Product], n: int, seed: int = 0) -> list[Product]:
    """n products made from the given ones: new ids, a variant word in the title, price jitter.

    Every copy differs in text and hash, so ingest really embeds each one.
    """
    return list(iter_scaled(products, n, seed))


def iter_scaled(products: list[Product], n: int, seed: int = 0) -> Iterator[Product]:
    """`scale_up`, one product at a time: a million copies never sit in memory together."""
    rng = random.Random(seed)
    for i in range(n):
        base = products[i % len(products)]
        copy = base.model_copy(deep=True)
        copy.id = f"{base.id}-{i:06d}"
        if i >= len(products):
            copy.title = f"{base.title} {rng.choice(VARIANTS)} {i // len(products)}"
            if copy.price is not None:
                copy.price = round(copy.price * rng.uniform(0.8, 1.25), 2)
        copy.content_hash = copy.compute_hash()
        yield copy


def scaled_vectors(vectors: np.ndarray, n: int, seed: int = 0, chunk: int = 100_000) -> np.ndarray:
    """The vectors of `iter_scaled(products, n)`: each copy's original vector plus small noise,
    normalised (real neighbours, no embedding run). Made a chunk at a time (float32 only)."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, vectors.shape[1]), dtype=np.float32)
    for start in range(0, n, chunk):
        rows = np.arange(start, min(n, start + chunk)) % len(vectors)
        block = vectors[rows] + rng.normal(scale=0.02, size=(len(rows), vectors.shape[1])).astype(np.float32)
        out[start : start + len(rows)] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def summary_ms(values: list[float]) -> str:
    return f"p50 {percentile(values, 50):7.2f} ms  p95 {percentile(values, 95):7.2f} ms  mean {statistics.mean(values):7.2f} ms"
