"""Checks on what an answer says, for `eval run` and `eval compare`'s gate.

* **Answer correctness** where a dialogue labels the answer of a turn (`labels.answers`: gold
  "yes" / "no" / "not_stated" / a value, with accepted spellings): yes or no is read from the
  reply's opening, a value must appear in it, "not stated" must be said without a yes or a no.
  `bench/product_questions.py` scores its questions the same way.
* **False comparatives**: a sentence saying a shown product is cheaper, dearer, higher-rated,
  lighter, bigger or newer than the others where its record says otherwise or cannot say
  (assistant/comparatives.py reads the claims; the records are the shown cards' products).
* **Repeated sentences**: a sentence that says again (word for word, or nearly) what an earlier
  sentence of the same reply said.
* **Policy citation matches the quote**: where a reply names the section it quotes ("under
  “What you can return”: ..."), the quoted text must be in a cited passage of that section.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from assistant import comparatives
from common.schema import Product
from common.text import tokenize

YES = re.compile(r"^\W*(?:yes|yep|yeah|it is|it does|they are|they do|it can|they can|it has|they have)\b", re.I)
NO = re.compile(
    r"^\W*(?:no|nope|not\b|it is not|it isn'?t|it does ?n[o']t|they are ?n[o']t|they do ?n[o']t|"
    r"it can'?not|it can'?t|they can'?t|it has no|they have no)\b",
    re.I,
)
NOT_STATED = re.compile(
    r"\b(?:does ?n[o']t|do ?n[o']t|does not|not) (?:say|state|mention|list|specify)|\bnot (?:stated|listed|mentioned)\b",
    re.I,
)
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# "From our Returns and Refunds Policy, under “What you can return”: <quote>" / "Under “X”: <quote>"
QUOTED_SECTION = re.compile(r"(?:^|\s)(?:From our [^,:]+, under|Under) “([^”]+)”: ")
NEAR_REPEAT = 90  # rapidfuzz ratio of two sentences' words that makes one a repeat of the other


def verdict(text: str) -> str | None:
    """ "yes" / "no" read from the reply's opening, else None."""
    opening = text.strip()[:80]
    if NO.search(opening):
        return "no"
    if YES.search(opening):
        return "yes"
    return None


def answer_right(gold: str, accept: list[str], text: str) -> tuple[bool, str | None]:
    """(right, error kind); error kinds: "opposite" (yes for no or no for yes) and "invented"
    (a yes, a no or no "doesn't say" where the record says nothing)."""
    said = verdict(text)
    if gold == "not_stated":
        right = bool(NOT_STATED.search(text)) and said is None
        return right, None if right else "invented"
    if gold in ("yes", "no"):
        if said == gold:
            return True, None
        return False, "opposite" if said else None
    low = text.lower()
    return any(v.lower() in low for v in [gold, *accept]), None


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(text) if len(tokenize(s)) >= 3 and not s.lstrip().startswith("|")]


def repeated_sentences(text: str) -> list[str]:
    """Sentences of a reply that repeat (or nearly repeat) an earlier one of the same reply."""
    seen: list[str] = []
    out = []
    for sentence in sentences(text):
        key = " ".join(tokenize(sentence))
        if any(key == old or fuzz.ratio(key, old) >= NEAR_REPEAT for old in seen):
            out.append(sentence)
        seen.append(key)
    return out


def false_comparatives(text: str, shown: list[Product]) -> list[str]:
    """Sentences with a comparative claim the shown products' records do not support."""
    out = []
    for sentence in sentences(text):
        if not comparatives.claims_in(sentence):
            continue
        named = [p for p in shown if p.title.lower() in sentence.lower()]
        subject = comparatives.first_named(sentence, named)
        if comparatives.unsupported(sentence, subject, shown, named):
            out.append(sentence)
    return out


@dataclass
class QuoteCheck:
    quotes: int = 0
    matched: int = 0
    failures: list[str] | None = None


def citation_matches(
    text: str, citations: list[dict[str, str]], resolve: Callable[[dict[str, str]], str | None]
) -> QuoteCheck:
    """Each quote a reply attributes to a section is in a cited passage of that section."""
    result = QuoteCheck(failures=[])
    parts = QUOTED_SECTION.split(text)
    # split gives [before, heading, quote, heading, quote, ...]
    for heading, quote in zip(parts[1::2], parts[2::2], strict=True):
        quote = quote.strip()
        result.quotes += 1
        passages = [resolve(c) or c.get("text", "") for c in citations if c["section"].split(" > ")[-1] == heading]
        first = SENTENCE.split(quote)[0]
        if any(_contains(p, first) for p in passages):
            result.matched += 1
        else:
            result.failures.append(f"quote under “{heading}” is not in a cited passage of that section: {first[:80]}")
    return result


def _contains(passage: str, quote: str) -> bool:
    """The quote's words are (nearly) a stretch of the passage's words (list markers and markup
    aside: the quote reads a list as one sentence)."""
    a, b = " ".join(tokenize(quote)), " ".join(tokenize(passage))
    return bool(a) and (a in b or fuzz.partial_ratio(a, b) >= 90)
