"""A/B comparison of two evaluation runs over the same dialogues, and a non-inferiority gate.

Dialogues are paired by id (only those both runs finished count). Per metric: the value in A and
in B, the difference B - A with a 95% CI from a paired bootstrap over dialogues, and a sign test
on per-dialogue wins. The gate file gives a non-inferiority margin per metric, in the metric's
own units:

    metrics:
      hallucinated_products_per_100: 0   # lower is better: the CI's upper end of B - A <= 0
      wrong_prices_per_100: 0            # zero tolerance: B may not add a single one
      constraint_precision: 0.02         # higher is better: the CI's lower end of B - A >= -0.02

B passes a metric when the whole CI of B - A stays on the safe side of the margin; a metric
measured in A but not in B fails; one measured in neither is reported and does not count.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np

from assistant.evaluation.metrics import METRICS, DialogueCounts, metric
from assistant.evaluation.render import esc, fmt, fmt_ci, page, png, table, transcript
from assistant.evaluation.report import by_dialogue, severity
from assistant.evaluation.results import read_rows
from assistant.evaluation.stats import bootstrap_ratio, paired_bootstrap, sign_test
from common.errors import ShopAssistError
from common.settings import read_yaml_config

DIFFERING = 10  # dialogues shown side by side


@dataclass
class Gate:
    margins: dict[str, float]

    @classmethod
    def load(cls, path: Path) -> Gate:
        data = read_yaml_config(path, "gate file")
        margins = data.get("metrics")
        if not isinstance(margins, dict) or not margins:
            raise ShopAssistError(f"gate file {path} needs a 'metrics:' mapping of metric name -> margin")
        out = {}
        for name, margin in margins.items():
            metric(name)  # one clear error for an unknown name
            if not isinstance(margin, int | float) or isinstance(margin, bool) or margin < 0:
                raise ShopAssistError(f"gate file {path}: the margin of {name} must be a number >= 0, got {margin!r}")
            out[name] = float(margin)
        return cls(out)


def gate_verdict(
    higher_is_better: bool, a: float | None, b: float | None, ci, margin: float
) -> tuple[bool | None, str]:
    """(passed, why); passed is None when neither run measured the metric."""
    if a is None and b is None:
        return None, "measured in neither run"
    if b is None:
        return False, "not measured in B"
    if a is None or ci is None:
        return False, "not measured in A: nothing to compare against"
    if higher_is_better:
        ok = ci[0] >= -margin - 1e-12
        return ok, f"CI low end {ci[0]:+.4g} {'>=' if ok else '<'} -{margin:g}"
    ok = ci[1] <= margin + 1e-12
    return ok, f"CI high end {ci[1]:+.4g} {'<=' if ok else '>'} {margin:g}"


def _load(run_dir: Path) -> tuple[list[dict], dict[str, Any]]:
    report_path = run_dir / "report.json"
    if not report_path.is_file():
        raise ShopAssistError(
            f"{run_dir} is no evaluation result folder (no report.json); run `shopassist eval dialogues` first"
        )
    return read_rows(run_dir), json.loads(report_path.read_text(encoding="utf-8"))["meta"]


def compare_runs(dir_a: Path, dir_b: Path, gate: Gate | None = None) -> dict[str, Any]:
    rows_a, meta_a = _load(dir_a)
    rows_b, meta_b = _load(dir_b)
    counts_a, counts_b = DialogueCounts.of(rows_a), DialogueCounts.of(rows_b)
    b_ids = set(counts_b.ids)
    common = [d for d in counts_a.ids if d in b_ids]
    if not common:
        raise ShopAssistError(f"{dir_a} and {dir_b} share no finished dialogue; were they run on the same log?")
    a, b = counts_a.subset(common), counts_b.subset(common)
    results = {}
    for m in METRICS:
        diff = paired_bootstrap(a.arrays(m), b.arrays(m), m.scale)
        test = sign_test(a.per_dialogue(m), b.per_dialogue(m), m.higher_is_better)
        entry: dict[str, Any] = {
            "a": diff.a,
            "b": diff.b,
            "a_ci95": _ci(bootstrap_ratio(*a.arrays(m), m.scale)),
            "b_ci95": _ci(bootstrap_ratio(*b.arrays(m), m.scale)),
            "difference": diff.difference,
            "difference_ci95": _ci(diff.ci),
            "sign_test": asdict(test),
            "higher_is_better": m.higher_is_better,
        }
        if gate and m.name in gate.margins:
            passed, why = gate_verdict(m.higher_is_better, diff.a, diff.b, diff.ci, gate.margins[m.name])
            entry["gate"] = {"margin": gate.margins[m.name], "passed": passed, "why": why}
        results[m.name] = entry
    verdicts = [e["gate"]["passed"] for e in results.values() if "gate" in e]
    return {
        "a": {"dir": str(dir_a), "meta": meta_a, "dialogues": len(counts_a.ids)},
        "b": {"dir": str(dir_b), "meta": meta_b, "dialogues": len(counts_b.ids)},
        "paired_dialogues": len(common),
        "metrics": results,
        "gate": None if gate is None else {"passed": all(v is not False for v in verdicts), "margins": gate.margins},
        "differing": differing_dialogues(rows_a, rows_b, common),
    }


def _ci(ci) -> list[float] | None:
    return list(ci) if ci else None


def differing_dialogues(rows_a: list[dict], rows_b: list[dict], common: list[str], n: int = DIFFERING) -> list[dict]:
    """The dialogues where A and B differ most: by failed-check severity, then by changed replies."""
    turns_a, turns_b = by_dialogue(rows_a), by_dialogue(rows_b)
    scored = []
    for d in common:
        changed = sum(
            x.get("text") != y.get("text")
            or [c["id"] for c in x.get("cards", [])] != [c["id"] for c in y.get("cards", [])]
            for x, y in zip(turns_a[d], turns_b[d], strict=False)
        )
        sev_a, sev_b = severity(turns_a[d]), severity(turns_b[d])
        if changed or sev_a != sev_b:
            scored.append((abs(sev_b - sev_a), changed, d, sev_a, sev_b))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    return [
        {"dialogue_id": d, "severity_a": sa, "severity_b": sb, "turns_changed": c} for _, c, d, sa, sb in scored[:n]
    ]


def write_comparison(out_dir: Path, result: dict[str, Any], dir_a: Path, dir_b: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "compare.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    html = render_comparison(result, by_dialogue(read_rows(dir_a)), by_dialogue(read_rows(dir_b)))
    (out_dir / "compare.html").write_text(html, encoding="utf-8")


# -- HTML ----------------------------------------------------------------------------------------


def plot_side_by_side(result: dict[str, Any]) -> str:
    """One small panel per measured metric: A and B with their 95% CIs."""
    measured = [(n, e) for n, e in result["metrics"].items() if e["a"] is not None and e["b"] is not None]
    cols = 4
    rows = max(1, -(-len(measured) // cols))
    fig, axes = plt.subplots(rows, cols, figsize=(12, 2.3 * rows), squeeze=False)
    for ax in axes.flat[len(measured) :]:
        ax.set_axis_off()
    for ax, (name, e) in zip(axes.flat, measured, strict=False):
        values = [e["a"], e["b"]]
        cis = [e["a_ci95"], e["b_ci95"]]
        err = np.array([[v - c[0] if c else 0, c[1] - v if c else 0] for v, c in zip(values, cis, strict=True)]).T
        colour = "#4c72b0", "#dd8452"
        ax.bar([0, 1], values, yerr=err, color=colour, capsize=4)
        ax.set_xticks([0, 1], ["A", "B"])
        passed = e.get("gate", {}).get("passed")
        mark = "" if passed is None else (" ✓" if passed else " ✗")
        ax.set_title(name + (" ↑" if e["higher_is_better"] else " ↓") + mark, fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return png(fig)


def render_comparison(result: dict[str, Any], turns_a: dict[str, list[dict]], turns_b: dict[str, list[dict]]) -> str:
    rows = []
    for name, e in result["metrics"].items():
        if e["a"] is None and e["b"] is None:
            continue
        test = e["sign_test"]
        gate = e.get("gate")
        verdict = ""
        if gate:
            cls = "muted" if gate["passed"] is None else ("pass" if gate["passed"] else "fail")
            word = "n/a" if gate["passed"] is None else ("pass" if gate["passed"] else "FAIL")
            verdict = f"<span class='{cls}'>{word}</span> <span class='muted'>{esc(gate['why'])}</span>"
        p = "" if test["p_value"] is None else f"p={test['p_value']:.3g}"
        rows.append(
            [
                f"<b>{esc(name)}</b> {'↑' if e['higher_is_better'] else '↓'}",
                esc(f"{fmt(e['a'])} {fmt_ci(e['a_ci95'])}"),
                esc(f"{fmt(e['b'])} {fmt_ci(e['b_ci95'])}"),
                esc(f"{fmt(e['difference'])} {fmt_ci(e['difference_ci95'])}"),
                esc(f"{test['wins']}/{test['losses']}/{test['ties']} {p}"),
                verdict,
            ]
        )
    gate = result["gate"]
    banner = ""
    if gate:
        banner = (
            "<p class='pass'>Gate: B passes every margin.</p>"
            if gate["passed"]
            else "<p class='fail'>Gate: B FAILS at least one margin.</p>"
        )
    side = "".join(
        f"<div class='case'><b>{esc(d['dialogue_id'])}</b> <span class='muted'>severity A {d['severity_a']} · "
        f"B {d['severity_b']} · {d['turns_changed']} turns changed</span><div class='side'>"
        f"<div><h4>A</h4>{transcript(turns_a.get(d['dialogue_id'], []))}</div>"
        f"<div><h4>B</h4>{transcript(turns_b.get(d['dialogue_id'], []))}</div></div></div>"
        for d in result["differing"]
    )

    def who(side: dict[str, Any]) -> str:
        m = side["meta"]
        return (
            f"<code>{esc(side['dir'])}</code>: backend <code>{esc(m.get('llm_backend'))}</code>, model "
            f"<code>{esc(m.get('llm_model'))}</code>, adapter <code>{esc(m.get('llm_adapter') or 'none')}</code>, "
            f"copilot adapter <code>{esc(m.get('copilot_adapter') or 'none')}</code>, commit "
            f"<code>{esc(m.get('git_commit'))}</code>"
        )

    body = (
        "<h1>A/B comparison</h1>"
        f"<p>A = {who(result['a'])}<br>B = {who(result['b'])}<br>{result['paired_dialogues']} dialogues paired by id.</p>"
        + banner
        + "<p class='muted'>Differences are B − A with 95% CIs from a paired bootstrap over dialogues; the sign "
        "test counts dialogues where B is better / worse / tied (two-sided exact binomial p).</p>"
        + table(["metric", "A [95% CI]", "B [95% CI]", "B − A [95% CI]", "B wins/losses/ties", "gate"], rows)
        + "<h2>Side by side</h2><div class='plots'>"
        + plot_side_by_side(result)
        + "</div><h2>Dialogues where A and B differ most</h2>"
        + (side or "<p>The runs gave the same replies.</p>")
    )
    return page("shopassist A/B comparison", body)
