"""The product type a shopper's Chinese word names in a shop whose catalog is written in Chinese.

The Chinese reader (`assistant.chinese`) reads Chinese into English words, which is right for an
English catalog. A Chinese catalog names its kinds in Chinese ("家居厨房 > 咖啡及茶具 > 马克杯"), so
a shopper's word is matched against the catalog's own phrases first:
- lexically, by how Chinese compounds are built (the head comes last): the word is a phrase
  (跑步鞋), ends with one (男士跑步鞋 -> 跑步鞋, 电热水壶 -> 水壶), or is the generic form of a head
  several phrases share (杯子 -> 马克杯; 裤子 -> 牛仔裤, 长裤);
- else through the catalog's own multilingual embedder (multilingual-e5-small for a Chinese
  catalog): the nearest phrase, when it is as near as the measured threshold in
  `assistant/data/zh.yaml` (`shop_kinds`) asks.
An English catalog has no Chinese phrases, so nothing here applies to it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cached_property

import numpy as np

from common.language import CJK
from common.models import Embedder, encode_query

# Category nodes list several kinds joined by these ("牛仔裤及长裤", "帽子、围巾及手套").
NODE_JOINERS = re.compile(r"[及、和与/&]|以及")


class ShopKinds:
    """The catalog's Chinese type phrases, and the ones a Chinese word names."""

    def __init__(
        self,
        phrases: Iterable[str],
        embed: Embedder | None,
        threshold: float,
        generic_suffixes: Iterable[str],
        most_alternatives: int = 2,
        places: dict[str, set[tuple[str, ...]]] | None = None,
    ):
        # phrase -> the category paths down to the node that names it
        self.places = places or {}
        self.phrases = sorted({p for p in phrases if CJK.search(p)}, key=lambda p: (-len(p), p))
        self.embed = embed
        self.threshold = threshold
        self.generic_suffixes = tuple(generic_suffixes)
        self.most_alternatives = most_alternatives

    @classmethod
    def of_categories(
        cls,
        paths: Iterable[list[str]],
        embed: Embedder | None,
        threshold: float,
        generic_suffixes: Iterable[str],
        most_alternatives: int = 2,
    ) -> ShopKinds:
        """From the products' category paths: every node, and every kind a listing node joins."""
        places: dict[str, set[tuple[str, ...]]] = {}
        for path in paths:
            nodes = tuple("".join(node.split()) for node in path)
            for depth, node in enumerate(nodes, start=1):
                for phrase in {node} | {part for part in NODE_JOINERS.split(node) if len(part) >= 2}:
                    places.setdefault(phrase, set()).add(nodes[:depth])
        return cls(places, embed, threshold, generic_suffixes, most_alternatives, places)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def lexical(self, word: str) -> list[str]:
        """The phrases a word names by its form: itself, the longest phrase it ends with, or, for
        a generic word (a head and a suffix such as 子), every phrase with that head."""
        word = "".join(word.split())
        if not CJK.search(word):
            return []
        if word in self.phrases:
            return [word]
        ending = next((p for p in self.phrases if len(p) >= 2 and word.endswith(p)), None)
        if ending:
            return [ending]
        stems = [word[: -len(s)] for s in self.generic_suffixes if word.endswith(s)]
        for stem in [*stems, word]:  # 杯子 names the kinds headed by 杯; so does 包 alone
            if len(stem) != 1:
                continue
            # one kind per phrase: a listing node ("牛仔裤及长裤") is named by its parts
            headed = [p for p in self.phrases if len(p) >= 2 and p.endswith(stem) and not NODE_JOINERS.search(p)]
            if len(headed) >= 2 and self._holding(headed):
                return [self._holding(headed)]  # 裤子 -> 牛仔裤及长裤; 鞋子 -> 鞋靴
            if len(headed) > self.most_alternatives:
                return [stem]  # too many to filter on as alternatives: the head itself, for the search
            if headed:
                return sorted(headed, key=lambda p: (len(p), p))  # plainest first
        return []

    def _holding(self, phrases: list[str]) -> str | None:
        """The narrowest category node that holds every place of these phrases, if any: what a
        generic word names when several of the shop's kinds share its head."""
        places = [place for p in phrases for place in self.places.get(p, ())]
        if not places:
            return None
        named = {place[-1] for place in places}
        if len(named) == 1:  # one node, wherever it is filed (男装 and 女装 > 牛仔裤及长裤)
            return named.pop()
        common = os.path.commonprefix(places)  # element-wise on the node tuples
        return common[-1] if common else None

    def nearest(self, word: str) -> tuple[str | None, float]:
        """The nearest phrase by the embedder and its cosine similarity."""
        if self.embed is None or not self.phrases:
            return None, 0.0
        query = np.asarray(encode_query(self.embed, word), dtype=np.float32)
        scores = self._vectors @ query
        best = int(np.argmax(scores))
        return self.phrases[best], float(scores[best])

    def similar(self, word: str) -> str | None:
        """The nearest phrase when it is near enough to be what the word names."""
        phrase, score = self.nearest(word)
        return phrase if phrase is not None and score >= self.threshold else None

    @cached_property
    def _vectors(self) -> np.ndarray:
        # Phrases are short queries too, not passages: word and phrase are embedded alike.
        if hasattr(self.embed, "encode_query"):  # E5's query form, all phrases in one call
            vectors = self.embed.encode_query(self.phrases)
        else:
            vectors = self.embed.encode(self.phrases, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)
