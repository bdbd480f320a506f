"""Readings of a suitability question that the key-by-key match of `suitability.py` needs first.

- The feared alternative: "is it ok for a man OR IS IT A LADIES DESIGN?", "will it work for my
  son OR IS IT ONE OF THOSE RIGHT-HAND ONLY THINGS", "suitable OR IS IT FOR DRY SKIN ONLY?". A
  second yes/no question after "or" names what the shopper fears the product is, not what they
  need it to suit; read as a need it answered the opposite way (sets S and R: "women" of "a
  women's cut" against "Ideal For: Girl's" for a niece of nine, "dry" against "All Skin Types").
- A value that covers every option of its key ("All Skin Types", "Universal", "any vehicle"):
  any need the key could name is met (`every_words` in data/suitability.yaml).
- One of two sides ("leftie" against "Suitable for: RIGHT-HANDED"): a need word that is, or
  starts with, one side while the value says the other (`sides`).
- What the description says the product is for, where no key says it ("this system is SUITABLE
  FOR single phase submersible pump"): the words after a phrase of suiting (`described_for` in
  data/suitability.yaml), up to the clause's end, read as a need key's value (set P, P-pq-01).
- A size said as a grade ("our living room is HUGE" against "room size: small", "BIG enough"
  against "size: small"): the shopper's grade against the record's (`grades`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from common.schema import Product
from common.text import singular, tokenize

DATA = Path(__file__).resolve().parent / "data" / "suitability.yaml"
# "or" opening a second yes/no question: a verb that inverts, then its subject.
FEARED = re.compile(
    r"[,;]?\s*\bor\s+(?:is|are|was|were|does|do|will|would|can|could|should|has|have)\s+"
    r"(?:it|they|this|that|these|those|he|she|its|theyre)\b[^?.!\n]*",
    re.I,
)
DESCRIPTION = "Description"  # the evidence key of what the description says the product is for
CLAUSE_END = r"[^.,;:!?()\n]+"
SIDE_PREFIX = 4  # a side word this long or longer also counts as the start of a word ("leftie")


@cache
def _data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def without_feared(question: str) -> str:
    """The question less a second yes/no question after "or" (module doc)."""
    return FEARED.sub(" ", question)


@cache
def _described_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in sorted(_data()["described_for"], key=len, reverse=True))
    return re.compile(rf"\b(?:{cues})\s+({CLAUSE_END})", re.I)


def described_for(description: str) -> str:
    """What the description's sentences say the product is for, each clause after a phrase of
    suiting, joined as options ("single phase submersible pump; all skin types"); "" where none."""
    found = [m.group(1).strip() for m in _described_pattern().finditer(description)]
    return "; ".join(dict.fromkeys(f for f in found if tokenize(f)))


def covers_every(key: str, value: str) -> bool:
    """Whether a value says it suits every option of its key ("Skin Type: All Skin Types",
    "Universal"): a quantifier and nothing but the key's own words; "All Android Phones" is
    no iPhone's."""
    words = {singular(w) for w in tokenize(value.lower())}
    every = set(_data()["every_words"])
    return bool(words & every) and not words - every - {singular(w) for w in tokenize(key.lower())}


def _side_of(word: str) -> str | None:
    for pair in _data()["sides"]:
        for side in pair:
            if word == side or (len(side) >= SIDE_PREFIX and word.startswith(side)):
                return side
    return None


def other_side(need: list[str], value: str) -> bool:
    """Whether a need word names one side and the value only the other ("leftie", "left handed"
    against "RIGHT-HANDED")."""
    held = {_side_of(w) for w in tokenize(value.lower())} - {None}
    for word in need:
        side = _side_of(word)
        if side is None or side in held:
            continue
        pair = next(p for p in _data()["sides"] if side in p)
        if held & set(pair):
            return True
    return False


def record_grade(product: Product) -> tuple[str, str, int] | None:
    """(key, value, grade) of a specification whose value is a size grade alone ("size: small",
    "room size: large"); the key's own words ("room", "size") may stand beside it."""
    grades = _data()["grades"]
    for key, value in product.attributes.items():
        words = [w for w in tokenize(value.lower()) if w not in set(tokenize(key.lower()))]
        if len(words) == 1 and words[0] in grades:
            return key, value, grades[words[0]]
    return None


def grade_verdict(
    product: Product, tokens: list[str], mention: tuple[int, int], own: set[str]
) -> tuple[bool, str, str] | None:
    """(suits, key, value) where the shopper says a size grade outside the product's mention:
    "<grade> enough" asks the product to be at least that big (or, for a small grade, at most
    that small); a grade said of the shopper's own thing ("the room is huge") asks the product to
    be at least that big. A grade of the product's own title (`own`: "the small one") says which
    product. None where the record states no grade or the shopper says none."""
    stated = record_grade(product)
    if stated is None:
        return None
    key, value, grade = stated
    grades = _data()["grades"]
    middle = sorted(set(grades.values()))[len(set(grades.values())) // 2]
    for i, word in enumerate(tokens):
        if mention[0] <= i < mention[1] or word not in grades or word in own:
            continue
        need = grades[word]
        enough = tokens[i + 1 : i + 2] == ["enough"]
        suits = grade <= need if enough and need < middle else grade >= need
        return suits, key, value
    return None
