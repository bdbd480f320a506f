"""The product type a shop carries that a type it does not carry names, with word-level evidence.

A Chinese word is read into English through its dictionary senses ("桌布" -> tablecloth, "首饰"
-> jewelry, "枕套" -> pillowcase), and the shop may file that thing under its own name ("table
cover", "jewellery", "cushion pillow cover"). The embedder alone is no judge of which of the
shop's types a word names (bench/zh_kind_threshold.py --english: the nearest type is right for 19
of 42 words): here it only ranks the shop's types that share evidence with the sense, a word, a
part of a closed compound ("tablecloth": table + cloth) or a stem ("jewelry" / "jewellery"), and
the nearest must be as near as the measured threshold (`carried_types` in assistant/data/zh.yaml).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

import numpy as np

from common.models import Embedder, encode_query
from common.text import singular, terms


class CarriedTypes:
    """The shop's carried type phrases, and the one nearest a type it does not carry."""

    def __init__(
        self,
        phrases: Iterable[tuple[str, ...]],
        is_carried_type: Callable[[list[str]], bool],
        knows: Callable[[str], bool],
        embed: Embedder | None,
        threshold: float,
        stem: int,
        generic: Iterable[str] = (),
    ):
        # Every tail of a category node that is a carried type: "akup coffee mug" files a coffee
        # mug and a mug; the brand before them names no type.
        tails = {phrase[start:] for phrase in phrases for start in range(len(phrase))}
        self.phrases = sorted(" ".join(t) for t in tails if t and is_carried_type(list(t)))
        self.knows = knows
        self.embed = embed
        self.threshold = threshold
        self.stem = stem
        # Words for what holds or covers another thing ("case", "cover", "box"): a head that
        # says the shape, not the thing (`container_heads` in assistant/data/zh.yaml).
        self.generic = frozenset(generic)

    def nearest(self, kind: str) -> str | None:
        """The carried type `kind` names: of those sharing evidence with it, the nearest by the
        embedder, if as near as the threshold. None when none shares any, or none is near enough."""
        scored = self.scored(kind)
        return scored[0][0] if scored and scored[0][1] >= self.threshold else None

    def scored(self, kind: str) -> list[tuple[str, float]]:
        """The carried types with the evidence to be what `kind` names, with their cosine
        similarity to it, nearest first. Evidence: every word of `kind` is one of the type's
        (the shop's name may add a word: "pillow cover" for a pillowcase, never drop one: a
        toothbrush is no "brush", a curtain rod no "curtain"), and the two end on the same
        thing: the same head word, or both on a word for what holds or covers ("case", "cover")."""
        want, head, shape = self._evidence(kind)
        pool = []
        for phrase in self.phrases:
            keys, its_head, its_shape = self._evidence(phrase)
            if want <= keys and ((shape and its_shape) or (not shape and head & its_head)):
                pool.append(phrase)
        if not pool or self.embed is None:
            return []
        query = np.asarray(encode_query(self.embed, kind), dtype=np.float32)
        scores = self._vectors(pool) @ query
        return sorted(zip(pool, map(float, scores), strict=True), key=lambda x: -x[1])

    def _evidence(self, phrase: str) -> tuple[frozenset[str], frozenset[str], bool]:
        """(the phrase's keys, its head word's keys, whether it ends on a holding word). A key is
        a word, singular, cut to the stem length ("jewelry" and "jewellery" share "jewel"); a
        closed compound whose halves the shop's text both uses gives its halves too ("bedsheet":
        bed, sheet; "pillowcase": pillow, then a holding word)."""
        if phrase in self._evidence_of:
            return self._evidence_of[phrase]
        keys: set[str] = set()
        head: set[str] = set()
        shape = False
        for word in map(singular, terms(phrase)):
            head, shape = set(), word in self.generic
            if not shape:
                head.add(word[: self.stem])
            for cut in range(3, len(word) - 2):
                first, last = word[:cut], word[cut:]
                if self.knows(first) and self.knows(last):
                    head |= {first[: self.stem]} | (set() if last in self.generic else {last[: self.stem]})
                    shape = shape or last in self.generic
            keys |= head
        found = (frozenset(keys), frozenset(head), shape)
        self._evidence_of[phrase] = found
        return found

    def _vectors(self, pool: list[str]) -> np.ndarray:
        missing = [p for p in pool if p not in self._cache]
        if missing:
            if hasattr(self.embed, "encode_query"):
                vectors = self.embed.encode_query(missing)
            else:
                vectors = self.embed.encode(missing, normalize_embeddings=True, convert_to_numpy=True)
            self._cache.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
        return np.stack([self._cache[p] for p in pool])

    @cached_property
    def _cache(self) -> dict[str, np.ndarray]:
        return {}

    @cached_property
    def _evidence_of(self) -> dict[str, tuple[frozenset[str], frozenset[str], bool]]:
        return {}
