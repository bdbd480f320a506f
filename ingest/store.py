"""Chroma, the store of record: embedded (PersistentClient) by default, a server when configured.

We always pass embeddings explicitly: Chroma's default embedding function downloads a model,
which fails offline.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from common.errors import ShopAssistError
from common.settings import Settings

PRODUCTS = "products"
POLICIES = "policies"
PAGE = 2000  # Chroma get() page size: bounded memory for large catalogs


def chroma_client(settings: Settings):  # -> chromadb.ClientAPI
    import chromadb

    chroma_settings = chromadb.Settings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ShopAssistError(f"chroma url {settings.chroma_url!r} is not http://HOST:PORT; fix --chroma-url")
        try:
            client = chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
            client.heartbeat()
        except Exception as exc:  # connection refused, DNS, TLS...
            raise ShopAssistError(
                f"cannot reach the Chroma server at {settings.chroma_url}: {exc}. "
                "Start it with `chroma run --path DIR --host 127.0.0.1 --port N` or drop --chroma-url"
            ) from exc
        return client
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def collection(client, name: str):
    return client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"}, embedding_function=None)


def iter_records(coll, include: list[str]) -> Iterator[dict[str, Any]]:
    """Page through a collection: yields {'id', and each included field} per item."""
    offset = 0
    while True:
        page = coll.get(include=include, limit=PAGE, offset=offset)
        ids = page["ids"]
        if not ids:
            return
        for i, pid in enumerate(ids):
            item: dict[str, Any] = {"id": pid}
            for field in include:
                item[field] = page[field][i]
            yield item
        offset += len(ids)


def product_metadata(product, embed_model: str) -> dict[str, Any]:
    """Flat metadata Chroma can filter on, plus the whole record as JSON."""
    meta: dict[str, Any] = {
        "content_hash": product.content_hash,
        "embed_model": embed_model,
        "record": json.dumps(product.model_dump(), ensure_ascii=False),
        "title": product.title,
        "category": product.category_path,
        "in_stock": product.in_stock,
    }
    # Chroma metadata values cannot be None: leave unknown fields out.
    if product.price is not None:
        meta["price"] = product.price
    if product.brand:
        meta["brand"] = product.brand.lower()
    if product.rating is not None:
        meta["rating"] = product.rating
    return meta
