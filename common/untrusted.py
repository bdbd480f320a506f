"""Catalog and policy text is untrusted data: cleaned at ingest, filtered before a shopper sees it.

Anyone who can edit a catalog file or a policy document can write markup, escape sequences and
instructions aimed at the assistant into it. Three defences, one vocabulary:

- `plain_text` (ingest; `common/text_cleaning.py`): titles, descriptions, specifications and policy passages become plain
  text: HTML tags, Markdown links/images/emphasis, ANSI escapes, control and invisible format
  characters are removed; the words stay.
- `safe_url` (ingest and product cards; `common/text_cleaning.py`): a URL is kept only when it is http(s) with a host and
  nothing that could break out of an attribute.
- `ShopperText` (reply time, here): the one output filter every sentence passes before a shopper or an
  agent sees it, whether a model or our own code wrote it: no links or images except to URLs
  that came from a record's validated field, no HTML, no sentence that reads as an instruction
  to the assistant (`instruction_like`, `common/instructions.py`).

Why hand-written rather than a sanitiser library: the libraries (bleach, nh3) sanitise HTML for
a browser; here the output is plain text and Markdown, and what must go is a link, an image or
an instruction, which no HTML sanitiser knows about. The HTML part uses the standard library's
parser.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from common.instructions import (
    instruction_like,
    skeleton,
    split_sentences,
    without_instructions,
)
from common.schema import Product
from common.text_cleaning import (
    ACTIVE_HTML,
    BARE_DOMAIN,
    FULLWIDTH,
    LINK_URL,
    MD_TARGET,
    plain_text,
    safe_url,
    strip_html,
    strip_invisible,
)

# The three defences are asked for here, wherever each is written.
__all__ = [
    "ShopperText",
    "instruction_like",
    "plain_text",
    "safe_url",
    "shown_passage",
    "shown_product",
    "shown_text",
    "skeleton",
    "split_sentences",
    "strip_invisible",
    "without_instructions",
]

log = logging.getLogger(__name__)


class ShopperText:
    """The output filter: every text a shopper or an agent reads passes `clean` first.

    Works sentence by sentence (a reply streams sentence by sentence), keeps Markdown table rows
    as tables (each cell is filtered on its own) and keeps the whitespace around the text, so the
    filtered pieces of a stream still join up. A sentence goes when it carries active HTML, a link
    or image whose target is not an allowed record URL, or an instruction to the assistant; other
    HTML tags and invisible characters are stripped from the sentences that stay.
    """

    def __init__(self, allowed_urls: Iterable[str | None] = (), names: Iterable[str | None] = ()) -> None:
        self.allowed: set[str] = set()
        self.allowed_hosts: set[str] = set()
        self.removed: list[str] = []  # why each dropped sentence went, for logs and counts
        self.allow(allowed_urls, names)

    def allow(self, urls: Iterable[str | None] = (), names: Iterable[str | None] = ()) -> None:
        """Allow links to these URLs (a record's validated image URL; unsafe ones are ignored),
        and the bare domains that are part of these names (a title such as "dumdaar.com top")."""
        for url in urls:
            url = safe_url(url)
            if url:
                self.allowed.add(url.rstrip("/").lower())
                self.allowed_hosts.add((urlsplit(url).hostname or "").lower())
        for name in names:
            self.allowed_hosts.update(m.group(0).lower() for m in BARE_DOMAIN.finditer(name or ""))

    def clean(self, text: str) -> str:
        if not text:
            return text
        lines = []
        for line in text.split("\n"):
            if line.lstrip().startswith("|"):  # a Markdown table row: filter each cell
                lines.append("|".join(self._cell(cell) for cell in line.split("|")))
            else:
                lines.append(self._line(line))
        return "\n".join(lines)

    def _cell(self, cell: str) -> str:
        body = cell.strip()
        if not body or set(body) <= set("-: "):
            return cell
        lead = cell[: len(cell) - len(cell.lstrip())]
        trail = cell[len(cell.rstrip()) :]
        return lead + (self._line(body).strip() or "-") + trail

    def _line(self, line: str) -> str:
        lead = line[: len(line) - len(line.lstrip())]
        body = line.strip()
        if not body:
            return line
        trail = line[len(line.rstrip()) :]
        kept = [s for s in (self._sentence(s) for s in split_sentences(body)) if s]
        out = "".join(kept).rstrip()
        return lead + out + trail if out else ""

    def _sentence(self, sentence: str) -> str | None:
        tail = sentence[len(sentence.rstrip()) :]
        visible = strip_invisible(sentence)
        probe = visible.translate(FULLWIDTH)  # checked as ASCII; shown as written (CJK punctuation)
        if ACTIVE_HTML.search(probe) or ACTIVE_HTML.search(html.unescape(probe)):
            return self._drop(sentence, "active HTML")
        for url in self._links(strip_html(probe)):
            if not self._allowed(url):
                return self._drop(sentence, f"link to {url[:60]!r}")
        why = instruction_like(probe)
        if why:
            return self._drop(sentence, why)
        text = " ".join(strip_invisible(strip_html(visible)).split())
        return text + (tail or "") if text else None

    def _links(self, text: str) -> list[str]:
        targets = [m.group(1) for m in MD_TARGET.finditer(text) if m.group(1)]
        return targets + [m.group(0) for regex in (LINK_URL, BARE_DOMAIN) for m in regex.finditer(text)]

    def _allowed(self, url: str) -> bool:
        url = url.strip().rstrip(".,;:!?").rstrip("/").lower()
        if url in self.allowed:
            return True
        # A bare host ("cdn.example.com") of an allowed record URL names that URL's site.
        return "/" not in url and ":" not in url and url in self.allowed_hosts

    def _drop(self, sentence: str, why: str) -> None:
        self.removed.append(why)
        log.info("output filter: removed a sentence (%s): %r", why, sentence[:120])
        return None


# -- records and passages as they may be shown ------------------------------------------------------
def shown_text(text: str, allowed_urls: Iterable[str | None] = (), names: Iterable[str | None] = ()) -> str:
    """A catalog or policy text as it may be shown or quoted: plain text, then the output filter
    (no instruction, no link but to `allowed_urls` or a bare domain that is part of `names`)."""
    if not text:
        return text
    if LINK_URL.search(text) or BARE_DOMAIN.search(text) or "](" in text:
        return _shown(text, tuple(allowed_urls), tuple(names))
    return _shown(text, (), ())  # no link to allow: the same text is the same answer


@lru_cache(maxsize=65536)  # catalogs repeat their attribute names and values
def _shown(text: str, allowed_urls: tuple[str | None, ...], names: tuple[str | None, ...]) -> str:
    multiline = "\n" in text
    return ShopperText(allowed_urls, names).clean(plain_text(text, multiline=multiline)).strip()


def shown_product(product: Product) -> Product:
    """The record with every text field (title, description, brand, category, material, sizes,
    attribute names and values) through `shown_text`: what ingest does to a catalog row, done
    again where records are read, so an index written by another tool or an older version is
    held to the same rule. A field left empty goes; a title always keeps a name (its plain text
    when that is no instruction, else the id). The record is returned as is when nothing changes."""
    names = [product.title, product.brand]
    urls = [product.image_url]

    def shown(value: str) -> str:
        return shown_text(value, urls, names)

    title = shown(product.title)
    if not title:
        plain = plain_text(product.title, keep_urls=False)
        title = plain if plain and not instruction_like(plain) else product.id
    attributes = {}
    for key, value in product.attributes.items():
        key, value = shown(key), shown(value)
        if key and value:
            attributes[key] = value
    update = {
        "title": title,
        "description": shown(product.description),
        "brand": shown(product.brand) if product.brand else product.brand,
        "category": [n for n in (shown(node) for node in product.category) if n],
        "material": shown(product.material) if product.material else product.material,
        "sizes": [s for s in (shown(size) for size in product.sizes) if s],
        "attributes": attributes,
        "image_url": safe_url(product.image_url),
    }
    update["brand"] = update["brand"] or None
    update["material"] = update["material"] or None
    if all(getattr(product, k) == v for k, v in update.items()):
        return product
    return product.model_copy(update=update)


def shown_passage(passage: dict) -> dict:
    """A policy passage ({'source', 'section', 'text', ...}) as it may be quoted or cited: its
    text fields through `shown_text` (no link, no instruction), other keys as they are."""
    return {
        k: shown_text(v) if isinstance(v, str) and k in ("source", "section", "text") else v for k, v in passage.items()
    }
