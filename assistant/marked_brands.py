"""Brands the shopper names as brands though no list knows them: "jaquar brand, that's what the
plumber said", "the brand is wildcraft", "made by bajaj".

`Understander` reads the catalog's brands and a list of famous ones (`assistant.lexicon`); a brand
outside both was read as nothing, so a shop without it showed another brand's products as if they
were it (set I: "jaquar brand" left every shower head on screen). Said with a brand cue, a word
that is neither English nor the catalog's is a brand the shop lacks, and the reply says so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache

from assistant.audience import clauses
from assistant.constraints import phrase_in
from assistant.spelling import is_word, ordinary_words
from assistant.vocabulary import DATA
from common.text import terms

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


@cache
def _wishing() -> re.Pattern[str]:
    """The soft wishes that wish for a brand rather than ask for it (`data/brand_wishes.json`)."""
    rules = json.loads((DATA / "recorded_attributes.json").read_text(encoding="utf-8"))
    brand_rules = json.loads((DATA / "brand_wishes.json").read_text(encoding="utf-8"))
    firm = set(brand_rules["firm"])
    cues = [w for w in rules["soft_wishes"] if w not in set(rules["allowances"]) | firm] + brand_rules["wishes"]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + r")\b", re.I)


def wished_brands(message: str, brands: list[str]) -> list[str]:
    """The `brands` the message names only in clauses that wish for them ("raymond would be nice
    but the budget is 1500 max", "ideally prestige"): they rank, and filter nothing."""
    named = [(c, terms(c)) for c in clauses(message)]
    out = []
    for brand in brands:
        naming = [c for c, words in named if phrase_in(terms(brand), words)]
        if naming and all(_wishing().search(c) for c in naming):
            out.append(brand)
    return out
