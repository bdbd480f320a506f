"""Product types by meaning: the catalog's own type names nearest to a phrase (cosine with the
search embedder), and the types an interest steers toward ("likes cooking" -> cookware).

Steering only: a type named by the shopper is resolved lexically (`Understander.requested_type`).
Embedding nearness was measured as evidence for "do we carry it" too (`bench/type_threshold.py`
on both hand-labelled WANDS sets) and does not separate carried from not-carried types there
("toddler couch" not carried, "teak couch" carried, both nearest "furniture" at 0.76), so it
never turns a type the shop lacks into one it has.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from assistant.audience import interests
from assistant.steering import steering
from common.models import Embedder, encode_query
from common.text import STOPWORDS, terms, tokenize

STEER = steering()["interest_types"]
SEVERAL = re.compile(r"\s*(?:,|\band\b|\bor\b|&|/)\s*")


class TypeMeaning:
    """Built once per catalog and embedder; the type names are embedded on first use."""

    def __init__(self, type_names: Callable[[], list[str]], embed: Embedder):
        self._type_names = type_names
        self.embed = embed
        self._index: tuple[list[str], np.ndarray] | None = None

    def nearest(self, phrase: str, n: int = 3) -> list[tuple[float, str]]:
        """The catalog type names nearest in meaning to `phrase`, with their cosine."""
        names, vectors = self._vectors()
        sims = vectors @ np.asarray(encode_query(self.embed, phrase), dtype=np.float32)
        return [(float(sims[i]), names[i]) for i in np.argsort(-sims)[:n]]

    def steered(self, text: str) -> list[str]:
        """Catalog types near what the person is into, each interest apart ("sports and gaming"):
        a ranking preference, never a filter (thresholds and how they were chosen: steering.json)."""
        out: list[str] = []
        for said in interests(text):
            for interest in (p for p in SEVERAL.split(said) if p):
                near = self.nearest(interest, STEER["top"])
                best = near[0][0] if near else 0.0
                out += [t for sim, t in near if sim >= STEER["min_similarity"] and sim >= best - STEER["below_best"]]
        return list(dict.fromkeys(out))

    def for_use(self, clause: str, people: frozenset[str], placeholders: frozenset[str] = frozenset()) -> list[str]:
        """Catalog types near a use said in place of a kind ("something to keep mosquitoes off
        the baby", "those window shade things", "something woolly"): the placeholder's clause,
        less who it is for (`people`: "for my son" pulls toward kids' clothing), steers as an
        interest does, with the same thresholds; never a filter."""
        words = [w for w in tokenize(clause.replace("'", " ")) if w not in people]
        # A placeholder alone says no use ("something under 40 bucks": the amount is read apart):
        # its embedding sits nearest "toy" and steered a grown-up's gift to jigsaw puzzles.
        if not [w for w in words if w not in placeholders and w not in STOPWORDS and not w.isdigit()]:
            return []
        near = self.nearest(" ".join(words), STEER["top"])
        best = near[0][0] if near else 0.0
        return [t for sim, t in near if sim >= STEER["min_similarity"] and sim >= best - STEER["below_best"]]

    def _vectors(self) -> tuple[list[str], np.ndarray]:
        if self._index is None:
            names = self._type_names()
            self._index = (names, np.asarray(self.embed.encode(names, normalize_embeddings=True), dtype=np.float32))
        return self._index


def shares_word(phrase: str, other: str) -> bool:
    """Lexical evidence: a word of one is a word of the other, or starts it ("light" and
    "lighting", "pillow" and "pillows")."""
    a, b = terms(phrase), terms(other)
    return any(x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))) for x in a for y in b)
