"""Dialogue evaluation throughput on CPU: wall time for N turns, the share spent generating, and
the speed-up from --workers, measured side by side in one run.

The same shopping dialogues (data/eval/shopping_demo.jsonl, repeated under new ids up to N user
turns) are evaluated on the demo catalog three ways, one after the other:
  1. generation off (`llm_backend: none`), 1 worker: everything but the model;
  2. the default model (transformers, bundled SmolLM2-135M-Instruct), 1 worker;
  3. the default model, W workers (threads sharing one Assistant).
The three result folders (turns.jsonl, report.json, report.html) are kept under
.cache/bench/eval_throughput/ ({off,w1,wW}); `shopassist eval compare` reads them as they are.
The log repeats dialogues, and with greedy decoding a repeat gives the same replies, so an A/B
comparison of these folders has confidence intervals too narrow: compare runs of the unrepeated
log (data/eval/shopping_demo.jsonl) instead.
Usage: python bench/eval_throughput.py [--turns 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.evaluation.logs import read_dialogues, write_dialogues  # noqa: E402
from assistant.evaluation.run import evaluate_dialogues  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import BENCH_DIR, REPO  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402
from ingest.policies import ingest_policies  # noqa: E402

DIALOGUES = REPO / "data" / "eval" / "shopping_demo.jsonl"


def build_log(path: Path, turns: int) -> int:
    """Repeat the demo dialogues under new ids until they hold at least `turns` user turns."""
    base = read_dialogues(DIALOGUES)
    out, count, round_ = [], 0, 0
    while count < turns:
        for d in base:
            if count >= turns:
                break
            out.append(d.model_copy(update={"id": f"{d.id}-r{round_}"}))
            count += len(d.user_texts())
        round_ += 1
    write_dialogues(path, out)
    return count


def timed_run(assistant: Assistant, logs: Path, out: Path, workers: int) -> tuple[float, list[dict]]:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    evaluate_dialogues(assistant, logs, out, workers=workers, progress=False)
    wall = time.perf_counter() - started
    rows = [json.loads(line) for line in (out / "turns.jsonl").read_text().splitlines()]
    return wall, rows


def generation_share(rows: list[dict]) -> float:
    generate = sum(r["timings_ms"].get("generate", 0.0) for r in rows)
    total = sum(r["timings_ms"].get("total", 0.0) for r in rows)
    return generate / total if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    settings = Settings(data_dir=BENCH_DIR / "demo")
    ingest_catalog(settings, REPO / "data" / "catalog.csv", progress=False)
    ingest_policies(settings, [REPO / "data" / "policies"])
    work = BENCH_DIR / "eval_throughput"
    work.mkdir(parents=True, exist_ok=True)
    logs = work / "logs.jsonl"
    turns = build_log(logs, args.turns)

    # capacity=False: as `shopassist eval dialogues`, no generation is shed or cut by load.
    off = Assistant.load(settings.model_copy(update={"llm_backend": "none"}), capacity=False)
    wall_off, _ = timed_run(off, logs, work / "off", 1)
    model = Assistant.load(settings, capacity=False)
    model.reply(Session(), "warm up: mugs")  # loads the LLM weights before timing
    wall_1, rows_1 = timed_run(model, logs, work / "w1", 1)
    wall_w, rows_w = timed_run(model, logs, work / f"w{args.workers}", args.workers)

    print(f"{turns} user turns ({len(read_dialogues(logs))} dialogues), demo catalog, CPU")
    print(f"backend {settings.llm_backend}, model {settings.llm_model}, max_new_tokens {settings.max_new_tokens}")
    print(f"{'run':<34} {'wall s':>8} {'turns/s':>8} {'vs model, 1 worker':>19}")
    for name, wall in (
        ("generation off, 1 worker", wall_off),
        ("model, 1 worker", wall_1),
        (f"model, {args.workers} workers", wall_w),
    ):
        print(f"{name:<34} {wall:>8.1f} {turns / wall:>8.2f} {wall_1 / wall:>18.2f}x")
    print(
        f"share of turn time in generation (sum of 'generate' / sum of 'total', 1 worker): {generation_share(rows_1):.2f}"
    )
    print(
        f"share of wall time the model adds ((model - off) / model, 1 worker):             {(wall_1 - wall_off) / wall_1:.2f}"
    )
    print(
        f"speed-up from {args.workers} workers (1-worker wall / {args.workers}-worker wall):                {wall_1 / wall_w:.2f}x"
    )
    same = sum(a["text"] == b["text"] for a, b in zip(sorted(rows_1, key=_key), sorted(rows_w, key=_key), strict=True))
    print(f"replies identical between 1 and {args.workers} workers: {same}/{len(rows_1)} (greedy decoding)")
    print(f"result folders kept: {work / 'off'}, {work / 'w1'}, {work / f'w{args.workers}'}")


def _key(row: dict) -> tuple[str, int]:
    return row["dialogue_id"], row["turn"]


if __name__ == "__main__":
    main()
