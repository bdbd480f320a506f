"""Products a shopper names in a message: "does the Sonata black analog watch have a date
display?", "the Pod Air Sport and the Free 2 Sport".

A product is named when the message carries the words that tell it from the rest of the
catalog: its rare title and brand words (idf-weighted), not the product-type, colour, material
or audience words every search uses. "black analog watch under 1000" carries none, so it stays a
search. When several products carry the same name words (a brand, a model line), the one whose
title the message covers best, then the one closest in embedding, is taken; when that still
leaves many alike, the message names a brand or a line, not a product, and nothing is named.
The threshold is data (`data/naming.yaml`) measured by bench/product_questions.py --naming.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant import vocabulary
from common.models import Embedder, encode_query
from common.schema import Product
from common.settings import read_yaml_config
from common.text import AUDIENCE_WORDS, COLOURS, MATERIALS, STOPWORDS, singular, tokenize

DATA_FILE = Path(__file__).resolve().parent / "data" / "naming.yaml"


@dataclass(frozen=True)
class NamingRules:
    min_name_weight: float  # idf summed over the name words a message must carry, as a share of a unique word's
    min_name_cover: float  # share (idf-weighted) of a product's name words the message must carry
    min_title_cover: float  # the same for a title without name words (type and options only)
    max_alike: int  # more equally good candidates than this: a brand or a line, not a product
    generic: frozenset[str]


@cache
def rules(path: Path = DATA_FILE) -> NamingRules:
    data: dict[str, Any] = read_yaml_config(path, what="naming data file")
    generic = frozenset(data["generic"].split()) | STOPWORDS | set(COLOURS) | set(MATERIALS) | set(AUDIENCE_WORDS)
    return NamingRules(
        float(data["min_name_weight"]),
        float(data["min_name_cover"]),
        float(data["min_title_cover"]),
        int(data["max_alike"]),
        generic,
    )


@dataclass(frozen=True)
class Named:
    product: Product
    weight: float  # idf of the name words the message carries
    matched: frozenset[str]


class NameIndex:
    """Per catalog, once: each product's name words and each word's idf over titles."""

    def __init__(self, products: list[Product], vectors: np.ndarray | None = None):
        self.products = products
        self.vectors = vectors
        # A one-word product type ("watch", "mug") says what a product is, not which one it is;
        # so do the words of a longer type the message says ("running shoes", see `find`).
        type_vocabulary = vocabulary.type_words()
        generic = rules().generic | type_vocabulary
        self.words = [frozenset(_terms(f"{p.title} {p.brand or ''}")) for p in products]
        self.types = [words & type_vocabulary for words in self.words]
        self.all_types = type_vocabulary
        self.brands = [frozenset(_terms(p.brand or "")) for p in products]
        brand_count = Counter(p.brand.lower() for p in products if p.brand)
        self.sole_of_brand = [bool(p.brand) and brand_count[p.brand.lower()] == 1 for p in products]
        df = Counter(w for words in self.words for w in words)
        n = max(len(products), 1)
        self.idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self.max_idf = math.log((n + 1) / 0.5)  # a word of one title: thresholds are shares of it
        # Model codes ("co6394a1", "729") name a product too; a bare small number does not.
        self.name_words = [frozenset(w for w in words if w not in generic and _names(w)) for words in self.words]
        self.postings: dict[str, list[int]] = {}
        for row, words in enumerate(self.words):
            for w in words:
                self.postings.setdefault(w, []).append(row)

    def find(self, text: str, embedder: Embedder | None = None) -> list[Named]:
        """The products the text names, in the order they are named."""
        said = _terms(text)
        said_set = set(said) - _type_phrase_words(said)
        shared = Counter(r for w in said_set for r in self.postings.get(w, []))
        rows = [r for r, n in shared.items() if n >= 2 or self.name_words[r] & said_set]
        if not rows:
            return []
        said_types = said_set & self.all_types
        r_ = rules()
        scored = []
        for r in rows:
            names = self.name_words[r]
            if not names:
                # A title of type and option words only ("Wireless Earbuds (black, 4 hours, IPX7)"):
                # named when the message carries most of it.
                names = self.words[r]
                if _share(self.idf, names & said_set, names) < r_.min_title_cover:
                    continue
            matched = names & said_set
            weight = sum(self.idf[w] for w in matched)
            cover = _share(self.idf, matched, names)
            if cover < r_.min_name_cover:
                continue  # one word of a long name ("wedding" of "lovelady wedding lingerie set")
            if said_types and not said_types & self.types[r] and matched <= self.brands[r]:
                continue  # a brand and another kind of product ("adidas track pants", a top)
            if matched <= self.brands[r] and not self.sole_of_brand[r]:
                continue  # a brand, not a product
            whole = _share(self.idf, self.words[r] & said_set, self.words[r])  # breaks ties
            scored.append((weight, whole, r, frozenset(matched)))
        similarity = self._similarity(text, [s[2] for s in scored], embedder)
        scored.sort(key=lambda s: (-s[0], -s[1], -similarity.get(s[2], 0.0)))
        out: list[Named] = []
        used: set[str] = set()
        for weight, cover, row, matched in scored:
            fresh = matched - used
            if sum(self.idf[w] for w in fresh) < r_.min_name_weight * self.max_idf:
                continue
            alike = [s for s in scored if s[3] == matched and abs(s[1] - cover) < 1e-6]
            if len(alike) > r_.max_alike:
                # Equally good: a brand or a line. The embedding may still single one out.
                best = max(alike, key=lambda s: similarity.get(s[2], 0.0))
                if similarity.get(best[2], 0.0) <= 0 or len(alike) > 3 * r_.max_alike:
                    used |= matched
                    continue
                row = best[2]
            out.append(Named(self.products[row], weight, matched))
            used |= matched
        position = {w: i for i, w in reversed(list(enumerate(said)))}
        return sorted(out, key=lambda n: min(position.get(w, 0) for w in n.matched))

    def _similarity(self, text: str, rows: list[int], embedder: Embedder | None) -> dict[int, float]:
        if embedder is None or self.vectors is None or not rows:
            return {}
        query = encode_query(embedder, text)
        return {r: float(self.vectors[r] @ query) for r in rows}


def _type_phrase_words(said: list[str]) -> set[str]:
    """Words of the multi-word product types the message says ("running shoe", "track pant")."""
    out: set[str] = set()
    for n in (2, 3):
        for i in range(len(said) - n + 1):
            if tuple(said[i : i + n]) in vocabulary.product_types():
                out.update(said[i : i + n])
    return out


def _share(idf: dict[str, float], part: frozenset[str], whole: frozenset[str]) -> float:
    return sum(idf[w] for w in part) / max(sum(idf[w] for w in whole), 1e-9)


def _names(word: str) -> bool:
    return not word.isdigit() or len(word) >= 3


def _terms(text: str) -> list[str]:
    return [singular(w) for w in tokenize(text.replace("'", ""))]


_indexes: dict[int, NameIndex] = {}


def name_index(catalog: Any) -> NameIndex:
    """The name index of a `CatalogIndex` (or anything with `products` and `vectors`), built once."""
    key = id(catalog)
    index = _indexes.get(key)
    if index is None or index.products is not catalog.products:
        index = NameIndex(catalog.products, getattr(catalog, "vectors", None))
        _indexes[key] = index
    return index


def name_products(text: str, catalog: Any, embedder: Embedder | None = None) -> list[Product]:
    """The products a shopper's message names, in the order named (empty for a plain search)."""
    return [n.product for n in name_index(catalog).find(text, embedder)]
