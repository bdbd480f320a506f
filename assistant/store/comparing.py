"""Comparatives a customer says of an item to change ('a smaller one', 'the lighter set', 'the
bigger size', 'one with more storage', 'a higher resolution model'), read against the product's
variants: which option moves and which way, and the option's values in order, so that the
variants lying that way can be picked (or offered, when several do).

The words are data. A comparative naming an option of the product ('more storage', 'a bigger
screen', 'higher resolution') moves that option (`order_requests.yaml`, `option_comparatives`);
one naming none ('a smaller one', 'lighter') moves the option the grounding's comparatives
(`comparatives.yaml`: 'smaller' is size, low; 'lighter' is weight, low) measure by its keys
('size', 'screen size', 'capacity' for size). Values are ordered by an ordinal scale
(`option_scales`: S < M < L, 60% < 80% < full size) or by their amounts, units of one dimension
converted with the grounding's unit table ('1TB SSD' above '512GB SSD', '1.5L' above '1000ml').
Read from the data files here, not through `assistant.comparatives`, whose import loads the
answer writer: the order copilot stays in milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from assistant.store.reading import clauses

AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*-?\s*([a-z%]+)?")
# A comparative that describes the item as it is ('way bigger than I expected'), not a wish.
DESCRIBES = re.compile(r"^\s*than\b", re.IGNORECASE)
# Grounding's quantities no option of a variant measures the way it means, or read elsewhere:
# price is the 'cheapest' request (items.py), rating and year are no options.
NOT_OPTIONS = {"price", "rating", "year"}


@dataclass(frozen=True)
class Leaning:
    option: str
    way: str  # "low" or "high"
    most: bool  # a superlative ('the smallest'): the extreme value, not just any that way


@dataclass(frozen=True)
class _Words:
    named: dict[str, re.Pattern[str]]  # way (+ "_most") -> the comparative words before an option name
    claims: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]  # (phrase, option names it moves, way)
    scales: tuple[tuple[str, ...], ...]  # lowest first, lower case
    units: dict[str, tuple[str, float]]  # unit -> (dimension, factor)


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = resources.files("assistant").joinpath("data")
    grounding = yaml.safe_load(data.joinpath("comparatives.yaml").read_text())
    ours = yaml.safe_load(data.joinpath("order_requests.yaml").read_text())
    table = ours["option_comparatives"]
    return _Words(
        {way: re.compile(rf"\b(?:{words})\s+(?:\w+\s+)?$", re.IGNORECASE) for way, words in table["named"].items()},
        tuple(
            (
                re.compile(rf"\b(?:{c['phrase']})\b", re.IGNORECASE),
                # the options a quantity's specification keys name ('size': size, capacity, storage ...)
                re.compile(c.get("options") or grounding["quantities"][c["quantity"]]["keys"], re.IGNORECASE),
                c["way"],
            )
            for c in [*grounding["claims"], *table["claims"]]
            if c.get("options")
            or (c["quantity"] not in NOT_OPTIONS and grounding["quantities"][c["quantity"]].get("keys"))
        ),
        tuple(tuple(str(v).lower() for v in scale) for scale in ours["option_scales"]),
        {
            unit.lower(): (dimension, float(factor))
            for dimension, d in grounding["dimensions"].items()
            if dimension != "depth"  # metres of water depth: no option is one
            for unit, factor in d["units"].items()
        },
    )


def leanings(scope: str, table: dict[str, list[str]]) -> list[Leaning]:
    """The options the words ask to move, and which way: of the product's options (`table`:
    option -> values) only those whose values have an order."""
    w = _words()
    ordered = {option for option, values in table.items() if value_order(values)}
    found: dict[str, Leaning] = {}
    for clause in clauses(scope):
        lower = clause.lower()
        for option in ordered:  # 'more storage', 'a bigger screen', 'higher resolution'
            for name_word in [w for w in option.lower().split() if len(w) > 2]:  # not 'of' (field of view)
                for m in re.finditer(rf"\b{re.escape(name_word)}\b", lower):
                    for key, pattern in w.named.items():
                        said = pattern.search(lower[: m.start()])
                        if said:
                            found[option] = Leaning(option, key.removesuffix("_most"), key.endswith("_most"))
        for pattern, moves, way in w.claims:  # 'a smaller one', 'the lighter set'
            for m in pattern.finditer(clause):
                if DESCRIBES.match(clause[m.end() :]):
                    continue
                options = [o for o in ordered if moves.search(o)]
                if len(options) > 1:  # a phone's screen size and its storage: 'smaller' is the size
                    options = [o for o in options if "size" in o.lower()]
                if len(options) == 1 and options[0] not in found:
                    most = bool(re.search(r"est\b|^(?:most|least)\b", m.group(0), re.IGNORECASE))
                    found[options[0]] = Leaning(options[0], way, most)
    return list(found.values())


def value_order(values: list[str]) -> dict[str, float] | None:
    """Each value's place in the option's order, or None when the values have none (colours,
    materials): an ordinal scale holding them all, else amounts all in one unit's dimension."""
    w = _words()
    lowered = [str(v).lower() for v in values]
    for scale in w.scales:
        if all(v in scale for v in lowered):
            return {v: float(scale.index(low)) for v, low in zip(values, lowered, strict=True)}
    amounts: dict[str, float] = {}
    kinds = set()
    for value, low in zip(values, lowered, strict=True):
        found = AMOUNT.findall(low)
        if not found:
            return None
        number, unit = found[-1]  # a range ('30-50 lbs') by its top
        unit = unit or ""
        dimension, factor = w.units.get(unit) or w.units.get(unit.rstrip("s")) or (unit.rstrip("s"), 1.0)
        kinds.add(dimension)
        amounts[value] = float(number) * factor
    return amounts if len(kinds) == 1 and len(set(amounts.values())) == len(amounts) else None


def lies_that_way(variant: dict[str, Any], item: dict[str, Any], leaning: Leaning, order: dict[str, float]) -> bool:
    """The variant's value of the option is beyond the item's, the way asked."""
    now, new = order.get(item["options"].get(leaning.option, "")), order.get(variant["options"].get(leaning.option, ""))
    if now is None or new is None:
        return False
    return new < now if leaning.way == "low" else new > now
