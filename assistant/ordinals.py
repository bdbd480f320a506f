"""The one ordinal list of the project (`assistant/data/ordinals.json`), read once: the words
that point at a position on screen ("the second one", "the 3rd"), and small counts ("the first
two"). Understanding, grounding and the evaluator all read positions with it."""

from __future__ import annotations

import json

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
