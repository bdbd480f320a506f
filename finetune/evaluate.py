"""Did fine-tuning help? Base vs adapted model on held-out conversations.

* perplexity over the assistant tokens of every validation sample (same masking and truncation as
  training: exp of the mean negative log-likelihood of the reply tokens, end-of-turn included);
* ROUGE-L F1 (rouge-score, stemmed) of greedy replies vs the reference final reply on the first
  `eval_samples` validation samples (validation is in hash order, so this is a fair sample);
* a few replies side by side.

The base model is the same PeftModel with its adapter disabled, so both are loaded once and
compared on identical inputs. `write_report` writes report.json and report.md beside the adapter.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common.errors import ShopAssistError
from common.redact import redact
from finetune.config import FinetuneConfig
from finetune.data import Sample
from finetune.train import (
    IGNORE_INDEX,
    TRAINING_INFO_FILE,
    encode,
    library_versions,
    peak_rss_mib,
)

SIDE_BY_SIDE = 3


@dataclass
class ModelScores:
    perplexity: float
    rouge_l: float
    replies: list[str] = field(default_factory=list)


@dataclass
class EvalResult:
    base: ModelScores
    adapted: ModelScores
    n_perplexity: int  # validation samples scored for perplexity
    n_tokens: int  # assistant tokens scored
    n_rouge: int  # samples generated for ROUGE-L
    prompts: list[str]
    references: list[str]
    seconds: float

    @property
    def perplexity_drop(self) -> float:
        """Relative drop of perplexity, adapted vs base (0.3 = 30 % lower)."""
        return 1.0 - self.adapted.perplexity / self.base.perplexity

    def summary(self) -> dict[str, Any]:
        return {
            "base_perplexity": round(self.base.perplexity, 4),
            "adapted_perplexity": round(self.adapted.perplexity, 4),
            "perplexity_drop": round(self.perplexity_drop, 4),
            "base_rouge_l": round(self.base.rouge_l, 4),
            "adapted_rouge_l": round(self.adapted.rouge_l, 4),
            "perplexity_samples": self.n_perplexity,
            "perplexity_tokens": self.n_tokens,
            "rouge_samples": self.n_rouge,
            "eval_seconds": round(self.seconds, 1),
        }

    def examples(self, n: int = SIDE_BY_SIDE) -> list[dict[str, str]]:
        return [
            {
                "prompt": self.prompts[i],
                "reference": self.references[i],
                "base": self.base.replies[i],
                "adapted": self.adapted.replies[i],
            }
            for i in range(min(n, self.n_rouge))
        ]


def _device(model):
    return next(model.parameters()).device


def perplexity(model, tokenizer, samples: list[Sample], max_length: int, batch_size: int = 8) -> tuple[float, int]:
    """exp(mean NLL) over assistant tokens of `samples`; returns (perplexity, tokens scored)."""
    import torch

    rows = [encode(tokenizer, s.messages, max_length) for s in samples]
    rows = [r for r in rows if any(label != IGNORE_INDEX for label in r["labels"])]
    if not rows:
        raise ShopAssistError("no validation sample has an assistant reply within max_length tokens")
    rows.sort(key=lambda r: len(r["input_ids"]))  # similar lengths per batch: less padding
    total_nll, total_tokens = 0.0, 0
    device = _device(model)
    pad_id = tokenizer.pad_token_id
    with torch.inference_mode():
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            width = max(len(r["input_ids"]) for r in batch)
            ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
            labels = torch.full((len(batch), width), IGNORE_INDEX, dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for i, r in enumerate(batch):
                n = len(r["input_ids"])
                ids[i, :n] = torch.tensor(r["input_ids"])
                labels[i, :n] = torch.tensor(r["labels"])
                mask[i, :n] = 1
            logits = model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits.float()
            shift_logits = logits[:, :-1].reshape(-1, logits.size(-1))
            shift_labels = labels[:, 1:].reshape(-1).to(device)
            nll = torch.nn.functional.cross_entropy(
                shift_logits, shift_labels, ignore_index=IGNORE_INDEX, reduction="sum"
            )
            total_nll += nll.item()
            total_tokens += int((shift_labels != IGNORE_INDEX).sum())
    return math.exp(total_nll / total_tokens), total_tokens


def split_for_generation(sample: Sample) -> tuple[list[dict[str, str]], str]:
    """(history up to the last assistant reply, that reply)."""
    last = max(i for i, m in enumerate(sample.messages) if m["role"] == "assistant")
    return sample.messages[:last], sample.messages[last]["content"]


def generate(
    model,
    tokenizer,
    histories: list[list[dict[str, str]]],
    max_new_tokens: int,
    batch_size: int = 10,
) -> list[str]:
    """Greedy replies, batched with left padding."""
    import torch

    device = _device(model)
    replies: list[str] = []
    side = tokenizer.padding_side
    tokenizer.padding_side = "left"
    try:
        for start in range(0, len(histories), batch_size):
            prompts = [
                tokenizer.apply_chat_template(h, tokenize=False, add_generation_prompt=True)
                for h in histories[start : start + batch_size]
            ]
            batch = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False).to(device)
            with torch.inference_mode():
                out = model.generate(
                    **batch,
                    max_new_tokens=max_new_tokens,
                    do_sample=False,
                    pad_token_id=tokenizer.pad_token_id,
                    eos_token_id=tokenizer.eos_token_id,
                )
            new = out[:, batch["input_ids"].shape[1] :]
            replies += [t.strip() for t in tokenizer.batch_decode(new, skip_special_tokens=True)]
    finally:
        tokenizer.padding_side = side
    return replies


def rouge_l(predictions: list[str], references: list[str]) -> float:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)
    scores = [scorer.score(ref, pred)["rougeL"].fmeasure for pred, ref in zip(predictions, references, strict=True)]
    return sum(scores) / len(scores) if scores else 0.0


def evaluate(model, tokenizer, samples: list[Sample], config: FinetuneConfig, progress=print) -> EvalResult:
    """Score `model` (a PeftModel) with and without its adapter on `samples`."""
    if not samples:
        raise ShopAssistError("no validation samples to evaluate on; set val_fraction > 0 or pass more data")
    started = time.perf_counter()
    chosen = samples[: config.eval_samples]
    pairs = [split_for_generation(s) for s in chosen]
    histories = [h for h, _ in pairs]
    references = [r for _, r in pairs]
    scores = {}
    for name in ("adapted", "base"):
        t0 = time.perf_counter()
        if name == "base":
            with model.disable_adapter():
                ppl, tokens = perplexity(model, tokenizer, samples, config.max_length)
                replies = generate(model, tokenizer, histories, config.eval_max_new_tokens)
        else:
            ppl, tokens = perplexity(model, tokenizer, samples, config.max_length)
            replies = generate(model, tokenizer, histories, config.eval_max_new_tokens)
        scores[name] = ModelScores(ppl, rouge_l(replies, references), replies)
        took = time.perf_counter() - t0
        progress(
            f"[finetune] {name}: perplexity {ppl:.3f} on {tokens} tokens, ROUGE-L "
            f"{scores[name].rouge_l:.4f} on {len(chosen)} replies ({took:.0f} s)"
        )
    prompts = [next((m["content"] for m in reversed(h) if m["role"] == "user"), "") for h in histories]
    return EvalResult(
        base=scores["base"],
        adapted=scores["adapted"],
        n_perplexity=len(samples),
        n_tokens=tokens,
        n_rouge=len(chosen),
        prompts=prompts,
        references=references,
        seconds=time.perf_counter() - started,
    )


def write_report(
    adapter_dir: Path | str,
    config: FinetuneConfig,
    result: EvalResult,
    eval_data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """report.json + report.md beside the adapter: config, data hash, versions, speed, scores."""
    adapter_dir = Path(adapter_dir)
    info_path = adapter_dir / TRAINING_INFO_FILE
    info = json.loads(info_path.read_text()) if info_path.is_file() else {}
    report = {
        "adapter": str(adapter_dir),
        "base_model": info.get("base_model"),
        "scores": result.summary(),
        "config": config.model_dump(),
        "train_data_sha256": info.get("train_data_sha256"),
        "data_files": info.get("data_files"),
        "counts": info.get("counts"),
        "eval_data": eval_data or {},
        "training": {
            k: info.get(k)
            for k in (
                "steps",
                "seconds_per_step",
                "train_seconds",
                "train_loss",
                "peak_rss_mib",
                "bf16",
                "qlora",
                "cpu_threads",
            )
        },
        "eval_peak_rss_mib": round(peak_rss_mib(), 1),
        "versions": info.get("versions") or library_versions(),
        # Replies are model output over (already redacted) data; redact again before they hit disk.
        "examples": [{k: redact(v) for k, v in ex.items()} for ex in result.examples()],
    }
    (adapter_dir / "report.json").write_text(json.dumps(report, indent=2, default=str))
    (adapter_dir / "report.md").write_text(render_markdown(report))
    return report


def _fmt(value: Any, spec: str) -> str:
    return format(value, spec) if isinstance(value, (int, float)) else "n/a"


def render_markdown(report: dict[str, Any]) -> str:
    s, t, counts = report["scores"], report["training"], report.get("counts") or {}
    lines = [
        f"# Fine-tuning report: {report['adapter']}",
        "",
        f"Base model: `{report.get('base_model')}`",
        "",
        "| | base | adapted |",
        "|---|---|---|",
        f"| validation perplexity (assistant tokens) | {s['base_perplexity']:.3f} | {s['adapted_perplexity']:.3f} |",
        f"| ROUGE-L F1 ({s['rouge_samples']} greedy replies) | {s['base_rouge_l']:.4f} | {s['adapted_rouge_l']:.4f} |",
        "",
        f"Perplexity drop: {100 * s['perplexity_drop']:.1f} % "
        f"({s['perplexity_samples']} samples, {s['perplexity_tokens']} tokens).",
        "",
        "## Run",
        "",
        f"- steps: {t.get('steps')}, {_fmt(t.get('seconds_per_step'), '.2f')} s/step, "
        f"training {_fmt(t.get('train_seconds'), '.0f')} s, "
        f"mean train loss {_fmt(t.get('train_loss'), '.4f')}",
        f"- peak memory (max RSS): training {_fmt(t.get('peak_rss_mib'), '.0f')} MiB, "
        f"evaluation process {_fmt(report.get('eval_peak_rss_mib'), '.0f')} MiB",
        f"- bf16: {t.get('bf16')}, qlora: {t.get('qlora')}, cpu threads: {t.get('cpu_threads')}",
        f"- train/validation samples: {counts.get('train')}/{counts.get('validation')} "
        f"(rows {counts.get('rows')}, bad {counts.get('bad', 0)}, empty {counts.get('empty', 0)}, "
        f"too long {counts.get('too_long', 0)}, duplicates {counts.get('duplicate', 0)})",
        f"- training data sha256: `{report.get('train_data_sha256')}`",
        f"- data files: {report.get('data_files')}",
        f"- evaluation data: {report.get('eval_data')}",
        "- versions: " + ", ".join(f"{k} {v}" for k, v in (report.get("versions") or {}).items()),
        "",
        "## Config",
        "",
        "```yaml",
        *(f"{k}: {v}" for k, v in report["config"].items()),
        "```",
        "",
        "## Replies side by side",
    ]
    for i, ex in enumerate(report["examples"], start=1):
        lines += [
            "",
            f"### {i}. {ex['prompt'][:200]}",
            "",
            f"- **reference**: {ex['reference']}",
            f"- **base**: {ex['base']}",
            f"- **adapted**: {ex['adapted']}",
        ]
    return "\n".join(lines) + "\n"
