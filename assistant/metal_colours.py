"""A metal word said of a kind no record of which is made of metal is its colour.

"Silver" and "gold" describe material more often than colour ("gold ring", "silver chain"), so
said alone they set no colour filter (`colour_words.METAL_COLOURS`). Of a kind that is never made
of the metal, they can only be its colour: "silver women's heels under 600" showed gold heels
where the shop had no silver ones at all (set O). Read against the kind's records: most record a
colour, none a metal as their material or in their specifications.
"""

from __future__ import annotations

import numpy as np

from assistant.catalog import CatalogIndex
from assistant.colour_words import COLOUR_NOUNS, METAL_COLOURS
from assistant.constraints import Constraints
from common.schema import Product
from common.text import normalise_colour, tokenize

RECORDS_READ = 2000  # records of the kind read for their materials
# Metals a record says a product is made of (a closed class): a kind some of which are made of
# metal ("stainless steel" watches, "alloy" bangles) may be gold or silver in metal, not colour.
METALS = METAL_COLOURS | frozenset(
    "steel stainless brass aluminium aluminum titanium alloy metal metallic iron platinum vermeil pewter zinc".split()
)
COLOURED_SHARE = 0.5  # most records of the kind state a colour: the shop records it


def metal_colours(catalog: CatalogIndex, text: str, c: Constraints) -> list[str]:
    """The metal words of `text` that are the colour of the kind `c` asks for: all of them where
    the kind's records state colours and no metal, none otherwise."""
    if not c.categories:
        return []
    words = tokenize(text)
    said = [
        normalise_colour(w)
        for i, w in enumerate(words)
        if w in METAL_COLOURS
        and words[i + 1 : i + 2] not in (["gold"], ["silver"])  # "white gold" is an alloy
        and not set(words[i - 1 : i]) & METAL_COLOURS
        and not set(words[i + 1 : i + 2]) & COLOUR_NOUNS  # "gold colour": read already
    ]
    said = [m for m in dict.fromkeys(said) if m not in c.colours and m not in c.exclude_colours]
    if not said:
        return []
    records = [catalog.products[int(r)] for r in np.flatnonzero(catalog.mask(Constraints(categories=c.categories)))]
    records = records[:RECORDS_READ]
    if sum(bool(p.colours) for p in records) < max(1, COLOURED_SHARE * len(records)):
        return []  # the kind's records seldom state a colour: nothing to check one on
    metal_made = any(set(tokenize(_made_of(p))) & METALS for p in records)
    return [] if metal_made else said


def _made_of(product: Product) -> str:
    """What a record says the product is made of: its material and its specifications other than
    its colour ("Silver Weight", "Plating: Silver" say a bracelet may be of silver)."""
    specs = " ".join(f"{k} {v}" for k, v in product.attributes.items() if "colo" not in k.lower())
    return f"{product.material or ''} {specs}".lower()
