"""Where products live in Chroma: one collection, or one per top-level category (`shard_by`).

With `shard_by: category` each top-level category node ("Clothing", "Footwear") is its own
collection, `products-<slug>-<hash>`, carrying its category as metadata (`shard_key`);
`shard_groups: N` hashes the categories into N shards instead, which bounds how many collections
an unfiltered query asks (bench/shard_latency.py: the 58 Flipkart categories asked one by one
cost more than one collection). With `chroma_shard_urls` the shard collections are spread over
those Chroma servers, a shard's server chosen by a hash of its name, so every writer and reader
finds it in the same place without a directory service. Category is the shard key because it
is the filter-first unit: a request that names a category asks one shard
(assistant/shard_search.py).

`ProductCollections` is the one place ingest reads and writes products in Chroma. It finds
products in either layout and on any configured server, so switching `shard_by`, the groups or
the server list moves stored vectors to where the settings now put them, without re-embedding.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from common.schema import Product
from common.settings import Settings
from ingest import store

log = logging.getLogger(__name__)

SHARD_PREFIX = "products-"
SHARD_KEY = "shard_key"  # collection metadata: the top-level category a shard holds
SLUG_CHARS = 40


def shard_key(category: list[str]) -> str:
    """The shard of a product: its top-level category node, lower-cased ('' when it has none),
    the same node the search tables call its kind (`catalog_tables.kind_code`)."""
    return category[0].strip().lower() if category else ""


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def shard_group(key: str, groups: int) -> int:
    return _hash(key) % groups


def shard_name(key: str, groups: int | None = None) -> str:
    """A Chroma collection name for a category's shard. One per category: a readable slug plus a
    hash of the exact key (two categories with the same slug stay apart; Chroma allows
    [a-zA-Z0-9._-], 3-512 characters). With `groups`, categories hash into that many shards."""
    if groups:
        return f"{SHARD_PREFIX}group-{shard_group(key, groups):03d}-of-{groups:03d}"
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:SLUG_CHARS].strip("-")
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4).hexdigest()
    return f"{SHARD_PREFIX}{slug + '-' if slug else ''}{digest}"


def server_of(name: str, servers: int) -> int:
    """Which configured Chroma server holds the shard collection `name`: stable for a given
    number of servers."""
    return _hash(name) % servers


def shard_urls(settings: Settings) -> list[str | None]:
    """The Chroma servers products are written to; [None] is the one configured client
    (embedded Chroma, or `chroma_url`)."""
    if settings.shard_by == "category" and settings.chroma_shard_urls:
        return list(settings.chroma_shard_urls)
    return [None]


def clients(settings: Settings) -> list:
    """One Chroma client per server in `shard_urls` (chromadb.ClientAPI)."""
    return [
        store.chroma_client(settings if url is None else settings.model_copy(update={"chroma_url": url}))
        for url in shard_urls(settings)
    ]


def is_product_collection(name: str) -> bool:
    return name == store.PRODUCTS or name.startswith(SHARD_PREFIX)


Place = tuple[int, str]  # (server index in shard_urls, collection name)


@dataclass
class Stored:
    """One stored copy of a product: where it is and its metadata."""

    place: Place
    meta: dict[str, Any]


class ProductCollections:
    """The product collections of one data dir, in the layout the settings ask for."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.sharded = settings.shard_by == "category"
        self.clients = clients(settings)
        self._open: dict[Place, Any] = {}

    # -- where things go ----------------------------------------------------------------------
    def place_of(self, product: Product) -> Place:
        return self.place_for(product.category)

    def place_for(self, category: list[str]) -> Place:
        """Where a product of that category path lives in this layout."""
        if not self.sharded:
            return (0, store.PRODUCTS)
        name = shard_name(shard_key(category), self.settings.shard_groups)
        return (server_of(name, len(self.clients)), name)

    def shard_label(self, product: Product) -> str:
        """What a shard holds, kept in its metadata: its category, or its group of categories."""
        key, groups = shard_key(product.category), self.settings.shard_groups
        return f"categories hashed to group {shard_group(key, groups)} of {groups}" if groups else key

    def collection(self, place: Place, key: str | None = None):
        """The collection at `place`, created when missing (a shard records its category)."""
        if place not in self._open:
            server, name = place
            metadata: dict[str, Any] = {"hnsw:space": "cosine"}
            if key is not None:
                metadata[SHARD_KEY] = key
            self._open[place] = self.clients[server].get_or_create_collection(
                name, metadata=metadata, embedding_function=None
            )
        return self._open[place]

    def in_layout(self, place: Place) -> bool:
        """Whether a product collection belongs to the layout the settings ask for, on the server
        they put it on (a reader skips the rest: copies an interrupted move left behind)."""
        server, name = place
        if not self.sharded:
            return place == (0, store.PRODUCTS)
        grouped = re.fullmatch(rf"{SHARD_PREFIX}group-\d{{3}}-of-(\d{{3}})", name)
        groups = self.settings.shard_groups
        if name == store.PRODUCTS or (int(grouped[1]) if grouped else None) != groups:
            return False
        return server == server_of(name, len(self.clients))

    def existing(self) -> list[Place]:
        """Every product collection on every configured server, in either layout."""
        found = []
        for server, client in enumerate(self.clients):
            for coll in client.list_collections():
                name = coll if isinstance(coll, str) else coll.name
                if is_product_collection(name):
                    found.append((server, name))
        return sorted(found)

    # -- reading ------------------------------------------------------------------------------
    def stored(self) -> dict[str, list[Stored]]:
        """Product id -> its stored copies (more than one only after an interrupted move)."""
        copies: dict[str, list[Stored]] = defaultdict(list)
        for place in self.existing():
            for item in store.iter_records(self.collection(place), include=["metadatas"]):
                copies[item["id"]].append(Stored(place, item["metadatas"]))
        return copies

    def iter_records(self, include: list[str]) -> Iterator[dict[str, Any]]:
        for place in self.existing():
            yield from store.iter_records(self.collection(place), include=include)

    # -- writing ------------------------------------------------------------------------------
    def upsert(self, products: list[Product], vectors: np.ndarray, metadatas: list[dict[str, Any]]) -> None:
        """Each product to its place; one Chroma write per place."""
        groups: dict[Place, list[int]] = defaultdict(list)
        for i, p in enumerate(products):
            groups[self.place_of(p)].append(i)
        for place, rows in groups.items():
            key = self.shard_label(products[rows[0]]) if self.sharded else None
            self.collection(place, key).upsert(
                ids=[products[i].id for i in rows],
                embeddings=np.asarray(vectors)[rows],
                metadatas=[metadatas[i] for i in rows],
            )

    def move(self, products: list[Product], copies: dict[str, list[Stored]]) -> None:
        """Copy unchanged products' stored vectors to their place (no re-embedding); the old
        copies are removed afterwards by `delete`, so an interrupted move loses nothing."""
        by_source: dict[Place, list[Product]] = defaultdict(list)
        for p in products:
            by_source[copies[p.id][0].place].append(p)
        for source, items in by_source.items():
            for i in range(0, len(items), store.PAGE):
                chunk = items[i : i + store.PAGE]
                got = self.collection(source).get(ids=[p.id for p in chunk], include=["embeddings", "metadatas"])
                found = dict(zip(got["ids"], zip(got["embeddings"], got["metadatas"], strict=True), strict=True))
                chunk = [p for p in chunk if p.id in found]
                if chunk:
                    self.upsert(chunk, np.asarray([found[p.id][0] for p in chunk]), [found[p.id][1] for p in chunk])

    def delete(self, places: dict[Place, list[str]]) -> None:
        for place, ids in places.items():
            coll = self.collection(place)
            for i in range(0, len(ids), store.PAGE):
                coll.delete(ids=ids[i : i + store.PAGE])

    def drop_empty(self, keep: Iterable[Place] = ()) -> None:
        """Remove product collections left empty (a layout switched away from, a category gone)."""
        keep = set(keep)
        for place in self.existing():
            if place not in keep and self.collection(place).count() == 0:
                self.clients[place[0]].delete_collection(place[1])
                self._open.pop(place, None)

    def clear(self) -> None:
        """Delete every product collection (the vectors were made by another model)."""
        for server, name in self.existing():
            self.clients[server].delete_collection(name)
        self._open.clear()
