"""Words a follow-up says a product should look like, not be ("something leather-ish looking",
"a faux leather one", "wood effect", "a silk-like finish").

A material or finish said with a word of resemblance after it ("-ish", "looking", "like",
"effect") or before it ("faux", "imitation", "mock") names what the product imitates: the
leatherette frame is what "leather-ish" asks for, and a must-have of real leather left nothing
(set R ud-08). Such a word ranks (`Constraints.prefer`); it never filters. The cue words are a
closed class, data in `steering.json` ("follow_up_reading": "resemblance_after",
"resemblance_before").
"""

from __future__ import annotations

from assistant.audience import clauses
from assistant.constraints import Constraints
from assistant.steering import steering
from common.text import terms, tokenize

_READING = steering()["follow_up_reading"]
AFTER = frozenset(_READING["resemblance_after"])
BEFORE = frozenset(_READING["resemblance_before"])


def resembled_words(message: str) -> set[str]:
    """The words the message says the product should look like (see the module doc)."""
    out: set[str] = set()
    for clause in clauses(message):
        words = tokenize(clause.replace("'", ""))
        for i, w in enumerate(words):
            if i and w in AFTER:
                out |= set(terms(words[i - 1]))
            if w in BEFORE and i + 1 < len(words):
                out |= set(terms(words[i + 1]))
    return out


def only_resembled(message: str, said: Constraints) -> None:
    """Move the must-haves the message says only as a likeness into what ranks first."""
    resembled = resembled_words(message)
    if not resembled:
        return
    like = [a for a in said.attributes if set(terms(a)) <= resembled]
    said.attributes = [a for a in said.attributes if a not in like]
    said.prefer += [a for a in like if a not in said.prefer]
