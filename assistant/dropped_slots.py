"""What a follow-up takes back from the active request: the slots a drop cue names ("scratch the
black" -> colour, "instead of sandals" -> type) and the ones it says do not matter ("any brand is
fine", "colour doesn't matter"). Moved out of interpret.py, which reads the whole message."""

from __future__ import annotations

import re

from assistant.audience import clauses, taken_back
from assistant.colour_negation import negated_colours
from assistant.constraints import Constraints, alternatives
from assistant.dialogue import slots
from assistant.follow_up import not_required
from assistant.session import Session
from assistant.steering import steering
from assistant.take_back import taken_back_slots
from common.text import normalise_colour, terms

_FOLLOW_UPS = steering()
SLOT_WORDS = {slot: words for slot, words in _FOLLOW_UPS["slot_words"].items()}
SLOT_VOCABULARY = frozenset(w for words in SLOT_WORDS.values() for phrase in words for w in terms(phrase))

POINTS_BACK = re.compile(r"\b(?:that|this|it|those)\b", re.I)
DONT_CARE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _FOLLOW_UPS["dont_care"]) + r")\b", re.I)


def removals(message: str, session: Session) -> list[str]:
    """The parts of the active request the message takes back: what a drop cue names ("scratch
    the black" -> colour, "instead of sandals" -> type) and what it says does not matter ("any
    brand is fine", "colour doesn't matter"). Only parts the request has."""
    request = session.request
    c = request.constraints
    active = {s.name for s in slots(request, "")}
    found: list[str] = []
    if {normalise_colour(x) for x in c.colours} & negated_colours(message):
        found.append("colour")  # "anything but black" after black ones
    if set(c.exclude_colours) & {normalise_colour(w) for w in not_required(message)}:
        found.append("not colour")  # "ok, blue is fine too" after "anything but blue"
    for said in taken_back(message):
        words = set(terms(said))
        if words & {normalise_colour(x) for x in c.colours}:
            found.append("colour")
        if any(set(terms(b)) <= words for b in c.brands):
            found.append("brand")
        if request.product_type and set(terms(request.product_type)) <= words:
            found.append("type")
        if any(set(terms(alt)) <= words for a in c.attributes for alt in alternatives(a)):
            found.append("attribute")  # "ok forget sleeveless"
        found += [slot for slot, names in SLOT_WORDS.items() if words & set(names)]
    found += dont_care(message) + taken_back_slots(message)  # "scrap the colour thing"
    return [slot for slot in dict.fromkeys(found) if slot in active]


def dont_care(message: str) -> list[str]:
    """The slots the message says do not matter ("any brand is fine", "colour doesn't matter");
    a clause that points back ("she likes every colour, so don't worry about that") means the
    slots of the clause before."""
    found: list[str] = []
    named_before: list[str] = []
    for part in clauses(message):
        low = part.lower()
        named = [slot for slot, names in SLOT_WORDS.items() if any(re.search(rf"\b{n}\b", low) for n in names)]
        if DONT_CARE.search(part):
            found += named or (named_before if POINTS_BACK.search(part) else [])
        named_before = named
    return list(dict.fromkeys(found))


def not_said(said: Constraints, slots: list[str]) -> None:
    """A slot the message says does not matter is not also stated by it ("her mom mentioned pink
    but she likes every colour")."""
    if "colour" in slots:
        said.colours = []
    if "brand" in slots:
        said.brands = []
    if "price" in slots:
        said.price_min = said.price_max = said.price_near = None
