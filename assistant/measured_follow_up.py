"""An amount of a measure said in a follow-up is a must-have of the request's kind, and it
replaces the amount of that measure the request had: "750 ml should do", then "actually no make
it a litre" asks for 1 litre bottles, not 750 ml ones; "need a 9 watt led bulb", then "6 watt not
9" asks for 6 W bulbs.

Said in one message with its kind, an amount is read by `asked_amounts` against the records of
the kind named; a follow-up names no kind ("make it a litre"), so its amounts were read against
none and were lost, or kept as a bare number ("6"). Here they are read against the kind of the
request, as the one-shot reading does, with its evidence rule: only where most of the kind's
records state the measure."""

from __future__ import annotations

from assistant.asked_amounts import NOT_FILTERED, asked_amounts
from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.fit import Amount, amounts

SAME = 0.01  # amounts within 1 % are the same ("1 litre" and "1000 ml")


def measures_said(message: str, categories: list[str], catalog: CatalogIndex) -> list[str]:
    """Must-haves for the amounts a follow-up says, read against the request's kind."""
    if not categories:
        return []
    return asked_amounts(catalog, message, Constraints(categories=list(categories)))


def replaced_measures(attributes: list[str], said: list[str]) -> list[str]:
    """The request's must-haves, less those that state another amount of a measure the follow-up
    states anew (a must-have that states no amount, or the same one, stays)."""
    new = [a for s in said for a in _measured(s)]
    if not new:
        return attributes
    out = []
    for attribute in attributes:
        old = _measured(attribute)
        replaced = (
            attribute not in said
            and any(o.family == n.family and not _same(o, n) for o in old for n in new)
            and not any(_same(o, n) for o in old for n in new)
        )
        if not replaced:
            out.append(attribute)
    return out


def _measured(text: str) -> list[Amount]:
    return [a for a in amounts(text) if a.family not in NOT_FILTERED]


def _same(a: Amount, b: Amount) -> bool:
    return a.family == b.family and abs(a.value - b.value) <= SAME * max(abs(a.value), abs(b.value), 1e-9)
