"""Brands the shopper names as brands though no list knows them: "jaquar brand, that's what the
plumber said", "the brand is wildcraft", "made by bajaj".

`Understander` reads the catalog's brands and a list of famous ones (`assistant.lexicon`); a brand
outside both was read as nothing, so a shop without it showed another brand's products as if they
were it (set I: "jaquar brand" left every shower head on screen). Said with a brand cue, a word
that is neither English nor the catalog's is a brand the shop lacks, and the reply says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.spelling import is_word, ordinary_words

# The word after "brand"/"made by" or before "brand": the cue says what kind of word it is.
MARKED = (
    re.compile(r"\b(?:brand|make|made\s+by)\s+(?:is\s+|called\s+|named\s+)?([a-z][a-z0-9&-]{2,})\b", re.I),
    re.compile(r"\b([a-z][a-z0-9&-]{2,})\s+brand\b", re.I),
)


def marked_brands(message: str, catalog_word: Callable[[str], bool]) -> list[str]:
    """The words said as a brand that are no English word and none of the catalog's
    (`catalog_word`): a brand the catalog cannot have, since none of its words spells it."""
    ordinary = ordinary_words()
    found: list[str] = []
    for m in (m for pattern in MARKED for m in pattern.finditer(message)):
        word = m.group(1).lower()
        if catalog_word(word) or is_word(word, ordinary.__contains__) or word in found:
            continue
        found.append(word)
    return found
