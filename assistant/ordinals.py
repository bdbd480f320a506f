"""The one ordinal list of the project (`assistant/data/ordinals.json`), read once: the words
that point at a position on screen ("the second one", "the 3rd"), and small counts ("the first
two"). Understanding, grounding and the evaluator all read positions with it."""

from __future__ import annotations

import json
import re

from assistant.vocabulary import DATA

_RAW = json.loads((DATA / "ordinals.json").read_text(encoding="utf-8"))
ORDINALS: dict[str, int] = dict(_RAW["ordinals"])  # "second" -> 2, "2nd" -> 2
COUNTS: dict[str, int] = dict(_RAW["counts"])  # "two" -> 2
LAST = "last"  # resolved against what is shown
# Words after a bare ordinal that make it an order of doing ("first the thigh pad", "first of all").
ADVERB_FOLLOWERS: frozenset[str] = frozenset(_RAW["adverb_followers"])


def ordinal_words(up_to: int = 10, numerals: bool = True) -> list[str]:
    """The ordinal words for positions 1..up_to, as a regex alternation needs them."""
    return [w for w, n in ORDINALS.items() if n <= up_to and (numerals or w.isalpha())]


# A bare ordinal word and the word after it ("first the", "first, a"); "the first" is no adverb.
_BARE = re.compile(r"(?<!\bthe )\b(" + "|".join(ordinal_words(numerals=False)) + r")\b[\s,:;-]+(\w+)", re.I)


def order_words(message: str) -> frozenset[str]:
    """The ordinals of the message that say in which order, not which item ("first the thigh
    pad", "first of all"): they neither point at a card nor rank."""
    text = message.replace("'", "")
    return frozenset(m.group(1).lower() for m in _BARE.finditer(text) if m.group(2).lower() in ADVERB_FOLLOWERS)
