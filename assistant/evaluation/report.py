"""report.json and report.html of an evaluation run.

report.json: run metadata (git commit, models, adapter, settings, hashes of the log and the
catalog), every metric with its 95% confidence interval (bootstrap over dialogues), latency per
stage (p50/p95), slices by intent, by follow-up kind and by dialogue length, and the worst
dialogues. report.html shows the same for people: headline metrics, plots, slices, and the worst
dialogues with their transcript, cards and failed checks.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np

from assistant.evaluation.metrics import METRICS, DialogueCounts, Metric
from assistant.evaluation.render import esc, fmt, fmt_ci, page, png, table, transcript
from assistant.evaluation.stats import bootstrap_ratio

STAGES = ("understand", "retrieve", "first_card", "first_text", "first_llm_token", "generate", "total")
SLICE_METRICS = (
    "faithful_reply_rate",
    "hallucinated_products_per_100",
    "wrong_prices_per_100",
    "constraint_precision",
    "refinement_ok_rate",
    "intent_accuracy",
    "ndcg@10",
    "cp@5",
    "rouge_l",
    "mean_turn_ms",
)
# How much a failed check weighs when picking the worst dialogues.
SEVERITY = {"hallucinated_product": 3, "wrong_price": 3, "constraint": 2, "error": 3}
WORST = 10


def metric_summary(counts: DialogueCounts, m: Metric, seed: int = 0) -> dict[str, Any]:
    num, den = counts.arrays(m)
    ci = bootstrap_ratio(num, den, m.scale, seed=seed)
    return {
        "value": counts.value(m),
        "ci95": list(ci) if ci else None,
        "dialogues": int((den > 0).sum()),
        "numerator": float(num.sum()),
        "denominator": float(den.sum()),
        "higher_is_better": m.higher_is_better,
        "group": m.group,
        "description": m.description,
    }


def latency(rows: list[dict]) -> dict[str, dict[str, float]]:
    out = {}
    for stage in STAGES:
        values = [r["timings_ms"][stage] for r in rows if stage in r.get("timings_ms", {})]
        if values:
            p50, p95 = np.percentile(values, [50, 95])
            out[stage] = {"p50": round(float(p50), 1), "p95": round(float(p95), 1), "turns": len(values)}
    return out


def slices(rows: list[dict]) -> dict[str, dict[str, Any]]:
    dimensions = {
        "intent": lambda r: r.get("intent_label") or r.get("intent") or "error",
        "follow_up_kind": lambda r: r.get("follow_up_kind") or "other",
        "dialogue": lambda r: "one turn" if r["of"] == 1 else "multi-turn",
        "mode": lambda r: r.get("mode", "shop"),
    }
    out: dict[str, dict[str, Any]] = {}
    for dimension, key in dimensions.items():
        values = Counter(key(r) for r in rows)
        out[dimension] = {}
        for value, turns in values.most_common():
            counts = DialogueCounts.of(rows, keep=lambda r, v=value, k=key: k(r) == v)
            summary = {name: metric_summary(counts, m) for name in SLICE_METRICS if (m := _metric(name))}
            out[dimension][value] = {
                "turns": turns,
                "metrics": {k: {"value": v["value"], "ci95": v["ci95"]} for k, v in summary.items()},
            }
    return out


def _metric(name: str) -> Metric:
    return next(m for m in METRICS if m.name == name)


def severity(rows: list[dict]) -> int:
    return sum(SEVERITY.get(f["check"], 1) for r in rows for f in r.get("failed", [])) + sum(
        SEVERITY["error"] for r in rows if r.get("error")
    )


def by_dialogue(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["dialogue_id"]].append(row)
    return grouped


def worst_dialogues(rows: list[dict], n: int = WORST) -> list[dict[str, Any]]:
    scored = [(severity(turns), d) for d, turns in by_dialogue(rows).items()]
    scored = sorted((s for s in scored if s[0] > 0), key=lambda s: -s[0])[:n]
    return [{"dialogue_id": d, "severity": s} for s, d in scored]


def build_report(rows: list[dict], meta: dict[str, Any]) -> dict[str, Any]:
    counts = DialogueCounts.of(rows)
    failed = Counter(f["check"] for r in rows for f in r.get("failed", []))
    return {
        "meta": meta,
        "dialogues": len(counts.ids),
        "turns": len(rows),
        "metrics": {m.name: metric_summary(counts, m) for m in METRICS},
        "latency_ms": latency(rows),
        "failed_checks": dict(failed.most_common()),
        "slices": slices(rows),
        "worst": worst_dialogues(rows),
    }


def write_report(out_dir: Path, rows: list[dict], meta: dict[str, Any]) -> dict[str, Any]:
    report = build_report(rows, meta)
    (out_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    (out_dir / "report.html").write_text(render_html(report, rows), encoding="utf-8")
    return report


# -- HTML ----------------------------------------------------------------------------------------


def _measured(report: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, m) for name, m in report["metrics"].items() if m["value"] is not None]


def plot_metrics(report: dict[str, Any]) -> str:
    """Rates (0..1) and counts per 100 replies, with their 95% CIs, in two panels."""
    measured = _measured(report)
    rates = [(n, m) for n, m in measured if not n.endswith("_per_100") and n != "mean_turn_ms"]
    per100 = [(n, m) for n, m in measured if n.endswith("_per_100")]
    fig, axes = plt.subplots(1, 2, figsize=(11, max(3, 0.38 * max(len(rates), len(per100), 1) + 1)))
    for ax, items, title in (
        (axes[0], rates, "rates (higher is better unless marked ↓)"),
        (axes[1], per100, "per 100 replies (lower is better)"),
    ):
        if not items:
            ax.set_axis_off()
            continue
        names = [n + ("" if m["higher_is_better"] else " ↓") for n, m in items]
        values = [m["value"] for _, m in items]
        lo = [m["value"] - m["ci95"][0] if m["ci95"] else 0 for _, m in items]
        hi = [m["ci95"][1] - m["value"] if m["ci95"] else 0 for _, m in items]
        y = np.arange(len(items))
        ax.barh(y, values, xerr=[lo, hi], color="#4c72b0", ecolor="#333", capsize=3)
        ax.set_yticks(y, names, fontsize=8)
        ax.invert_yaxis()
        ax.set_title(title, fontsize=10)
        ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return png(fig)


def plot_latency(report: dict[str, Any]) -> str | None:
    stages = report["latency_ms"]
    if not stages:
        return None
    names = list(stages)
    x = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(9, 3.4))
    ax.bar(x - 0.2, [stages[s]["p50"] for s in names], 0.4, label="p50", color="#4c72b0")
    ax.bar(x + 0.2, [stages[s]["p95"] for s in names], 0.4, label="p95", color="#dd8452")
    ax.set_xticks(x, names, fontsize=8)
    ax.set_ylabel("ms since the message arrived")
    ax.set_title("latency per stage", fontsize=10)
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    return png(fig)


def plot_slices(report: dict[str, Any], dimension: str) -> str | None:
    groups = report["slices"].get(dimension, {})
    shown = ("faithful_reply_rate", "constraint_precision", "refinement_ok_rate")
    if not groups:
        return None
    names = list(groups)
    x = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(max(6, 1.1 * len(names) + 2), 3.2))
    width = 0.8 / len(shown)
    for i, metric in enumerate(shown):
        values = [groups[g]["metrics"][metric]["value"] for g in names]
        ax.bar(x + (i - 1) * width, [v if v is not None else 0 for v in values], width, label=metric)
    ax.set_xticks(x, names, fontsize=8, rotation=20)
    ax.set_ylim(0, 1.05)
    ax.set_title(f"by {dimension.replace('_', ' ')}", fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(axis="y", alpha=0.3)
    return png(fig)


def metrics_table(report: dict[str, Any]) -> str:
    rows = []
    for name, m in _measured(report):
        direction = "↑" if m["higher_is_better"] else "↓"
        rows.append(
            [
                f"<b>{esc(name)}</b> {direction}",
                esc(fmt(m["value"])),
                esc(fmt_ci(m["ci95"])),
                esc(m["dialogues"]),
                f"<span class='muted'>{esc(m['description'])}</span>",
            ]
        )
    unmeasured = [n for n, m in report["metrics"].items() if m["value"] is None]
    note = f"<p class='muted'>Not measured on this log: {esc(', '.join(unmeasured))}.</p>" if unmeasured else ""
    return table(["metric", "value", "95% CI", "dialogues", "what"], rows, numeric={1, 3}) + note


def slices_tables(report: dict[str, Any]) -> str:
    out = []
    for dimension, groups in report["slices"].items():
        header = ["", "turns", *SLICE_METRICS]
        rows = [
            [esc(g), esc(v["turns"]), *(esc(fmt(v["metrics"][m]["value"])) for m in SLICE_METRICS)]
            for g, v in groups.items()
        ]
        numeric = set(range(1, len(header)))
        out.append(f"<h3>by {esc(dimension.replace('_', ' '))}</h3>" + table(header, rows, numeric=numeric))
    return "".join(out)


def meta_table(meta: dict[str, Any]) -> str:
    shown = {k: v for k, v in meta.items() if k != "settings"}
    rows = [
        [esc(k), f"<code>{esc(json.dumps(v) if isinstance(v, dict | list) else v)}</code>"] for k, v in shown.items()
    ]
    settings = json.dumps(meta.get("settings", {}), indent=1)
    return table(["", ""], rows) + f"<details><summary>settings</summary><pre>{esc(settings)}</pre></details>"


def render_html(report: dict[str, Any], rows: list[dict]) -> str:
    grouped = by_dialogue(rows)
    meta = report["meta"]
    plots = [
        plot_metrics(report),
        plot_latency(report),
        plot_slices(report, "intent"),
        plot_slices(report, "follow_up_kind"),
    ]
    latency_rows = [[esc(s), esc(v["p50"]), esc(v["p95"]), esc(v["turns"])] for s, v in report["latency_ms"].items()]
    failed = [[esc(k), esc(v)] for k, v in report["failed_checks"].items()]
    worst = "".join(
        f"<div class='case'><b>{esc(w['dialogue_id'])}</b> <span class='muted'>severity {w['severity']}</span>"
        f"{transcript(grouped[w['dialogue_id']])}</div>"
        for w in report["worst"]
    )
    body = (
        f"<h1>Evaluation: {esc(meta.get('logs', ''))}</h1>"
        f"<p>{report['dialogues']} dialogues, {report['turns']} turns · backend <code>{esc(meta.get('llm_backend'))}</code>"
        f" · model <code>{esc(meta.get('llm_model'))}</code> · adapter <code>{esc(meta.get('llm_adapter') or 'none')}</code>"
        f" · copilot adapter <code>{esc(meta.get('copilot_adapter') or 'none')}</code>"
        f" · commit <code>{esc(meta.get('git_commit'))}</code></p>"
        "<h2>Headline metrics</h2><p class='muted'>Each metric is a ratio of counts summed over dialogues; "
        "95% confidence intervals come from 2,000 bootstrap resamples of whole dialogues.</p>"
        + metrics_table(report)
        + "<h2>Plots</h2><div class='plots'>"
        + "".join(p for p in plots if p)
        + "</div><h2>Latency (ms)</h2>"
        + table(["stage", "p50", "p95", "turns"], latency_rows, numeric={1, 2, 3})
        + "<h2>Failed checks</h2>"
        + (table(["check", "count"], failed, numeric={1}) if failed else "<p>None.</p>")
        + "<h2>Slices</h2>"
        + slices_tables(report)
        + f"<h2>Worst dialogues</h2>{worst or '<p>No dialogue failed a check.</p>'}"
        + "<h2>Run</h2>"
        + meta_table(meta)
    )
    return page(f"shopassist evaluation: {meta.get('logs', '')}", body)
