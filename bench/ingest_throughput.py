"""Ingest throughput against the bare encode rate, and unchanged re-ingest against first ingest.

1. The same N product texts: `model.encode` alone (products/s), then a full ingest into a fresh
   data dir (read, clean, embed, Chroma upsert, snapshot + BM25, search tables): ratio ingest /
   encode. Interleaved for --rounds rounds (encode, ingest, encode, ingest...) so a load swing
   on a shared machine hits both sides; the median of the per-round ratios is reported.
2. A 10,000-product catalog (demo catalog scaled up): first ingest, then re-ingest unchanged:
   ratio re-ingest / first ingest.

Usage: python bench/ingest_throughput.py [--n 2000] [--big 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.catalog import CatalogIndex  # noqa: E402
from bench.common import BENCH_DIR, REPO, scale_up  # noqa: E402
from common.models import embedder  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.pipeline import ingest_catalog, load_catalog  # noqa: E402

COLUMNS = (
    "id,title,description,category,brand,price,currency,colour,audience,sizes,material,rating,stock,image_url".split(
        ","
    )
)


def write_catalog(products, path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for p in products:
            w.writerow(
                [
                    p.id,
                    p.title,
                    p.description,
                    " > ".join(p.category),
                    p.brand or "",
                    p.price or "",
                    p.currency,
                    " ".join(p.colours),
                    " ".join(p.audience),
                    "|".join(p.sizes),
                    p.material or "",
                    p.rating or "",
                    "" if p.stock is None else p.stock,
                    p.image_url or "",
                ]
            )


def fresh(name: str) -> Settings:
    path = BENCH_DIR / name
    shutil.rmtree(path, ignore_errors=True)
    return Settings(data_dir=path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--big", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    demo, _ = load_catalog(REPO / "data" / "catalog.csv")

    small = BENCH_DIR / "throughput.csv"
    write_catalog(scale_up(demo, args.n, seed=1), small)
    products, _ = load_catalog(small)
    settings = fresh("throughput")
    model = embedder(settings.embedding_model)
    model.encode(["warm up"] * 8)
    ratios = []
    for round_ in range(args.rounds):
        t = time.perf_counter()
        model.encode(
            [p.index_text() for p in products],
            batch_size=settings.embedding_batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        encode_rate = len(products) / (time.perf_counter() - t)
        # A new folder each round: Chroma keeps a client per path, so one removed and reused
        # would still hold the last round's products (and nothing would be embedded).
        settings = fresh(f"throughput-{round_}")
        t = time.perf_counter()
        report = ingest_catalog(settings, small, progress=False, embed=model)
        CatalogIndex.load(settings.index_dir)  # the search tables, as `shopassist ingest` builds them
        ingest_rate = report.accepted / (time.perf_counter() - t)
        ratios.append(ingest_rate / encode_rate)
        print(
            f"round {round_ + 1}: {args.n} products: bare encode {encode_rate:7.1f} products/s, "
            f"full ingest {ingest_rate:7.1f} products/s, ratio {ratios[-1]:.2f}"
        )
    print(
        f"ratio ingest / encode, median of {args.rounds} interleaved rounds: {statistics.median(ratios):.2f}  (target >= 0.90)"
    )

    if not args.big:
        return
    big = BENCH_DIR / "big.csv"
    write_catalog(scale_up(demo, args.big, seed=2), big)
    settings = fresh("big")
    first = ingest_catalog(settings, big, progress=True)
    again = ingest_catalog(settings, big, progress=False)
    assert again.unchanged == first.accepted, again.summary()
    print(f"{args.big} products: first ingest {first.seconds:7.1f} s, unchanged re-ingest {again.seconds:6.2f} s")
    print(f"ratio re-ingest / first ingest: {again.seconds / first.seconds:.3f}  (target < 0.10)")


if __name__ == "__main__":
    main()
