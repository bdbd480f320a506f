"""A kind named as the use of a plain holder noun: "a small box to store jewellery", "katori set
for desserts". The noun before the purpose ("box", "set", "kit") is the thing asked for; the kind
after it is what the thing holds or serves, not the product. The shop's compound of the two
("jewellery box", filed under its vanity boxes) is the kind where the shop names one; otherwise no
kind is read and the words rank, as after a placeholder ("something to store jewellery"). A kind
before a Hindi postposition of purpose ("cot ke liye") is what the thing is for, in the same way.

A holder noun is a word too generic to be a kind alone (`GENERIC_TYPE_WORDS`) that the shop's own
category nodes use (so "box", "set", "kit"; not "best" or "good"), said as a noun: after an
article or pointer, or after a word that qualifies it ("katori set"), never after a verb or
copula ("is best for dry skin").
"""

from __future__ import annotations

import json

from assistant.vocabulary import DATA
from common.text import STOPWORDS

# Hindi postpositions of purpose ("cot KE LIYE machardani"): a closed class, as data.
_POSTPOSITIONS = tuple(
    tuple(p.split())
    for p in json.loads((DATA / "type_resolution.json").read_text(encoding="utf-8"))["purpose_postpositions"]
)

# The purpose markers: "box FOR earrings", "box TO keep jewellery".
_FOR, _TO = "for", "to"
# Words that may stand between the marker (and the verb after "to") and the use: articles,
# possessives and pointers ("box to keep MY jewellery", "set for THE desserts").
_OPENERS = frozenset("the a an my his her our their your this that these those some all".split())


def holder_of_use(words: list[str], start: int, holders: frozenset[str], span_starts: set[int]) -> int | None:
    """Where the holder noun stands whose use the kind starting at `start` names, or None."""
    j = start - 1
    while j >= 0 and words[j] in _OPENERS:
        j -= 1
    if j >= 1 and words[j - 1] == _TO and words[j].isalpha() and words[j] not in STOPWORDS and j not in span_starts:
        j -= 1  # "to KEEP jewellery": the verb of the purpose
    elif j < 0 or words[j] != _FOR:
        return None
    if words[j] not in (_FOR, _TO):
        return None
    noun = j - 1
    if noun < 0 or words[noun] not in holders:
        return None
    before = words[noun - 1] if noun else None
    said_as_noun = before is None or before in _OPENERS or before not in STOPWORDS
    return noun if said_as_noun else None


def before_postposition(words: list[str], end: int) -> bool:
    """The kind ending at `end` is followed by a postposition of purpose: "baby ke cot ke liye
    machardani" asks for what serves the cot, not for a cot."""
    return any(tuple(words[end : end + len(p)]) == p for p in _POSTPOSITIONS)
