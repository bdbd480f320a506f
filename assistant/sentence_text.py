"""Sentences as grounding reads them: split from a stream, numbers and ranges in them, near repeats.

Shared by the product grounder (`grounding.py`) and the policy-passage grounder
(`passage_grounding.py`); no records are read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from common.text import STOPWORDS, tokenize

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass
class GroundingReport:
    removed_sentences: int = 0
    corrected_prices: int = 0
    removed: list[str] = field(default_factory=list)  # what was removed, for the logs

    @property
    def corrections(self) -> int:
        return self.removed_sentences + self.corrected_prices


MAX_UNFINISHED_WORDS = 6
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")


def stream_sentences(deltas: Iterable[str]) -> Iterator[str]:
    """Complete sentences out of a stream of text deltas, as soon as each one ends."""
    buffer, sentences = "", 0
    for delta in deltas:
        buffer += delta
        parts = SENTENCE_END.split(buffer)
        for part in parts[:-1]:
            if part.strip():
                sentences += 1
                yield part.strip()
        buffer = parts[-1]
    # A last fragment with no closing punctuation was cut off by the token limit, unless it is
    # the whole of a short reply ("Great pick"): after whole sentences even a short one is a stub
    # ("They're a coffee maker").
    tail = buffer.strip()
    if tail and (tail[-1] in ".!?" or (sentences == 0 and len(tokenize(tail)) <= MAX_UNFINISHED_WORDS)):
        yield tail


def near_repeat(key: str, said: str) -> bool:
    """Nearly the same sentence, or one inside the other ("...for your wife" after "...for your
    wife, and ..."): small models loop with a word changed or a clause dropped."""
    shorter = min(len(key), len(said))
    if fuzz.ratio(key, said) >= 90 or (shorter >= 30 and fuzz.partial_ratio(key, said) >= 95):
        return True
    # The same claim with a word or a clause changed ("They're also a small business that ..."
    # after "They're not just a brand, but a small business that ..."): nearly every content word
    # of the shorter one is in the other.
    a, b = ({w for w in s.split() if w not in STOPWORDS and len(w) > 2} for s in (key, said))
    small, large = sorted((a, b), key=len)
    return len(small) >= 6 and len(small & large) >= 0.85 * len(small)


def numbers_in(text: str) -> set[float]:
    return {float(n) for n in NUMBER.findall(text.replace(",", ""))}


def sentences_of(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


QUOTED = re.compile(r'"[^"]*"|“[^”]*”|‘[^’]*’')


def only_quotes(text: str) -> bool:
    """A "sentence" that is record text in quotation marks and nothing else (a small model
    listing a title and two descriptions): the shopper has read those on the cards already."""
    return bool(QUOTED.search(text)) and not tokenize(QUOTED.sub(" ", text))


def degenerate(text: str) -> bool:
    """Empty, tiny, or looping output: not worth showing a shopper."""
    words = tokenize(text)
    if len(words) < 4:
        return True
    return len(words) >= 12 and len(set(words)) / len(words) < 0.35


# Amounts a policy states as a whole: a range ("3-5") and a number with its unit ("30 days").
# "2-3 business days" is wrong against "3-5 business days" although both numbers appear there.
RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)")
QUANTITY = re.compile(
    r"(\d+(?:\.\d+)?)[\s-]*((?:business |working |calendar )?(?:day|hour|week|month|year)s?|%|percent)\b", re.I
)


def ranges_in(text: str) -> set[tuple[float, float]]:
    return {(float(a), float(b)) for a, b in RANGE.findall(text)}


def quantities_in(text: str) -> set[tuple[float, str]]:
    """(number, unit) pairs, the unit singular and without "business"/"working"/"calendar"."""
    out = set()
    for number, unit in QUANTITY.findall(text):
        unit = re.sub(r"^(?:business|working|calendar) ", "", unit.lower()).rstrip("s")
        out.add((float(number), "%" if unit == "percent" else unit))
    return out
