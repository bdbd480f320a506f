"""A value the shop records as an adjective, said as the noun it is made from.

"a sweatshirt with stripes" asks for what the shop records as "Pattern: Striped"; "with a hood"
for "Hooded", "with embroidery" for "Embroidered". English makes these adjectives with "-ed"
("stripe" + "d", "hood" + "ed", a final "y" dropped: "embroidery" -> "embroidered"), the reverse
of `assistant.word_forms` ("wooden" said, "wood" recorded). The noun names the feature only after
a word that gives a product one ("with", "in", "has": `assistant/data/said_as_noun.json`), so a
verb ("can you check") is never read as "checked".
"""

from __future__ import annotations

import json
from collections.abc import Callable

from assistant.vocabulary import DATA

_TABLE = json.loads((DATA / "said_as_noun.json").read_text(encoding="utf-8"))
BEFORE = frozenset(_TABLE["before"])
FILLERS = frozenset(_TABLE["fillers"])
MIN_NOUN = 3  # "hat" -> "hatted" is no value any shop records; shorter nouns are no features


def adjective_forms(noun: str) -> list[str]:
    """The "-ed" adjectives a noun (singular term) makes, most likely first."""
    if len(noun) < MIN_NOUN or not noun.isalpha():
        return []
    if noun.endswith("e"):
        return [noun + "d"]  # "stripe" -> "striped"
    out = [noun + "ed"]  # "hood" -> "hooded", "print" -> "printed"
    if noun.endswith("y"):
        out.append(noun[:-1] + "ed")  # "embroidery" -> "embroidered"
    if noun[-1] not in "aeiouwxy" and noun[-2] in "aeiou" and noun[-3] not in "aeiou":
        out.append(noun + noun[-1] + "ed")  # "strap" -> "strapped"
    return out


def features(i: int, words: list[str]) -> bool:
    """The word at `i` follows a word that gives a product a feature, past fillers."""
    k = i - 1
    while k >= 0 and words[k] in FILLERS:
        k -= 1
    return k >= 0 and words[k] in BEFORE


def as_recorded(words: list[str], recorded: Callable[[str], bool]) -> list[str]:
    """The terms with each noun said as a feature replaced by the recorded adjective it makes
    ("with stripe" -> "with striped"); a word the shop records as it is stays."""
    out = list(words)
    for i, word in enumerate(words):
        if recorded(word) or not features(i, words):
            continue
        out[i] = next((a for a in adjective_forms(word) if recorded(a)), word)
    return out
