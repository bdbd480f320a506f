"""The shop's narrower kind a Chinese compound the dictionary lacks names by its head.

jieba cuts a compound CC-CEDICT does not hold into a word and a one-character head (月经杯 ->
月经 + 杯), and the head alone reads as its plain English kind ("cup"), the modifier as nothing
the shop files ("menstruation"): the shopper's menstrual cup was read as any cup (sets L, U).
The evidence is the head: only the shop's carried types that end in one of the head's English
words compete (the types sharing its head word, never the whole catalog: at word level the
multilingual embedder is no judge across all types, its scores for unrelated words lie as high
as for the right one). The multilingual embedder ranks them against the Chinese compound, and a
narrower type is taken only where it is nearer than the bare head by the measured margin
(`headed_compounds` in assistant/data/zh.yaml).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from common.models import Embedder, encode_query
from common.text import terms


class HeadedCompounds:
    """The shop's carried type phrases, ranked against a Chinese compound by its head."""

    def __init__(
        self,
        phrases: Iterable[str],
        embed: Callable[[], Embedder | None],
        margin: float,
        ordinary: Callable[[str], bool] = lambda word: True,
    ):
        self.phrases = sorted(set(phrases))
        # a type with no word of a brand the shop carries: "wardtrobe dress" is a brand's dress
        self.ordinary = ordinary
        self.embed = embed  # loaded only when a compound asks: most messages never do
        self.margin = margin
        self._cache: dict[str, np.ndarray] = {}

    def named(self, word: str, heads: list[str]) -> str | None:
        """The narrower type the compound `word` names, of those ending in one of `heads` (the
        head character's English words), or None where none beats the bare head by the margin."""
        shared = {f(h) for h in heads for f in (str, lambda w: w + "s", lambda w: w + "es")}
        found = [p for p in self.phrases if terms(p) and terms(p)[-1] in shared]
        # a brand before a type names no narrower kind: "generic menstrual cup" is a menstrual cup
        narrower = [p for p in found if len(terms(p)) >= 2 and not self._has_shorter(p, found)]
        narrower = [p for p in narrower if all(map(self.ordinary, terms(p)))]  # never a brand's node
        if not narrower:
            return None
        embed = self.embed()
        if embed is None:
            return None
        bare = [h for h in heads if h in found] or heads[:1]
        query = np.asarray(encode_query(embed, word), dtype=np.float32)
        scores = self._vectors(embed, [*narrower, *bare]) @ query
        best = int(np.argmax(scores[: len(narrower)]))
        plain = float(np.max(scores[len(narrower) :]))
        return narrower[best] if float(scores[best]) - plain >= self.margin else None

    @staticmethod
    def _has_shorter(phrase: str, found: list[str]) -> bool:
        words = terms(phrase)
        return any(" ".join(words[start:]) in found for start in range(1, len(words) - 1))

    def _vectors(self, embed: Embedder, phrases: list[str]) -> np.ndarray:
        # type phrases are embedded as passages, the shopper's word as a query (E5's two forms)
        missing = [p for p in phrases if p not in self._cache]
        if missing:
            vectors = embed.encode(missing, normalize_embeddings=True, convert_to_numpy=True)
            self._cache.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
        return np.stack([self._cache[p] for p in phrases])
