"""Sharding by category (ingest/shards.py, assistant/shard_search.py): the sharded store holds the
same products and vectors as one collection, and answers the same ranked ids, filtered or not."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.catalog import CatalogIndex
from assistant.engine import SearchEngine
from assistant.shard_search import BREADTH, ShardedDense, ShardUnavailable
from common.settings import Settings
from ingest import store
from ingest.pipeline import ingest_catalog
from ingest.shards import ProductCollections, shard_key, shard_name
from ingest.snapshot import read_snapshot
from tests.conftest import DEMO_CATALOG, free_port
from tests.fakes import FAKE_EMBEDDING

QUERIES = [
    "running shoes for women",
    "waterproof jacket under $120",
    "a wallet in black",
    "dumbbells",
    "gift for my dad who likes cooking",
    "earrings under 40",
]


class NoEncoder:
    """An embedder that must not be used: moving vectors between layouts re-embeds nothing."""

    def encode(self, *args, **kwargs):
        raise AssertionError("a layout switch re-embedded products")


def ingest(data_dir: Path, embedder, catalog: Path = DEMO_CATALOG, **settings) -> Settings:
    s = Settings(data_dir=data_dir, embedding_model=FAKE_EMBEDDING, **settings)
    ingest_catalog(s, catalog, progress=False, embed=embedder)
    return s


@pytest.fixture(scope="module")
def layouts(tmp_path_factory, fake_embedder):
    """The demo catalog ingested three times: one collection, one collection per category, and
    the categories hashed into three collections."""
    root = tmp_path_factory.mktemp("shards")
    return (
        ingest(root / "one", fake_embedder),
        ingest(root / "sharded", fake_embedder, shard_by="category"),
        ingest(root / "grouped", fake_embedder, shard_by="category", shard_groups=3),
    )


def dense_for(settings: Settings) -> tuple[ShardedDense, CatalogIndex]:
    catalog = CatalogIndex.load(settings.index_dir)
    return ShardedDense.open(settings, catalog.row_of, len(catalog)), catalog


def assert_exact(catalog: CatalogIndex, query: np.ndarray, k: int, allowed, got: list[tuple[str, float]]) -> None:
    """`got` is the true top k: each similarity is the product's own, and they are the k best
    (a hashed bag of words ties often, and ties may fall either way in the last float bit)."""
    rows = np.flatnonzero(allowed) if allowed is not None else np.arange(len(catalog))
    scores = np.asarray(catalog.vectors[rows]) @ query
    best = np.sort(scores)[::-1][:k]
    assert np.allclose([s for _, s in got], best, atol=1e-5)
    own = np.asarray(catalog.vectors[[catalog.row_of[pid] for pid, _ in got]]) @ query
    assert np.allclose([s for _, s in got], own, atol=1e-5)


def is_exact(catalog: CatalogIndex, query: np.ndarray, k: int, allowed, got: list[tuple[str, float]]) -> bool:
    try:
        assert_exact(catalog, query, k, allowed, got)
    except AssertionError:
        return False
    return True


def assert_same_ranking(got: list[tuple[str, float]], want: list[tuple[str, float]]) -> None:
    """The same ids in the same order, except among products of equal similarity: the hashed
    bag of words gives many the same score (0.0 for no shared word), and which of a tie a
    collection's top k keeps is the index's choice. Ties are whole groups but the last one."""
    assert len(got) == len(want)
    assert np.allclose([s for _, s in got], [s for _, s in want], atol=1e-6)
    groups: dict[float, tuple[set[str], set[str]]] = {}
    for (a, score), (b, _) in zip(got, want, strict=True):
        mine, theirs = groups.setdefault(round(score, 6), (set(), set()))
        mine.add(a)
        theirs.add(b)
    for score, (mine, theirs) in groups.items():
        assert mine == theirs or score == round(got[-1][1], 6), (score, mine, theirs)


def test_shard_names_are_valid_chroma_names_and_keep_categories_apart():
    names = {shard_name(k) for k in ["clothing", "Clothing!", "home & kitchen", "", "时尚", "x" * 300]}
    assert len(names) == 6
    for name in names:
        assert re.fullmatch(r"[a-zA-Z0-9][a-zA-Z0-9._-]{1,510}[a-zA-Z0-9]", name) and ".." not in name
    assert shard_key(["Clothing ", "Jackets"]) == "clothing" and shard_key([]) == ""


def test_sharded_ingest_holds_the_same_products_and_vectors(layouts):
    one, sharded, grouped = layouts
    a, b = read_snapshot(one.index_dir), read_snapshot(sharded.index_dir)
    assert [p.id for p in a.products] == [p.id for p in b.products]
    assert np.array_equal(np.asarray(a.vectors), np.asarray(b.vectors))
    places = ProductCollections(sharded).existing()
    categories = {shard_key(p.category) for p in a.products}
    assert sorted(name for _, name in places) == sorted(shard_name(c) for c in categories)
    assert ProductCollections(one).existing() == [(0, store.PRODUCTS)]
    for _, name in places:  # each shard holds exactly its category's products
        coll = store.chroma_client(sharded).get_collection(name)
        held = {item["id"] for item in store.iter_records(coll, include=[])}
        key = coll.metadata["shard_key"]
        assert held == {p.id for p in a.products if shard_key(p.category) == key}
    groups = ProductCollections(grouped)
    assert sorted(name for _, name in groups.existing()) == [f"products-group-{g:03d}-of-003" for g in range(3)]
    assert {pid: c[0].place for pid, c in groups.stored().items()} == {p.id: groups.place_of(p) for p in a.products}


@pytest.mark.parametrize("layout", [1, 2], ids=["one per category", "three groups"])
def test_sharded_and_unsharded_rank_the_same_ids_filtered_and_not(layouts, layout, fake_embedder, monkeypatch):
    one, sharded = layouts[0], layouts[layout]
    unsharded_dense, catalog = dense_for(one)
    sharded_dense, _ = dense_for(sharded)
    collections = ProductCollections(sharded)
    engine = SearchEngine.load(sharded, embed=fake_embedder)
    asked: list[int] = []
    original = ShardedDense._ask
    monkeypatch.setattr(ShardedDense, "_ask", staticmethod(lambda *a: asked.append(1) or original(*a)))
    filtered_single_shard = 0
    for text in QUERIES:
        query = engine.parse(text)
        qv = fake_embedder.encode(query.text)
        mask = catalog.mask(query.constraints)
        assert 0 < mask.sum() < len(catalog) or query.constraints.is_empty()
        for allowed in (None, mask):
            for k, breadth in ((1, 0), (10, 0), (10, BREADTH), (50, 0)):
                # breadth 0: each shard returns only its own top k, which the merge must cut right
                unsharded_dense.breadth = sharded_dense.breadth = breadth
                want = unsharded_dense.ranked(qv, k, allowed)
                got = sharded_dense.ranked(qv, k, allowed)
                assert_exact(catalog, qv, k, allowed, got)
                # One collection's HNSW graph is built by several threads, so on a hashed bag of
                # words full of ties it may miss a neighbour in one run and not the next: the
                # rankings are compared where it found the true top k.
                if is_exact(catalog, qv, k, allowed, want):
                    assert_same_ranking(got, want)
                assert all(allowed is None or allowed[catalog.row_of[pid]] for pid, _ in got)
        # Filter first: only shards holding an allowed product are asked.
        asked.clear()
        sharded_dense.ranked(qv, 10, mask)
        holding = {collections.place_of(catalog.products[r]) for r in np.flatnonzero(mask)}
        assert len(asked) == len(holding) <= len(sharded_dense.shards)
        filtered_single_shard += len(holding) == 1
    assert filtered_single_shard >= 2
    qv = fake_embedder.encode("dumbbells")
    rows = sharded_dense.search(qv, 5)  # DenseIndex's interface
    assert [catalog.products[r].id for r in rows] == [pid for pid, _ in sharded_dense.ranked(qv, 5)]


def test_switching_layouts_moves_vectors_without_re_embedding(tmp_path, fake_embedder):
    settings = ingest(tmp_path / "data", fake_embedder)
    before = np.asarray(read_snapshot(settings.index_dir).vectors).copy()
    to_shards = settings.model_copy(update={"shard_by": "category"})
    report = ingest_catalog(to_shards, DEMO_CATALOG, progress=False, embed=NoEncoder())
    assert (report.added, report.updated, report.removed) == (0, 0, 0) and report.unchanged == len(before)
    places = ProductCollections(to_shards).existing()
    assert (0, store.PRODUCTS) not in places and len(places) > 1
    assert np.array_equal(np.asarray(read_snapshot(settings.index_dir).vectors), before)
    to_groups = to_shards.model_copy(update={"shard_groups": 2})
    assert ingest_catalog(to_groups, DEMO_CATALOG, progress=False, embed=NoEncoder()).unchanged == len(before)
    assert [name for _, name in ProductCollections(to_groups).existing()] == [
        "products-group-000-of-002",
        "products-group-001-of-002",
    ]
    back = ingest_catalog(settings, DEMO_CATALOG, progress=False, embed=NoEncoder())
    assert back.unchanged == len(before)
    assert ProductCollections(settings).existing() == [(0, store.PRODUCTS)]
    assert np.array_equal(np.asarray(read_snapshot(settings.index_dir).vectors), before)


def test_an_appending_ingest_moves_the_products_it_does_not_name_too(tmp_path, fake_embedder):
    settings = ingest(tmp_path / "data", fake_embedder)
    count = len(read_snapshot(settings.index_dir).products)
    lines = DEMO_CATALOG.read_text(encoding="utf-8").splitlines(keepends=True)
    few = tmp_path / "few.csv"
    few.write_text("".join(lines[:11]), encoding="utf-8")
    sharded = settings.model_copy(update={"shard_by": "category"})
    report = ingest_catalog(sharded, few, append=True, progress=False, embed=NoEncoder())
    assert (report.unchanged, report.removed) == (10, 0)
    assert (0, store.PRODUCTS) not in ProductCollections(sharded).existing()
    dense, catalog = dense_for(sharded)
    assert len(catalog) == count == sum(len(s.rows) for s in dense.shards)


def test_a_product_whose_category_changes_moves_shard(tmp_path, fake_embedder):
    lines = DEMO_CATALOG.read_text(encoding="utf-8").splitlines(keepends=True)
    catalog = tmp_path / "c.csv"
    catalog.write_text("".join(lines[:41]), encoding="utf-8")
    settings = ingest(tmp_path / "data", fake_embedder, catalog, shard_by="category")
    lines[1] = lines[1].replace("Bags > Wallets", "Travel > Wallets")
    catalog.write_text("".join(lines[:41]), encoding="utf-8")
    report = ingest_catalog(settings, catalog, progress=False, embed=fake_embedder)
    assert (report.updated, report.unchanged, report.removed) == (1, 39, 0)
    client = store.chroma_client(settings)
    travel = {i["id"] for i in store.iter_records(client.get_collection(shard_name("travel")), include=[])}
    assert "SA-00001" in travel
    stored = ProductCollections(settings).stored()
    assert [c.place[1] for c in stored["SA-00001"]] == [shard_name("travel")]
    assert len(stored) == 40


def test_copies_an_interrupted_move_left_behind_count_once_and_the_next_ingest_removes_them(tmp_path, fake_embedder):
    settings = ingest(tmp_path / "data", fake_embedder, shard_by="category")
    dense, catalog = dense_for(settings)
    qv = fake_embedder.encode("running shoes")
    clean = dense.ranked(qv, 20)
    top = catalog.products[catalog.row_of[clean[0][0]]]
    collections = ProductCollections(settings)
    home = collections.place_of(top)
    copy = collections.collection(home).get(ids=[top.id], include=["embeddings", "metadatas"])
    other = next(place for place in collections.existing() if place != home)
    for leftover in (store.collection(store.chroma_client(settings), store.PRODUCTS), collections.collection(other)):
        leftover.add(ids=[top.id], embeddings=copy["embeddings"], metadatas=copy["metadatas"])
    again, _ = dense_for(settings)
    assert len(again.shards) == len(dense.shards)  # the other layout's collection is not read
    assert_same_ranking(again.ranked(qv, 20), clean)
    ingest_catalog(settings, DEMO_CATALOG, progress=False, embed=NoEncoder())
    assert [c.place for c in ProductCollections(settings).stored()[top.id]] == [home]
    assert (0, store.PRODUCTS) not in ProductCollections(settings).existing()


def test_a_shard_that_cannot_answer_is_one_clear_error(tmp_path, fake_embedder):
    settings = ingest(tmp_path / "data", fake_embedder, shard_by="category")
    dense, catalog = dense_for(settings)
    lost = dense.shards[0]
    store.chroma_client(settings).delete_collection(lost.name)
    with pytest.raises(ShardUnavailable, match=f"shard {lost.name} \\({re.escape(lost.key)}\\)"):
        dense.ranked(fake_embedder.encode("shoes"), 10)


@pytest.mark.slow
def test_shards_spread_over_two_chroma_servers(tmp_path, fake_embedder, layouts):
    """Two real `chroma run` servers on 127.0.0.1: shards land on both, answers equal one
    embedded collection's."""
    chroma_bin = Path(sys.executable).parent / "chroma"
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [str(chroma_bin), "run", "--path", str(tmp_path / f"srv{i}"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for i, port in enumerate(ports)
    ]
    try:
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        settings = Settings(
            data_dir=tmp_path / "data", embedding_model=FAKE_EMBEDDING, shard_by="category", chroma_shard_urls=urls
        )
        deadline = time.monotonic() + 60
        for url in urls:
            while True:
                try:
                    store.chroma_client(settings.model_copy(update={"chroma_url": url}))
                    break
                except Exception:
                    assert time.monotonic() < deadline, "chroma run did not start"
                    time.sleep(0.3)
        ingest_catalog(settings, DEMO_CATALOG, progress=False, embed=fake_embedder)
        assert not (tmp_path / "data" / "chroma").exists()  # nothing embedded locally
        places = ProductCollections(settings).existing()
        assert {server for server, _ in places} == {0, 1}
        remote, catalog = dense_for(settings)
        local, _ = dense_for(layouts[0])
        engine = SearchEngine.load(settings, embed=fake_embedder)
        for text in QUERIES:
            query = engine.parse(text)
            qv = fake_embedder.encode(query.text)
            for allowed in (None, catalog.mask(query.constraints)):
                assert_same_ranking(remote.ranked(qv, 20, allowed), local.ranked(qv, 20, allowed))
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            server.wait(timeout=30)
