"""The Insights tab for analysts: shopper feedback, and the latest evaluation report.

Feedback: counts, and the worst-rated replies with the conversation that led to them; an export
in the dialogue-log format. Evaluation: `report.json`'s headline metrics and the report's PNG
plots from `settings.report_dir` (inlined, so the app serves no files from there); when there is
no report yet the tab says how to make one.
"""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from ui.web.context import WebContext
from ui.web.render import counts_html, esc, metrics_html, plots_html, worst_replies_html

log = logging.getLogger(__name__)
MAX_METRICS = 40
MAX_PLOTS = 12
HEADLINE_KEYS = ("headline", "metrics", "summary", "aggregates")  # where a report keeps its main numbers


def headline_metrics(report: dict[str, Any]) -> list[tuple[str, str]]:
    """The report's main numbers as (name, value) rows: its headline section when it has one,
    else every number in it; a {mean/value, ci} pair reads "0.91 [0.88, 0.94]"."""
    section = next((report[k] for k in HEADLINE_KEYS if isinstance(report.get(k), dict)), report)
    rows: list[tuple[str, str]] = []

    def walk(prefix: str, value: Any) -> None:
        if len(rows) >= MAX_METRICS:
            return
        shown = _number(value)
        if shown is not None:
            rows.append((prefix, shown))
        elif isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), inner)

    walk("", section)
    return rows


def _number(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        centre = next((value[k] for k in ("mean", "value", "estimate") if isinstance(value.get(k), int | float)), None)
        ci = value.get("ci") or value.get("ci95")
        if centre is not None and isinstance(ci, list | tuple) and len(ci) == 2:
            return f"{centre:.4g} [{ci[0]:.4g}, {ci[1]:.4g}]"
        if centre is not None and len(value) <= 3:
            return f"{centre:.4g}"
    return None


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
    plots = sorted(report_dir.glob("*.png"))[:MAX_PLOTS]
    html_report = report_dir / "report.html"
    parts = [f'<div class="sa-cite">From {esc(path)}</div>']
    parts.append(metrics_html(metrics) if metrics else '<p class="sa-muted">The report has no numeric metrics.</p>')
    parts.append(plots_html(plots))
    if html_report.is_file():
        parts.append(f'<p class="sa-cite">The full report (slices, worst cases): {esc(html_report)}</p>')
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
