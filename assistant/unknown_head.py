"""A request whose kind the shop does not know at all ("cat litter for my two cats"): no kind of
the shop is read, yet the phrase the message opens with is a thing shops sell. Its head word is a
word of the general product-type vocabulary (`assistant.vocabulary`: "litter" of "cat litter box")
that no product of the catalog holds, and no qualifier ("cat", "outdoor"): the shop does not carry
it, and the shopper is told so instead of being shown anything (held-out AC-q28 showed a sofa bed,
a shoulder bag, a cardigan). The head is the last word of the first run of words that are no
grammar words; a run the catalog knows the head of ("rooster decor") or that ends in a word no
shop sells ("wainscoting ideas") is left to ranking.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from assistant.vocabulary import NOT_TYPES, product_types
from common.text import STOPWORDS, singular, tokenize


@cache
def _type_words() -> frozenset[str]:
    return frozenset(w for t in product_types() for w in t)


@cache
def _type_heads() -> frozenset[str]:
    """The last words of the product types ("box" of "cat litter box"): what a kind is said by alone."""
    return frozenset(t[-1] for t in product_types() if t)


# The words a request goes on with after the kind it asks for ("cat litter for my cats", "... under
# 500"); any other ("alloy wheels of my swift look dirty") makes the phrase part of a story.
GOES_ON = frozenset("for with under below within upto up around in that which pls please".split())


def opening_phrase(text: str) -> list[str]:
    """The first run of words that are no grammar words ("i need cat litter for ..." -> cat litter),
    when the message ends there or goes on as a request does (`GOES_ON`); else none."""
    run: list[str] = []
    for w in tokenize(text):
        if w in STOPWORDS or w in GOES_ON or w.isdigit():
            if run:
                return run if w in GOES_ON or w.isdigit() else []
            continue
        run.append(w)
    return run


def unknown_kind(text: str, knows_word: Callable[[str], bool]) -> str | None:
    """The phrase naming a kind the catalog has no word for, or None (`knows_word`: the catalog's)."""
    run = opening_phrase(text)
    if not run:
        return None
    head = singular(run[-1])
    # One word alone names a kind only as a type's own head: "industrial" or "peacock" said alone
    # is a style or a colour wished for, not a thing the shop lacks.
    said_as_type = head in _type_heads() or (len(run) > 1 and head in _type_words())
    if head in NOT_TYPES or not said_as_type or knows_word(head) or knows_word(run[-1]):
        return None
    return " ".join(run[:-1] + [head])
