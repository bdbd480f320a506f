"""The search snapshot: product records, their vectors and the BM25 index, side by side on disk.

Chroma is the store of record. Reading 100k items back out of Chroma on every start is slow, so
ingest writes this snapshot from Chroma's contents once per change. It is opened, not loaded:
records are read one at a time through a byte-offset table, and the vectors and BM25 matrices
are memory-mapped, so a million-product snapshot opens in seconds and costs memory only for
what a search touches.
It is written to a temporary folder and swapped in, so readers never see half of one, and an
interrupted write leaves no temporary folder behind once the next write has run or the
assistant next loads (`ingest.lock.tidy_if_idle`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np

from common.errors import ShopAssistError
from common.models import MULTILINGUAL
from common.schema import Product
from common.settings import BUNDLED
from common.text import bm25_tokens
from common.untrusted import shown_product

# Bump when Product.index_text or the tokeniser changes: every product is then re-indexed.
FORMAT_VERSION = 3
TMP_MARK = ".tmp-"  # temporary snapshot folders are named index.tmp-XXXX, beside the index

# bm25s sets its own logger to DEBUG, which would print index-building chatter on every ingest.
logging.getLogger("bm25s").setLevel(logging.WARNING)


# Records parsed recently, per snapshot: a search reads its ten cards and their neighbours again.
RECORD_CACHE = 4096
# Catalogs up to this size are parsed whole at open (about a second): code that scans every
# product (naming, answers, the copilot) stays as fast as with a list. Past it, rows are read on
# demand and such scans cost a parse per product.
EAGER_RECORDS = 20_000


class ProductRecords(Sequence[Product]):
    """The snapshot's products, read on demand: row i is line i of products.jsonl.

    `offsets` holds where each line starts (n + 1 entries), so a row is one slice of the
    memory-mapped file and one pydantic parse; a million records never sit in memory at once.
    Every record is held to the output filter (`shown_product`) as it is parsed, once per row
    read, so every path that shows or quotes one gets the same text: an index written by another
    tool or an older version is not trusted more than a catalog file.
    """

    def __init__(self, path: Path, offsets: np.ndarray):
        self.path = path
        self.offsets = offsets
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if offsets[-1] else None
        self._get = lru_cache(maxsize=RECORD_CACHE)(self._parse)
        self._all: list[Product] | None = list(self._stream()) if len(self) <= EAGER_RECORDS else None

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def _parse(self, row: int) -> Product:
        assert self._map is not None
        return shown_product(
            Product.model_validate_json(self._map[int(self.offsets[row]) : int(self.offsets[row + 1])])
        )

    def __getitem__(self, row):  # type: ignore[override]
        if self._all is not None:
            return self._all[row]
        if isinstance(row, slice):
            return [self._get(i) for i in range(*row.indices(len(self)))]
        row = int(row)
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(f"product row {row} out of range (0..{len(self) - 1})")
        return self._get(row)

    def __iter__(self) -> Iterator[Product]:
        """Every record in order (streamed from the file past EAGER_RECORDS)."""
        return iter(self._all) if self._all is not None else self._stream()

    def _stream(self) -> Iterator[Product]:
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                yield shown_product(Product.model_validate_json(line))


@dataclass
class Snapshot:
    products: ProductRecords
    vectors: np.ndarray  # (n, dim) float32, L2-normalised, memory-mapped read-only
    bm25: bm25s.BM25
    meta: dict
    path: Path


def fingerprint(id_hashes: dict[str, str], embed_model: str) -> str:
    h = hashlib.sha256(embed_model.encode())
    for pid in sorted(id_hashes):
        h.update(f"{pid}:{id_hashes[pid]}\n".encode())
    return h.hexdigest()[:16]


def write_snapshot(index_dir: Path, products: Iterable[Product], vectors: np.ndarray, embed_model: str) -> None:
    """Write the snapshot into a fresh temporary folder beside `index_dir`, then swap it in.

    `products` is read once, in step with the rows of `vectors`, so a caller can stream them.
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


def _write_files(tmp: Path, products: Iterable[Product], vectors: np.ndarray, embed_model: str) -> None:
    n = len(vectors)
    offsets = np.zeros(n + 1, dtype=np.int64)
    hashes: dict[str, str] = {}
    corpus: list[list[str]] = []
    with open(tmp / "products.jsonl", "wb") as f:
        for i, p in enumerate(products):
            offsets[i + 1] = offsets[i] + f.write(p.model_dump_json().encode() + b"\n")
            hashes[p.id] = p.content_hash
            corpus.append(_index_tokens(p) or [""])
    if len(corpus) != n:
        raise ValueError(f"{len(corpus)} products but {n} vectors")
    np.save(tmp / "offsets.npy", offsets)
    np.save(tmp / "vectors.npy", np.asarray(vectors, dtype=np.float32))
    retriever = bm25s.BM25(k1=1.5, b=0.75)
    retriever.index(corpus, show_progress=False)
    del corpus
    retriever.save(str(tmp / "bm25"), show_progress=False)
    meta = {
        "format": FORMAT_VERSION,
        "count": n,
        "dim": int(vectors.shape[1]) if n else 0,
        "embed_model": embed_model,
        "fingerprint": fingerprint(hashes, embed_model),
    }
    (tmp / "meta.json").write_text(json.dumps(meta, indent=2))


def _index_tokens(p: Product) -> list[str]:
    """`bm25_tokens(p.index_text())`, in two parts: the title's, and the rest's (category, brand,
    description: shared by a product's variants, so cached). The index text joins its parts with
    ". ", which no token spans, so the two parts' tokens are the whole text's."""
    text = p.index_text()
    if not text.startswith(p.title + ". "):
        return list(_tokens(text))
    return [*_tokens(p.title), *_tokens(text[len(p.title) + 2 :])]


@lru_cache(maxsize=1 << 12)
def _tokens(text: str) -> tuple[str, ...]:
    # Interned: a million documents share a few hundred thousand distinct words.
    return tuple(sys.intern(t) for t in bm25_tokens(text))


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
    products = ProductRecords(index_dir / "products.jsonl", _offsets(index_dir))
    for path in [index_dir / "vectors.npy", *(index_dir / "bm25").glob("*.npy")]:
        read_ahead(path)
    vectors = np.load(index_dir / "vectors.npy", mmap_mode="r")
    retriever = bm25s.BM25.load(str(index_dir / "bm25"), load_vocab=True, mmap=True, show_progress=False)
    return Snapshot(products, vectors, retriever, meta, index_dir)


def read_ahead(path: Path) -> None:
    """Ask the kernel to read a memory-mapped file into its page cache in the background, so
    the first requests after a start do not each wait on the disk (it costs no process memory)."""
    if hasattr(os, "posix_fadvise") and path.is_file():
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        finally:
            os.close(fd)


def _offsets(index_dir: Path) -> np.ndarray:
    """Line start offsets of products.jsonl: stored since snapshots carried them, else counted."""
    if (index_dir / "offsets.npy").is_file():
        return np.load(index_dir / "offsets.npy")
    ends = [0]
    with open(index_dir / "products.jsonl", "rb") as f:
        for line in f:
            ends.append(ends[-1] + len(line))
    return np.asarray(ends, dtype=np.int64)
