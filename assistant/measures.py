"""Quantities read from product records and aligned across products, so they can be compared.

`readings(product, quantity)` finds every amount a record states for a quantity (weight, size,
battery life, water resistance, year; price and rating from its fields): specification values
and description clauses with a number in a known unit (normalised within its dimension: "1.2 kg"
and "1500 g" are both grams), and ordinal scales (an IPX rating, "water-resistant" below
"waterproof"). `align(products, quantity)` picks, for each product, the reading that compares
with the others': the same kind (a volume is no length, an IP rating no word), the same
specification key where keys say different things ("Diamond Weight" is not the ring's weight).
What counts is data (`data/comparatives.yaml`); no unit library is installed (pint is not a
dependency), and the few dimensions a shop compares on fit a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from assistant.answer_evidence import description_sentences
from common.schema import Product
from common.settings import read_yaml_config
from common.text import money, tokenize

DATA_FILE = Path(__file__).resolve().parent / "data" / "comparatives.yaml"
QUOTE_CHARS = 120  # a longer description sentence is quoted by the clause that states the amount
CLAUSES = re.compile(r"\s*[,;]\s+|\s+(?:and|but|while)\s+")
NEGATED = re.compile(r"\b(?:not|non|no)[- ]*$", re.I)
NO_KEY: frozenset[str] = frozenset()  # a field's reading: said as is, not quoted
FLAG_YES = frozenset("yes y true".split())
FLAG_NO = frozenset("no n false none".split())


@dataclass(frozen=True)
class Dimension:
    name: str  # "a weight", as the answer names it
    units: dict[str, float]  # unit -> factor to one unit of the dimension


@dataclass(frozen=True)
class Scale:
    name: str
    digit: re.Pattern[str] | None = None  # the rank is this pattern's first group
    levels: tuple[re.Pattern[str], ...] = ()  # lowest first: the rank is the level's place


@dataclass(frozen=True)
class Quantity:
    name: str  # "battery life"
    keys: re.Pattern[str] | None  # specification keys that state it
    cues: re.Pattern[str] | None  # words that make a description clause's number this quantity
    dimensions: tuple[str, ...]
    scales: tuple[str, ...]
    more: dict[str, str] = field(default_factory=dict)  # way -> "is lighter"
    most: dict[str, str] = field(default_factory=dict)  # way -> "is the lightest"


@dataclass(frozen=True)
class Measures:
    quantities: dict[str, Quantity]
    dimensions: dict[str, Dimension]
    scales: dict[str, Scale]
    plain_key_words: frozenset[str]


@dataclass(frozen=True)
class Reading:
    """One amount a record states for a quantity."""

    value: float  # in the dimension's unit, or the rank on the scale
    kind: str  # the dimension or scale: only readings of one kind compare
    said: str  # as quoted to the shopper: "Weight: 1.2 kg", or the description's clause
    aspect: frozenset[str] | None = None  # the key's words ("diamond weight"); None: a description's
    amount: str = ""  # the words that state it, for a table cell ("8 hours", "IPX5"); a key's: its value

    def compares_with(self, other: Reading) -> bool:
        same_aspect = self.aspect is None or other.aspect is None or self.aspect == other.aspect
        return self.kind == other.kind and same_aspect


@cache
def measures(path: Path = DATA_FILE) -> Measures:
    data: dict[str, Any] = read_yaml_config(path, what="comparatives data file")
    quantities = {
        name: Quantity(
            q["name"],
            re.compile(q["keys"], re.I) if q.get("keys") else None,
            re.compile(rf"\b(?:{q['cues']})", re.I) if q.get("cues") else None,
            tuple(q.get("units", [])),
            tuple(q.get("scales", [])),
            dict(q.get("more", {})),
            dict(q.get("most", {})),
        )
        for name, q in data["quantities"].items()
    }
    dimensions = {
        name: Dimension(d["name"], {u.lower(): float(f) for u, f in d["units"].items()})
        for name, d in data["dimensions"].items()
    }
    scales = {
        name: Scale(
            s["name"],
            re.compile(s["digit"], re.I) if s.get("digit") else None,
            tuple(re.compile(rf"\b(?:{p})\b", re.I) for p in s.get("levels", [])),
        )
        for name, s in data["scales"].items()
    }
    return Measures(quantities, dimensions, scales, frozenset(data.get("plain_key_words", "").split()))


def quantity(name: str) -> Quantity:
    return measures().quantities[name]


@cache
def _amount(units: tuple[str, ...]) -> re.Pattern[str]:
    """A number and one of these units after it ("8 hours", "1.2kg", "15.6-inch")."""
    alternation = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(\d+(?:\.\d+)?)\s*-?\s*({alternation})(?![\w])", re.I)


def _read_units(text: str, q: Quantity) -> tuple[float, str, str] | None:
    """(value, dimension, the words) of the first amount in one of the quantity's dimensions,
    the value in that dimension's unit."""
    m = measures()
    for kind in q.dimensions:
        units = m.dimensions[kind].units
        found = _amount(tuple(units)).search(text)
        if found:
            return float(found.group(1)) * units[found.group(2).lower()], kind, found.group(0)
    return None


def _read_scales(text: str, q: Quantity) -> tuple[float, str, str] | None:
    """(rank, scale, the words matched) of the first scale the text says something on."""
    for kind in q.scales:
        scale = measures().scales[kind]
        if scale.digit is not None and (found := scale.digit.search(text)):
            return float(found.group(1)), kind, found.group(0)
        for rank, level in reversed(list(enumerate(scale.levels, start=1))):  # the highest said
            found = level.search(text)
            if found:
                negated = NEGATED.search(text[: found.start()])
                return (0.0 if negated else float(rank)), kind, found.group(0)
    return None


def readings(product: Product, name: str) -> list[Reading]:
    """Every amount the record states for the quantity: fields, specifications (in the record's
    order), then description clauses."""
    p = product
    if name == "price":  # only prices in one currency compare
        return (
            []
            if p.price is None
            else [Reading(p.price, f"price {p.currency}", money(p.price, p.currency, cents=True), NO_KEY)]
        )
    if name == "rating":
        return [Reading(p.rating, "rating", f"rated {p.rating:g}/5", NO_KEY)] if p.rating else []
    q = quantity(name)
    out: list[Reading] = []
    title = set(tokenize(product.title))
    for key, value in product.attributes.items():
        if q.keys is None or not q.keys.search(key):
            continue
        aspect = frozenset(tokenize(key)) - measures().plain_key_words - title
        reading = _read_value(key, value, q, aspect)
        if reading is not None:
            out.append(reading)
    for sentence in description_sentences(product.description):
        for clause in CLAUSES.split(sentence):
            reading = _read_clause(clause, q)
            if reading is not None:  # quoted whole where the sentence is short
                said = sentence if len(sentence) <= QUOTE_CHARS else reading.said
                out.append(Reading(reading.value, reading.kind, said.strip().rstrip("."), amount=reading.amount))
    return out


def _read_value(key: str, value: str, q: Quantity, aspect: frozenset[str]) -> Reading | None:
    said = f"{key}: {value}"
    words = tokenize(value)
    if q.scales and words and len(words) <= 2 and words[0] in FLAG_YES | FLAG_NO:
        # A flag ("Water Resistant: Yes"): the key says what it is on the scale.
        scaled = _read_scales(key, q)
        if scaled is not None:
            rank, kind, _ = scaled
            return Reading(rank if words[0] in FLAG_YES else 0.0, kind, said, aspect)
        return None
    if not q.dimensions and not q.scales:  # a plain number ("Year: 2021")
        number = re.search(r"\d+(?:\.\d+)?", value)
        return Reading(float(number.group()), "number", said, aspect) if number else None
    amount = _read_units(value, q)
    if amount is not None:
        return Reading(amount[0], amount[1], said, aspect)
    scaled = _read_scales(value, q)
    return Reading(scaled[0], scaled[1], said, aspect) if scaled else None


def _read_clause(clause: str, q: Quantity) -> Reading | None:
    """A description clause's amount of the quantity: a scale it names ("IPX5 rated against
    sweat and rain"), or a number in a unit where a cue says what it measures."""
    scaled = _read_scales(clause, q) if q.scales else None
    if scaled is not None:
        return Reading(scaled[0], scaled[1], clause.strip().rstrip("."), amount=scaled[2])
    if q.cues is None or not q.cues.search(clause):
        return None
    amount = _read_units(clause, q)
    return Reading(amount[0], amount[1], clause.strip().rstrip("."), amount=amount[2]) if amount else None


@dataclass
class Alignment:
    """Per product, the reading compared (None: the record does not state the quantity) and
    whether it compares with the others' (False: stated, but in another kind or of another part)."""

    readings: list[Reading | None]
    comparable: list[bool]
    # Per product, the values of all its readings that compare, in the record's order: a tie on
    # the first ("up to 8 hours of playback") is broken by the next ("28 hours in total").
    values: list[tuple[float, ...]] = field(default_factory=list)
    # Per product, what it states of a more precise kind than the one compared, which too few
    # others state to compare on ("IPX5" where the others say only "sweat-resistant").
    beyond: list[Reading | None] = field(default_factory=list)


def align(products: list[Product], name: str) -> Alignment:
    """Each product's reading of the quantity, chosen so that as many products as possible are
    compared on one kind and one key; the rest say what they state instead."""
    found = [readings(p, name) for p in products]
    groups: list[Reading] = [r for rs in found for r in rs]  # every reading is a candidate group

    def members(group: Reading) -> int:
        return sum(any(r.compares_with(group) for r in rs) for rs in found)

    # The most precise kind two or more products state (the quantity's own order: an IP rating
    # before words, a volume before a length), else the group most products fall in; on a tie a
    # specification key's before a description's, then the record's order.
    q = quantity(name) if name in measures().quantities else None
    order = [*q.dimensions, *q.scales] if q else []

    def preference(g: Reading) -> tuple[bool, int, int, bool]:
        n = members(g)
        return (n >= 2, -order.index(g.kind) if g.kind in order else 0, n, g.aspect is not None)

    best = max(groups, key=preference, default=None)
    out = Alignment([], [])
    rank = order.index(best.kind) if best is not None and best.kind in order else len(order)
    for rs in found:
        matches = [r for r in rs if best is not None and r.compares_with(best)]
        out.readings.append(matches[0] if matches else (rs[0] if rs else None))
        out.comparable.append(bool(matches))
        out.values.append(tuple(r.value for r in matches))
        out.beyond.append(next((r for r in rs if r.kind in order[:rank]), None))
    return out


def kind_name(reading: Reading) -> str:
    """ "a weight", "an IP rating": what a reading states, as the answer names it."""
    m = measures()
    if reading.kind in m.dimensions:
        return m.dimensions[reading.kind].name
    if reading.kind in m.scales:
        return m.scales[reading.kind].name
    return reading.kind
