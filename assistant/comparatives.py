"""Comparative claims in generated text checked against the records: "the X is cheaper", "the
second one is lighter", "a budget-friendly option" said of the dearer one.

`check(sentence, subject, products)` finds a comparative claim (`data/comparatives.yaml`) and says
whether the records support it for the product the sentence is about: that product states the
quantity (price, rating, weight, size, year) and is the lowest or highest of this turn's products
that state it. Grounding removes a sentence whose claim fails; a claim about no identifiable
product, or one no record can settle, fails too (a shopper cannot check it either).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from common.schema import Product
from common.settings import read_yaml_config

DATA_FILE = Path(__file__).resolve().parent / "data" / "comparatives.yaml"
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([a-zA-Z]+)?")


@dataclass(frozen=True)
class Claim:
    pattern: re.Pattern[str]
    quantity: str
    way: str  # "low" or "high"


@dataclass(frozen=True)
class Rules:
    claims: tuple[Claim, ...]
    keys: dict[str, re.Pattern[str]]
    units: dict[str, dict[str, float]]


@cache
def rules(path: Path = DATA_FILE) -> Rules:
    data: dict[str, Any] = read_yaml_config(path, what="comparatives data file")
    claims = tuple(Claim(re.compile(rf"\b(?:{c['phrase']})\b", re.I), c["quantity"], c["way"]) for c in data["claims"])
    keys = {k: re.compile(v, re.I) for k, v in data["keys"].items()}
    units = {k: {u.lower(): float(f) for u, f in v.items()} for k, v in data["units"].items()}
    return Rules(claims, keys, units)


def claims_in(sentence: str) -> list[Claim]:
    """The comparative claims a sentence makes."""
    return [c for c in rules().claims if c.pattern.search(sentence)]


def quantity(product: Product, name: str) -> float | None:
    """The product's price, rating, weight, size or year as one number in one unit; None when
    its record does not state it."""
    if name == "price":
        return product.price
    if name == "rating":
        return product.rating or None
    pattern = rules().keys.get(name)
    units = rules().units.get(name, {})
    for key, value in product.attributes.items():
        if pattern is None or not pattern.search(key):
            continue
        m = AMOUNT.search(value)
        if not m:
            continue
        unit = (m.group(2) or "").lower()
        if units and unit not in units:
            continue  # "Size: M", "Storage: 2 pockets": not an amount of this quantity
        return float(m.group(1)) * units.get(unit, 1.0)
    return None


def unsupported(
    sentence: str, subject: Product | None, products: list[Product], named: list[Product] | None = None
) -> str | None:
    """Why a comparative claim in the sentence is not supported, or None (no claim, or true).
    The subject is compared with the other products the sentence names ("X is rated higher
    than Y"), or with all of `products` when it names no other."""
    for claim in claims_in(sentence):
        if subject is None:
            return f"compares ({claim.quantity}) without saying which product"
        own = quantity(subject, claim.quantity)
        against = [p for p in named or [] if p.id != subject.id] or products
        others = [q for p in against if p.id != subject.id and (q := quantity(p, claim.quantity)) is not None]
        if own is None or not others:
            return f"compares {claim.quantity}, which the records do not state for the products compared"
        best = min(others) if claim.way == "low" else max(others)
        holds = own < best if claim.way == "low" else own > best
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
