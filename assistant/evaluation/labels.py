"""Labelled hard constraints, in the format of the labelled queries (shared/datasets/queries).

A label says what a correct answer must satisfy, independently of how the assistant parses the
request, so the evaluator checks products against it with its own code (the semantics of the
queries README), never with the assistant's `Constraints.failures`:

* `category_any`: one of the terms occurs in the title or the category path (`category_field:
  "name"`: the title only); word boundaries, simple plurals allowed. `category_none`: none of
  these terms occurs in the title.
* `attributes_all`: every entry occurs in the title or the category path; `a|b` means either.
* `price_min` / `price_max`: inclusive bounds; a product without a price fails them.
* `colour`: among the record's colours, or a colour word of the title when the record has none;
  `colour_scope: "dial"` reads the "Dial Color" specification instead.
* `ideal_for`: the record's audience, else audience words in the title, then the category path;
  `kids` means boys, girls or baby.
* `brand`: the brand column equals it, or the title starts with it.
* `rating_min`: the rating is at least this; unrated products fail. `in_stock`: stock > 0.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from common.schema import AUDIENCE_MATCHES, Product
from common.text import terms

# Audience words as they appear in titles and category paths (after `terms`: singular, no "'s").
AUDIENCE_WORDS = {
    "men": "men",
    "man": "men",
    "mens": "men",
    "gent": "men",
    "women": "women",
    "woman": "women",
    "womens": "women",
    "lady": "women",
    "ladie": "women",
    "boy": "boys",
    "girl": "girls",
    "kid": "kids",
    "baby": "baby",
    "infant": "baby",
}


def _contains(phrase: str, words: list[str]) -> bool:
    """Whether the term sequence of `phrase` occurs contiguously in `words`."""
    want = terms(phrase)
    n = len(want)
    return n > 0 and any(words[i : i + n] == want for i in range(len(words) - n + 1))


def _any_of(entry: str, words: list[str]) -> bool:
    return any(_contains(alt, words) for alt in entry.split("|") if alt.strip())


class ConstraintLabel(BaseModel):
    model_config = ConfigDict(extra="ignore")  # audit fields of the query files are kept out

    category_any: list[str] | None = None
    category_field: str | None = None  # "name" restricts category_any to the title
    category_none: list[str] | None = None
    attributes_all: list[str] | None = None
    price_min: float | None = None
    price_max: float | None = None
    colour: str | None = None
    colour_scope: str | None = None  # "dial": the watch's Dial Color specification
    ideal_for: str | None = None
    brand: str | None = None
    rating_min: float | None = None
    in_stock: bool = False

    def failures(self, product: Product) -> list[str]:
        """Names of the labelled constraints `product` breaks (empty: it satisfies them all)."""
        title = terms(product.title)
        path = terms(" | ".join(product.category))
        failed = []
        if self.category_any:
            where = title if self.category_field == "name" else title + ["|"] + path
            if not any(_any_of(c, where) for c in self.category_any):
                failed.append("category")
        if self.category_none and any(_any_of(c, title) for c in self.category_none):
            failed.append("category")
        if self.attributes_all and not all(_any_of(a, title + ["|"] + path) for a in self.attributes_all):
            failed.append("attribute")
        if self.price_min is not None and (product.price is None or product.price < self.price_min):
            failed.append("price")
        elif self.price_max is not None and (product.price is None or product.price > self.price_max):
            failed.append("price")
        if self.colour and not self._colour_ok(product, title):
            failed.append("colour")
        if self.ideal_for and not self._audience_ok(product, title, path):
            failed.append("audience")
        if self.brand:
            brand = self.brand.lower()
            if (product.brand or "").lower() != brand and not product.title.lower().startswith(brand + " "):
                failed.append("brand")
        if self.rating_min is not None and (product.rating is None or product.rating < self.rating_min):
            failed.append("rating")
        if self.in_stock and not product.in_stock:
            failed.append("in stock")
        return failed

    def _colour_ok(self, product: Product, title: list[str]) -> bool:
        colour = self.colour.lower()
        if self.colour_scope == "dial":
            dial = next((v for k, v in product.attributes.items() if "dial" in k.lower() and "col" in k.lower()), "")
            return _contains(colour, terms(dial))
        if product.colours:
            return colour in {c.lower() for c in product.colours}
        return _contains(colour, title)

    def _audience_ok(self, product: Product, title: list[str], path: list[str]) -> bool:
        want = AUDIENCE_MATCHES.get(self.ideal_for.lower(), {self.ideal_for.lower()})
        have = set(product.audience)
        if not have:  # no audience in the record: the title, then the category path
            for words in (title, path):
                have = {AUDIENCE_WORDS[w] for w in words if w in AUDIENCE_WORDS}
                have = set().union(*(AUDIENCE_MATCHES.get(a, {a}) for a in have)) if have else set()
                if have:
                    break
        return bool(want & have)
