"""Sharded vs unsharded dense search over Chroma, side by side in one run (10k-100k products).

Per scale, the Flipkart catalog scaled up (bench/common.py: real MiniLM vectors plus small
noise) is written three times through ingest's own writer (`ingest.shards.ProductCollections`):
one collection "products", one collection per top-level category (`shard_by: category`), and
the categories hashed into --groups collections (`shard_groups`); in
embedded Chroma, or with --servers N over `chroma run` servers on 127.0.0.1 (one for the
unsharded collection, N of their own for each sharded layout, spread by `chroma_shard_urls`). The snapshot of the same
products gives the filter masks: the dev queries parsed by the assistant's understander, as a
shopper's message is. Every query is asked of each path in turn (unfiltered, then filtered;
top 50), so machine load falls on all alike.

Prints per path p50/p95 latency (query encoded once beforehand, not timed), the ratio to one
collection, how many shards a filtered query asked, identity (queries where a path returns the
same 50 ranked ids as one collection, and as exact search over the same allowed rows) and
recall@50 against exact search (Chroma's HNSW is approximate, sharded or not).

Usage: python bench/shard_latency.py [--scales 10000,100000] [--repeat 2] [--groups 4] [--servers 0]
       [--breadth 200] [--reuse]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.shard_search import BREADTH  # noqa: E402
from bench.common import BENCH_DIR, DEV_QUERIES, FLIPKART, FLIPKART_MAPPING, percentile, summary_ms  # noqa: E402

K = 50
WRITE_BATCH = 5000


def start_servers(count: int, root: Path, procs: list[subprocess.Popen]) -> list[str]:
    """Start `count` servers (added to `procs` at once, so the caller stops them even if one
    never answers) and wait until each answers; their URLs."""
    from common.settings import Settings
    from common.vllm_server import free_port
    from ingest import store

    chroma_bin = Path(sys.executable).parent / "chroma"
    urls = []
    for i in range(count):
        port = free_port()
        cmd = [str(chroma_bin), "run", "--path", str(root / f"srv{i}"), "--host", "127.0.0.1", "--port", str(port)]
        procs.append(
            subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        )
        urls.append(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 90
    for url in urls:
        while True:
            try:
                store.chroma_client(Settings(data_dir=root, chroma_url=url))
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
    return urls


def write(settings, products, vectors: np.ndarray) -> float:
    """Both layouts go through ingest's writer; returns seconds."""
    from ingest import store
    from ingest.shards import ProductCollections

    collections = ProductCollections(settings)
    t = time.perf_counter()
    for i in range(0, len(products), WRITE_BATCH):
        chunk = products[i : i + WRITE_BATCH]
        collections.upsert(chunk, vectors[i : i + WRITE_BATCH], [store.product_metadata(p, "bench") for p in chunk])
    return time.perf_counter() - t


def run_scale(n: int, repeat: int, groups: int, servers: int, breadth: int, reuse: bool) -> None:
    from assistant.catalog import CatalogIndex
    from assistant.evaluation.retrieval import load_queries
    from assistant.shard_search import ShardedDense
    from assistant.understand import Understander
    from bench.common import iter_scaled, scaled_vectors
    from common.models import embedder, encode_query
    from common.settings import Settings
    from ingest.pipeline import ingest_catalog
    from ingest.snapshot import read_snapshot, write_snapshot

    base_settings = Settings(data_dir=BENCH_DIR / "flipkart")
    ingest_catalog(base_settings, FLIPKART, FLIPKART_MAPPING, progress=False)
    base = read_snapshot(base_settings.index_dir)
    originals = list(base.products)
    vectors = scaled_vectors(np.asarray(base.vectors), n)
    root = BENCH_DIR / f"shards-{n}"
    marker = root / "written.json"
    layout_args = {"n": n, "groups": groups, "servers": servers}
    reuse = reuse and marker.is_file() and json.loads(marker.read_text()) == layout_args
    if not reuse:
        shutil.rmtree(root, ignore_errors=True)
    # Each layout on servers of its own: a layout reads every product collection on its servers.
    procs: list[subprocess.Popen] = []
    urls: dict[str, list[str]] = {}
    try:
        for name, count in (("one", 1), ("categories", servers), ("groups", servers)):
            urls[name] = start_servers(count, root / name, procs) if servers else []
        layouts = {
            "one collection": Settings(data_dir=root / "one", chroma_url=urls["one"][0] if servers else None),
            "per category": Settings(
                data_dir=root / "categories", shard_by="category", chroma_shard_urls=urls["categories"]
            ),
            f"{groups} groups": Settings(
                data_dir=root / "groups", shard_by="category", shard_groups=groups, chroma_shard_urls=urls["groups"]
            ),
        }
        index_dir = layouts["one collection"].index_dir
        if not reuse:
            write_snapshot(index_dir, iter_scaled(originals, n), vectors, "bench")
        t = time.perf_counter()
        catalog = CatalogIndex.load(index_dir)
        tables_s = time.perf_counter() - t
        written: dict[str, float] = {}
        if not reuse:
            products = list(iter_scaled(originals, n))
            written = {name: write(settings, products, vectors) for name, settings in layouts.items()}
            del products
            marker.write_text(json.dumps(layout_args))
        dense = {name: ShardedDense.open(settings, catalog.row_of, len(catalog)) for name, settings in layouts.items()}
        for path in dense.values():
            path.breadth = breadth

        embed = embedder(Settings().embedding_model)
        understander = Understander(catalog, embed)
        texts = [q["query"] for q in load_queries(DEV_QUERIES)]
        parsed = [understander.parse(t) for t in texts]
        items = [
            (np.asarray(encode_query(embed, q.text), dtype=np.float32), catalog.mask(q.constraints)) for q in parsed
        ]
        items = [(qv, mask) for qv, mask in items if mask.any()]

        times: dict[tuple[str, str], list[float]] = defaultdict(list)
        same: dict[tuple[str, str], int] = defaultdict(int)
        exact: dict[tuple[str, str], int] = defaultdict(int)
        recall: dict[tuple[str, str], list[float]] = defaultdict(list)
        asked: dict[str, list[int]] = defaultdict(list)
        for round_ in range(repeat):
            for qv, mask in items:
                for kind, allowed in (("unfiltered", None), ("filtered", mask)):
                    answers = {}
                    for name, path in dense.items():
                        t = time.perf_counter()
                        answers[name] = [pid for pid, _ in path.ranked(qv, K, allowed)]
                        times[(name, kind)].append((time.perf_counter() - t) * 1000)
                    if round_:
                        continue
                    rows = np.arange(len(catalog)) if allowed is None else np.flatnonzero(allowed)
                    scores = np.asarray(catalog.vectors[rows]) @ qv
                    truth = [catalog.products[r].id for r in rows[np.argsort(-scores, kind="stable")[:K]]]
                    for name, ids in answers.items():
                        same[(name, kind)] += ids == answers["one collection"]
                        exact[(name, kind)] += ids == truth
                        recall[(name, kind)].append(len(set(truth) & set(ids)) / len(truth))
                        if allowed is not None:
                            asked[name].append(sum(bool(allowed[s.rows].any()) for s in dense[name].shards))
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=30)

    where = f"shards over {servers} chroma run servers on 127.0.0.1" if servers else "embedded Chroma"
    print(f"\n== {n:,} products, {len(items)} dev queries x {repeat}, top {K} (each shard asked {breadth}), {where}")
    print(
        f"search tables {tables_s:.1f} s; filtered queries keep median "
        f"{np.median([m.sum() for _, m in items]):,.0f} rows"
    )
    for name, path in dense.items():
        sizes = sorted((len(s.rows) for s in path.shards), reverse=True)
        shares = np.array(asked[name])
        made = f"written in {written[name]:.1f} s" if name in written else "reused"
        print(
            f"{name:15s} {len(sizes):3d} collections (largest {', '.join(f'{x:,}' for x in sizes[:3])}), {made}; "
            f"a filtered query asks median {np.median(shares):.0f} ({np.mean(shares == 1):.0%} ask one)"
        )
    for kind in ("unfiltered", "filtered"):
        base_ms = times[("one collection", kind)]
        for name in dense:
            ms = times[(name, kind)]
            print(
                f"{kind:10s} {name:15s} {summary_ms(ms)}  x{percentile(ms, 50) / percentile(base_ms, 50):.2f} p50 "
                f"x{percentile(ms, 95) / percentile(base_ms, 95):.2f} p95; same {K} ranked ids as one collection "
                f"{same[(name, kind)]}/{len(items)}, as exact search {exact[(name, kind)]}/{len(items)}; "
                f"recall@{K} vs exact {np.mean(recall[(name, kind)]):.3f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--groups", type=int, default=4, help="shard_groups of the grouped layout")
    parser.add_argument("--breadth", type=int, default=BREADTH, help="neighbours each shard is asked for")
    parser.add_argument("--reuse", action="store_true", help="query the collections a previous run wrote")
    parser.add_argument("--servers", type=int, default=0, help="spread shards over N `chroma run` servers")
    args = parser.parse_args()
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    for n in [int(s) for s in args.scales.split(",")]:
        run_scale(n, args.repeat, args.groups, args.servers, args.breadth, args.reuse)


if __name__ == "__main__":
    main()
