"""The Insights tab for analysts: shopper feedback, and the latest evaluation report.

Feedback: counts, and the worst-rated replies with the conversation that led to them; an export
in the dialogue-log format. Evaluation (`shopassist eval dialogues --out DIR`, read from
`settings.report_dir`): report.json's metrics with their 95% intervals, latency and failed
checks, and the report's plots (inlined as data URIs, so the app serves no files from there);
when there is no report yet the tab says how to make one.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from ui.web.context import WebContext
from ui.web.render import counts_html, esc, metrics_html, plots_html, worst_replies_html

log = logging.getLogger(__name__)
MAX_PLOTS = 12
# The plots of report.html are inlined there as base64 PNGs; only that exact shape is taken.
INLINE_PNG = re.compile(r'src="(data:image/png;base64,[A-Za-z0-9+/=]+)"')


def headline_metrics(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(metric, value with its 95% interval, what it measures) for each measured metric of an
    evaluation report (`shopassist eval dialogues`' report.json), in the report's order."""
    rows = []
    for name, m in (report.get("metrics") or {}).items():
        if not isinstance(m, dict) or not isinstance(m.get("value"), int | float):
            continue
        value = f"{m['value']:.3g}"
        ci = m.get("ci95")
        if isinstance(ci, list) and len(ci) == 2 and all(isinstance(x, int | float) for x in ci):
            value += f" [{ci[0]:.3g}, {ci[1]:.3g}]"
        better = {True: "higher is better", False: "lower is better"}.get(m.get("higher_is_better"), "")
        rows.append((name, value, "; ".join(x for x in (str(m.get("description") or ""), better) if x)))
    return rows


def run_line(report: dict[str, Any]) -> str:
    meta = report.get("meta") or {}
    parts = [f"{report.get('dialogues', '?')} dialogues, {report.get('turns', '?')} turns"]
    parts += [f"{k} {meta[k]}" for k in ("llm_backend", "llm_model", "llm_adapter", "git_commit") if meta.get(k)]
    return " · ".join(str(p) for p in parts)


def latency_rows(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    stages = report.get("latency_ms") or {}
    return [(stage, f"p50 {v.get('p50')} ms", f"p95 {v.get('p95')} ms") for stage, v in stages.items()]


def report_plots(report_dir: Path) -> list[str]:
    """The report's plots as data URIs: inlined in report.html, or PNG files beside it."""
    plots = []
    html_report = report_dir / "report.html"
    if html_report.is_file():
        plots += INLINE_PNG.findall(html_report.read_text(encoding="utf-8", errors="replace"))
    for path in sorted(report_dir.glob("*.png")):
        plots.append("data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii"))
    return plots[:MAX_PLOTS]


def report_html(report_dir: Path) -> str:
    path = report_dir / "report.json"
    if not path.is_file():
        return (
            f'<p class="sa-muted">No evaluation report in {esc(report_dir)} yet. Run '
            f"<code>shopassist eval dialogues --logs FILE --out {esc(report_dir)}</code>, or point "
            "<code>SHOPASSIST_EVAL_REPORT_DIR</code> at a report folder.</p>"
        )
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return f'<p class="sa-notice sa-warn">Could not read {esc(path)}: {esc(exc)}</p>'
    if not isinstance(report, dict):
        return f'<p class="sa-notice sa-warn">{esc(path)} does not hold a JSON object.</p>'
    metrics = headline_metrics(report)
    parts = [f'<div class="sa-cite">From {esc(path)}: {esc(run_line(report))}</div>']
    parts.append(metrics_html(metrics) if metrics else '<p class="sa-muted">The report has no measured metrics.</p>')
    if latency_rows(report):
        parts.append("<h4>Latency per stage</h4>" + metrics_html(latency_rows(report)))
    failed = report.get("failed_checks") or {}
    if failed:
        parts.append("<h4>Failed checks</h4>" + metrics_html([(k, str(v), "") for k, v in failed.items()]))
    parts.append(plots_html(report_plots(report_dir)))
    if (report_dir / "report.html").is_file():
        parts.append(
            f'<p class="sa-cite">The full report (slices, worst dialogues): {esc(report_dir / "report.html")}</p>'
        )
    return "".join(parts)


def build_insights_tab(ctx: WebContext) -> tuple:
    """Lay out the tab; returns (refresh function, its outputs) for the page-load event."""
    with gr.Row():
        refresh = gr.Button("Refresh", size="sm", elem_id="insights-refresh")
        export = gr.Button("Export feedback (JSONL)", size="sm", elem_id="insights-export")
    gr.Markdown("### Shopper feedback")
    counts = gr.HTML(elem_id="insights-counts")
    gr.Markdown("#### Worst-rated replies")
    worst = gr.HTML(elem_id="insights-worst")
    exported = gr.File(label="Feedback export", visible=False, interactive=False)
    gr.Markdown("### Evaluation report")
    report = gr.HTML(elem_id="insights-report")

    def load() -> tuple[str, str, str]:
        return (
            counts_html(ctx.feedback.counts()),
            worst_replies_html(ctx.feedback.worst_replies(limit=10)),
            report_html(ctx.settings.report_dir),
        )

    # One file, rewritten per export; Gradio copies it into its cache to serve it (and the app's
    # delete_cache clears that copy later).
    export_path = Path(tempfile.mkdtemp(prefix="shopassist-feedback-")) / "feedback.jsonl"

    def export_feedback() -> dict:
        path = export_path
        count = ctx.feedback.export_jsonl(path)
        gr.Info(f"Exported {count} conversation{'s' if count != 1 else ''} with feedback.")
        return gr.update(value=str(path), visible=True)

    refresh.click(load, None, [counts, worst, report], api_name="insights")
    export.click(export_feedback, None, exported, api_name="export_feedback")
    return load, [counts, worst, report]
