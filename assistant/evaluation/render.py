"""Self-contained HTML pieces shared by the evaluation report and the A/B comparison.

Plots are matplotlib figures embedded as base64 PNG data URIs, styles are inline, and nothing
refers to the network, so a report opens offline and can be mailed as one file. Every text
that comes from a log, a reply or the catalog is escaped: it is data, never markup.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterable
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; set before pyplot is imported
import matplotlib.pyplot as plt  # noqa: E402

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1200px;
color:#1f2328;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}.muted{color:#656d76}
.plots img{max-width:100%;border:1px solid #d0d7de;margin:.4rem 0}
.case{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.turn{margin:.5rem 0 .8rem}.user{font-weight:600}.reply{white-space:pre-wrap;margin:.2rem 0 .2rem 1rem}
.cards{margin-left:1rem;font-size:.85rem}.failed{margin-left:1rem;color:#cf222e;font-size:.85rem}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
code{background:#f6f8fa;padding:0 .2rem}
"""


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def fmt(value: float | None, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}" if abs(value) < 1000 else f"{value:,.0f}"


def fmt_ci(ci: tuple[float, float] | list[float] | None, digits: int = 3) -> str:
    return f"[{fmt(ci[0], digits)}, {fmt(ci[1], digits)}]" if ci else ""


def png(fig) -> str:
    """An <img> holding the figure as a base64 PNG; closes the figure."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="plot" src="data:image/png;base64,{data}">'


def table(header: list[str], rows: Iterable[list[str]], numeric: set[int] = frozenset()) -> str:
    """rows hold HTML already escaped by the caller."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
        f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>{body}</body></html>"
    )


def transcript(rows: list[dict], limit_chars: int = 900) -> str:
    """A dialogue's turns: the shopper's message, the reply, its cards and its failed checks."""
    parts = []
    for row in rows:
        text = row.get("text") or ""
        if len(text) > limit_chars:
            text = text[:limit_chars] + " …"
        cards = "".join(
            f"<li>{esc(c['title'])} <span class='muted'>[{esc(c['id'])}] {esc(fmt(c['price'], 2))} {esc(c['currency'])}</span></li>"
            for c in row.get("cards", [])
        )
        failed = "".join(f"<li>{esc(f['check'])}: {esc(f['detail'])}</li>" for f in row.get("failed", []))
        error = f"<div class='failed'>error: {esc(row['error'])}</div>" if row.get("error") else ""
        intent = esc(row.get("intent") or "-")
        if row.get("intent_label") and row.get("intent_label") != row.get("intent"):
            intent += f" <span class='fail'>(labelled {esc(row['intent_label'])})</span>"
        parts.append(
            f"<div class='turn'><div class='user'>shopper: {esc(row['message'])}</div>"
            f"<div class='muted'>intent {intent} · follow-up {esc(row.get('follow_up_kind'))}</div>"
            f"<div class='reply'>{esc(text)}</div>"
            + (f"<ul class='cards'>{cards}</ul>" if cards else "")
            + (f"<ul class='failed'>{failed}</ul>" if failed else "")
            + error
            + "</div>"
        )
    return "".join(parts)
