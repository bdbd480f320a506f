"""An amount said with the kind ("9w led bulb", "1 litre steel bottle") is a must-have where the
shop's records of the kind state amounts of that measure: the products whose title or
specifications state the same amount, in whatever unit ("1000 ml" for "1 litre").

Read as words, "9w" matched no title ("bft 9 w led bulb") and only ranked, so a 6 W bulb and tail
lights filled four of five cards (set O); "1 litre" never met "1000 ml". Where the kind's records
state amounts of the measure and none states the one asked, the amount as said is required, and
the reply says the shop has none instead of showing other sizes. Where few of them state any,
the shop does not record the measure for the kind: the amount only ranks, as before. An age or a
head count says who it is for (the audience and fit readings have those), not what to filter.
"""

from __future__ import annotations

import re

import numpy as np

from assistant.amounts import lexicon
from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.fit import Amount, amounts, amounts_in
from common.schema import Product
from common.text import tokenize

NOT_FILTERED = frozenset({"age", "people"})  # who the product is for, read elsewhere
RECORDS_READ = 2000  # records of the kind read for the amounts they state
STATED_SHARE = 0.5  # most of the kind's records state the measure: the shop records it
FOR = re.compile(r"\bfor\b", re.I)
SAME = 0.01  # amounts within 1 % are the same ("1 litre" and "1000 ml")


def record_text(product: Product) -> str:
    """Where a record states an amount as a property: its title and specification values."""
    return " | ".join([product.title, *product.attributes.values()])


def asked_amounts(catalog: CatalogIndex, text: str, c: Constraints) -> list[str]:
    """Must-haves for the amounts said in `text`, as the kind's records write them ("9 w",
    "1000 ml or 1 l"), or as said where the records state others and none of it."""
    text = FOR.split(text)[0]  # "bag for a 15.6 inch laptop": the amount of what it fits
    said = [a for a in amounts(text) if a.family not in NOT_FILTERED and not bounded(text, a)]
    if not said or not c.categories:
        return []
    rows = np.flatnonzero(catalog.mask(Constraints(categories=c.categories)))[:RECORDS_READ]
    stated = [amounts_in(record_text(catalog.products[int(r)])) for r in rows]
    out: list[str] = []
    for amount in said:
        of_family = [[(s, a) for s, a in found if a.family == amount.family] for found in stated]
        if sum(bool(f) for f in of_family) < max(1, STATED_SHARE * len(rows)):
            continue  # the shop does not record this measure for the kind: it ranks
        forms = sorted({s.lower() for f in of_family for s, a in f if _same(a, amount)})
        out.append(" or ".join(forms) if forms else _as_said(text, amount))
    return out


def bounded(text: str, amount: Amount) -> bool:
    """The amount is a bound, not the size asked ("more than 15 litres", "2 l or more", "up to 500
    ml"): no exact must-have, it ranks. Held-out set Y: "not the tiny ones. more than 15 litres"
    required bags of exactly 15 litres and none was left. Cues: the price reader's bound words."""
    low = text.lower()
    cues = lexicon().cues
    before = [c for key in ("ceiling_before", "floor_before") for c in cues[key]]
    after = [c for key in ("ceiling_after", "floor_after") for c in cues[key]]
    for said, found in amounts_in(low):
        if not _same(found, amount) or said.lower() not in low:
            continue
        start = low.index(said.lower())
        words_before = tokenize(low[:start])
        words_after = tokenize(low[start + len(said) :])
        if any(tuple(words_before[-len(c) :]) == c for c in before if c) or any(
            tuple(words_after[: len(c)]) == c for c in after if c
        ):
            return True
    return False


def _same(a: Amount, b: Amount) -> bool:
    return abs(a.value - b.value) <= SAME * max(abs(a.value), abs(b.value), 1e-9)


def _as_said(text: str, amount: Amount) -> str:
    """The amount in the words the shopper used ("9w"), so the reply names it."""
    return next((s for s, a in amounts_in(text) if _same(a, amount)), str(amount.value))
