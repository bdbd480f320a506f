"""Next steps computed from the result set: the colours, brands and price bands among the
products that match the request, shown as buttons ("in black (12)", "under ₹500 (8)").

A suggestion is only offered when it narrows the matches without emptying them, so every button
leads somewhere. Its `message` is plain shopper language that query understanding already reads
("in black", "only Puma", "under 500", "compare 1 and 2"), so a click is just another turn.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.reply import Suggestion
from assistant.wording import format_price
from common.schema import Product
from common.text import terms

MAX_SUGGESTIONS = 3


def suggest(catalog: CatalogIndex, constraints: Constraints, shown: int) -> list[Suggestion]:
    """2–3 next steps for a result set: compare, and the facets that split the matches best."""
    rows = np.flatnonzero(catalog.mask(constraints))
    out: list[Suggestion] = []
    if shown >= 2:
        out.append(Suggestion(label="compare 1 and 2", message="compare 1 and 2"))
    facets = [
        _colour_facet(catalog, rows, constraints),
        _price_facet(catalog, rows, constraints),
        _brand_facet(catalog, rows, constraints),
    ]
    # Most useful first: a facet that keeps about half of the matches narrows the most evenly.
    ranked = sorted((f for f in facets if f), key=lambda f: abs(f[0] / max(len(rows), 1) - 0.5))
    out += [s for _, s in ranked]
    return out[:MAX_SUGGESTIONS]


def relaxations(catalog: CatalogIndex, c: Constraints, closest: list[Product]) -> list[Suggestion]:
    """When nothing matches: for each close product, the change to the request that would let it
    in, said as the shopper would ("in green", "under ₹1,100", "for men"), with how many match then.

    Replacements rather than removals, so the message reads as a normal follow-up.
    """
    out: list[Suggestion] = []
    for p in closest:
        for name in catalog.failures(c, p):
            change = _replacement(catalog, name, c, p)
            if change is None:
                continue
            label, message, update = change
            n = int(catalog.mask(c.model_copy(update=update, deep=True)).sum())
            if n and all(s.message != message for s in out):
                out.append(Suggestion(label=f"{label} ({n})", message=message))
    return out[:MAX_SUGGESTIONS]


def _replacement(catalog: CatalogIndex, name: str, c: Constraints, p: Product) -> tuple[str, str, dict] | None:
    if name == "colour":
        # The close product's own colour, or (when its record names none) the commonest colour
        # of everything else the request matches.
        without = np.flatnonzero(catalog.mask(c.model_copy(update={"colours": []})))
        common = Counter(x for row in without for x in catalog.products[row].colours).most_common(1)
        colour = p.colours[0] if p.colours else (common[0][0] if common else None)
        return (f"in {colour}", f"in {colour}", {"colours": [colour]}) if colour else None
    if name == "price" and p.price is not None and c.price_max is not None:
        ceiling = round_up_price(p.price)
        # The label in the catalog's currency, as the price facet's ("under $170"); the message
        # stays a bare number, which understanding reads in any currency.
        label = f"under {format_price(ceiling, catalog.currency).removesuffix('.00')}"
        return label, f"under {ceiling:g}", {"price_max": ceiling, "price_min": c.price_min, "price_strict": False}
    if name == "brand" and p.brand:
        return f"only {p.brand}", f"only {p.brand}", {"brands": [p.brand.lower()]}
    if name == "audience" and p.audience:
        audience = p.audience[0]
        return f"for {audience}", f"for {audience}", {"audience": audience}
    return None


def round_up_price(value: float) -> float:
    """A budget just covering `value`, at two significant digits (1,099 -> 1,100)."""
    if value <= 0:
        return 0.0
    power = 10 ** max(math.floor(math.log10(value)) - 1, 0)
    return float(math.ceil(value / power) * power)


def category_options(catalog: CatalogIndex, constraints: Constraints, limit: int = 4) -> list[str]:
    """The product types most represented among the matches: options for a clarifying question.

    Uses the deepest category node shared by many products (not the leaf, which often names one
    product), so the options read like "kurtas", "watches", "handbags".
    """
    rows = np.flatnonzero(catalog.mask(constraints))
    counts: Counter[tuple[str, ...]] = Counter()
    names: dict[tuple[str, ...], str] = {}  # one option per type: "Headphones" and "Headphone" are one
    for row in rows:
        path = catalog.products[row].category
        name = path[1] if len(path) >= 2 else path[0] if path else ""
        key = tuple(terms(name))
        if key:
            counts[key] += 1
            names.setdefault(key, name)
    return [names[key] for key, n in counts.most_common(limit) if n >= 1]


def _colour_facet(catalog: CatalogIndex, rows: np.ndarray, c: Constraints) -> tuple[int, Suggestion] | None:
    if c.colours or len(rows) < 3:
        return None
    counts = Counter(colour for row in rows for colour in catalog.products[row].colours)
    for colour, n in counts.most_common():
        if 2 <= n < len(rows):
            return n, Suggestion(label=f"in {colour} ({n})", message=f"in {colour}")
    return None


def _brand_facet(catalog: CatalogIndex, rows: np.ndarray, c: Constraints) -> tuple[int, Suggestion] | None:
    if c.brands or len(rows) < 3:
        return None
    counts = Counter(catalog.products[row].brand for row in rows if catalog.products[row].brand)
    for brand, n in counts.most_common():
        if 2 <= n < len(rows):
            return n, Suggestion(label=f"only {brand} ({n})", message=f"only {brand}")
    return None


def _price_facet(catalog: CatalogIndex, rows: np.ndarray, c: Constraints) -> tuple[int, Suggestion] | None:
    prices = catalog.price[rows]
    prices = prices[~np.isnan(prices)]
    if len(prices) < 3:
        return None
    ceiling = round_price(float(np.median(prices)))
    if c.price_max is not None and ceiling >= c.price_max:
        return None
    n = int((prices <= ceiling).sum())
    if not 2 <= n < len(rows):
        return None
    label = f"under {format_price(ceiling, catalog.currency).removesuffix('.00')}"
    return n, Suggestion(label=f"{label} ({n})", message=f"under {ceiling:g}")


def round_price(value: float) -> float:
    """A price a person would say: `value` rounded to one significant digit (730 -> 700)."""
    if value <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(value))
    return float(round(value / power) * power)
