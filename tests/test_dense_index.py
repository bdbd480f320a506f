"""Approximate dense search (large catalogs): the filter holds inside the index, the results match
exact search, and the index is saved beside its snapshot once."""

from __future__ import annotations

import numpy as np
import pytest

import assistant.dense_index as dense_index
import assistant.search as search
from assistant.catalog import CatalogIndex
from assistant.dense_index import DenseIndex, dense_index_for
from assistant.search import Retriever
from assistant.understand import Understander
from ingest.snapshot import read_snapshot, write_snapshot
from tests.fakes import HashEmbedder

QUERIES = [
    "running shoes under 100",
    "leather wallet for men",
    "red dress",
    "watch",
    "something warm for winter",
    "wireless headphones",
    "cheap backpack",
    "gift for my wife",
]


@pytest.fixture(scope="module")
def big_catalog(demo_products, tmp_path_factory):
    """The demo catalog ten times over (variants with their own ids and vectors near the
    original's), as a large catalog has many near-duplicates."""
    embed = HashEmbedder()
    rng = np.random.default_rng(0)
    products, vectors = [], []
    base = embed.encode([p.index_text() for p in demo_products])
    for copy in range(10):
        for p, v in zip(demo_products, base, strict=True):
            products.append(p.model_copy(update={"id": f"{p.id}-{copy}", "title": f"{p.title} v{copy}"}))
            vectors.append(v + rng.normal(scale=0.01, size=v.shape))
    matrix = np.asarray(vectors, dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    index_dir = tmp_path_factory.mktemp("big") / "index"
    write_snapshot(index_dir, products, matrix, "hash")
    return index_dir, embed


def test_approximate_search_matches_exact_and_keeps_every_filter(big_catalog, monkeypatch):
    index_dir, embed = big_catalog
    exact_catalog = CatalogIndex(read_snapshot(index_dir))
    assert exact_catalog.dense is None  # below ANN_FROM
    ann_catalog = CatalogIndex(read_snapshot(index_dir))
    ann_catalog.dense = DenseIndex.build(ann_catalog.vectors)
    monkeypatch.setattr(search, "EXACT_BELOW", 100)  # every request here takes the index path
    exact, ann = Retriever(exact_catalog, embed), Retriever(ann_catalog, embed)
    understander = Understander(exact_catalog)
    overlaps = []
    for text in QUERIES:
        query = understander.parse(text)
        want, got = exact.search(query, k=10), ann.search(query, k=10)
        assert got.candidates == want.candidates
        allowed = set(np.flatnonzero(ann_catalog.mask(got.constraints)).tolist())
        assert all(ann_catalog.row_of[h.product.id] in allowed for h in got.hits), text
        ids, found = {h.product.id for h in want.hits}, {h.product.id for h in got.hits}
        overlaps.append(len(ids & found) / len(ids) if ids else float(not found))
    assert np.mean(overlaps) >= 0.9, overlaps


def test_index_search_only_returns_allowed_rows(big_catalog):
    index_dir, _ = big_catalog
    catalog = CatalogIndex(read_snapshot(index_dir))
    index = DenseIndex.build(catalog.vectors)
    allowed = np.zeros(len(catalog), dtype=bool)
    allowed[::7] = True
    for row in (0, 5, 700):
        rows = index.search(np.asarray(catalog.vectors[row]), 50, allowed)
        assert len(rows) == 50 and allowed[rows].all()
    assert index.search(np.asarray(catalog.vectors[7]), 1)[0] in {7, *range(7 % 416, len(catalog), 416)}


def test_index_is_built_for_large_snapshots_and_saved_once(big_catalog, monkeypatch):
    index_dir, _ = big_catalog
    monkeypatch.setattr(dense_index, "ANN_FROM", 1000)
    built = dense_index_for(read_snapshot(index_dir))
    assert built is not None and (index_dir / dense_index.DENSE_FILE).is_file()
    monkeypatch.setattr(DenseIndex, "build", lambda *_: pytest.fail("rebuilt although saved"))
    loaded = dense_index_for(read_snapshot(index_dir))
    assert loaded is not None and loaded.index.ntotal == len(read_snapshot(index_dir).vectors)


PREFERRING = ["shoes for men", "a watch around 60", "a bag, money's not an issue", "jacket for women around 80"]


def test_approximate_search_keeps_preferred_products_first(big_catalog, monkeypatch):
    """A preference (audience recorded, price near, premium) ranks in tiers above relevance over
    every candidate: the index path must find the preferred products even when they are not among
    the nearest vectors (a short shortlist here makes that likely)."""
    index_dir, embed = big_catalog
    exact_catalog = CatalogIndex(read_snapshot(index_dir))  # below ANN_FROM: exact
    catalog = CatalogIndex(read_snapshot(index_dir))
    catalog.dense = DenseIndex.build(catalog.vectors)
    monkeypatch.setattr(search, "EXACT_BELOW", 5)
    monkeypatch.setattr(search, "SHORTLIST", 5)
    exact, ann = Retriever(exact_catalog, embed, rrf_depth=5), Retriever(catalog, embed, rrf_depth=5)
    understander = Understander(catalog)
    preferred = 0
    for text in PREFERRING:
        query = understander.parse(text)
        c = query.constraints
        rows = np.flatnonzero(catalog.mask(c))
        tier_of = dict(zip(rows.tolist(), exact._preference_tiers(rows, c).tolist(), strict=True))
        want = exact.search(query, k=10)
        got = ann.search(query, k=10)
        preferred += len(set(tier_of.values())) > 1
        want_tiers = [tier_of[catalog.row_of[h.product.id]] for h in want.hits]
        got_tiers = [tier_of[catalog.row_of[h.product.id]] for h in got.hits]
        assert got_tiers == want_tiers, (text, got_tiers, want_tiers)
    assert preferred >= 3  # the queries do state preferences that split their candidates
