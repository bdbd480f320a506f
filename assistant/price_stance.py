"""Cheap and dear said through a negation: "shouldn't look cheap" and "budget isn't really a
problem" ask for the dearer end, not the cheap one.

The cheap words were read alone: held-out set AF read "doesnt need to be branded, just
shouldn't look cheap" (d24) and "budget isn't really a problem" (d29) as asks for the cheapest.
The premium phrases listed each wording ("budget isn't an issue", "not too cheap"); these two
readers take the rule the amounts already use for bounds (`amounts.json` "negations": a cue
after a negation within four words is the opposite) and apply it to the cheap words, and read a
money noun denied as a concern ("money is no object", "price isn't a problem for us") by its
parts, the nouns and concern words being closed classes (`steering.json` "price_stance").
"""

from __future__ import annotations

from functools import cache

from assistant.amounts import lexicon as amounts_lexicon
from assistant.audience import clauses
from assistant.message_patterns import CHEAP
from assistant.steering import steering
from common.text import tokenize

REACH = 4  # words from a negation to what it turns over, as for bounds


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = steering()["price_stance"]
    negations = frozenset(n.replace("'", "") for n in amounts_lexicon().negations)
    return frozenset(data["money_nouns"]), frozenset(data["concern_words"]), negations


def _negated_before(words: list[str], i: int, negations: frozenset[str]) -> bool:
    return any(w in negations for w in words[max(0, i - REACH) : i])


def cheap_denied(text: str) -> bool:
    """A cheap word turned over by a negation before it in its clause ("shouldn't look cheap",
    "doesn't have to be inexpensive"); "budget" is a noun as often ("not more than my budget")."""
    _, _, negations = _words()
    for clause in clauses(text):
        words = tokenize(clause.replace("'", ""))
        for i, w in enumerate(words):
            if CHEAP.fullmatch(w) and w != "budget" and _negated_before(words, i, negations):
                return True
    return False


def money_no_concern(text: str) -> bool:
    """A money noun, then a negation and a concern word after it in its clause: "budget isn't
    really a problem", "money is no object", "price is not a concern"."""
    nouns, concerns, negations = _words()
    for clause in clauses(text):
        words = tokenize(clause.replace("'", ""))
        for i, w in enumerate(words):
            if w not in nouns:
                continue
            after = words[i + 1 : i + 1 + 2 * REACH]
            concern = next((j for j, x in enumerate(after) if x in concerns), None)
            if concern is not None and any(x in negations for x in after[:concern]):
                return True
    return False
