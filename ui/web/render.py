"""HTML for the web app: product cards, comparison tables, notices, policies, insights.

Everything here is built from records and replies, and every piece of text (catalog titles,
model output, shopper messages, policy passages) is escaped on the way in, because `gr.HTML`
sets `innerHTML`: a title `<img src=x onerror=alert(1)>` must show as those characters. Image
URLs are used only when they are http(s), percent-encoded so they cannot break out of the
attribute or the CSS `url()`; the browser loads them, never the server, and with no referrer.
Under every image lies a picture drawn from the record (`ui.web.pictures`): it is what shows
when there is no URL, or when the URL does not load (a dead link, an offline machine).
"""

from __future__ import annotations

import html
import json
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from assistant.feedback import FeedbackCounts, RatedReply
from assistant.reply import ComparisonTable, ProductCard
from assistant.wording import format_price
from ui.web.pictures import picture_svg

LOW_STOCK = 5  # "only 3 left" below this


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def chat_text(text: str) -> str:
    """Text for a chat bubble: HTML shows as text, and a Markdown image (which would make the
    browser fetch a URL chosen by whoever wrote the text) shows as its source."""
    return html.escape(text, quote=False).replace("![", "!\\[")


def safe_image_url(url: str | None) -> str | None:
    """An http(s) URL with every character that could end a quoted attribute or CSS `url()`
    percent-encoded; None for anything else (javascript:, data:, relative paths)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe="/:?&=#%+,;@~!$*-._[]")


@cache
def _labels() -> dict[str, dict]:
    return json.loads((Path(__file__).parent / "labels.json").read_text(encoding="utf-8"))


def page_languages() -> list[str]:
    """The languages the page has labels for ("en", "zh")."""
    return [lang for lang in _labels() if not lang.startswith("_")]


def openers(lang: str = "en") -> list[str]:
    """The chat's opening ideas in `lang` (English when it has none)."""
    return (_labels().get(lang) or _labels()["en"]).get("openers") or _labels()["en"]["openers"]


def browser_language(accept_language: str | None) -> str:
    """The page language a first-time shopper's browser asks for (its Accept-Language header,
    best first), among those the page has; English otherwise. Only the primary subtag counts:
    zh-CN, zh-TW and zh all get the Chinese page."""
    known = page_languages()
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.strip().split("-")[0].lower()
        if primary in known and quality > 0:
            ranked.append((-quality, i, primary))
    return min(ranked)[2] if ranked else "en"


def label(key: str, lang: str = "en", **values: object) -> str:
    """A page label in the shopper's language (`labels.json`; English when it has none)."""
    table = _labels().get(lang) or _labels()["en"]
    return (table.get(key) or _labels()["en"][key]).format(**values)


def stock_text(card: ProductCard, lang: str = "en") -> str:
    if not card.in_stock:
        return label("out_of_stock", lang)
    if card.stock is not None and card.stock < LOW_STOCK:
        return label("only_left", lang, n=card.stock)
    return label("in_stock", lang)


def why_text(card: ProductCard) -> str:
    """The "why" line: the constraints this product satisfies and the words it matched."""
    parts = list(card.why.constraints)
    if not parts:
        parts = [f"{name}: {value}" for name, value in card.why.attributes.items() if value]
    said = " ".join(parts).lower()
    terms = [t for t in card.why.terms if t.lower() not in said][:6]
    if terms:
        parts.append("matches " + ", ".join(f"“{t}”" for t in terms))
    return " · ".join(dict.fromkeys(parts))


def card_html(
    card: ProductCard, position: int, note: str | None = None, colour: str | None = None, lang: str = "en"
) -> str:
    """One product card. `note` marks an alternative with the constraint it breaks; `colour`
    (the record's first colour) tints the drawn picture."""
    url = safe_image_url(card.image_url)
    image = picture_svg(card.category, colour) + (
        f'<div class="sa-img" role="img" aria-label="{esc(card.title)}" style="background-image:url(\'{esc(url)}\')"></div>'
        if url
        else ""
    )
    rating = f"★ {card.rating:.1f}" if card.rating is not None else label("not_rated", lang)
    why = why_text(card)
    stock_class = "sa-out" if not card.in_stock else "sa-in"
    return (
        f'<article class="sa-card" data-product-id="{esc(card.id)}">'
        f'<div class="sa-thumb">{image}<span class="sa-pos">{position}</span></div>'
        '<div class="sa-body">'
        f'<h4 class="sa-title">{esc(card.title)}</h4>'
        f'<div class="sa-brand">{esc(card.brand or "")}</div>'
        f'<div class="sa-meta"><span class="sa-price">{esc(format_price(card.price, card.currency))}</span>'
        f'<span class="sa-rating">{esc(rating)}</span><span class="{stock_class}">{esc(stock_text(card, lang))}</span></div>'
        + (f'<div class="sa-breaks">{esc(label("breaks", lang, note=note))}</div>' if note else "")
        + (f'<div class="sa-why">{esc(label("why", lang, why=why))}</div>' if why else "")
        + "</div></article>"
    )


def comparison_html(table: ComparisonTable | None) -> str:
    if table is None or not table.columns:
        return ""
    head = "".join(f"<th>{esc(c)}</th>" for c in table.columns)
    rows = "".join(
        f"<tr><th>{esc(name)}</th>" + "".join(f"<td>{esc(v)}</td>" for v in values) + "</tr>"
        for name, values in table.rows
    )
    return f'<table class="sa-compare"><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table>'


def notice_html(kind: str, title: str, body: str = "") -> str:
    """A panel message: kind is empty (nothing matches), info or warn."""
    return f'<div class="sa-notice sa-{esc(kind)}"><strong>{esc(title)}</strong>' + (
        f"<p>{esc(body)}</p></div>" if body else "</div>"
    )


def policies_html(passages: list[dict[str, str]]) -> str:
    if not passages:
        return '<p class="sa-muted">No policy passage applies.</p>'
    items = "".join(
        f'<li class="sa-policy"><div class="sa-cite">{esc(p.get("source", ""))} · {esc(p.get("section", ""))}</div>'
        f"<blockquote>{esc(p.get('text', '').replace('**', ''))}</blockquote></li>"  # no bold markers
        for p in passages
    )
    return f'<ol class="sa-policies">{items}</ol>'


def cards_html(cards: list[ProductCard]) -> str:
    if not cards:
        return '<p class="sa-muted">No products mentioned.</p>'
    return "".join(card_html(c, i) for i, c in enumerate(cards, 1))


# -- insights ----------------------------------------------------------------------------------
def counts_html(counts: FeedbackCounts) -> str:
    cells = [
        ("Replies liked", counts.reply_up),
        ("Replies disliked", counts.reply_down),
        ("Products liked", counts.product_up),
        ("Products disliked", counts.product_down),
        ("Comments", counts.comments),
        ("Conversations", counts.dialogues),
    ]
    return (
        '<div class="sa-stats">'
        + "".join(
            f'<div class="sa-stat"><div class="sa-stat-n">{n}</div><div>{esc(label)}</div></div>' for label, n in cells
        )
        + "</div>"
    )


def worst_replies_html(replies: list[RatedReply]) -> str:
    if not replies:
        return '<p class="sa-muted">No reply has been voted down yet.</p>'
    items = []
    for r in replies:
        conversation = "".join(
            f'<div class="sa-turn sa-{esc(t["role"])}"><b>{esc(t["role"])}:</b> {esc(t["text"])}</div>'
            for t in r.conversation
        )
        comment = f'<div class="sa-comment">“{esc(r.comment)}”</div>' if r.comment else ""
        items.append(
            f'<li class="sa-worst"><div class="sa-cite">score {r.score} · {r.downs} disliked · '
            f"session {esc(r.session_id)} · turn {r.turn}</div>"
            f"<div><b>Shopper:</b> {esc(r.message)}</div><div><b>Reply:</b> {esc(r.reply)}</div>{comment}"
            f"<details><summary>Conversation</summary>{conversation}</details></li>"
        )
    return f'<ol class="sa-worst-list">{"".join(items)}</ol>'


def metrics_html(rows: list[tuple[str, ...]]) -> str:
    """A table: the first cell of each row is its heading."""
    body = "".join(
        f"<tr><th>{esc(row[0])}</th>" + "".join(f"<td>{esc(cell)}</td>" for cell in row[1:]) + "</tr>" for row in rows
    )
    return f'<table class="sa-metrics"><tbody>{body}</tbody></table>'


def plots_html(images: list[str]) -> str:
    """Plots given as data URIs (only `data:image/png;base64,...`; anything else is dropped)."""
    return "".join(
        f'<figure class="sa-plot"><img alt="evaluation plot" src="{esc(src)}"></figure>'
        for src in images
        if src.startswith("data:image/png;base64,")
    )


CSS = """
.sa-card { display: flex; gap: 12px; padding: 10px; border: 1px solid var(--border-color-primary);
  border-radius: 10px; background: var(--background-fill-primary); }
.sa-thumb { position: relative; flex: 0 0 84px; height: 84px; border-radius: 8px; overflow: hidden;
  background: #e9edf2; box-sizing: border-box; border: 1px solid var(--border-color-primary); }
.sa-pic { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.sa-img { position: absolute; inset: 0; background: center / cover no-repeat; }
.sa-pos { position: absolute; top: 4px; left: 4px; background: rgba(0,0,0,.65); color: #fff;
  font-size: 12px; border-radius: 10px; padding: 0 7px; }
.sa-body { min-width: 0; flex: 1; }
.sa-title { margin: 0 0 2px; font-size: 15px; font-weight: 600; line-height: 1.3; overflow-wrap: anywhere; }
.sa-brand { color: var(--body-text-color-subdued); font-size: 13px; }
.sa-meta { display: flex; flex-wrap: wrap; gap: 10px; align-items: baseline; margin: 4px 0; font-size: 13px; }
.sa-price { font-weight: 600; font-size: 16px; }
.sa-in { color: #1a7f37; } .sa-out { color: #b42318; }
.sa-why { font-size: 12px; color: var(--body-text-color-subdued); overflow-wrap: anywhere; }
.sa-breaks { font-size: 12px; color: #9a6700; margin: 2px 0; }
.sa-notice { padding: 10px 12px; border-radius: 10px; margin-bottom: 8px; }
.sa-notice p { margin: 4px 0 0; }
.sa-empty { background: #fff4e5; border: 1px solid #f5c37a; color: #5c3b00; }
.sa-info { background: #eef6ff; border: 1px solid #b6d4fe; color: #0b3d91; }
.sa-warn { background: #fdecea; border: 1px solid #f5b5ae; color: #7a1a12; }
.sa-compare, .sa-metrics { border-collapse: collapse; width: 100%; font-size: 13px; }
.sa-compare th, .sa-compare td, .sa-metrics th, .sa-metrics td { border: 1px solid var(--border-color-primary);
  padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.sa-muted { color: var(--body-text-color-subdued); }
.sa-cite { font-size: 12px; color: var(--body-text-color-subdued); }
.sa-policies blockquote { margin: 4px 0 10px; padding-left: 8px; border-left: 3px solid #b6d4fe; }
.sa-stats { display: flex; flex-wrap: wrap; gap: 10px; }
.sa-stat { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 8px 14px; min-width: 110px; }
.sa-stat-n { font-size: 22px; font-weight: 600; }
.sa-worst { margin-bottom: 10px; } .sa-comment { font-style: italic; }
.sa-plot img { max-width: 100%; }
#request-chips { flex-wrap: wrap; justify-content: flex-start; gap: 6px; }
#request-chips button { flex: 0 0 auto !important; width: auto !important; border-radius: 999px !important;
  padding: 2px 12px !important; }
.sa-badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 13px; margin-left: 6px; }
/* Each card slot is the card's box: the card, its Like/Dislike and its comment box inside it. */
.sa-slot { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px !important;
  background: var(--background-fill-primary); gap: 6px !important; min-width: 0; }
.sa-slot .sa-card { border: 0; padding: 0; border-radius: 0; background: none; }
.sa-slot:not(:has(article.sa-card)) { display: none !important; }  /* an empty slot, votes and all */
.sa-votes { justify-content: flex-end; gap: 6px; flex-wrap: wrap; }
.sa-votes button, .sa-card-comment button { flex: 0 0 auto !important; width: auto !important;
  padding: 2px 14px !important; }
.sa-card-comment { gap: 6px; align-items: center; flex-wrap: nowrap; }
.sa-card-comment > * { min-width: 0 !important; }
/* Suggested next steps under a reply: a left-aligned wrapping row of buttons, never a grid that
   pushes a lone one to the right or clips them on a phone. */
#shop-chat .options { display: flex !important; flex-wrap: wrap; justify-content: flex-start !important;
  gap: 8px !important; margin-left: 0 !important; max-width: 100% !important;
  padding: 8px var(--spacing-xxl) !important; }
#shop-chat .option { width: auto !important; max-width: 100% !important; padding: 6px 14px !important;
  white-space: normal; text-align: left; }
/* The chat's own bin would silently start a second, unlabelled new conversation. */
#shop-chat button[aria-label="Clear"] { display: none !important; }
#chat-head { justify-content: flex-end; }
#shop-panel .html-container { padding: 0 !important; }  /* the notice lines up with the cards */
#relax-row { justify-content: flex-start; }
#relax-row:not(:has(#relax)) { display: none !important; }  /* no empty gap above the cards */
#relax { flex: 0 1 auto !important; width: auto !important; max-width: 100%; white-space: normal;
  text-align: left; }
/* Hidden while there is nothing to say. (Never a comma inside :has(): Gradio splits selectors there.) */
#shop-status:not(:has(.sa-line)), #message-count:not(:has(.sa-line)) { display: none !important; }
.sa-line { padding: 0 4px; }
.sa-status { font-size: 13px; color: var(--body-text-color); }
.sa-dots { display: inline-block; width: 8px; height: 8px; margin-right: 6px; border-radius: 50%;
  background: var(--color-accent); animation: sa-pulse 1s ease-in-out infinite; }
@keyframes sa-pulse { 50% { opacity: .25; } }
.sa-count { font-size: 12px; color: var(--body-text-color-subdued); text-align: right; }
.sa-over { color: #b42318; font-weight: 600; text-align: left; }
"""
