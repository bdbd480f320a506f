"""The shop's kind a modifier names in place of a kind the shop does not carry.

A Chinese shopper names a thing by the word of their language ("狗狗沐浴露", a dog's body wash),
which a shop may file under a sibling kind it says with the same modifier ("dog shampoo"): the
request read "dog body wash" filtered on a kind the shop lacks and showed nothing (sets AC zq15,
AF z11). The evidence is the shop's titles: the carried types that follow the modifier there
("dog" -> shampoo). One is taken only where it is near in meaning to the kind said, by the
catalog's embedder on the English words (`modifier_kinds.similarity` in assistant/data/zh.yaml;
MiniLM: body wash - shampoo 0.565, soap 0.517 above; shower gel 0.487, perfume 0.494, brush
0.485, dress - panty 0.442, food, bed, collar, toy below 0.30), so a dog bed never becomes a dog
shampoo. Only for a kind no product of the shop holds (the reader's `_sibling`): headlight -
helmet scores 0.513, and set AF zd03's motorbike headlight, a kind the shop holds, read a helmet.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np

from common.text import terms


class ModifierKinds:
    """`named(modifier, kind)`: "modifier type" for the shop's carried type said after the
    modifier in its titles nearest in meaning to `kind`, or None."""

    def __init__(
        self,
        titles: list[str],
        rows: Callable[[list[str]], np.ndarray],
        is_carried_type: Callable[[list[str]], bool],
        encode: Callable[[list[str]], np.ndarray] | None,
        similarity: float,
    ):
        self.titles, self.rows, self.is_carried_type = titles, rows, is_carried_type
        self.encode = encode
        self.similarity = similarity
        self._cache: dict[tuple[str, str], str | None] = {}

    def after(self, modifier: str) -> list[str]:
        """The carried types the shop's titles say right after a modifier word."""
        found = {
            b
            for row in self.rows([modifier])
            for a, b in itertools.pairwise(terms(self.titles[row]))
            if a == modifier and b.isalpha() and self.is_carried_type([b])
        }
        return sorted(found)

    def named(self, modifier: str, kind: str) -> str | None:
        key = (modifier, kind)
        if key not in self._cache:
            self._cache[key] = self._named(modifier, kind)
        return self._cache[key]

    def _named(self, modifier: str, kind: str) -> str | None:
        candidates = [c for c in self.after(modifier) if c not in terms(kind)]
        if not candidates or self.encode is None:
            return None
        vectors = self.encode([kind, *candidates])
        scores = vectors[1:] @ vectors[0]
        best = int(np.argmax(scores))
        return f"{modifier} {candidates[best]}" if scores[best] >= self.similarity else None
