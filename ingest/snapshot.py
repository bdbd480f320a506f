"""The search snapshot: product records, their vectors and the BM25 index, side by side on disk.

Chroma is the store of record. Search needs every vector and record in memory anyway (filter
first, then exact scoring over the candidates), and reading 100k items back out of Chroma on
every start is slow, so ingest writes this snapshot from Chroma's contents once per change.
It is written to a temporary folder and swapped in, so readers never see half of one, and an
interrupted write leaves no temporary folder behind once the next write has run or the
assistant next loads (`ingest.lock.tidy_if_idle`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from common.errors import ShopAssistError
from common.models import MULTILINGUAL
from common.schema import Product
from common.settings import BUNDLED
from common.text import bm25_tokens

# Bump when Product.index_text or the tokeniser changes: every product is then re-indexed.
FORMAT_VERSION = 2
TMP_MARK = ".tmp-"  # temporary snapshot folders are named index.tmp-XXXX, beside the index

# bm25s sets its own logger to DEBUG, which would print index-building chatter on every ingest.
logging.getLogger("bm25s").setLevel(logging.WARNING)


@dataclass
class Snapshot:
    products: list[Product]
    vectors: np.ndarray  # (n, dim) float32, L2-normalised
    bm25: bm25s.BM25
    meta: dict


def fingerprint(id_hashes: dict[str, str], embed_model: str) -> str:
    h = hashlib.sha256(embed_model.encode())
    for pid in sorted(id_hashes):
        h.update(f"{pid}:{id_hashes[pid]}\n".encode())
    return h.hexdigest()[:16]


def write_snapshot(index_dir: Path, products: list[Product], vectors: np.ndarray, embed_model: str) -> None:
    """Write the snapshot into a fresh temporary folder beside `index_dir`, then swap it in.

    A write that fails or is interrupted (an exception, SIGTERM turned into SystemExit by the
    CLI, Ctrl-C) removes its temporary folder; one killed outright (SIGKILL, power loss) leaves
    it behind, and the next write or load removes it (`remove_leftovers`). Writers hold the ingest lock
    (ingest.lock), so a leftover is never another writer's live folder.
    """
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(index_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f"{index_dir.name}{TMP_MARK}", dir=index_dir.parent))
    try:
        _write_files(tmp, products, vectors, embed_model)
        _swap(tmp, index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _write_files(tmp: Path, products: list[Product], vectors: np.ndarray, embed_model: str) -> None:
    with open(tmp / "products.jsonl", "w", encoding="utf-8") as f:
        for p in products:
            f.write(p.model_dump_json() + "\n")
    np.save(tmp / "vectors.npy", vectors.astype(np.float32))
    retriever = bm25s.BM25(k1=1.5, b=0.75)
    corpus = [bm25_tokens(p.index_text()) or [""] for p in products]
    retriever.index(corpus, show_progress=False)
    retriever.save(str(tmp / "bm25"), show_progress=False)
    meta = {
        "format": FORMAT_VERSION,
        "count": len(products),
        "dim": int(vectors.shape[1]) if len(products) else 0,
        "embed_model": embed_model,
        "fingerprint": fingerprint({p.id: p.content_hash for p in products}, embed_model),
    }
    (tmp / "meta.json").write_text(json.dumps(meta, indent=2))


def _swap(tmp: Path, index_dir: Path) -> None:
    """Put `tmp` in place of `index_dir`: two renames; the old folder is removed after."""
    old = index_dir.with_name(index_dir.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if index_dir.exists():
        index_dir.rename(old)
    tmp.rename(index_dir)
    shutil.rmtree(old, ignore_errors=True)


def remove_leftovers(index_dir: Path) -> list[Path]:
    """Remove what an interrupted write left beside `index_dir`: temporary folders, and the
    previous snapshot (`.old`), which is put back first if the swap stopped half-way."""
    removed = []
    old = index_dir.with_name(index_dir.name + ".old")
    if old.is_dir() and not index_dir.exists():
        old.rename(index_dir)  # killed between the two renames of _swap: the old one is whole
    for stray in [
        *index_dir.parent.glob(f"{index_dir.name}{TMP_MARK}*"),
        index_dir.with_name(index_dir.name + ".tmp"),
        old,
    ]:
        if stray.is_dir():
            shutil.rmtree(stray, ignore_errors=True)
            removed.append(stray)
    return removed


def read_meta(index_dir: Path) -> dict | None:
    path = index_dir / "meta.json"
    return json.loads(path.read_text()) if path.is_file() else None


def indexed_embedding_model(settings) -> str:
    """The embedding model to query an index with: the configured one, or the one the index was
    built with when ingest chose the multilingual model for a Chinese catalog."""
    meta = read_meta(settings.index_dir) or {}
    built_with = str(meta.get("embed_model", "")).split("|")[0]
    if settings.embedding_model == BUNDLED and built_with == MULTILINGUAL:
        return MULTILINGUAL
    return settings.embedding_model


def read_snapshot(index_dir: Path) -> Snapshot:
    meta = read_meta(index_dir)
    if meta is None:
        raise ShopAssistError(
            f"no product index in {index_dir.parent}; run `shopassist ingest CATALOG` first "
            "(or pass the right --data-dir)"
        )
    with open(index_dir / "products.jsonl", encoding="utf-8") as f:
        products = [Product.model_validate_json(line) for line in f]
    vectors = np.load(index_dir / "vectors.npy")
    retriever = bm25s.BM25.load(str(index_dir / "bm25"), load_vocab=True, show_progress=False)
    return Snapshot(products, vectors, retriever, meta)
