"""Attributes the shop records: short specification values such as "Sleeve: Sleeveless",
"Pattern: Embroidered" or "Fit: Slim", read off the catalog itself.

A shopper's word that names one ("sleeveless", "embroidered", "slim fit") is a hard constraint
where the kind asked for records that specification: "a sleeveless formal shirt" in a shop whose
shirts record their sleeve and none is sleeveless is answered honestly with nothing, not with
full-sleeve shirts. Where the kind records no such specification the word cannot be checked,
and it only ranks. Which keys and values count is data (`assistant/data/recorded_attributes.json`).

The table is read off the records in the search tables' one pass per snapshot
(`catalog_tables.build_tables`, through `RecordedScan`) and saved with them, so no start or
request loops over a million records to build it (issue 21).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import numpy as np

from assistant.sorted_rows import meet
from assistant.vocabulary import DATA
from common.schema import Product
from common.text import AUDIENCE_WORDS, COLOURS, STOPWORDS, terms

T = TypeVar("T")

_RULES = json.loads((DATA / "recorded_attributes.json").read_text(encoding="utf-8"))
EXCLUDED_KEY_WORDS = frozenset(_RULES["excluded_key_words"])
MAX_WORDS, MIN_PRODUCTS = int(_RULES["max_words"]), int(_RULES["min_products"])
KEY_TAILS = frozenset(_RULES["key_tails"])
FLAG_SUFFIXES: dict[str, list[str]] = _RULES["flag_suffixes"]
FLAG_VALUES = frozenset({"yes", "no"})
# Not values: yes/no flags and fillers a spec table writes where it has nothing.
PLAIN = frozenset({"yes", "no", "na", "n", "a", "none", "other", "others", "regular", "normal", "standard", "style"})
SPLIT = re.compile(r"[,|/;&]+")
_NOT_VALUES = PLAIN | STOPWORDS
_OTHER_CONSTRAINTS = frozenset(COLOURS) | frozenset(AUDIENCE_WORDS)


@dataclass(frozen=True)
class Recorded:
    """One phrase a shopper may say, the value phrase the catalog records for it, and the keys."""

    value: str
    keys: frozenset[str]


@lru_cache(maxsize=1 << 16)  # specification pairs repeat across thousands of products
def specification(key: str, raw: str) -> tuple[str | None, tuple[str, ...]]:
    """One specification read as (key phrase, its value phrases): the key is None where its
    words are excluded; values longer than MAX_WORDS, with a digit, plain fillers or another
    constraint's words (colour, audience) are left out."""
    key_words = terms(key)
    if not key_words or set(key_words) & EXCLUDED_KEY_WORDS:
        return None, ()
    values = []
    for part in SPLIT.split(raw):
        words = terms(part)
        if not words or len(words) > MAX_WORDS or any(ch.isdigit() for ch in part):
            continue
        if set(words) <= _NOT_VALUES or set(words) & _OTHER_CONSTRAINTS:
            continue
        values.append(" ".join(words))
    return " ".join(key_words), tuple(values)


class RecordedScan:
    """Reads the recorded values off the records one product at a time, in row order, keeping
    per value only its keys and how many products hold it (no row sets: a million rows)."""

    def __init__(self) -> None:
        self._values: dict[str, list] = {}  # value -> [products holding it, last row, keys]; first seen first
        self._flags: dict[str, int] = {}  # yes/no key phrase -> products stating it

    def add(self, row: int, product: Product) -> set[str]:
        """Count this product's values; returns the key phrases it records (for the key postings)."""
        keys: set[str] = set()
        for key, raw in product.attributes.items():
            k, values = specification(key, str(raw))
            if k is None:
                continue
            keys.add(k)
            if str(raw).strip().lower() in FLAG_VALUES:
                self._flags[k] = self._flags.get(k, 0) + 1
            for value in values:
                seen = self._values.setdefault(value, [0, -1, set()])
                if seen[1] != row:
                    seen[0], seen[1] = seen[0] + 1, row
                seen[2].add(k)
        return keys

    def phrases(self) -> dict[str, Recorded]:
        """Phrase a shopper may say -> its entry: each value at least MIN_PRODUCTS products hold,
        and the value followed by its key's tail word ("slim fit" for Fit: Slim)."""
        phrases: dict[str, Recorded] = {}
        for value, (count, _, keys) in self._values.items():
            if count < MIN_PRODUCTS:
                continue
            entry = Recorded(value, frozenset(keys))
            phrases[value] = entry
            for key in entry.keys:
                tail = key.split()[-1]
                if tail in KEY_TAILS and not value.endswith(tail):
                    # "slim fit" for Fit: Slim; the value is what a record holds.
                    phrases.setdefault(f"{value} {tail}", entry)
        return phrases

    def flags(self) -> dict[str, str]:
        """Phrase a shopper may say -> the yes/no key it names, for each key at least MIN_PRODUCTS
        products state (`flag_phrases`). A phrase two keys make ("resistant") names neither."""
        said: dict[str, set[str]] = {}
        for key, count in self._flags.items():
            if count >= MIN_PRODUCTS:
                for phrase in flag_phrases(key):
                    said.setdefault(phrase, set()).add(key)
        return {phrase: next(iter(keys)) for phrase, keys in said.items() if len(keys) == 1}


def flag_phrases(key: str) -> list[str]:
    """How a shopper says a yes/no key: the key itself ("water resistant"), and a last word
    made from a verb said as the verb's participle, after the other words or alone
    ("lens polarization" -> "lens polarized", "polarized")."""
    words = key.split()
    out = [key]
    last = words[-1]
    for suffix, forms in FLAG_SUFFIXES.items():
        if last.endswith(suffix):
            for form in forms:
                said = last[: -len(suffix)] + form
                out += [" ".join([*words[:-1], said]), said]
    return list(dict.fromkeys(out))


class RecordedAttributes:
    """Phrase -> recorded value for one catalog, and the rows that record each key."""

    def __init__(
        self,
        phrases: dict[str, Recorded],
        rows_of_key: Callable[[str], np.ndarray],
        flags: dict[str, str] | None = None,
    ):
        self.phrases = phrases
        self.rows_of_key = rows_of_key  # key phrase -> sorted rows of the products recording it
        self.flags = flags or {}  # phrase a shopper says -> yes/no key phrase ("polarized" -> "lens polarization")

    def find(self, words: list[str]) -> list[tuple[int, int, Recorded]]:
        """The recorded phrases in a term list, longest first and not overlapping: (start, end, entry)."""
        return longest_matches(words, self.phrases, MAX_WORDS + 1)

    def find_flags(self, words: list[str]) -> list[tuple[int, int, str]]:
        """The yes/no keys named in a term list, longest first and not overlapping: (start, end, key)."""
        return longest_matches(words, self.flags, max((len(p.split()) for p in self.flags), default=0))

    def recorded_for(self, entry: Recorded, rows: np.ndarray) -> bool:
        """Whether any of these products (sorted rows) records the specification the value belongs to."""
        return any(meet(self.rows_of_key(k), rows) for k in entry.keys)


def longest_matches(words: list[str], table: dict[str, T], longest: int) -> list[tuple[int, int, T]]:
    """The table's phrases in a term list, longest first and not overlapping: (start, end, value)."""
    out: list[tuple[int, int, T]] = []
    taken: set[int] = set()
    for n in range(longest, 0, -1):
        for i in range(len(words) - n + 1):
            value = table.get(" ".join(words[i : i + n]))
            if value and not taken & set(range(i, i + n)):
                out.append((i, i + n, value))
                taken |= set(range(i, i + n))
    return sorted(out, key=lambda t: t[0])
