"""Kinds a shopper says they do not want ("he hates jeans lol", "no kurtas please", "not a
sweater, a jacket"): a kind named right after a refusal is no kind asked for.

The refusal cues are the ones every refusal shares (`assistant.refusal`), with at most a determiner between ("not a sweater", "no more kurtas";
"nothing but jeans" wants jeans, "no show socks" are socks). The word must be read as a noun: plural as said ("hates
jeans"), or after a determiner (`kind_determiners`: "not a sweater"); "not too tight" refuses no
tights. The refusal is taken out of the text before the kind is
read, so a follow-up keeps the request's kind ("cargo pants ... he hates jeans" stays cargo
pants) and a first message reads the kind it asks for ("not a sweater, a jacket" is a jacket).
"""

from __future__ import annotations

import re

from assistant.refusal import CUES, DETERMINERS, answers_not_refuses
from assistant.vocabulary import type_words
from common.text import singular

# A cue, then the next two words: the kind is the first ("hates jeans") or, after a word that is
# none of but/only/just, the second ("not a sweater").
KIND_NEGATION = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in CUES) + r")\s+([a-z']+)\b(?:(?=\s+([a-z]+)\b))?",
    re.I,
)


def _is_kind(word: str, noun: bool) -> bool:
    """The word names a one-word kind and is read as a noun (plural as said, or `noun`: after a
    determiner)."""
    return (noun or singular(word) != word) and singular(word) in type_words()


def _refused_end(match: re.Match[str]) -> int | None:
    """Where the refused kind ends, or None when no kind is refused here."""
    first, second = match.group(1).lower(), (match.group(2) or "").lower()
    if answers_not_refuses(match.group(0).split()[0], [first]):
        return None
    if _is_kind(first, noun=False):
        return match.end(1)
    # Only a determiner may stand between ("not a sweater", "no more kurtas"): any other word makes
    # the two one noun phrase, often a kind of its own ("no show socks", set U)
    if second and first in DETERMINERS and _is_kind(second, noun=True):
        return match.end(2)
    return None


def without_refused_kinds(text: str) -> str:
    """The text with each refusal of a kind taken out ("cargo pants, he hates jeans" -> "cargo
    pants, he ")."""
    spans = [(m.start(), end) for m in KIND_NEGATION.finditer(text) if (end := _refused_end(m)) is not None]
    # A kind said elsewhere too ("he already has sunglasses so no sunglasses") is left in: the type
    # reading weighs the refusal against the rest of the message (`refusal.follows_refusal`).
    spans = [(a, b) for a, b in spans if not _said_elsewhere(text, a, b)]
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return text


def _said_elsewhere(text: str, start: int, end: int) -> bool:
    """Whether the refused kind (the span's last word) is said outside the span as well."""
    kind = singular(text[start:end].split()[-1].lower())
    outside = (text[:start] + " " + text[end:]).lower()
    return kind in {singular(w) for w in re.findall(r"[a-z']+", outside)}
