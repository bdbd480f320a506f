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
        self, phrases: Iterable[str], embed: Embedder | None, threshold: float, generic_suffixes: Iterable[str]
    ):
        self.phrases = sorted({p for p in phrases if CJK.search(p)}, key=lambda p: (-len(p), p))
        self.embed = embed
        self.threshold = threshold
        self.generic_suffixes = tuple(generic_suffixes)

    @classmethod
    def of_categories(
        cls, paths: Iterable[list[str]], embed: Embedder | None, threshold: float, generic_suffixes: Iterable[str]
    ) -> ShopKinds:
        """From the products' category paths: every node, and every kind a listing node joins."""
        phrases: set[str] = set()
        for path in paths:
            for node in path:
                node = "".join(node.split())
                phrases.add(node)
                phrases |= {part for part in NODE_JOINERS.split(node) if len(part) >= 2}
        return cls(phrases, embed, threshold, generic_suffixes)

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
        for suffix in self.generic_suffixes:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) == 1:
                # one kind per phrase: a listing node ("牛仔裤及长裤") is named by its parts
                headed = [p for p in self.phrases if len(p) >= 2 and p.endswith(stem) and not NODE_JOINERS.search(p)]
                # every kind of that head (the generic word names them all), plainest first
                return sorted(headed, key=lambda p: (len(p), p))
        return []

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
