"""A sentence after a question about a shown card that tells the question's context.

"will the first one fit him? he's about 32 kilos", "does it come in grey? my sofa is grey": the
sentence after the question says something of the shopper's side (who it is for, what they own)
that the question is to be answered against. Read as what the turn asks for instead
(`follow_up.asked_part`, made for "which is lighter, X or Y? anyway show me below 500"), the
weight became a price "around £32", the sofa a colour filter, and the question went unanswered.
A sentence that wishes ("he wants black"), bounds a price ("my budget is 40") or asks for other
products ("i'd rather something cheaper") is still a request. Words are data (`steering.json`).
"""

from __future__ import annotations

from functools import cache

from assistant.amounts import read_prices
from assistant.steering import steering
from common.text import tokenize


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    raw = steering()["follow_up_reading"]
    return frozenset(raw["context_subjects"]), frozenset(raw["context_wishes"])


def tells_context(sentence: str) -> bool:
    """Whether a sentence only tells about the shopper's side, asking for nothing."""
    subjects, wishes = _words()
    first = sentence.strip().split(maxsplit=1)[0].lower() if sentence.strip() else ""
    first = first.replace("’", "'").strip(",.;:!-")
    if first not in subjects:
        return False
    if set(tokenize(sentence)) & wishes:
        return False
    prices = read_prices(sentence)
    return prices.price_min is None and prices.price_max is None and prices.near is None
