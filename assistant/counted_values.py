"""Counts and sizes a follow-up says that tell the kind's products apart ("we have a 10 seater
dining" after table covers, "it's a 3 seater" after sofa covers, "mine takes 2 litre ones").

The kind's own records say what their numbers count: table covers are "4 seater", "6 seater",
"8 seater"; where the products of the kind hold one word after a number with at least two
different numbers, that word is a unit the kind is told apart by. The shopper's number before
the same unit is then a value the product must have, said in a story or not: a 10 seater table
takes no 8 seater cover, so where no product has it the reply says so honestly instead of showing
the 4, 6 and 8 seater ones as matches. A later value of the same unit replaces the earlier one
("8 seater", then "we sold the big one, it's 6 seater now").

Words that are never such a unit (money, ages, time: "500 rs", "he's 8 years") are data
(`steering.json` "not_counted_units").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints, attribute_terms
from assistant.dialogue import Request
from assistant.fit import unit_table
from assistant.steering import steering
from assistant.understand import Query
from common.text import terms

NOT_UNITS = frozenset(steering()["not_counted_units"])
NUMBER = re.compile(r"\d+(?:\.\d+)?")
MIN_VALUES = 2  # different numbers of the kind before a word that make the word a unit


def kind_units(categories: list[str], catalog: CatalogIndex) -> dict[str, set[str]]:
    """Unit -> the numbers the kind's records hold before it ("seater" -> {"4", "6", "8"}),
    for the units with at least MIN_VALUES numbers."""
    rows = catalog.mask(Constraints(categories=categories)).nonzero()[0]
    seen: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        words = attribute_terms(catalog.products[int(r)])
        for number, unit in zip(words, words[1:], strict=False):
            if NUMBER.fullmatch(number) and unit.isalpha() and unit not in NOT_UNITS:
                seen[unit].add(number)
    return {u: n for u, n in seen.items() if len(n) >= MIN_VALUES}


def said_counts(message: str, query: Query, request: Request, catalog: CatalogIndex) -> tuple[Query, list[str]]:
    """The query with the counted values the follow-up says of the kind asked for as must-haves,
    and the request's values of the same units they replace. A follow-up that names a kind of
    its own, or a request with no kind, is left as it is."""
    categories = request.constraints.categories
    if query.product_type or not categories:
        return query, []
    # "its a six seater": a number said in words counts as its digits do (set AF d20 kept "seater" alone)
    spelled = unit_table()["number_words"]
    words = [_digits(spelled[w]) if w in spelled else w for w in terms(message)]
    pairs = [(n, u) for n, u in zip(words, words[1:], strict=False) if NUMBER.fullmatch(n) and u not in NOT_UNITS]
    bounds = {query.constraints.price_min, query.constraints.price_max, query.constraints.price_near}
    pairs = [(n, u) for n, u in pairs if float(n) not in bounds]  # "under 500 rs" is a budget
    if not pairs:
        return query, []
    units = kind_units(categories, catalog)
    values = [f"{n} {u}" for n, u in pairs if u in units]
    if not values:
        return query, []
    said = query.constraints.model_copy(deep=True)
    said.attributes += [v for v in values if v not in said.attributes]
    said_units = {v.split()[1] for v in values}
    replaced = [a for a in request.constraints.attributes if _unit_of(a) in said_units and a not in values]
    return replace(query, constraints=said), replaced


def _digits(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _unit_of(attribute: str) -> str | None:
    """The unit of a counted value ("8 seater" -> "seater"); None for any other must-have."""
    words = attribute.split()
    return words[1] if len(words) == 2 and NUMBER.fullmatch(words[0]) else None
