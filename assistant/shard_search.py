"""Dense search over the product collections in Chroma, every shard asked in parallel.

The router past one node (README, "Past one node"): products live in one Chroma collection per
top-level category or group of categories (`shard_by: category`, ingest/shards.py), on one
server or several; one unsharded collection is the same code with one shard. Filters
stay first: the caller's allow-list (the catalog's masks, one bit per snapshot row) decides
which shards are asked at all and which of their ids, so a request filtered to one category
asks one shard, and a shard none of whose products pass is skipped. A shard all of whose
products pass is asked without an id list. Each shard answers its own nearest (`BREADTH`, at
least k) by cosine distance; the union of the shards' top k holds the global top k, which is
merged by the same score and tie order as one unsharded collection ranks (id breaks ties), so
sharded and unsharded answers are the same ranked ids wherever Chroma's HNSW finds each shard's
true top k (tests/test_shard_search.py, bench/shard_latency.py).

Every Chroma call goes through that server's `Dependency` (common/dependency.py): a bounded
thread pool and the `dependency_timeout_s` deadline for the whole fan-out. A shard that fails or
does not answer in time fails the search with one line naming it: a ranking that silently left
out a category would look complete and be wrong. Serving (`dense_search: shards`, the retriever in
assistant/search.py) then ranks that request from the snapshot's own vectors and reports the line.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from assistant.catalog_tables import RowOf
from common.dependency import Dependency, DependencyUnavailable
from common.errors import ShopAssistError
from common.settings import Settings
from ingest import store
from ingest.shards import SHARD_KEY, ProductCollections, shard_urls

# Each shard is asked for at least this many neighbours, then the merge keeps k: Chroma's HNSW
# searches max(ef_search=100, n) candidates, and a catalog of near-duplicate variants strands
# a narrow search. bench/shard_latency.py at 100k (Flipkart variants), top 50 unfiltered,
# recall@50 against exact for 58 category shards: 0.948 asking 200, 0.961 asking 500, 0.999
# asking 1000 (one 100k collection: 0.884, 0.960, 0.963); filtered 0.999 asking 200, 1.000 from
# 500 on.
BREADTH = 1000


class ShardUnavailable(ShopAssistError):
    """A shard did not answer (its Chroma server is down, frozen or lost the collection)."""


@dataclass
class Shard:
    name: str  # the collection name
    key: str | None  # the top-level category it holds (None: the unsharded collection)
    collection: object  # chromadb Collection
    chroma: Dependency  # its server's deadline and thread pool
    rows: np.ndarray  # the snapshot rows it holds, sorted


class ShardedDense:
    """Exact-merge dense search over shards; `search` has `DenseIndex.search`'s interface."""

    def __init__(self, shards: list[Shard], row_of: RowOf, count: int, timeout_s: float, breadth: int = BREADTH):
        self.shards = shards
        self.breadth = breadth
        self.count = count
        self.timeout_s = timeout_s
        self.row_of = row_of
        # Why the last search failed, until one succeeds (/readyz reports it without asking).
        self.problem: str | None = None
        self.id_of = np.empty(count, dtype=row_of.ids.dtype)  # snapshot row -> product id
        self.id_of[row_of.rows] = row_of.ids

    @classmethod
    def open(cls, settings: Settings, row_of: RowOf, count: int) -> ShardedDense:
        """The product collections of the layout the settings ask for, each mapped to the
        snapshot rows it holds by asking it for its ids once (paged)."""
        urls = shard_urls(settings)
        servers = [
            Dependency(
                f"Chroma ({url or settings.chroma_url or settings.chroma_dir})",
                settings.dependency_timeout_s,
                settings.dependency_retry_s,
                workers=settings.shard_query_workers,
            )
            for url in urls
        ]
        shards = []
        try:
            collections = ProductCollections(settings)
            for place in filter(collections.in_layout, collections.existing()):
                coll = collections.collection(place)
                ids = [item["id"] for item in store.iter_records(coll, include=[])]
                rows = np.array([r for r in (row_of.get(pid) for pid in ids) if r is not None], dtype=np.int64)
                key = (coll.metadata or {}).get(SHARD_KEY)
                shards.append(Shard(place[1], key, coll, servers[place[0]], np.sort(rows)))
        except Exception as exc:  # chromadb raises transport and server errors of many types
            raise ShopAssistError(
                f"dense_search: shards could not read the product collections ({type(exc).__name__}: {exc}); "
                "start the Chroma servers in chroma_shard_urls (or chroma_url), or set dense_search: local"
            ) from exc
        held = np.zeros(count, dtype=bool)
        for shard in shards:
            held[shard.rows] = True
        if not held.all():
            # A search that cannot see some products would rank without them and look complete.
            missing = int(count - held.sum())
            raise ShopAssistError(
                f"dense_search: shards: the product collections in Chroma hold {count - missing:,} of the "
                f"snapshot's {count:,} products (none of {missing:,}); run `shopassist ingest` again with "
                "these shard settings (shard_by, shard_groups, chroma_shard_urls), or set dense_search: local"
            )
        return cls(shards, row_of, count, settings.dependency_timeout_s)

    def ranked(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The k nearest products by cosine similarity, (id, similarity), best first; among the
        rows `allowed` (a boolean mask over the snapshot rows) when given."""
        try:
            found = self._ranked(query, k, allowed)
        except ShardUnavailable as exc:
            self.problem = str(exc)
            raise
        self.problem = None
        return found

    def _ranked(self, query: np.ndarray, k: int, allowed: np.ndarray | None) -> list[tuple[str, float]]:
        vector = np.asarray(query, dtype=np.float32).tolist()
        asked = []
        for shard in self.shards:
            ids = None
            size = len(shard.rows)
            if allowed is not None:
                passing = shard.rows[allowed[shard.rows]]
                if len(passing) == 0:
                    continue  # filter first: a shard with nothing allowed is not asked
                if len(passing) < size:
                    ids, size = self.id_of[passing].tolist(), len(passing)
            if size:
                n = min(max(k, self.breadth), size)
                try:
                    asked.append((shard, shard.chroma.submit(self._ask, shard.collection, vector, n, ids)))
                except DependencyUnavailable as exc:  # its server timed out recently: not asked again yet
                    raise ShardUnavailable(f"shard {shard.name} ({shard.key or 'all products'}): {exc}") from exc
        deadline = time.monotonic() + self.timeout_s
        found: list[tuple[str, float]] = []
        for shard, future in asked:
            try:
                ids, distances = shard.chroma.wait(future, max(0.0, deadline - time.monotonic()))
            except DependencyUnavailable as exc:  # the fan-out's deadline passed (its server is now skipped)
                raise ShardUnavailable(
                    f"shard {shard.name} ({shard.key or 'all products'}): {shard.chroma.name} did not answer "
                    f"within {self.timeout_s:g}s"
                ) from exc
            except Exception as exc:  # chromadb raises transport and server errors of many types
                raise ShardUnavailable(
                    f"shard {shard.name} ({shard.key or 'all products'}) on {shard.chroma.name} failed: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            found.extend((pid, 1.0 - float(d)) for pid, d in zip(ids, distances, strict=True))
        found.sort(key=lambda hit: (-hit[1], hit[0]))
        # A product an interrupted re-ingest left in two shards (its category changed) counts once.
        best: list[tuple[str, float]] = []
        seen: set[str] = set()
        for pid, score in found:
            if pid not in seen:
                seen.add(pid)
                best.append((pid, score))
            if len(best) == k:
                break
        return best

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> np.ndarray:
        """Snapshot rows of the k nearest vectors (among `allowed`), as `DenseIndex.search`."""
        rows = (self.row_of.get(pid) for pid, _ in self.ranked(query, k, allowed))
        return np.array([r for r in rows if r is not None], dtype=np.int64)

    @staticmethod
    def _ask(collection, vector: list[float], n: int, ids: list[str] | None) -> tuple[list[str], list[float]]:
        got = collection.query(query_embeddings=[vector], n_results=n, ids=ids, include=["distances"])
        return got["ids"][0], got["distances"][0]
