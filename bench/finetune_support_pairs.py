"""Benchmark: LoRA fine-tuning of the bundled SmolLM2-135M-Instruct on support pairs, on CPU.

    .venv/bin/python bench/finetune_support_pairs.py [--config FILE] [--max-steps N] [--output DIR]

Data: ../shared/datasets/support_pairs/pairs.jsonl (Bitext-style {instruction, input, output}),
10 % held out for validation by the deterministic hash split (finetune/data.py). Trains with
finetune/configs/smollm2-cpu.yaml (a wall-clock guard stops training at 20 minutes), then
compares base vs adapted on the held-out pairs: perplexity over assistant tokens, ROUGE-L of 20
greedy replies. Goals: perplexity at least 30 % lower, ROUGE-L higher, training <= 20 minutes.
The adapter (+ report.json / report.md) is kept in .cache/adapters/support-pairs for the
vLLM/transformers parity check. support_pairs/test.jsonl is not touched: it is reserved for a
held-out evaluation (`shopassist finetune eval --split all --data .../test.jsonl`).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common.errors import ShopAssistError  # noqa: E402
from common.settings import Settings  # noqa: E402
from finetune.config import load_config, parse_overrides  # noqa: E402
from finetune.data import load_data  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "support_pairs" / "pairs.jsonl"
CONFIG = ROOT / "finetune" / "configs" / "smollm2-cpu.yaml"
OUTPUT = ROOT / ".cache" / "adapters" / "support-pairs"
MODEL_CACHE = ROOT / ".cache" / "models"
BUDGET_MIN = 20.0
GOAL_DROP = 0.30


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--max-steps", type=int, default=None, help="override (short trials)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--resume", action="store_true", help="resume in --output, not fresh")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"SKIP: {args.data} not found (shared datasets are not part of the repository)")
        return 0

    overrides = parse_overrides(args.set)
    overrides.setdefault("max_train_minutes", BUDGET_MIN)
    if args.max_steps:
        overrides["max_steps"] = args.max_steps
    cfg = load_config(args.config, overrides)
    if args.output.exists() and not args.resume:
        ours = (args.output / "finetune_config.yaml").exists() or any(args.output.glob("checkpoint-*"))
        if not ours:
            raise ShopAssistError(f"{args.output} exists and is not a fine-tuning output; choose another --output")
        shutil.rmtree(args.output)  # a fresh run: never resume a checkpoint of another config

    from finetune.evaluate import evaluate, write_report
    from finetune.train import load_adapted_model, train

    settings = Settings(model_cache_dir=MODEL_CACHE)
    data = load_data([args.data], cfg.val_fraction, cfg.seed, cfg.max_chars, cfg.placeholders)
    print(f"data: {data.counts['train']} train / {data.counts['validation']} validation pairs")
    started = time.perf_counter()
    result = train(cfg, data, args.output, settings)
    model, tokenizer, _ = load_adapted_model(args.output, settings)
    scores = evaluate(model, tokenizer, data.validation, cfg)
    eval_data = {"files": [str(args.data)], "split": "validation"}
    report = write_report(args.output, cfg, scores, eval_data)
    total = time.perf_counter() - started

    s = report["scores"]
    ok_drop = s["perplexity_drop"] >= GOAL_DROP
    ok_rouge = s["adapted_rouge_l"] > s["base_rouge_l"]
    ok_time = result.train_seconds <= BUDGET_MIN * 60
    verdict = {True: "ok", False: "MISSED"}
    print()
    print(f"== support pairs: {result.steps} steps, config {args.config.name} ==")
    print(
        f"validation perplexity  base {s['base_perplexity']:.3f}  "
        f"adapted {s['adapted_perplexity']:.3f}  relative drop {100 * s['perplexity_drop']:.1f} %"
        f"  (goal >= {100 * GOAL_DROP:.0f} %: {verdict[ok_drop]})"
    )
    print(
        f"ROUGE-L ({s['rouge_samples']} replies)  base {s['base_rouge_l']:.4f}  "
        f"adapted {s['adapted_rouge_l']:.4f}  ({verdict[ok_rouge]})"
    )
    print(
        f"training {result.train_seconds / 60:.1f} min ({result.seconds_per_step:.2f} s/step, "
        f"budget {BUDGET_MIN:g} min: {verdict[ok_time]}); with evaluation {total / 60:.1f} min"
    )
    print(
        f"peak memory (max RSS) {result.peak_rss_mib:.0f} MiB after training, "
        f"{report['eval_peak_rss_mib']:.0f} MiB after evaluation"
    )
    print(f"adapter + report: {args.output}")
    return 0 if ok_drop and ok_rouge and ok_time else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ShopAssistError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
