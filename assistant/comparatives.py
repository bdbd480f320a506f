"""Comparative claims in generated text checked against the records: "the X is cheaper", "the
second one is lighter", "a budget-friendly option" said of the dearer one.

`check(sentence, subject, products)` finds a comparative claim (`data/comparatives.yaml`) and says
whether the records support it for the product the sentence is about: that product states the
quantity (price, rating, weight, size, battery life, water resistance, year; read and aligned by
assistant/measures.py) and is the lowest or highest of this turn's products
that state it. Grounding removes a sentence whose claim fails; a claim about no identifiable
product, or one no record can settle, fails too (a shopper cannot check it either).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from assistant import measures
from common.schema import Product
from common.settings import read_yaml_config

DATA_FILE = Path(__file__).resolve().parent / "data" / "comparatives.yaml"


@dataclass(frozen=True)
class Claim:
    pattern: re.Pattern[str]
    quantity: str
    way: str  # "low" or "high"


@cache
def rules(path: Path = DATA_FILE) -> tuple[Claim, ...]:
    data: dict[str, Any] = read_yaml_config(path, what="comparatives data file")
    return tuple(Claim(re.compile(rf"\b(?:{c['phrase']})\b", re.I), c["quantity"], c["way"]) for c in data["claims"])


def claims_in(sentence: str) -> list[Claim]:
    """The comparative claims a sentence makes."""
    return [c for c in rules() if c.pattern.search(sentence)]


def quantity(product: Product, name: str) -> float | None:
    """The product's first stated amount of a quantity (price, rating, weight, size, battery life,
    water resistance, year) in its dimension's unit; None when its record does not state it."""
    found = measures.readings(product, name)
    return found[0].value if found else None


def unsupported(
    sentence: str, subject: Product | None, products: list[Product], named: list[Product] | None = None
) -> str | None:
    """Why a comparative claim in the sentence is not supported, or None (no claim, or true).
    The subject is compared with the other products the sentence names ("X is rated higher
    than Y"), or with all of `products` when it names no other; amounts are aligned as the
    answer to "which one is lighter?" aligns them (same kind, same key, units normalised)."""
    for claim in claims_in(sentence):
        if subject is None:
            return f"compares ({claim.quantity}) without saying which product"
        against = [p for p in named or [] if p.id != subject.id] or [p for p in products if p.id != subject.id]
        aligned = measures.align([subject, *against], claim.quantity)
        own = aligned.readings[0] if aligned.comparable[0] else None
        others = [r.value for r, ok in zip(aligned.readings[1:], aligned.comparable[1:], strict=True) if ok and r]
        if own is None or not others:
            return f"compares {claim.quantity}, which the records do not state for the products compared"
        best = min(others) if claim.way == "low" else max(others)
        holds = own.value < best if claim.way == "low" else own.value > best
        if not holds:
            return f"says the {subject.title} is {claim.way}er in {claim.quantity}, which its record contradicts"
    return None


def first_named(sentence: str, named: list[Product]) -> Product | None:
    """Of the products a sentence names, the one it names first: the subject of "the X is
    cheaper than the Y"."""
    low = sentence.lower()

    def at(p: Product) -> int:
        i = low.find(p.title.lower())
        return i if i >= 0 else len(low)

    return min(named, key=at) if named else None


# A graded form of an adjective: "more/most/less/least X", or X with -er / -est.
GRADED = re.compile(r"\b(?:(more|most|less|least)\s+([a-z][a-z-]*(?: resistant)?)|([a-z]+?)(er|est))\b", re.I)


def _plain_forms(stem: str) -> set[str]:
    """The adjectives a stem left by -er / -est can come from: "bigg" -> big, "heavi" -> heavy,
    "larg" -> large, "light" -> light."""
    forms = {stem, stem + "e"}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        forms.add(stem[:-1])
    if stem.endswith("i"):
        forms.add(stem[:-1] + "y")
    return forms


@cache
def _grades(path: Path = DATA_FILE) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], frozenset[str]]:
    """(adjective -> (quantity, way)) for quantities any graded adjective may ask, the same for
    those that need one of their cue words beside it, and the latter's names."""
    data: dict[str, Any] = read_yaml_config(path, what="comparatives data file")
    needs_cue = frozenset(data.get("grade_needs_cue", []))
    plain: dict[str, tuple[str, str]] = {}
    cued: dict[str, tuple[str, str]] = {}
    for quantity, ways in data.get("grades", {}).items():
        table = cued if quantity in needs_cue else plain
        for way, words in ways.items():
            for word in words:
                table[word.lower()] = (quantity, way)
    return plain, cued, needs_cue


def graded_claim(sentence: str) -> Claim | None:
    """The comparative a question asks in words the claims do not spell out ("which lasts
    longest on a charge?", "which is the most compact?", "which one is least heavy?"), from
    the graded form of one of a quantity's adjectives (`grades` in the data); None when none
    is there. A cue-bound grade ("long") asks its quantity only beside one of its cue words
    ("on a charge"), and the plain reading ("long": size) otherwise."""
    plain, cued, _ = _grades()
    for m in GRADED.finditer(sentence):
        degree, word, stem = m.group(1), m.group(2), m.group(3)
        candidates = {word.lower()} if word else _plain_forms(stem.lower())
        # "less"/"least" turn the adjective round: "least heavy" is the lightest
        flip = bool(degree) and degree.lower() in {"less", "least"}
        for table in (cued, plain):
            for form in sorted(candidates):
                if form not in table:
                    continue
                quantity, way = table[form]
                if table is cued:
                    cues = measures.quantity(quantity).cues
                    if cues is None or not cues.search(sentence):
                        continue
                if flip:
                    way = "low" if way == "high" else "high"
                return Claim(re.compile(re.escape(m.group(0)), re.I), quantity, way)
    return None
