"""Grounding: generated text may only name products retrieved this turn, at their record prices.

Checked sentence by sentence, so it works on a stream: a sentence naming a product that was
not retrieved (another catalog title, a catalog brand not among the results) is removed; a
price that differs from the record of the product the sentence names is corrected from the
record; a price that belongs to no retrieved product is removed with its sentence.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from assistant.wording import format_price
from common.schema import Product
from common.text import tokenize

log = logging.getLogger(__name__)

PRICE = re.compile(
    r"(?P<pre>(?:US)?\$|USD\s?|INR\s?|Rs\.?\s?|₹|€|£)\s?(?P<a>\d[\d,]*(?:\.\d{1,2})?)"
    r"|(?P<b>\d[\d,]*(?:\.\d{1,2})?)\s?(?P<post>USD|INR|EUR|GBP|dollars|rupees|bucks)\b",
    re.I,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Capitalised word runs ("Apex Trail Runner") are how small models invent product names.
NAME_RUN = re.compile(r"\b(?:[A-Z][\w'&-]+\s+){1,5}[A-Z][\w'&-]+\b")


@dataclass
class GroundingReport:
    removed_sentences: int = 0
    corrected_prices: int = 0
    removed: list[str] = field(default_factory=list)  # what was removed, for the logs

    @property
    def corrections(self) -> int:
        return self.removed_sentences + self.corrected_prices


@dataclass
class Grounder:
    retrieved: list[Product]
    catalog_brands: Iterable[str] = ()
    type_words: set[str] = field(default_factory=set)
    report: GroundingReport = field(default_factory=GroundingReport)

    def __post_init__(self) -> None:
        self._retrieved_brands = {(p.brand or "").lower() for p in self.retrieved if p.brand}
        self._other_brands = {b for b in self.catalog_brands if b not in self._retrieved_brands and len(b) >= 4}
        self._said: set[str] = set()

    # -- one sentence ------------------------------------------------------------------------
    def sentence(self, text: str) -> str | None:
        """The sentence, corrected; or None when it must go."""
        key = " ".join(tokenize(text))
        if key in self._said:  # small models loop; a repeated sentence adds nothing
            return None
        self._said.add(key)
        mentioned = self._mentioned(text)
        if self._names_unknown_product(text, mentioned):
            return self._remove(text, "names a product not retrieved this turn")
        out, offset = text, 0
        for m in PRICE.finditer(text):
            value = float((m.group("a") or m.group("b")).replace(",", ""))
            prices = [p.price for p in mentioned if p.price is not None]
            if any(abs(value - p) < 0.01 for p in prices):
                continue
            if prices:  # the sentence names a product: its record price is the truth
                fixed = format_price(prices[0], mentioned[0].currency)
                start, end = m.start() + offset, m.end() + offset
                out = out[:start] + fixed + out[end:]
                offset += len(fixed) - (m.end() - m.start())
                self.report.corrected_prices += 1
                log.info("grounding: corrected price %s -> %s", m.group(), fixed)
                continue
            if not any(p.price is not None and abs(value - p.price) < 0.01 for p in self.retrieved):
                return self._remove(text, f"price {m.group()} matches no retrieved product")
        return out

    def _mentioned(self, text: str) -> list[Product]:
        low = text.lower()
        found = []
        for p in self.retrieved:
            title = p.title.lower()
            if title in low or (len(title) > 12 and fuzz.partial_ratio(title, low) >= 90):
                found.append(p)
        return found

    def _names_unknown_product(self, text: str, mentioned: list[Product]) -> bool:
        words = set(tokenize(text))
        if any(set(tokenize(b)) <= words for b in self._other_brands if tokenize(b)):
            return True
        titles = [p.title.lower() for p in self.retrieved]
        for run in NAME_RUN.findall(text):
            run_words = tokenize(run)
            if not (set(run_words) & self.type_words):
                continue  # not product-like ("Hi There", "ShopAssist Demo Store")
            if not any(fuzz.partial_ratio(run.lower(), t) >= 85 for t in titles):
                return True
        return False

    def _remove(self, text: str, why: str) -> None:
        self.report.removed_sentences += 1
        self.report.removed.append(text)
        log.info("grounding: removed sentence (%s)", why)
        return None

    # -- whole texts and streams -------------------------------------------------------------
    def text(self, text: str) -> str:
        return " ".join(s for s in (self.sentence(x) for x in _sentences(text)) if s)

    def stream(self, deltas: Iterable[str]) -> Iterator[str]:
        """Grounded sentences, each as soon as it is complete."""
        for sentence in stream_sentences(deltas):
            kept = self.sentence(sentence)
            if kept:
                yield kept + " "


def stream_sentences(deltas: Iterable[str]) -> Iterator[str]:
    """Complete sentences out of a stream of text deltas, as soon as each one ends."""
    buffer = ""
    for delta in deltas:
        buffer += delta
        parts = SENTENCE_END.split(buffer)
        for part in parts[:-1]:
            if part.strip():
                yield part.strip()
        buffer = parts[-1]
    if buffer.strip():
        yield buffer.strip()


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def degenerate(text: str) -> bool:
    """Empty, tiny, or looping output: not worth showing a shopper."""
    words = tokenize(text)
    if len(words) < 4:
        return True
    return len(words) >= 12 and len(set(words)) / len(words) < 0.35
