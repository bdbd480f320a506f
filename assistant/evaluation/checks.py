"""Conversation checks: the constraints stated so far, honest empty answers, refinement semantics.

* **The request so far.** Per shopping turn, the constraints in force: the turn's label when the
  log has one (`ConstraintLabel`, checked with the queries README's semantics), else the
  shopper's messages parsed with the assistant's own understander and accumulated: a slot the
  message states replaces the old value, excluded brands add up, a new product type keeps the
  audience, budget and colour but drops the brands, and "start over" clears everything.
* **Constraint satisfaction.** Every card of a shopping turn satisfies the request so far. When
  no catalog product does (by the label's `unsatisfiable`, else by scanning the catalog), the
  honest answer shows no card and says that nothing matches.
* **Refinement semantics.** After "cheaper" every new card costs less than the cheapest card of
  the last results (not the alternatives offered when nothing matched: each breaks the request,
  some on price) and still meets the earlier constraints (and an empty answer is honest only if
  no such product exists); "more premium" mirrors it. "Compare 1 and 2" or "the second one"
  shows exactly those cards of the last list on screen (the results, or the alternatives), and
  a comparison has them as columns; pointing past that list ("compare 1 and 3" with two shown)
  is answered without cards.

The cue words here are the evaluator's own, not the assistant's intent rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from assistant.constraints import Constraints
from assistant.ordinals import LAST
from assistant.ordinals import ORDINALS as SHARED_ORDINALS
from assistant.reply import ProductCard, Reply
from common.schema import Product

RESET = re.compile(r"\b(?:start over|start again|forget (?:that|it|this|all that)|new search|never ?mind)\b", re.I)
CHEAPER = re.compile(
    r"\b(?:cheaper|less expensive|lower price|more affordable|too expensive|too pricey|lower budget)\b", re.I
)
PRICIER = re.compile(r"\b(?:more expensive|pricier|higher[- ]end|more premium|fancier|bigger budget)\b", re.I)
COMPARE = re.compile(r"\b(?:compare|comparison|vs\.?|versus|difference between|which (?:one )?is better)\b", re.I)
ORDINALS = {**{w: n for w, n in SHARED_ORDINALS.items() if n <= 5 and w.isalpha()}, LAST: -1}
ORDINAL_REF = re.compile(
    r"\bthe (first|second|third|fourth|fifth|last)\b(?! (?:time|thing|of all))"
    r"|\b(first|second|third|fourth|fifth|last) (?:one|item|product|option|pick)\b",
    re.I,
)
NUMBER_REF = re.compile(r"(?:#|\bnumber |\bno\. ?|\bitem |\boption )([1-9])\b", re.I)
NUMBER_PAIR = re.compile(r"\b([1-9])\s*(?:,|and|&|vs\.?|with|to)\s*([1-9])\b")
FIRST_N = re.compile(r"\b(?:first|top) (two|three|four|2|3|4)\b", re.I)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4}
NO_MATCH = re.compile(
    r"\b(?:nothing|no (?:products?|items?|matches|results|options)|don'?t (?:carry|have|stock|sell)|"
    r"do not (?:carry|have|stock|sell)|could(?:n'?t| not) find|none of (?:our|the)|not in (?:our|the) catalog)\b",
    re.I,
)


class Spec(Protocol):
    """A request a product can be checked against (`Constraints` or `ConstraintLabel`)."""

    def failures(self, product: Product) -> list[str]: ...


def positions(message: str) -> list[int]:
    """1-based positions of earlier cards the message points at (-1: the last one)."""
    found: list[int] = []
    m = FIRST_N.search(message)
    if m:
        n = NUMBER_WORDS.get(m.group(1).lower()) or int(m.group(1))
        found += list(range(1, n + 1))
    if COMPARE.search(message):
        for a, b in NUMBER_PAIR.findall(message):
            found += [int(a), int(b)]
    for pair in ORDINAL_REF.findall(message):
        found.append(ORDINALS[(pair[0] or pair[1]).lower()])
    found += [int(n) for n in NUMBER_REF.findall(message)]
    return list(dict.fromkeys(found))


def follow_up_kind(message: str) -> str | None:
    """The evaluator's own reading of a follow-up: cheaper, pricier, compare, reference, or None."""
    refs = positions(message)
    if refs and (COMPARE.search(message) or len(refs) >= 2):
        return "compare"
    if refs:
        return "reference"
    if CHEAPER.search(message):
        return "cheaper"
    if PRICIER.search(message):
        return "pricier"
    return None


def accumulate(previous: Constraints, said: Constraints, message: str) -> Constraints:
    """The request after a shopping message that stated `said` (see the module docstring)."""
    if RESET.search(message):
        return said.model_copy(deep=True)
    new = previous.model_copy(deep=True)
    if said.categories and set(said.categories) != set(previous.categories):
        new.brands, new.exclude_brands = [], []  # another product type: brands rarely carry over
    for name in Constraints.model_fields:
        value = getattr(said, name)
        if name == "exclude_brands":
            new.exclude_brands = list(dict.fromkeys(new.exclude_brands + value))
            new.brands = [b for b in new.brands if b not in value]
        elif name == "exclude_colours":
            new.exclude_colours = list(dict.fromkeys(new.exclude_colours + value))
            new.colours = [x for x in new.colours if x not in value]
        elif value not in (None, [], False):
            setattr(new, name, value)
    if said.price_max is not None and said.price_min is None:
        new.price_min = None  # "under 50" replaces a range
    if said.price_min is not None and said.price_max is None:
        new.price_max = None
    return new


@dataclass
class CatalogScan:
    """How many catalog products satisfy a request, cached per request."""

    products: list[Product]
    _cache: dict[str, int] = field(default_factory=dict)

    def count(self, spec: Spec) -> int:
        key = f"{type(spec).__name__}:{spec.model_dump_json()}"  # type: ignore[attr-defined]
        if key not in self._cache:
            self._cache[key] = sum(1 for p in self.products if not spec.failures(p))
        return self._cache[key]

    def count_where(self, spec: Spec, keep) -> int:
        return sum(1 for p in self.products if keep(p) and not spec.failures(p))


@dataclass
class ConstraintResult:
    cards_checked: int = 0
    cards_satisfying: int = 0
    unsatisfiable: bool = False
    honest_empty: bool | None = None  # on unsatisfiable requests only
    failures: list[str] = field(default_factory=list)


def says_nothing_matches(reply: Reply) -> bool:
    return bool(reply.empty_reason or reply.not_carried or NO_MATCH.search(reply.text))


def check_constraints(
    reply: Reply, spec: Spec, records: dict[str, Product], scan: CatalogScan, unsatisfiable: bool | None
) -> ConstraintResult:
    """Cards against the request so far; the honest-empty answer when nothing satisfies it."""
    result = ConstraintResult()
    result.unsatisfiable = unsatisfiable if unsatisfiable is not None else scan.count(spec) == 0
    for card in reply.products:
        record = records.get(card.id)
        if record is None:
            continue  # not a catalog record: counted by the faithfulness check
        result.cards_checked += 1
        failed = spec.failures(record)
        if failed:
            result.failures.append(f"card {card.id} ({card.title}) breaks {', '.join(failed)}")
        else:
            result.cards_satisfying += 1
    if result.unsatisfiable:
        result.honest_empty = not reply.products and says_nothing_matches(reply)
        if not result.honest_empty:
            why = "shows cards" if reply.products else "does not say that nothing matches"
            result.failures.append(f"nothing in the catalog satisfies the request, but the reply {why}")
    return result


@dataclass
class RefinementResult:
    kind: str
    ok: bool
    failures: list[str] = field(default_factory=list)


def check_refinement(
    kind: str | None,
    message: str,
    reply: Reply,
    last_list: list[ProductCard],
    prior: Spec | None,
    records: dict[str, Product],
    scan: CatalogScan,
) -> RefinementResult | None:
    """The refinement semantics of this turn, or None when the turn is no checkable follow-up."""
    if kind in ("cheaper", "pricier"):
        prices = [c.price for c in last_list if c.price is not None]
        if not prices:
            return None
        cheaper = kind == "cheaper"
        bound = min(prices) if cheaper else max(prices)
        word = "below the cheapest" if cheaper else "above the dearest"
        failures = []
        for card in reply.products:
            if card.price is None or (card.price >= bound if cheaper else card.price <= bound):
                failures.append(f"card {card.id} at {card.price} is not {word} card shown before ({bound:g})")
            record = records.get(card.id)
            broken = [f for f in prior.failures(record) if f != "price"] if prior and record else []
            if broken:
                failures.append(f"card {card.id} drops the earlier constraint(s) {', '.join(broken)}")
        if not reply.products and prior is not None:

            def beyond(p: Product) -> bool:
                return p.price is not None and (p.price < bound if cheaper else p.price > bound)

            available = scan.count_where(_without_price(prior), beyond)
            if available:
                failures.append(f"shows nothing, yet {available} catalog products are {word.split()[0]} {bound:g}")
        return RefinementResult(kind, not failures, failures)
    if kind in ("compare", "reference"):
        refs = positions(message)
        index = [len(last_list) - 1 if r == -1 else r - 1 for r in refs]
        if not last_list:
            return None  # nothing was shown: the reply should say so; not checked here
        if not all(0 <= i < len(last_list) for i in index):
            # Points past the list: the honest reply says how many there are and shows no
            # comparison or detail of the ones that exist as if they had been asked for.
            shown = [c.id for c in reply.products]
            failures = [f"positions {refs} point past the {len(last_list)} cards shown, yet it shows {shown}"]
            return RefinementResult(kind, not shown, failures if shown else [])
        expected = [last_list[i] for i in index]
        failures = []
        if [c.id for c in reply.products] != [c.id for c in expected]:
            failures.append(
                f"shows {[c.id for c in reply.products]} for positions {refs}; the last list had "
                f"{[c.id for c in expected]} there"
            )
        if kind == "compare":
            columns = reply.comparison.columns if reply.comparison else []
            if columns != [c.title for c in expected]:
                failures.append(f"the comparison's columns {columns} are not the cards {[c.title for c in expected]}")
        return RefinementResult(kind, not failures, failures)
    return None


def _without_price(spec: Spec) -> Spec:
    """The request without its price bounds (a cheaper follow-up moves them)."""
    return spec.model_copy(update={"price_min": None, "price_max": None})  # type: ignore[attr-defined]
