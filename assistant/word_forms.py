"""A must-have said in a word the catalog does not use, where the catalog has the word it is made
from: "wooden" said, "wood" recorded ("Base Material: Alloy, Wood"; set O read "wooden bracelet"
as nothing the shop had). English makes adjectives of nouns with "-en" (wooden, woollen, silken)
and "-ed" (striped, quilted, hooded); the noun is what a record says. The must-have then accepts
either form, as "checkered or printed" accepts either.
"""

from __future__ import annotations

from collections.abc import Callable

SUFFIXES = ("en", "ed")  # adjective-forming endings whose removal gives the noun
MIN_STEM = 4  # "red" is no "r" + "ed", "linen" no "lin" + "en"


def base_forms(word: str) -> list[str]:
    """The nouns a "-en"/"-ed" adjective may be made from, most likely first ("woollen": "wooll",
    "wool"; "striped": "strip", "stripe")."""
    out: list[str] = []
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < MIN_STEM:
            continue
        out.append(stem)
        if stem[-1] == stem[-2]:
            out.append(stem[:-1])  # a doubled consonant: "woollen", "padded"
        if suffix == "ed":
            out.append(stem + "e")  # "striped", "laced"
    return out


def with_base_form(phrase: str, knows: Callable[[str], bool]) -> str:
    """The one-word must-have and, where the catalog knows the noun it is made from, that noun
    too ("wooden or wood"); the word alone where the catalog has no such noun or the phrase is
    longer."""
    if " " in phrase.strip():
        return phrase
    base = next((b for b in base_forms(phrase) if knows(b)), None)
    return f"{phrase} or {base}" if base else phrase
