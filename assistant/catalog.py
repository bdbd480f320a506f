"""`CatalogIndex`: the loaded snapshot plus the columns that make filter-first search fast.

Filtering is numpy over columns (price, rating, stock, brand code, audience and colour bit
masks) and a term -> rows posting list for category phrases. At 100k products a filter costs
well under a millisecond, where Chroma's `where` filter costs ~100 ms (see bench/).
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.catalog_tables import (
    AUDIENCE_BITS,
    COLOUR_BITS,
    MAX_ATTRIBUTE_WORDS,
    MAX_PREFIX_WORDS,
    MAX_TYPE_WORDS,
    Tables,
    bits,
    phrase_key,
    tables_for,
    words_key,
)
from assistant.constraints import (
    Constraints,
    alternatives,
    attribute_terms,
    names_type,
    phrase_in,
    states_no,
    type_segments,
)
from assistant.dense_index import dense_index_for
from assistant.pets import kind_for_animals
from assistant.recorded import RecordedAttributes
from assistant.word_forms import refused_forms
from common.schema import AUDIENCE_MATCHES, Product
from common.text import terms
from ingest.snapshot import Snapshot, read_snapshot

# A kind of product (top category node) whose products record an audience less often than this
# does not treat audience as a property: "for men" cannot filter its knives and pans. Where most
# do record one (clothing, footwear, watches: every product in the Flipkart catalog), a missing
# audience is unknown and the product stays out, as the labelled queries grade it.
AUDIENCE_RECORDED_SHARE = 0.5


def audience_free(kind_code: np.ndarray, audience_mask: np.ndarray) -> np.ndarray:
    """Per product: it records no audience and its kind (`kind_code`, the top category node's
    code in the tables) mostly records none (see above). Counted per kind with numpy, so a
    million-row catalog needs no pass over its records."""
    recorded = audience_mask != 0
    if not len(kind_code):
        return np.zeros(0, dtype=bool)
    total = np.bincount(kind_code)
    with_audience = np.bincount(kind_code[recorded], minlength=len(total))
    free_kinds = with_audience < AUDIENCE_RECORDED_SHARE * total
    return ~recorded & free_kinds[kind_code]


class CatalogIndex:
    """The snapshot (records read on demand, vectors and BM25 memory-mapped) and its search
    tables (`catalog_tables`): columns for the filters, phrase postings, the parser's words.

    Every record a shopper sees has been through the output filter (`common.untrusted.
    shown_product`): the snapshot applies it as it reads each row, so cards, detail, compare,
    prompts, the search API and the copilot all get the same text, and an index written by
    another tool is not trusted more than a catalog file."""

    def __init__(self, snapshot: Snapshot, tables: Tables | None = None):
        self.snapshot = snapshot
        self.products = snapshot.products
        self.vectors = snapshot.vectors
        self.bm25 = snapshot.bm25
        self.tables = tables or tables_for(snapshot)
        t = self.tables
        self.row_of = t.row_of
        self.price = t.columns["price"]
        self.rating = t.columns["rating"]
        self.in_stock = t.columns["in_stock"]
        self.colour_mask = t.columns["colour_mask"]
        self.audience_mask = t.columns["audience_mask"]
        self.audience_free = audience_free(t.columns["kind_code"], self.audience_mask)
        self.brand_code = t.columns["brand_code"]
        self.brand_names = t.brand_names
        self._brand_codes = {b: i for i, b in enumerate(self.brand_names)}
        self.all_rows = np.arange(t.count)
        self.currency = t.currency
        self.dense = dense_index_for(snapshot)  # None below dense_index.ANN_FROM: exact search

    @classmethod
    def load(cls, index_dir: Path) -> CatalogIndex:
        return cls(read_snapshot(index_dir))

    def __len__(self) -> int:
        return self.tables.count

    # -- vocabularies for query understanding ------------------------------------------------
    @property
    def word_counts(self) -> Counter[str]:
        """Every word of titles, category paths, brands and descriptions, with frequencies."""
        return self.tables.word_counts

    @property
    def category_phrases(self) -> set[tuple[str, ...]]:
        """Category path nodes as term tuples ("sports shoe",): the catalog's own product types."""
        return self.tables.category_phrases

    @cached_property
    def node_openers(self) -> frozenset[str]:
        """The first words of the category nodes of two words or more ("formal" of "Formal
        Shirts"): a word of the request's grammar that opens one is also a way the shop files
        a kind."""
        return frozenset(p[0] for p in self.category_phrases if len(p) > 1)

    def phrase_rows(self, phrase: list[str]) -> np.ndarray:
        """Rows of that product type: the title or a category node that says what the product is
        names it (see `constraints.type_nodes` and `names_type`). One lookup in the stored
        postings; a longer phrase than they hold is checked on the records that hold its words."""
        if not phrase:
            return self.all_rows
        if len(phrase) <= MAX_TYPE_WORDS:
            return self.tables.type_postings.rows_of(words_key(phrase))
        rows = self._holding(phrase)
        return np.array([r for r in rows if names_type(phrase, type_segments(self.products[r]))], dtype=np.int64)

    def kind_rows(self, categories: list[str]) -> list[np.ndarray]:
        """The sorted rows of each of these product types, straight from their postings: their
        union is the category constraint's rows, with no mask nor union over a million rows."""
        return [self.phrase_rows(terms(phrase)) for phrase in categories]

    def attribute_rows(self, phrase: list[str]) -> np.ndarray:
        """Rows whose title, category, material or specifications contain the phrase."""
        if not phrase:
            return self.all_rows
        if len(phrase) <= MAX_ATTRIBUTE_WORDS:
            return self.tables.attribute_postings.rows_of(words_key(phrase))
        rows = self._holding(phrase)
        return np.array([r for r in rows if phrase_in(phrase, attribute_terms(self.products[r]))], dtype=np.int64)

    def _holding(self, phrase: list[str]) -> np.ndarray:
        """Rows whose attribute terms (title and every category node among them) hold each
        consecutive word pair of the phrase: a superset of the rows that hold the phrase."""
        postings, n = self.tables.attribute_postings, MAX_ATTRIBUTE_WORDS
        rows = postings.rows_of(words_key(phrase[:n]))
        for i in range(1, len(phrase) - n + 1):
            rows = np.intersect1d(rows, postings.rows_of(words_key(phrase[i : i + n])))
        return rows

    @cached_property
    def recorded(self) -> RecordedAttributes:
        """The specification values the shop records ("Sleeve: Sleeveless"), from the search
        tables (`assistant.recorded`)."""
        return self.tables.recorded()

    def knows_word(self, word: str) -> bool:
        """Whether any product's text (title, category, brand, description) holds the word."""
        return word in self.tables.word_counts

    def has_phrase(self, phrase: list[str]) -> bool:
        if 0 < len(phrase) <= MAX_TYPE_WORDS:
            return self.tables.type_postings.count(words_key(phrase)) > 0
        return len(self.phrase_rows(phrase)) > 0

    # -- filtering ---------------------------------------------------------------------------
    def mask(self, c: Constraints) -> np.ndarray:
        """Boolean mask of the products that satisfy every constraint in `c`."""
        m = np.ones(len(self), dtype=bool)
        for _, part in self.constraint_masks(c):
            m &= part
        return m

    def constraint_masks(self, c: Constraints) -> list[tuple[str, np.ndarray]]:
        """One mask per active constraint, named as in `Constraints.failures`."""
        n = len(self)
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
                for alternative in alternatives(phrase):  # "checkered or printed": either
                    part[self.attribute_rows(terms(alternative))] = True
                m &= part
            parts.append(("attribute", m))
        if c.flags:
            parts.append(("flag", self._flag_mask(c.flags)))
        if c.exclude_attributes:
            m = np.ones(n, dtype=bool)
            for phrase in c.exclude_attributes:
                for form in refused_forms(phrase):  # "I hate wires": the "wired" ones too
                    m[self.attribute_rows(terms(form))] = False
            parts.append(("not attribute", m))
        if c.brands:
            parts.append(("brand", self._brand_mask(c.brands)))
        if c.exclude_brands:
            parts.append(("not brand", ~self._brand_mask(c.exclude_brands)))
        if c.colours:
            want = bits(c.colours, COLOUR_BITS)
            parts.append(("colour", (self.colour_mask & want) != 0))
        if c.exclude_colours:
            # A product that records no colour is not one of the colours refused.
            parts.append(("not colour", (self.colour_mask & bits(c.exclude_colours, COLOUR_BITS)) == 0))
        if c.audience:
            unstated = self.audience_mask == 0 if c.audience_open else self._audience_optional(type_rows)
            parts.append(("audience", self.audience_exact(c) | (unstated & ~self.for_animals)))
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

    def _flag_mask(self, flags: list[str]) -> np.ndarray:
        """Products whose record states none of these yes/no specifications ("polarized") as
        "No" (only the rows that record the key are read)."""
        m = np.ones(len(self), dtype=bool)
        for flag in flags:
            key = self.recorded.flags.get(flag)
            for row in self.recorded.rows_of_key(key) if key else []:
                if states_no(self.products[int(row)], flag):
                    m[int(row)] = False
        return m

    def audience_exact(self, c: Constraints) -> np.ndarray:
        """Products that record the audience asked for (a unisex record counts)."""
        if not c.audience:
            return np.ones(len(self), dtype=bool)
        return (self.audience_mask & bits(AUDIENCE_MATCHES[c.audience], AUDIENCE_BITS)) != 0

    @cached_property
    def for_animals(self) -> np.ndarray:
        """Per product: its kind (top category node) is for animals ("Pet Supplies"). One record
        per kind is read, so a large catalog costs as many reads as it has kinds."""
        codes = self.tables.columns["kind_code"]
        found, first = np.unique(codes, return_index=True)
        animal = [int(k) for k, row in zip(found, first, strict=True) if kind_for_animals(self.products[int(row)])]
        return np.isin(codes, animal)

    def _audience_optional(self, type_rows: np.ndarray | None) -> np.ndarray:
        """Products an audience cannot filter: with a product type asked for, every product that
        records no audience when products of that type mostly record none (knives, pans); with
        none, those whose kind mostly records none (`audience_free`)."""
        if type_rows is None:
            return self.audience_free
        recorded = (self.audience_mask != 0) & type_rows
        if recorded.sum() >= AUDIENCE_RECORDED_SHARE * max(int(type_rows.sum()), 1):
            return np.zeros(len(self), dtype=bool)
        return self.audience_mask == 0

    def failures(self, c: Constraints, product: Product) -> list[str]:
        """`Constraints.failures` as this catalog's filter decides it (the audience depends on
        what the catalog records for products of the kind, see `_audience_optional`)."""
        row = self.row_of.get(product.id)
        if row is None:
            return c.failures(product)
        return [name for name, m in self.constraint_masks(c) if not m[row]]

    def _brand_mask(self, brands: list[str]) -> np.ndarray:
        codes = [self._brand_codes[b] for b in brands if b in self._brand_codes]
        m = np.isin(self.brand_code, codes) if codes else np.zeros(len(self), dtype=bool)
        # "The brand column equals the brand, or the name starts with it": catalogs often leave
        # the brand column empty but start the title with it. Read from the title's first words
        # alone, never through the type postings: a brand word is no product type, and a title
        # that names its type after the brand ("Wrangler ... Jeans") must still count.
        for b in brands:
            if len(b.split(" ")) <= MAX_PREFIX_WORDS:
                m[self.tables.title_prefixes.rows_of(phrase_key(b))] = True
            else:
                m[[r for r in self._holding(terms(b)) if self.products[r].title.lower().startswith(b + " ")]] = True
        return m
