"""Approximate dense search for large catalogs: a faiss inverted-file index over the snapshot's
vectors.

Exact scoring is a mat-vec over every candidate: 2 ms at 10k products, 150 ms at 1M (issue 21).
Past `ANN_FROM` products the vectors are grouped around k-means centroids and a query scans only
the groups nearest to it, with the shop's hard filters applied inside the scan (a bitmap of the
allowed rows, `faiss.IDSelectorBitmap`), so a filtered request never loses results to a filter
applied afterwards; the shortlist is then re-scored exactly from the float32 vectors. When the
filters leave at most `EXACT_BELOW` rows, exact scoring over them is cheap and perfect.

Chosen by measurement on the same vectors, queries and filters (bench/ann_choice.py): faiss IVF
reached the highest recall, worst case included, among faiss HNSW, faiss IVF and hnswlib; a
graph over near-duplicate vectors (a catalog of variants) has queries that find almost none of
the true neighbours, and hnswlib's filter is a Python call per visited node. Chroma's own filtered HNSW query is 76x slower than exact search
at 1M (issue 21). Codes are float16: half the bytes of float32, re-ranking makes up the rest.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from pathlib import Path

import numpy as np

from ingest.snapshot import Snapshot, read_ahead

ANN_FROM = 50_000  # catalogs below this are scored exactly (retrieval figures there unchanged)
EXACT_BELOW = 20_000  # filtered candidates at or below this are scored exactly (a few ms)
SHORTLIST = 500  # rows the index returns for exact re-scoring: the fusion depth (Retriever.rrf_depth)
LISTS_PER_SQRT = 2  # inverted lists = 2 * sqrt(n): ~500 vectors a list at 1M
PROBES = 32  # lists scanned per query: recall@50 >= 0.95 on near-duplicate vectors
TRAIN_PER_LIST = 30  # k-means sample per list (faiss warns below 39; the recall is measured)
DENSE_FILE = "dense.faiss"
VERSION = 2


class DenseIndex:
    def __init__(self, index, count: int):
        self.index = index
        self.count = count

    @classmethod
    def build(cls, vectors: np.ndarray, batch: int = 50_000) -> DenseIndex:
        import faiss

        n, dim = vectors.shape
        lists = max(16, int(LISTS_PER_SQRT * math.sqrt(n)))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(
            quantizer, dim, lists, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT
        )
        sample = np.sort(np.random.default_rng(0).choice(n, min(n, lists * TRAIN_PER_LIST), replace=False))
        index.train(np.ascontiguousarray(vectors[sample], dtype=np.float32))
        for i in range(0, n, batch):  # a memory-mapped matrix is read a slice at a time
            index.add(np.ascontiguousarray(vectors[i : i + batch], dtype=np.float32))
        return cls(index, n)

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> np.ndarray:
        """Rows of (about) the k nearest vectors by inner product, among `allowed` when given."""
        import faiss

        bitmap = None
        params = faiss.SearchParametersIVF(nprobe=PROBES)
        if allowed is not None:
            bitmap = np.packbits(allowed, bitorder="little")  # faiss reads bit i of byte i >> 3
            params.sel = faiss.IDSelectorBitmap(self.count, faiss.swig_ptr(bitmap))
        _, ids = self.index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), k, params=params)
        del bitmap  # faiss held a raw pointer to it until here
        ids = ids[0]
        return ids[ids >= 0].astype(np.int64)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path, count: int) -> DenseIndex:
        """Memory-mapped: opens at once, and only the lists queries scan are read (at 1M, 60
        queries touched 540 of the 770 MB; the kernel can drop them again under pressure)."""
        import faiss

        read_ahead(path)
        return cls(faiss.read_index(str(path), faiss.IO_FLAG_MMAP), count)


def dense_index_for(snapshot: Snapshot) -> DenseIndex | None:
    """The snapshot's graph, when it has at least ANN_FROM products: read from beside it when it
    matches, else built and saved there (a read-only index keeps it in memory only)."""
    count = len(snapshot.vectors)
    if count < ANN_FROM:
        return None
    stamp = {"version": VERSION, "fingerprint": snapshot.meta.get("fingerprint"), "count": count}
    path = snapshot.path / DENSE_FILE
    stamp_path = path.with_suffix(".json")
    if path.is_file() and stamp_path.is_file() and json.loads(stamp_path.read_text()) == stamp:
        return DenseIndex.load(path, count)
    dense = DenseIndex.build(snapshot.vectors)
    try:
        tmp = Path(tempfile.mkdtemp(prefix="dense.tmp-", dir=snapshot.path))
    except OSError:
        return dense
    try:
        dense.save(tmp / DENSE_FILE)
        (tmp / "stamp.json").write_text(json.dumps(stamp))
        (tmp / DENSE_FILE).replace(path)
        (tmp / "stamp.json").replace(stamp_path)
    except OSError:
        pass  # another process saved it first, or the disk is full: this one stays in memory
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dense
