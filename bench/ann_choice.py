"""Which approximate index for dense search: faiss HNSW (float16 and float32) and hnswlib, side by
side on the same vectors, queries and filters, in one run.

Vectors: the Flipkart sample scaled up to N (its real vectors plus small noise, as
bench/query_latency.py builds them), so most vectors have near-duplicates, the hard case for a
graph. Queries: the dev queries, encoded. Filters: none, and "same top-level category as the
query's best product" (a category filter, 1-30 % of the catalog), applied inside each index's
search. Each index returns a 200-row shortlist that is re-scored exactly; recall@50 is against
exact search over the same allowed rows.

Usage: python bench/ann_choice.py [--n 100000] [--ef 256]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.dense_index import PROBES, SHORTLIST, DenseIndex  # noqa: E402
from assistant.evaluation.retrieval import load_queries  # noqa: E402
from bench.common import BENCH_DIR, DEV_QUERIES, FLIPKART, FLIPKART_MAPPING, summary_ms  # noqa: E402
from common.models import embedder, encode_query  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402
from ingest.snapshot import read_snapshot  # noqa: E402

GRAPH_LINKS = 16  # HNSW M, for the graphs compared
EF_CONSTRUCTION = 40  # HNSW build breadth: a 1M-vector graph takes tens of minutes on 2 cores past this


def scaled_vectors(base: np.ndarray, n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    reps = np.arange(n) % len(base)
    rng = np.random.default_rng(seed)
    vectors = base[reps] + rng.normal(scale=0.02, size=(n, base.shape[1])).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32), reps


def top(scores: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    k = min(k, len(rows))
    part = np.argpartition(-scores, k - 1)[:k]
    return rows[part[np.argsort(-scores[part])]]


def rerank(vectors: np.ndarray, qv: np.ndarray, shortlist: np.ndarray, k: int = 50) -> np.ndarray:
    return top(vectors[shortlist] @ qv, shortlist, k)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--ef", type=int, default=256)
    args = parser.parse_args()
    import faiss
    import hnswlib

    settings = Settings(data_dir=BENCH_DIR / "flipkart")
    ingest_catalog(settings, FLIPKART, FLIPKART_MAPPING, progress=False)
    base = read_snapshot(settings.index_dir)
    model = embedder(settings.embedding_model)
    texts = [q["query"] for q in load_queries(DEV_QUERIES)]
    queries = np.array([encode_query(model, t) for t in texts], dtype=np.float32)
    vectors, reps = scaled_vectors(np.asarray(base.vectors), args.n)
    top_node = np.array([p.category[0] if p.category else "" for p in base.products])[reps]
    masks = []
    for qv in queries:
        best = int(np.argmax(vectors @ qv))
        masks.append(top_node == top_node[best])
    share = np.mean([m.mean() for m in masks])
    print(f"{args.n:,} vectors, {len(texts)} queries; category filters keep {share:.1%} of rows on average")

    exact = {
        "unfiltered": [top(vectors @ qv, np.arange(args.n), 50) for qv in queries],
        "category": [top(vectors[m] @ qv, np.flatnonzero(m), 50) for qv, m in zip(queries, masks, strict=True)],
    }

    def faiss_hnsw(storage):
        if storage == "fp16":
            index = faiss.IndexHNSWSQ(
                vectors.shape[1], faiss.ScalarQuantizer.QT_fp16, GRAPH_LINKS, faiss.METRIC_INNER_PRODUCT
            )
            index.train(vectors[:10_000])
        else:
            index = faiss.IndexHNSWFlat(vectors.shape[1], GRAPH_LINKS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = EF_CONSTRUCTION
        index.add(vectors)

        def search(qv, mask):
            params = faiss.SearchParametersHNSW(efSearch=args.ef)
            bitmap = None
            if mask is not None:
                bitmap = np.packbits(mask, bitorder="little")
                params.sel = faiss.IDSelectorBitmap(len(mask), faiss.swig_ptr(bitmap))
            _, ids = index.search(qv.reshape(1, -1), SHORTLIST, params=params)
            ids = ids[0]
            return ids[ids >= 0]

        return search

    def faiss_ivf():
        """The index search uses (assistant/dense_index.py)."""
        index = DenseIndex.build(vectors)
        return lambda qv, mask: index.search(qv, SHORTLIST, mask)

    def hnswlib_index():
        index = hnswlib.Index(space="ip", dim=vectors.shape[1])
        index.init_index(max_elements=len(vectors), ef_construction=EF_CONSTRUCTION, M=GRAPH_LINKS)
        index.add_items(vectors, np.arange(len(vectors)))
        index.set_ef(args.ef)
        index.set_num_threads(1)

        def search(qv, mask):
            allowed = None if mask is None else (lambda label: bool(mask[label]))
            k = SHORTLIST if mask is None else min(SHORTLIST, int(mask.sum()))
            while True:
                try:  # hnswlib fails when the filtered walk finds fewer than k: ask for fewer
                    labels, _ = index.knn_query(qv.reshape(1, -1), k=k, filter=allowed)
                    return labels[0].astype(np.int64)
                except RuntimeError:
                    k //= 2

        return search

    faiss.omp_set_num_threads(2)
    builders = {
        f"faiss IVF fp16, as shipped ({PROBES} lists probed)": faiss_ivf,
        f"faiss HNSW fp16 (M={GRAPH_LINKS}, efConstruction={EF_CONSTRUCTION}, efSearch={args.ef})": lambda: faiss_hnsw(
            "fp16"
        ),
        "faiss HNSW float32 (same)": lambda: faiss_hnsw("flat"),
        "hnswlib (same; filter is a Python callback)": hnswlib_index,
    }
    for name, build in builders.items():
        t = time.perf_counter()
        search = build()
        build_s = time.perf_counter() - t
        faiss.omp_set_num_threads(1)
        print(f"\n== {name}: built in {build_s:.1f} s")
        for kind in ("unfiltered", "category"):
            times, recalls = [], []
            for i, qv in enumerate(queries):
                mask = None if kind == "unfiltered" else masks[i]
                t = time.perf_counter()
                found = rerank(vectors, qv, search(qv, mask))
                times.append((time.perf_counter() - t) * 1000)
                recalls.append(len(set(found.tolist()) & set(exact[kind][i].tolist())) / len(exact[kind][i]))
            print(f"{kind:11s} {summary_ms(times)}  recall@50 {np.mean(recalls):.3f} (min {min(recalls):.2f})")
        faiss.omp_set_num_threads(2)
        del search


if __name__ == "__main__":
    main()
