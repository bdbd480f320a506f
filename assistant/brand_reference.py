"""A brand pointed at, not named: "from that brand I want the one for a Hero CD", "does the same
company make one in steel?". The phrase binds to what the shopper is looking at: the products the
last turn was about (a question answered about the Bike World bulbs), else the cards shown,
where they have one brand between them. Several brands on screen point at none: no guess.

The pointing words and the nouns that stand for a brand are closed classes, kept as data
(`data/brand_reference.json`).
"""

from __future__ import annotations

import json
import re
from functools import cache

from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.vocabulary import DATA
from common.schema import Product


@cache
def _pattern() -> re.Pattern[str]:
    words = json.loads((DATA / "brand_reference.json").read_text(encoding="utf-8"))
    pointing = "|".join(re.escape(w) for w in sorted(words["pointing"], key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in words["brand_nouns"])
    return re.compile(rf"\b(?:{pointing})\s+(?:{nouns})\b", re.I)


def points_at_brand(message: str) -> bool:
    return bool(_pattern().search(message))


def brand_pointed_at(message: str, about: list[Product], shown: list[Product]) -> str | None:
    """The brand a message points at ("that brand"), lower-cased as constraints hold brands;
    None where it points at none or what is on screen has no one brand."""
    if not points_at_brand(message):
        return None
    for products in (about, shown):
        brands = {p.brand.lower() for p in products if p.brand}
        if products:
            return brands.pop() if len(brands) == 1 else None
    return None


def bind_pointed_brand(
    said: Constraints, message: str, about_ids: list[str], on_screen: list[Product], catalog: CatalogIndex
) -> None:
    """Add the brand a message points at to what it says (`said`), where it names none itself:
    read before the intent, so "does that brand make one with a glass lid?" is a request with a
    brand in it, not a question about the first card."""
    about = [catalog.products[catalog.row_of[pid]] for pid in about_ids if pid in catalog.row_of]
    brand = brand_pointed_at(message, about, on_screen)
    if brand and not said.brands:
        said.brands = [brand]
