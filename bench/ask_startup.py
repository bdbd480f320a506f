"""How long `shopassist ask` takes from a cold process, with and without what a start may skip.

Side by side in one run, alternating, each a fresh process on the demo catalog:
  - `model`: `ask --model-wait 12` (the whole reply waits the model, as before --model-wait);
  - `records, clauses encoded`: `ask` (no model) with the policy clause vectors file removed;
  - `records`: `ask` (no model) with the file an earlier start saved.
Usage: python bench/ask_startup.py [--runs 3] [--message "coffee maker, not too expensive, max 80"]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BENCH_DIR, REPO  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402
from ingest.policies import ingest_policies  # noqa: E402

SAVED = "policy_clause_vectors.npz"


def timed_ask(data_dir: Path, message: str, extra: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ui.cli", "ask", message, "--data-dir", str(data_dir), *extra],
        cwd=REPO,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        check=True,
        capture_output=True,
        timeout=600,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--message", default="coffee maker, not too expensive, max 80")
    args = parser.parse_args()
    settings = Settings(data_dir=BENCH_DIR / "demo")
    ingest_catalog(settings, REPO / "data" / "catalog.csv", progress=False)
    ingest_policies(settings, [REPO / "data" / "policies"])
    saved = settings.index_dir / SAVED
    times: dict[str, list[float]] = {"model": [], "records, clauses encoded": [], "records": []}
    for _ in range(args.runs):
        times["model"].append(timed_ask(settings.data_dir, args.message, ["--model-wait", "12"]))
        saved.unlink(missing_ok=True)
        times["records, clauses encoded"].append(timed_ask(settings.data_dir, args.message, []))
        times["records"].append(timed_ask(settings.data_dir, args.message, []))
    print(f"`shopassist ask {args.message!r}`, demo catalog, {args.runs} cold processes each, alternating")
    base = statistics.median(times["model"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<26} median {median:6.1f} s   ratio to model {median / base:4.2f}")
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")


if __name__ == "__main__":
    main()
