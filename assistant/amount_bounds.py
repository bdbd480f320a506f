"""Amounts the shopper sets as a ceiling on the product's own: "doc says nothing OVER two inches
for my back" (a heel of 3 inches is a no), "I need one UNDER 2 kg", "no more than 40 cm wide".
Such an amount is no need the product must reach (`fit.fits`: 2 inches met by a 3 inch heel) but
a bound it must stay within, as for a space it goes into (`fit.fits_inside`). The bound words are
data (`ceiling` in units.yaml): words that bound alone ("under", "at most") and words that bound
only after a negation ("nothing over", "not above"; "a room over 400 sq ft" is a floor)."""

from __future__ import annotations

import re
from functools import cache

from assistant import fit

REACH = 3  # words between a negation and the bound word ("nothing much over", "not anything above")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    said = fit.unit_table()["ceiling"]

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    below = re.compile(rf"\b(?:{alternation(said['below'])})\s*$")
    negation = alternation(said["negations"])
    beyond = re.compile(rf"\b(?:{negation})\b(?:\s+\w+){{0,{REACH}}}?\s+(?:{alternation(said['beyond'])})\s*$")
    return below, beyond


def ceilings(question: str) -> list[fit.Amount]:
    """The amounts the question says right after a word that bounds them from above."""
    below, beyond = _patterns()
    goals = set(fit.unit_table()["ceiling"].get("goal_verbs", []))
    low = question.lower().replace("'", "").replace("’", "")
    out = []
    for said, amount in fit.amounts_in(low):
        at = low.find(said)
        before = low[:at] if at >= 0 else ""
        bound = below.search(before)
        if bound and set(before[: bound.start()].split()[-1:]) & goals:
            bound = None  # "work up to 60 lb": a goal to reach, no ceiling
        if bound or beyond.search(before):
            out.append(amount)
    return out
