"""Chroma, the store of record: embedded (PersistentClient) by default, a server when configured.

We always pass embeddings explicitly: Chroma's default embedding function downloads a model,
which fails offline. Storage failures (a read-only data directory, a full disk, a Chroma server
that went away) become one `ShopAssistError` line saying what and how to fix it
(`storage_errors`), never a traceback.
"""

from __future__ import annotations

import errno
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlparse

from common.errors import ShopAssistError
from common.settings import Settings

PRODUCTS = "products"
POLICIES = "policies"
# The policies' sections in other languages, beside the section of the original each translates
# (looked up by source and section, not searched): `ingest/policies.py` writes it.
POLICY_TRANSLATIONS = "policy_translations"
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


READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
# How Chroma (its Rust core and SQLite) words the same failures.
READ_ONLY_WORDS = ("read-only", "readonly", "os error 30", "os error 13", "permission denied")
FULL_WORDS = ("disk is full", "no space left", "os error 28", "quota exceeded", "file too large")
STORE_MODULES = ("chromadb", "sqlite3", "httpx", "httpcore")
FULL_BELOW_BYTES = 1 << 20  # a store error with less free space than this is a full disk


def storage_problem(exc: BaseException, settings: Settings) -> str | None:
    """One line for a storage failure (what, where, how to fix), or None when it is not one."""
    where = settings.chroma_url or str(settings.data_dir)
    message = str(exc).lower()
    is_os = isinstance(exc, OSError) and exc.errno is not None
    from_store = type(exc).__module__.split(".")[0] in STORE_MODULES or isinstance(exc, ConnectionError)
    if not (is_os or from_store):
        return None
    if (is_os and exc.errno in READ_ONLY_ERRNOS) or any(w in message for w in READ_ONLY_WORDS):
        return (
            f"cannot write to the data directory {settings.data_dir}: it is read-only or not writable by this "
            f"user ({exc}); fix its permissions or pass a writable --data-dir"
        )
    if (is_os and exc.errno in FULL_ERRNOS) or any(w in message for w in FULL_WORDS) or _disk_full(settings):
        return (
            f"no space left while writing to {where} ({exc}); free some disk space or pass another --data-dir, "
            "then run the ingest again (it resumes where it stopped)"
        )
    if settings.chroma_url:
        return (
            f"the Chroma server at {settings.chroma_url} failed: {exc}. Check that `chroma run` is up and reachable, "
            "then run the ingest again (it resumes where it stopped)"
        )
    if is_os:
        return f"cannot write to {where}: {exc}"
    return f"the Chroma store in {settings.chroma_dir} failed: {exc}"


def _disk_full(settings: Settings) -> bool:
    """Chroma sometimes reports a full disk as a failed compaction; the free space tells."""
    if settings.chroma_url:
        return False
    folder = settings.data_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW_BYTES
    except OSError:
        return False


@contextmanager
def storage_errors(settings: Settings) -> Iterator[None]:
    """Storage failures inside the block become one ShopAssistError line."""
    try:
        yield
    except ShopAssistError:
        raise
    except Exception as exc:
        problem = storage_problem(exc, settings)
        if problem is None:
            raise
        raise ShopAssistError(problem) from exc


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
