"""Query latency, memory and start-up at 10k, 100k and 1M products, beside plain faiss HNSW and
Chroma's `where` query on the same vectors.

The catalog is the Flipkart sample scaled up (new ids, title variants, price jitter) with its
real embeddings plus small noise (bench/common.py), so no million-product embedding run is
needed. Per scale:
  1. build: the snapshot is written (this process), then a fresh process opens it once, which
     builds the search tables and, past dense_index.ANN_FROM, the dense index (as `ingest` does);
  2. serve: another fresh process starts cold, loads the embedding model and the catalog, and
     answers the dev queries: query parsing, first card unfiltered and filtered (parsed
     constraints), encode included; start-to-first-answer; RSS after answering (before any
     exact scan for the recall check); recall@50 of the dense shortlist against exact search
     over the same allowed rows, and top-10 agreement of the final ranking with exact search;
  3. beside it, in the serve process after the measurements: faiss HNSW (filter as a bitmap)
     on the same vectors and filters, and Chroma's `where` price query, up to --baseline-max.

Usage: python bench/query_latency.py [--scales 10000,100000,1000000] [--repeat 2]
       [--baseline-max 100000] [--reuse]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

START = time.perf_counter()

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BENCH_DIR, DEV_QUERIES, FLIPKART, percentile, summary_ms  # noqa: E402


def rss_mb() -> tuple[float, float]:
    """(resident now, peak resident) of this process, MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def timed(fn, items, repeat: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock ms per call; with `cpu`, the process's CPU ms per call (all its threads) is
    appended there: on a shared machine the wall clock also counts the time spent waiting for
    a core, which the CPU time does not."""
    out = []
    for _ in range(repeat):
        for item in items:
            t, c = time.perf_counter(), time.process_time()
            fn(item)
            out.append((time.perf_counter() - t) * 1000)
            if cpu is not None:
                cpu.append((time.process_time() - c) * 1000)
    return out


def build(n: int, with_chroma: bool) -> Path:
    """Write the n-product snapshot (and a Chroma collection of the same vectors) under .cache."""
    from bench.common import FLIPKART_MAPPING, iter_scaled, scaled_vectors
    from common.settings import Settings
    from ingest.pipeline import ingest_catalog
    from ingest.snapshot import read_snapshot, write_snapshot

    base_settings = Settings(data_dir=BENCH_DIR / "flipkart")
    ingest_catalog(base_settings, FLIPKART, FLIPKART_MAPPING, progress=False)
    base = read_snapshot(base_settings.index_dir)
    originals = list(base.products)
    vectors = scaled_vectors(np.asarray(base.vectors), n)
    settings = Settings(data_dir=BENCH_DIR / f"latency-{n}")
    shutil.rmtree(settings.data_dir, ignore_errors=True)
    t = time.perf_counter()
    write_snapshot(settings.index_dir, iter_scaled(originals, n), vectors, "bench")
    print(f"snapshot written in {time.perf_counter() - t:.1f} s", flush=True)
    if with_chroma:
        from ingest import store

        coll = store.collection(store.chroma_client(settings), store.PRODUCTS)
        t = time.perf_counter()
        products = iter_scaled(originals, n)
        for i in range(0, n, 5000):
            chunk = [next(products) for _ in range(min(5000, n - i))]
            coll.add(
                ids=[p.id for p in chunk],
                embeddings=vectors[i : i + 5000],
                metadatas=[{"price": p.price if p.price is not None else -1.0} for p in chunk],
            )
        print(f"chroma collection built in {time.perf_counter() - t:.1f} s", flush=True)
    return settings.data_dir


def prepare(data_dir: Path) -> None:
    """Open the snapshot once: builds and saves its search tables and dense index."""
    from assistant.catalog import CatalogIndex

    t = time.perf_counter()
    catalog = CatalogIndex.load(data_dir / "index")
    kind = "tables + dense index" if catalog.dense is not None else "tables (exact dense search)"
    print(f"{kind} built in {time.perf_counter() - t:.1f} s; peak RSS {rss_mb()[1]:,.0f} MB", flush=True)


def serve(data_dir: Path, repeat: int, baselines: bool) -> None:
    from assistant.constraints import Constraints
    from assistant.dense_index import SHORTLIST
    from assistant.engine import SearchEngine
    from assistant.evaluation.retrieval import load_queries
    from assistant.understand import Query
    from common.models import encode_query
    from common.settings import Settings

    settings = Settings(data_dir=data_dir)
    engine = SearchEngine.load(settings)
    catalog, retriever, understander = engine.catalog, engine.retriever, engine.understander
    texts = [q["query"] for q in load_queries(DEV_QUERIES)]
    first = engine.search(texts[0], k=10)
    ready_s = time.perf_counter() - START
    assert first[1].hits or first[1].empty_reason

    cpu: dict[str, list[float]] = {"parse": [], "encode": [], "unfiltered": [], "filtered": []}
    parse_ms = timed(understander.parse, texts, repeat, cpu["parse"])
    encode_ms = timed(lambda t: encode_query(retriever.embed, t), texts, repeat, cpu["encode"])
    parsed = [understander.parse(t) for t in texts]
    unfiltered = timed(lambda q: retriever.search(q, k=10, use_filters=False), parsed, repeat, cpu["unfiltered"])
    filtered = timed(lambda q: retriever.search(q, k=10), parsed, repeat, cpu["filtered"])
    rss, peak = rss_mb()
    masks = [catalog.mask(q.constraints) for q in parsed]
    n = len(catalog)
    print(
        f"\n== {n:,} products, {len(texts)} queries x {repeat}; dense search: "
        f"{'approximate (faiss IVF) past the exact threshold' if catalog.dense else 'exact'}"
    )
    print(f"start to first answer   {ready_s:7.1f} s   (fresh process: imports, model, catalog)")
    print(f"RSS after answering     {rss:7.0f} MB  (peak {peak:,.0f} MB)")
    print(f"query parsing           {summary_ms(parse_ms)}")
    print(f"query encode alone      {summary_ms(encode_ms)}")
    print(f"first card, unfiltered  {summary_ms(unfiltered)}   (encode included)")
    print(
        f"first card, filtered    {summary_ms(filtered)}   (median filter keeps "
        f"{np.median([m.sum() for m in masks]):,.0f} rows)"
    )
    load = os.getloadavg()
    print(f"CPU time of the same calls (process, all threads; load average {load[0]:.1f} / {load[1]:.1f} now):")
    for name, values in cpu.items():
        print(f"  {name:<21} {summary_ms(values)}")

    # Recall@50 of the dense shortlist against exact search over the same allowed rows, and
    # agreement of the final top 10 with fully exact search. This scans every vector (memory
    # grows by the matrix): measured after RSS above.
    vectors = catalog.vectors
    recalls: dict[str, list[float]] = {"unfiltered": [], "filtered": []}
    agree: list[float] = []
    dense = catalog.dense
    for query, mask in zip(parsed, masks, strict=True):
        qv = np.asarray(encode_query(retriever.embed, query.text), dtype=np.float32)
        for kind, allowed in (("unfiltered", None), ("filtered", mask)):
            rows = np.arange(n) if allowed is None else np.flatnonzero(allowed)
            if len(rows) == 0:
                continue
            scores = np.asarray(vectors[rows] @ qv)
            truth = set(rows[np.argsort(-scores)[:50]].tolist())
            if dense is None or (allowed is not None and len(rows) <= 20_000):
                recalls[kind].append(1.0)  # exact search answers these
                continue
            short = dense.search(qv, SHORTLIST, allowed)
            found = short[np.argsort(-(np.asarray(vectors[short]) @ qv))[:50]]
            recalls[kind].append(len(truth & set(found.tolist())) / len(truth))
        got = [h.product.id for h in retriever.search(query, k=10).hits]
        catalog.dense = None
        want = [h.product.id for h in retriever.search(query, k=10).hits]
        catalog.dense = dense
        agree.append(len(set(got) & set(want)) / len(want) if want else float(not got))
    for kind, values in recalls.items():
        print(f"recall@50 dense, {kind:10s} {np.mean(values):.3f} (min {min(values):.2f})")
    print(f"top-10 agreement with exact hybrid search {np.mean(agree):.3f}")

    if not baselines:
        return
    import faiss

    faiss.omp_set_num_threads(2)
    t = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(vectors.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = 40
    for i in range(0, n, 50_000):
        hnsw.add(np.ascontiguousarray(vectors[i : i + 50_000], dtype=np.float32))
    build_s = time.perf_counter() - t
    faiss.omp_set_num_threads(1)

    def faiss_search(item):
        query, mask = item
        qv = np.asarray(encode_query(retriever.embed, query.text), dtype=np.float32).reshape(1, -1)
        params = faiss.SearchParametersHNSW(efSearch=64)
        bitmap = None
        if mask is not None:
            bitmap = np.packbits(mask, bitorder="little")
            params.sel = faiss.IDSelectorBitmap(n, faiss.swig_ptr(bitmap))
        hnsw.search(qv, 10, params=params)

    f_plain = timed(faiss_search, [(q, None) for q in parsed], repeat)
    f_filtered = timed(faiss_search, list(zip(parsed, masks, strict=True)), repeat)
    print(f"faiss HNSW (M=32, built in {build_s:.0f} s), unfiltered {summary_ms(f_plain)}")
    print(f"faiss HNSW, same filters as bitmap        {summary_ms(f_filtered)}")
    ratio = lambda ours, theirs, q: percentile(ours, q) / percentile(theirs, q)  # noqa: E731
    print(
        f"ratio ours / faiss HNSW: unfiltered p50 x{ratio(unfiltered, f_plain, 50):.2f} p95 "
        f"x{ratio(unfiltered, f_plain, 95):.2f}; filtered p50 x{ratio(filtered, f_filtered, 50):.2f} "
        f"p95 x{ratio(filtered, f_filtered, 95):.2f}"
    )

    chroma_dir = data_dir / "chroma"
    if chroma_dir.exists():
        from ingest import store

        coll = store.collection(store.chroma_client(settings), store.PRODUCTS)
        price_queries = [Query(t, t, Constraints(price_max=1000.0)) for t in texts]
        ours_price = timed(lambda q: retriever.search(q, k=10), price_queries, repeat)
        chroma_price = timed(
            lambda q: coll.query(
                query_embeddings=[encode_query(retriever.embed, q.text)],
                n_results=10,
                where={"$and": [{"price": {"$gte": 0.0}}, {"price": {"$lte": 1000.0}}]},
            ),
            price_queries,
            repeat,
        )
        print(f"ours, price <= 1000              {summary_ms(ours_price)}")
        print(f"chroma where price <= 1000       {summary_ms(chroma_price)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--baseline-max", type=int, default=100_000, help="largest scale with faiss HNSW and Chroma beside"
    )
    parser.add_argument("--reuse", action="store_true", help="measure the catalogs a previous run built")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--baselines", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare(args.prepare)
    if args.serve:
        return serve(args.serve, args.repeat, args.baselines)
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    for n in [int(s) for s in args.scales.split(",")]:
        with_baselines = n <= args.baseline_max
        data_dir = BENCH_DIR / f"latency-{n}"
        me = [sys.executable, __file__]
        if not (args.reuse and (data_dir / "index" / "meta.json").is_file()):
            data_dir = build(n, with_chroma=with_baselines)
            subprocess.run([*me, "--prepare", str(data_dir)], check=True, env=os.environ)
        serve_args = ["--serve", str(data_dir), "--repeat", str(args.repeat)]
        subprocess.run([*me, *serve_args, *(["--baselines"] if with_baselines else [])], check=True, env=os.environ)
    print(
        json.dumps(
            {"targets at 1M": "first card p95 <= 50 ms, parsing <= 5 ms, RSS <= 3 GB, ready <= 60 s, recall@50 >= 0.95"}
        )
    )


if __name__ == "__main__":
    main()
