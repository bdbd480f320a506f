"""Serving with `dense_search: shards`: the search engine takes its dense shortlist from the Chroma
shard collections (assistant/shard_search.py) and ranks the same cards as the in-process path,
through the engine and over HTTP; a shard that fails or does not answer in time degrades the turn
to this process's own copy of the vectors with one line saying so (not a 500, never a ranking
that lacks the shard's categories)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import numpy as np
import pytest

from assistant.core import Assistant
from assistant.engine import SearchEngine
from assistant.shard_search import ShardedDense
from common.errors import ShopAssistError
from common.settings import Settings
from ingest import store
from ingest.pipeline import ingest_catalog
from ingest.policies import ingest_policies
from ingest.shards import ProductCollections
from tests.conftest import DEMO_CATALOG, DEMO_POLICIES, free_port
from tests.fakes import FAKE_EMBEDDING, HashEmbedder, ScriptedBackend
from tests.serving import running, sse
from ui.api import create_app

# Filtered to one category, to several, by price, audience and colour, unfiltered, a preference
# ranked in tiers ("around"), a negation; and messages no filter reads.
MESSAGES = [
    "running shoes for women",
    "waterproof jacket under $120",
    "a wallet in black",
    "dumbbells",
    "gift for my dad who likes cooking",
    "earrings under 40",
    "headphones around $100",
    "a backpack that is not blue",
    "something cosy for winter",
    "yoga",
]


def ingest(data_dir: Path, embedder, catalog: Path = DEMO_CATALOG, **settings) -> Settings:
    s = Settings(data_dir=data_dir, embedding_model=FAKE_EMBEDDING, **settings)
    ingest_catalog(s, catalog, progress=False, embed=embedder)
    ingest_policies(s, [DEMO_POLICIES], embed=embedder)
    return s


@pytest.fixture(scope="module")
def sharded(tmp_path_factory, fake_embedder) -> Settings:
    """The demo catalog in one Chroma collection per category (embedded Chroma)."""
    return ingest(tmp_path_factory.mktemp("shard-serving"), fake_embedder, shard_by="category")


def ranked(engine: SearchEngine, text: str, k: int = 10, **options) -> list[tuple[str, float]]:
    return [(h.product.id, round(h.fused, 9)) for h in engine.search(text, k=k, **options)[1].hits]


def count_asks(monkeypatch) -> list[int]:
    """How many shard queries each search sent (one entry per search, via `ShardedDense.ranked`)."""
    calls: list[int] = []
    ask, ranked_ = ShardedDense._ask, ShardedDense.ranked

    def counted_ranked(self, *args, **kwargs):
        calls.append(0)
        return ranked_(self, *args, **kwargs)

    def counted_ask(*args):
        calls[-1] += 1
        return ask(*args)

    monkeypatch.setattr(ShardedDense, "ranked", counted_ranked)
    monkeypatch.setattr(ShardedDense, "_ask", staticmethod(counted_ask))
    return calls


def test_the_default_is_the_in_process_path(sharded, fake_embedder):
    assert Settings().dense_search == "local"
    assert SearchEngine.load(sharded, embed=fake_embedder).retriever.shards is None


def test_shards_rank_the_same_cards_as_the_in_process_path(sharded, fake_embedder, monkeypatch):
    local = SearchEngine.load(sharded, embed=fake_embedder)
    remote = SearchEngine.load(sharded.model_copy(update={"dense_search": "shards"}), embed=fake_embedder)
    shards = remote.retriever.shards
    assert shards is not None and len(shards.shards) > 10
    asks = count_asks(monkeypatch)
    single = 0
    for text in MESSAGES:
        for options in ({}, {"mmr": True}, {"use_filters": False}):
            asks.clear()
            got = ranked(remote, text, **options)
            assert got == ranked(local, text, **options), (text, options)
            assert got and asks and asks[0] > 0, (
                "the dense shortlist did not come from the shards",
                text,
                options,
                got,
                asks,
            )
        # Filter first: the first search of a turn asks only the shards holding an allowed product.
        asks.clear()
        query, result = remote.search(text)
        assert result.degraded is None
        allowed = remote.catalog.mask(result.constraints)
        holding = {shard.name for shard in shards.shards if allowed[shard.rows].any()}
        assert asks[0] == len(holding)
        single += len(holding) == 1
    assert single >= 3


class UntiedEmbedder(HashEmbedder):
    """`HashEmbedder` plus a small deterministic direction per text, so that no two products
    score the same: the bag of words alone ties most products at 0.0 for a query, and which of
    a tie a partial sort puts first is numpy's choice on either path."""

    def encode(self, sentences: list[str] | str, normalize_embeddings: bool = True, **kwargs) -> np.ndarray:
        single = isinstance(sentences, str)
        texts = [sentences] if single else list(sentences)
        out = super().encode(texts, normalize_embeddings=True)
        for row, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
            noise = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
            out[row] += 0.2 * noise / np.linalg.norm(noise)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out[0] if single else out


def test_a_narrower_shortlist_still_ranks_the_same_cards(tmp_path, monkeypatch):
    """With 50-row lists the shards return fewer rows than the candidates, so the merge and the
    shortlist (shards' nearest + BM25's best, re-scored exactly) decide what can rank."""
    import assistant.search

    embedder = UntiedEmbedder()
    settings = ingest(tmp_path / "data", embedder, shard_by="category")
    monkeypatch.setattr(assistant.search, "SHORTLIST", 50)
    local = SearchEngine.load(settings, embed=embedder)
    remote = SearchEngine.load(settings.model_copy(update={"dense_search": "shards"}), embed=embedder)
    for engine in (local, remote):
        engine.retriever.rrf_depth = 50
    unfiltered = 0
    for text in MESSAGES:
        for options in ({"use_filters": False}, {}):
            assert_same_cards(ranked(remote, text, k=5, **options), ranked(local, text, k=5, **options))
        unfiltered += remote.search(text, k=5, use_filters=False)[1].candidates > 50
    assert unfiltered == len(MESSAGES)  # the shards' lists were shorter than the candidates


def assert_same_cards(got: list[tuple[str, float]], want: list[tuple[str, float]]) -> None:
    """The same fused scores in the same order, and the same products at each score. Two
    products whose dense and BM25 ranks are swapped fuse to the same score, and which of a tie
    a partial sort puts first depends on the length of the list sorted (the in-process path
    sorts every candidate, the shards' path its shortlist); the last tie may be cut at k."""
    assert [score for _, score in got] == [score for _, score in want]
    groups: dict[float, tuple[set[str], set[str]]] = {}
    for (a, score), (b, _) in zip(got, want, strict=True):
        groups.setdefault(score, (set(), set()))[0].add(a)
        groups[score][1].add(b)
    for score, (mine, theirs) in groups.items():
        assert mine == theirs or score == got[-1][1], (score, mine, theirs)


def test_the_same_cards_through_the_api(sharded, fake_embedder):
    def app(settings: Settings):
        core = Assistant.load(settings, backend=ScriptedBackend(default="Here they are."), embed=fake_embedder)
        return create_app(settings.model_copy(update={"data_dir": settings.data_dir / "api"}), assistant=core)

    def answers(url: str) -> list:
        out = []
        with httpx.Client(base_url=url, timeout=30) as client:
            session = client.post("/v1/sessions").json()
            for message in MESSAGES[:4] + ["under 60", "in black"]:  # a conversation that refines
                with client.stream("POST", "/v1/chat", json={**session, "message": message}) as r:
                    assert r.status_code == 200
                    done = sse(r)[-1]
                assert done[0] == "done" and done[1]["degraded"] is None
                out.append([card["id"] for card in done[1]["products"]])
            found = client.post("/v1/search", json={"query": "waterproof jacket under $120", "k": 8}).json()
            assert found["degraded"] is None
            out.append([(r["product"]["id"], round(r["score"], 9)) for r in found["results"]])
            ready = client.get("/readyz").json()
            out.append(ready["dependencies"])
        return out

    with running(app(sharded)) as url:
        local = answers(url)
    with running(app(sharded.model_copy(update={"dense_search": "shards"}))) as url:
        remote = answers(url)
    assert local[-1] == {"catalog": "ok", "policies": "ok"}
    assert remote[-1] == {"catalog": "ok", "policies": "ok", "shards": "ok"}
    assert remote[:-1] == local[:-1] and all(local[:-1])


def test_a_shard_that_fails_degrades_the_turn_to_the_local_vectors(tmp_path, fake_embedder):
    settings = ingest(tmp_path / "data", fake_embedder, shard_by="category", dense_search="shards")
    local = SearchEngine.load(settings.model_copy(update={"dense_search": "local"}), embed=fake_embedder)
    core = Assistant.load(settings, backend=ScriptedBackend(default="Here they are."), embed=fake_embedder)
    engine = core.engine
    lost = next(s for s in engine.retriever.shards.shards if s.key == "footwear")
    store.chroma_client(settings).delete_collection(lost.name)

    query, result = engine.search("running shoes for women")
    assert result.degraded.startswith(f"shard {lost.name} (footwear)")
    assert result.degraded.endswith("ranked from this server's copy of the catalog instead")
    assert [h.product.id for h in result.hits] == [
        h.product.id for h in local.search("running shoes for women")[1].hits
    ]
    assert any("footwear" in h.product.category_path.lower() for h in result.hits)
    # A filter that leaves the lost shard out asks only the others: nothing degraded.
    assert engine.search("a wallet in black")[1].degraded is None

    with running(create_app(settings.model_copy(update={"data_dir": tmp_path / "api"}), assistant=core)) as url:
        with httpx.Client(base_url=url, timeout=30) as client:
            with client.stream("POST", "/v1/chat", json={"message": "running shoes"}) as r:
                assert r.status_code == 200
                events = sse(r)
            assert events[-1][0] == "done" and events[-1][1]["products"]
            assert lost.name in events[-1][1]["degraded"]
            ready = client.get("/readyz").json()
            assert ready["degraded"] is True and ready["dependencies"]["shards"] == "unavailable"
            assert lost.name in ready["detail"]["shards"]
            found = client.post("/v1/search", json={"query": "trail running shoes", "k": 3})
            assert found.status_code == 200 and found.json()["results"] and lost.name in found.json()["degraded"]


def test_a_shard_that_does_not_answer_in_time_costs_one_deadline(tmp_path, fake_embedder, monkeypatch):
    settings = ingest(
        tmp_path / "data",
        fake_embedder,
        shard_by="category",
        dense_search="shards",
        dependency_timeout_s=0.5,
        dependency_retry_s=30.0,
    )
    engine = SearchEngine.load(settings, embed=fake_embedder)
    release = threading.Event()
    ask = ShardedDense._ask

    def frozen(collection, *args):
        if collection.name == frozen_name:
            release.wait(10)
        return ask(collection, *args)

    frozen_name = next(s.name for s in engine.retriever.shards.shards if s.key == "footwear")
    assert engine.search("running shoes")[1].degraded is None  # warm: imports, first pages
    monkeypatch.setattr(ShardedDense, "_ask", staticmethod(frozen))
    try:
        started = time.monotonic()
        result = engine.search("running shoes")[1]
        assert time.monotonic() - started < 3.0 and result.hits
        assert "did not answer within 0.5s" in result.degraded and frozen_name in result.degraded
        started = time.monotonic()  # its server is skipped until dependency_retry_s has passed
        again = engine.search("sandals")[1]
        assert time.monotonic() - started < 0.4 and again.hits and "not answering" in again.degraded
    finally:
        release.set()


def test_shards_that_do_not_hold_the_catalog_are_one_clear_error_at_start(tmp_path, fake_embedder):
    settings = ingest(tmp_path / "data", fake_embedder)  # one collection, not the category layout
    wrong = settings.model_copy(update={"shard_by": "category", "dense_search": "shards"})
    with pytest.raises(ShopAssistError, match=r"hold 0 of the snapshot's \d+ products.*shopassist ingest"):
        SearchEngine.load(wrong, embed=fake_embedder)
    # The unsharded collection is one shard: the same path, asked once.
    one = SearchEngine.load(settings.model_copy(update={"dense_search": "shards"}), embed=fake_embedder)
    assert [s.name for s in one.retriever.shards.shards] == [store.PRODUCTS]
    assert one.search("dumbbells")[1].hits


class ChromaServers:
    """`chroma run` servers on 127.0.0.1, each in its own process group; stopped by `close`."""

    def __init__(self, root: Path, count: int):
        chroma = Path(sys.executable).parent / "chroma"
        if not chroma.is_file():
            pytest.skip(f"{chroma} not installed (it comes with chromadb)")
        self.procs: list[subprocess.Popen] = []
        self.urls = []
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        for i in range(count):
            port = free_port()
            cmd = [str(chroma), "run", "--path", str(root / f"srv{i}"), "--host", "127.0.0.1", "--port", str(port)]
            self.procs.append(
                subprocess.Popen(
                    cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True
                )
            )
            self.urls.append(f"http://127.0.0.1:{port}")

    def wait(self, timeout_s: float = 60.0) -> None:
        deadline = time.monotonic() + timeout_s
        for url, proc in zip(self.urls, self.procs, strict=True):
            while True:
                try:
                    if httpx.get(f"{url}/api/v2/heartbeat", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline and proc.poll() is None, "chroma run did not start"
                time.sleep(0.2)

    def close(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGCONT)  # a stopped server must run to take SIGTERM
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


@pytest.mark.slow
def test_serving_from_shards_on_two_chroma_servers(tmp_path, fake_embedder):
    """Two real `chroma run` servers: the API ranks the same cards as the in-process path; one
    server frozen (SIGSTOP) costs one deadline, then turns go on from the local vectors and say
    so, and when it runs again the shards answer again without a restart."""
    servers = ChromaServers(tmp_path, 2)
    try:
        servers.wait()
        settings = ingest(
            tmp_path / "data",
            fake_embedder,
            shard_by="category",
            chroma_shard_urls=servers.urls,
            dependency_timeout_s=1.0,
            dependency_retry_s=1.0,
        )
        assert {server for server, _ in ProductCollections(settings).existing()} == {0, 1}
        local = SearchEngine.load(settings, embed=fake_embedder)
        shards = settings.model_copy(update={"dense_search": "shards"})
        core = Assistant.load(shards, backend=ScriptedBackend(default="Here they are."), embed=fake_embedder)
        app = create_app(shards.model_copy(update={"data_dir": tmp_path / "api"}), assistant=core)

        def search(client: httpx.Client, text: str) -> dict:
            response = client.post("/v1/search", json={"query": text, "k": 10})
            assert response.status_code == 200
            return response.json()

        with running(app) as url, httpx.Client(base_url=url, timeout=30) as client:
            for text in MESSAGES:
                found = search(client, text)
                want = [(h.product.id, round(h.fused, 9)) for h in local.search(text)[1].hits]
                assert [(r["product"]["id"], round(r["score"], 9)) for r in found["results"]] == want
                assert found["degraded"] is None

            # Freeze the server holding a shard this message asks.
            text = "waterproof jacket under $120"
            allowed = local.catalog.mask(local.search(text)[1].constraints)
            asked = next(s for s in core.engine.retriever.shards.shards if allowed[s.rows].any())
            index = next(i for i, u in enumerate(servers.urls) if u in asked.chroma.name)
            os.killpg(servers.procs[index].pid, signal.SIGSTOP)
            started = time.monotonic()
            found = search(client, text)
            assert time.monotonic() - started < 5.0
            assert found["results"] and "did not answer within 1s" in found["degraded"]
            assert [r["product"]["id"] for r in found["results"]] == [h.product.id for h in local.search(text)[1].hits]
            with client.stream("POST", "/v1/chat", json={"message": text}) as r:
                done = sse(r)[-1]
            assert done[0] == "done" and done[1]["products"] and done[1]["degraded"]
            assert client.get("/readyz").json()["dependencies"]["shards"] == "unavailable"

            os.killpg(servers.procs[index].pid, signal.SIGCONT)
            deadline = time.monotonic() + 20
            while search(client, text)["degraded"] is not None:
                assert time.monotonic() < deadline, "the shards did not answer again after SIGCONT"
                time.sleep(0.5)
            assert client.get("/readyz").json()["dependencies"]["shards"] == "ok"
    finally:
        servers.close()


def test_grouped_shards_rank_the_same_cards(tmp_path, fake_embedder):
    """Categories hashed into three collections (`shard_groups`) serve the same cards."""
    grouped = ingest(tmp_path / "data", fake_embedder, shard_by="category", shard_groups=3, dense_search="shards")
    engine = SearchEngine.load(grouped, embed=fake_embedder)
    local = SearchEngine.load(grouped.model_copy(update={"dense_search": "local"}), embed=fake_embedder)
    held = np.sort(np.concatenate([s.rows for s in engine.retriever.shards.shards]))
    assert len(engine.retriever.shards.shards) == 3 and np.array_equal(held, np.arange(len(engine.catalog)))
    for text in MESSAGES[:5]:
        assert ranked(engine, text) == ranked(local, text)
