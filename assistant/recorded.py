"""Attributes the shop records: short specification values such as "Sleeve: Sleeveless",
"Pattern: Embroidered" or "Fit: Slim", read off the catalog itself.

A shopper's word that names one ("sleeveless", "embroidered", "slim fit") is a hard constraint
where the kind asked for records that specification: "a sleeveless formal shirt" in a shop whose
shirts record their sleeve and none is sleeveless is answered honestly with nothing, not with
full-sleeve shirts. Where the kind records no such specification the word cannot be checked,
and it only ranks. Which keys and values count is data (`assistant/data/recorded_attributes.json`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from assistant.vocabulary import DATA
from common.schema import Product
from common.text import AUDIENCE_WORDS, COLOURS, STOPWORDS, terms

_RULES = json.loads((DATA / "recorded_attributes.json").read_text(encoding="utf-8"))
EXCLUDED_KEY_WORDS = frozenset(_RULES["excluded_key_words"])
MAX_WORDS, MIN_PRODUCTS = int(_RULES["max_words"]), int(_RULES["min_products"])
KEY_TAILS = frozenset(_RULES["key_tails"])
# Not values: yes/no flags and fillers a spec table writes where it has nothing.
PLAIN = frozenset({"yes", "no", "na", "n", "a", "none", "other", "others", "regular", "normal", "standard", "style"})
SPLIT = re.compile(r"[,|/;&]+")


@dataclass(frozen=True)
class Recorded:
    """One phrase a shopper may say, the value phrase the catalog records for it, and the keys."""

    value: str
    keys: frozenset[str]


class RecordedAttributes:
    """Phrase -> recorded value for one catalog, and the rows that record each key."""

    def __init__(self, products: Iterable[Product]):
        rows_of_key: dict[str, list[int]] = defaultdict(list)
        holders: dict[str, set[int]] = defaultdict(set)
        keys_of: dict[str, set[str]] = defaultdict(set)
        for row, product in enumerate(products):
            for key, raw in product.attributes.items():
                key_words = terms(key)
                if not key_words or set(key_words) & EXCLUDED_KEY_WORDS:
                    continue
                k = " ".join(key_words)
                rows_of_key[k].append(row)
                for part in SPLIT.split(str(raw)):
                    words = terms(part)
                    if not words or len(words) > MAX_WORDS or any(ch.isdigit() for ch in part):
                        continue
                    if set(words) <= PLAIN | STOPWORDS or set(words) & (set(COLOURS) | set(AUDIENCE_WORDS)):
                        continue
                    value = " ".join(words)
                    holders[value].add(row)
                    keys_of[value].add(k)
        self.rows_of_key = {k: np.array(sorted(set(v)), dtype=np.int64) for k, v in rows_of_key.items()}
        self.phrases: dict[str, Recorded] = {}
        for value, rows in holders.items():
            if len(rows) < MIN_PRODUCTS:
                continue
            entry = Recorded(value, frozenset(keys_of[value]))
            self.phrases[value] = entry
            for key in entry.keys:
                tail = key.split()[-1]
                if tail in KEY_TAILS and not value.endswith(tail):
                    # "slim fit" for Fit: Slim; the value is what a record holds.
                    self.phrases.setdefault(f"{value} {tail}", entry)

    def find(self, words: list[str]) -> list[tuple[int, int, Recorded]]:
        """The recorded phrases in a term list, longest first and not overlapping: (start, end, entry)."""
        out: list[tuple[int, int, Recorded]] = []
        taken: set[int] = set()
        for n in range(MAX_WORDS + 1, 0, -1):
            for i in range(len(words) - n + 1):
                entry = self.phrases.get(" ".join(words[i : i + n]))
                if entry and not taken & set(range(i, i + n)):
                    out.append((i, i + n, entry))
                    taken |= set(range(i, i + n))
        return sorted(out, key=lambda t: t[0])

    def recorded_for(self, entry: Recorded, rows: np.ndarray) -> bool:
        """Whether any of these products records the specification the value belongs to."""
        return any(np.isin(self.rows_of_key[k], rows, assume_unique=True).any() for k in entry.keys)
