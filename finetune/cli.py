"""`shopassist finetune ...`: train a LoRA adapter on support conversations, then score it.

    shopassist finetune run --data data/dialogues/support_demo.jsonl --output runs/demo \\
        --config finetune/configs/smollm2-cpu.yaml --set max_steps=20 --set lora_r=16
    shopassist finetune eval --adapter runs/demo --data data/dialogues/support_demo.jsonl --json
    shopassist finetune merge --adapter runs/demo --output runs/demo-merged
    shopassist finetune action-kinds-data --tau ../shared/datasets/tau_retail --out runs/kinds.jsonl \\
        --openers bench/data/copilot_openers_train.jsonl --exclude path/to/held_out_openers.jsonl

Give --data once per file. Every setting of finetune/config.py comes from the YAML --config and
`--set key=value` (repeatable; the value is read as YAML), validated by `FinetuneConfig`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from common.errors import ShopAssistError

finetune_app = typer.Typer(
    help="Fine-tune the assistant's LLM with LoRA on support dialogues, and evaluate adapters.",
    no_args_is_help=True,
)

Sets = Annotated[
    list[str] | None,
    typer.Option("--set", help="A fine-tuning setting, KEY=VALUE (YAML value); repeatable. See finetune/config.py."),
]


def _echo(message: str) -> None:
    typer.echo(message, err=True)


def _settings():
    from common.settings import load_settings

    return load_settings()


@finetune_app.command("run")
def run(
    data: Annotated[list[Path], typer.Option("--data", help="Training JSONL file; repeat for several.")],
    output: Annotated[Path, typer.Option("--output", help="Folder for checkpoints, adapter and report.")],
    config: Annotated[Path | None, typer.Option("--config", help="YAML fine-tuning config.")] = None,
    sets: Sets = None,
    evaluate_after: Annotated[bool, typer.Option("--eval/--no-eval", help="Score base vs adapted afterwards.")] = True,
) -> None:
    """Train a LoRA adapter; resumes from the newest checkpoint in --output."""
    from finetune.config import load_config, parse_overrides
    from finetune.data import load_data

    cfg = load_config(config, parse_overrides(sets))
    loaded = load_data(data, cfg.val_fraction, cfg.seed, cfg.max_chars, cfg.placeholders)
    _echo(_data_line(loaded))

    from finetune.train import train

    settings = _settings()
    result = train(cfg, loaded, output, settings)
    if not evaluate_after:
        return
    if not loaded.validation:
        _echo("[finetune] no validation samples (val_fraction=0): skipping evaluation")
        return
    eval_data = {"files": [str(p) for p in data], "split": "validation"}
    report = _evaluate_and_report(output, cfg, loaded.validation, eval_data, settings)
    _print_scores(report["scores"], result.seconds_per_step, result.peak_rss_mib)


@finetune_app.command("eval")
def eval_(
    adapter: Annotated[Path, typer.Option("--adapter", help="Folder written by `finetune run`.")],
    data: Annotated[list[Path], typer.Option("--data", help="JSONL file(s) to evaluate on; repeatable.")],
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="'validation': the held-out part (same seed/fraction as training); 'all': every "
            "sample (for a file never trained on).",
        ),
    ] = "validation",
    sets: Sets = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Perplexity and ROUGE-L of the base model vs the adapter; updates report.json/report.md.

    The adapter's saved config is the starting point; --set changes it for this evaluation
    (e.g. --set eval_samples=5)."""
    from finetune.config import load_config, parse_overrides
    from finetune.data import load_data
    from finetune.train import CONFIG_FILE

    if split not in ("validation", "all"):
        raise ShopAssistError(f"--split must be 'validation' or 'all', got {split!r}")
    saved = adapter / CONFIG_FILE
    cfg = load_config(saved if saved.is_file() else None, parse_overrides(sets))
    fraction = cfg.val_fraction if split == "validation" else 0.0
    loaded = load_data(data, fraction, cfg.seed, cfg.max_chars, cfg.placeholders)
    samples = loaded.validation if split == "validation" else loaded.train
    if not samples:
        raise ShopAssistError(
            f"{', '.join(map(str, data))} has no {split} samples; use --split all for a file that "
            "was not used in training"
        )
    _echo(f"[finetune] evaluating {adapter} on {len(samples)} {split} samples")
    eval_data = {"files": [str(p) for p in data], "split": split}
    report = _evaluate_and_report(adapter, cfg, samples, eval_data, _settings())
    if as_json:
        typer.echo(json.dumps(report["scores"], indent=2))
    else:
        _print_scores(report["scores"])


@finetune_app.command("merge")
def merge(
    adapter: Annotated[Path, typer.Option("--adapter", help="Folder written by `finetune run`.")],
    output: Annotated[Path, typer.Option("--output", help="Folder for the merged full model.")],
) -> None:
    """Merge the adapter into the base model and save a plain model folder."""
    from finetune.train import merge_adapter

    out = merge_adapter(adapter, output, _settings())
    typer.echo(f"merged model written to {out}")


@finetune_app.command("action-kinds-data")
def action_kinds_data(
    tau: Annotated[Path, typer.Option("--tau", help="The tau_retail folder (../shared/datasets/tau_retail).")],
    out: Annotated[Path, typer.Option("--out", help="JSONL file to write (chat format, for `finetune run`).")],
    openers: Annotated[
        list[Path] | None, typer.Option("--openers", help="Customer openers of train tasks to train on; repeatable.")
    ] = None,
    exclude: Annotated[
        list[Path] | None,
        typer.Option("--exclude", help="Openers files whose tasks are held out for measuring; repeatable."),
    ] = None,
) -> None:
    """Write training pairs for an adapter naming the store actions a customer asks for."""
    from finetune.action_kinds import build_pairs, held_out, write_pairs

    for path in [*(openers or []), *(exclude or [])]:
        if not path.is_file():
            raise ShopAssistError(f"no openers file {path}")
    rows = build_pairs(tau, list(openers or []), held_out(list(exclude or [])))
    write_pairs(rows, out)
    typer.echo(f"wrote {len(rows)} pairs to {out}")


def _evaluate_and_report(adapter: Path, cfg, samples, eval_data: dict, settings) -> dict[str, Any]:
    from finetune.evaluate import evaluate, write_report
    from finetune.train import configure_threads, load_adapted_model

    configure_threads(cfg)
    model, tokenizer, _ = load_adapted_model(adapter, settings)
    result = evaluate(model, tokenizer, samples, cfg, progress=_echo)
    report = write_report(adapter, cfg, result, eval_data)
    _echo(f"[finetune] report written to {adapter / 'report.md'}")
    return report


def _data_line(loaded) -> str:
    c = loaded.counts
    line = (
        f"[finetune] data: {c['rows']} rows -> {c['train']} train / {c['validation']} validation "
        f"(bad {c['bad']}, empty {c['empty']}, too long {c['too_long']}, "
        f"duplicates {c['duplicate']})"
    )
    for problem in loaded.problems[:5]:
        line += f"\n[finetune]   skipped {problem}"
    return line


def _print_scores(scores: dict[str, Any], seconds_per_step: float | None = None, peak: float | None = None) -> None:
    typer.echo(f"{'':12}{'base':>10}{'adapted':>10}")
    drop = scores["perplexity_drop"]
    change = f"{100 * drop:.1f} % lower" if drop >= 0 else f"{-100 * drop:.1f} % higher"
    typer.echo(f"{'perplexity':12}{scores['base_perplexity']:>10.3f}{scores['adapted_perplexity']:>10.3f}   ({change})")
    typer.echo(f"{'ROUGE-L':12}{scores['base_rouge_l']:>10.4f}{scores['adapted_rouge_l']:>10.4f}")
    if seconds_per_step is not None:
        typer.echo(f"{seconds_per_step:.2f} s/step, peak RSS {peak:.0f} MiB")


def main() -> None:  # `python -m finetune.cli ...` without the main shopassist CLI
    try:
        finetune_app()
    except ShopAssistError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
