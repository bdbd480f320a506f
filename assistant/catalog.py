"""`CatalogIndex`: the loaded snapshot plus the columns that make filter-first search fast.

Filtering is numpy over columns (price, rating, stock, brand code, audience and colour bit
masks) and a term -> rows posting list for category phrases. At 100k products a filter costs
well under a millisecond, where Chroma's `where` filter costs ~100 ms (see bench/).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.constraints import (
    Constraints,
    attribute_terms,
    names_type,
    phrase_in,
    product_type_terms,
    type_segments,
)
from common.schema import AUDIENCE_MATCHES, AUDIENCES, Product
from common.text import AUDIENCE_WORDS, COLOURS, normalise_colour, terms, tokenize
from common.untrusted import shown_product
from ingest.snapshot import Snapshot, read_snapshot

LISTING_SEPARATORS = re.compile(r"\s*(?:&|,|/|\band\b|及|、|与|和)\s*", re.I)
COLOUR_BITS = {c: i for i, c in enumerate(dict.fromkeys(normalise_colour(c) for c in COLOURS))}
AUDIENCE_BITS = {a: i for i, a in enumerate(AUDIENCES)}
# A kind of product (top category node) whose products record an audience less often than this
# does not treat audience as a property: "for men" cannot filter its knives and pans. Where most
# do record one (clothing, footwear, watches: every product in the Flipkart catalog), a missing
# audience is unknown and the product stays out, as the labelled queries grade it.
AUDIENCE_RECORDED_SHARE = 0.5


def _kind(product: Product) -> str:
    return product.category[0].lower() if product.category else ""


def audience_free(products: list[Product]) -> np.ndarray:
    """Per product: it records no audience and its kind mostly records none (see above)."""
    total: Counter[str] = Counter(_kind(p) for p in products)
    recorded: Counter[str] = Counter(_kind(p) for p in products if p.audience)
    free_kinds = {k for k, n in total.items() if recorded[k] < AUDIENCE_RECORDED_SHARE * n}
    return np.array([not p.audience and _kind(p) in free_kinds for p in products], dtype=bool)


def _mostly_in(words: list[str], title_words: set[str]) -> bool:
    return bool(words) and sum(w in title_words for w in words) / len(words) >= 0.6


def _postings(row_words: list[set[str]]) -> dict[str, np.ndarray]:
    postings: dict[str, list[int]] = defaultdict(list)
    for row, words in enumerate(row_words):
        for w in words:
            postings[w].append(row)
    return {w: np.array(rows, dtype=np.int64) for w, rows in postings.items()}


def _candidates(postings: dict[str, np.ndarray], phrase: list[str]) -> np.ndarray:
    """Rows holding every word of the phrase (in any order): the phrase check runs on these only."""
    lists = [postings.get(t) for t in phrase]
    if any(x is None for x in lists):
        return np.empty(0, dtype=np.int64)
    rows = lists[0]
    for other in lists[1:]:
        rows = np.intersect1d(rows, other, assume_unique=True)
    return rows


def _brands_in_paths(products: list) -> set[str]:
    """Brands of products with an empty brand field, read from the category tree: a node that
    is its parent with a prefix ("Wrist Watches > Skmei Wrist Watches"), where the title starts
    with that prefix too, names the brand ("skmei"). Catalogs exported from marketplaces often
    file products so while leaving the brand column empty."""
    found: set[str] = set()
    for p in products:
        if p.brand:
            continue
        title = " ".join(tokenize(p.title))
        for parent, node in zip(p.category, p.category[1:], strict=False):
            head, words = tokenize(parent), tokenize(node)
            if head and len(words) > len(head) and words[-len(head) :] == head:
                prefix = " ".join(words[: -len(head)])
                named = [w for w in words[: -len(head)] if not w.isdigit() and w not in AUDIENCE_WORDS and w != "for"]
                if named and title.startswith(prefix + " "):
                    found.add(prefix)
    return found


def _bits(values, table) -> int:
    mask = 0
    for v in values:
        if v in table:
            mask |= 1 << table[v]
    return mask


class CatalogIndex:
    def __init__(self, snapshot: Snapshot):
        # Every record is held to the output filter once, here, so that every path that shows or
        # quotes one (cards, detail, compare, prompts, the search API, the copilot) gets the same
        # text: an index written by another tool is not trusted more than a catalog file.
        self.products = [shown_product(p) for p in snapshot.products]
        self.vectors = snapshot.vectors
        self.bm25 = snapshot.bm25
        self.row_of = {p.id: i for i, p in enumerate(self.products)}
        n = len(self.products)
        self.price = np.array([np.nan if p.price is None else p.price for p in self.products], dtype=np.float64)
        self.rating = np.array([np.nan if p.rating is None else p.rating for p in self.products], dtype=np.float64)
        self.in_stock = np.array([p.in_stock for p in self.products], dtype=bool)
        self.colour_mask = np.array([_bits(p.colours, COLOUR_BITS) for p in self.products], dtype=np.int64)
        self.audience_mask = np.array([_bits(p.audience, AUDIENCE_BITS) for p in self.products], dtype=np.int64)
        self.audience_free = audience_free(self.products)
        self.brand_names = sorted({p.brand.lower() for p in self.products if p.brand} | _brands_in_paths(self.products))
        codes = {b: i for i, b in enumerate(self.brand_names)}
        self.brand_code = np.array([codes.get((p.brand or "").lower(), -1) for p in self.products], dtype=np.int64)
        self.type_segments = [type_segments(p) for p in self.products]
        self.type_terms = [product_type_terms(p) for p in self.products]
        self.attribute_terms = [attribute_terms(p) for p in self.products]
        self.postings = _postings([set(words) for words in self.type_terms])
        self.attribute_postings = _postings([set(words) for words in self.attribute_terms])
        self.all_rows = np.arange(n)
        self.currency = Counter(p.currency for p in self.products).most_common(1)[0][0] if n else "USD"

    @classmethod
    def load(cls, index_dir: Path) -> CatalogIndex:
        return cls(read_snapshot(index_dir))

    def __len__(self) -> int:
        return len(self.products)

    # -- vocabularies for query understanding ------------------------------------------------
    @cached_property
    def word_counts(self) -> Counter[str]:
        """Every word of titles, category paths, brands and descriptions, with frequencies."""
        counts: Counter[str] = Counter()
        for p in self.products:
            counts.update(tokenize(f"{p.title} {' '.join(p.category)} {p.brand or ''}"))
            counts.update(set(tokenize(p.description[:1000])))
        return counts

    @cached_property
    def category_phrases(self) -> set[tuple[str, ...]]:
        """Category path nodes as term tuples ("sports shoe",): the catalog's own product types."""
        phrases = set()
        last_counts = Counter(p.category[-1].lower() for p in self.products if p.category)
        for p in self.products:
            nodes = p.category
            # Some catalogs (Flipkart) end the path with the product's own name: not a type.
            # Such a leaf names one product only and mostly repeats its title.
            leaf = nodes[-1].lower() if nodes else ""
            if len(nodes) > 2 and last_counts[leaf] == 1 and _mostly_in(terms(leaf), set(terms(p.title))):
                nodes = nodes[:-1]
            for node in nodes:
                # A listing node names each of its kinds too: "Face Creams & Moisturisers" holds
                # "face cream" and "moisturiser".
                for part in [node, *LISTING_SEPARATORS.split(node)]:
                    t = tuple(terms(part))
                    if 0 < len(t) <= 4:
                        phrases.add(t)
        return phrases

    def phrase_rows(self, phrase: list[str]) -> np.ndarray:
        """Rows of that product type: the title or a category node that says what the product is
        names it (see `constraints.type_nodes` and `names_type`)."""
        if not phrase:
            return self.all_rows
        rows = _candidates(self.postings, phrase)
        return np.array([r for r in rows if names_type(phrase, self.type_segments[r])], dtype=np.int64)

    def attribute_rows(self, phrase: list[str]) -> np.ndarray:
        """Rows whose title, category, material or specifications contain the phrase."""
        rows = _candidates(self.attribute_postings, phrase)
        return np.array([r for r in rows if phrase_in(phrase, self.attribute_terms[r])], dtype=np.int64)

    def knows_word(self, word: str) -> bool:
        """Whether any product's text (title, category, brand, description) holds the word."""
        return word in self.word_counts

    def has_phrase(self, phrase: list[str]) -> bool:
        return len(self.phrase_rows(phrase)) > 0

    # -- filtering ---------------------------------------------------------------------------
    def mask(self, c: Constraints) -> np.ndarray:
        """Boolean mask of the products that satisfy every constraint in `c`."""
        m = np.ones(len(self.products), dtype=bool)
        for _, part in self.constraint_masks(c):
            m &= part
        return m

    def constraint_masks(self, c: Constraints) -> list[tuple[str, np.ndarray]]:
        """One mask per active constraint, named as in `Constraints.failures`."""
        n = len(self.products)
        parts: list[tuple[str, np.ndarray]] = []
        type_rows = None
        if c.categories:
            type_rows = m = np.zeros(n, dtype=bool)
            for phrase in c.categories:
                m[self.phrase_rows(terms(phrase))] = True
            parts.append(("category", m))
        if c.attributes:
            m = np.ones(n, dtype=bool)
            for phrase in c.attributes:
                part = np.zeros(n, dtype=bool)
                part[self.attribute_rows(terms(phrase))] = True
                m &= part
            parts.append(("attribute", m))
        if c.brands:
            parts.append(("brand", self._brand_mask(c.brands)))
        if c.exclude_brands:
            parts.append(("not brand", ~self._brand_mask(c.exclude_brands)))
        if c.colours:
            want = _bits(c.colours, COLOUR_BITS)
            parts.append(("colour", (self.colour_mask & want) != 0))
        if c.audience:
            want = _bits(AUDIENCE_MATCHES[c.audience], AUDIENCE_BITS)
            parts.append(("audience", self.audience_exact(c) | self._audience_optional(type_rows)))
        if c.price_min is not None or c.price_max is not None:
            lo = -np.inf if c.price_min is None else c.price_min
            hi = np.inf if c.price_max is None else c.price_max
            with np.errstate(invalid="ignore"):
                if c.price_strict:
                    parts.append(("price", (self.price > lo) & (self.price < hi)))
                else:
                    parts.append(("price", (self.price >= lo) & (self.price <= hi)))
        if c.min_rating is not None:
            with np.errstate(invalid="ignore"):
                parts.append(("rating", self.rating >= c.min_rating))
        if c.in_stock:
            parts.append(("in stock", self.in_stock.copy()))
        return parts

    def audience_exact(self, c: Constraints) -> np.ndarray:
        """Products that record the audience asked for (a unisex record counts)."""
        if not c.audience:
            return np.ones(len(self.products), dtype=bool)
        return (self.audience_mask & _bits(AUDIENCE_MATCHES[c.audience], AUDIENCE_BITS)) != 0

    def _audience_optional(self, type_rows: np.ndarray | None) -> np.ndarray:
        """Products an audience cannot filter: with a product type asked for, every product that
        records no audience when products of that type mostly record none (knives, pans); with
        none, those whose kind mostly records none (`audience_free`)."""
        if type_rows is None:
            return self.audience_free
        recorded = (self.audience_mask != 0) & type_rows
        if recorded.sum() >= AUDIENCE_RECORDED_SHARE * max(int(type_rows.sum()), 1):
            return np.zeros(len(self.products), dtype=bool)
        return self.audience_mask == 0

    def failures(self, c: Constraints, product: Product) -> list[str]:
        """`Constraints.failures` as this catalog's filter decides it (the audience depends on
        what the catalog records for products of the kind, see `_audience_optional`)."""
        row = self.row_of.get(product.id)
        if row is None:
            return c.failures(product)
        return [name for name, m in self.constraint_masks(c) if not m[row]]

    def _brand_mask(self, brands: list[str]) -> np.ndarray:
        codes = [self.brand_names.index(b) for b in brands if b in self.brand_names]
        m = np.isin(self.brand_code, codes) if codes else np.zeros(len(self.products), dtype=bool)
        # "The brand column equals the brand, or the name starts with it": catalogs often leave
        # the brand column empty but start the title with it.
        for b in brands:
            for row in self.phrase_rows(terms(b)):
                if self.products[row].title.lower().startswith(b + " "):
                    m[row] = True
        return m
