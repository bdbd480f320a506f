"""The one reader of common/data/redact.yaml, the word lists and shapes redaction reads, and the
patterns built from them, for every step of `common.redact`.

Each entry is read by its shape, and a wrong shape fails loudly where it is read (YAML reads a
bare no, on, off or yes as a boolean: Norway's "NO" once was):

- `word_list(key)`: a list of words ("phone_cues", "street_suffixes");
- `word_map(key)`: words mapped to a string ("digit_words": "nine" -> "9");
- `word_groups(key)`: named lists of words ("chinese_address": districts, roads, units...);
- `card_networks()`: each card network's prefixes and printed layouts.

`words_pattern(key)` and `cue_words_pattern(key)` give a list as a regex alternation, the
longest first; the second also sets a word's edges by its script (a cue word of a spaceless
script stands wherever it is, one of a spaced script only between word edges).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data" / "redact.yaml"

# Kana, CJK ideographs and hangul: scripts that write words without spaces between them, so a
# cue word or a number beside one of their characters stands on its own ("邮编100022").
SPACELESS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"

NOT_AFTER_WORD = rf"(?<![^\W{SPACELESS}])"

NOT_BEFORE_WORD = rf"(?![^\W{SPACELESS}])"

# The edges of a word of a spaced script: the letters, digits and the Indic scripts' marks.
INDIC_MARKS = "\u0900-\u0dff"

ARABIC = "\u0600-\u06ff"

THAI = "\u0e00-\u0e7f"

# The one-letter words Arabic (and Persian, Urdu) glue to the word after: "and", "so", "with", "for".
ARABIC_PROCLITIC = "(?:و|ف|ب|ل|وب|ول)"

WORD_START = rf"(?<![\w{INDIC_MARKS}])"

WORD_END = rf"(?![\w{INDIC_MARKS}])"


@dataclass(frozen=True)
class CardNetwork:
    """A card network: its name, the ranges of its number's prefix (low, high; "51-55"), and the
    group lengths it prints its numbers in ([4, 4, 4, 4])."""

    name: str
    prefixes: tuple[tuple[int, int], ...]
    layouts: tuple[tuple[int, ...], ...]


@cache
def _entries() -> Mapping[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def keys() -> tuple[str, ...]:
    """Every entry's key, in the file's order."""
    return tuple(_entries())


def _entry(key: str, kind: type) -> Any:
    value = _entries()[key]
    if not isinstance(value, kind):
        raise TypeError(f"{DATA.name}: {key} should be a {kind.__name__}, not {type(value).__name__}")
    return value


def _strings(key: str, values: Iterable[Any]) -> tuple[str, ...]:
    out = tuple(values)
    wrong = [v for v in out if not isinstance(v, str)]
    if wrong:
        raise TypeError(f"{DATA.name}: {key} holds {wrong[0]!r}, not a word (quote it)")
    return out


@cache
def word_list(key: str) -> tuple[str, ...]:
    """The words of a list entry, as written in the file."""
    return _strings(key, _entry(key, list))


@cache
def word_map(key: str) -> Mapping[str, str]:
    """A mapping entry of words to strings ("digit_words")."""
    value = _entry(key, dict)
    return dict(zip(_strings(key, value), _strings(key, value.values()), strict=True))


@cache
def word_groups(key: str) -> Mapping[str, tuple[str, ...]]:
    """A mapping entry of named word lists ("chinese_address": districts, roads, units...)."""
    value = _entry(key, dict)
    return {name: _strings(f"{key}.{name}", words) for name, words in value.items()}


@cache
def card_networks() -> tuple[CardNetwork, ...]:
    out = []
    for network in _entry("card_networks", list):
        ranges = []
        for prefix in network["prefixes"]:
            low, _, high = str(prefix).partition("-")
            ranges.append((int(low), int(high or low)))
        layouts = tuple(tuple(int(n) for n in layout) for layout in network["layouts"])
        out.append(CardNetwork(str(network["name"]), tuple(ranges), layouts))
    return tuple(out)


def alternation(words: Iterable[str]) -> str:
    """Words as a regex alternation, escaped, the longest first (so "pin code" wins over "pin")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def words_pattern(key: str) -> str:
    """A list entry as a regex alternation, the longest first; the caller sets the word edges."""
    return alternation(word_list(key))


@cache
def cue_words_pattern(key: str) -> str:
    """The words of `key` as a pattern: a word of a spaced script between word boundaries, one of
    a spaceless script wherever it stands."""
    words = sorted(word_list(key), key=len, reverse=True)
    # Thai writes a sentence's words without spaces too ("เลขบัตรประชาชนไหมคะ")
    unspaced = f"{SPACELESS}{THAI}"
    spaced = [re.escape(w) for w in words if not re.search(f"[{unspaced}{ARABIC}]", w)]
    arabic = [re.escape(w) for w in words if re.search(f"[{ARABIC}]", w) and not re.search(f"[{unspaced}]", w)]
    spaceless = [re.escape(w) for w in words if re.search(f"[{unspaced}]", w)]
    # Not "\b": a Devanagari word may end in a vowel sign ("जन्म तिथि"), a mark that is no "\w",
    # and a word may end in its dot ("d.o.b."); a word's edge is where no letter or mark of a
    # spaced script stands beside it.
    out = [rf"{WORD_START}(?:{'|'.join(spaced)}){WORD_END}", *spaceless]
    if arabic:
        # Arabic writes "and", "with", "for" glued to the next word ("وتاريخ ميلادي": "and my
        # date of birth"): a cue word may carry one of those letters before it.
        out.append(rf"{WORD_START}{ARABIC_PROCLITIC}?(?:{'|'.join(arabic)}){WORD_END}")
    return "|".join(out)
