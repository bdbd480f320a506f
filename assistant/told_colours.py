"""Colours a follow-up tells of another thing while it asks for one colour of the request's kind.

"black if possible, the white ones get dirty so fast" asks for black and tells what white ones
do; "my lehenga is maroon with heavy zari so a gold one would go" tells the lehenga's colour and
asks for gold. Read word by word, both colours of each message were wishes (held-out set AF: a
keyboard request read "the white ones" as pointing at a white card and answered a question
nobody asked; a clutch request filtered on maroon and showed nothing).

A clause tells of a thing when it opens (past openers) with a determiner that points at
something that exists ("the", "those", "these", "my", "his", "her", ...) and, within a few
words, a verb that states what it is or does (`describing_verbs`: "is", "are", "gets", "look",
...). Its colours are told only where another clause of the same message names a colour: with
no other colour there is no choice to read, and "the red one is nice" keeps its meaning. A metal
named alone in an asking clause ("a gold one would go") is then the colour asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from assistant.audience import clauses
from assistant.colour_words import METAL_COLOURS
from assistant.said_of_others import refused_words
from assistant.steering import steering
from common.text import COLOURS, normalise_colour, tokenize

SUBJECT_REACH = 4  # words between the determiner and the verb: "the white ones", "my new silk lehenga"
OPENERS = frozenset({"and", "but", "also", "so", "oh", "well", "because", "coz", "cause", "since", "as", "cuz"})


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = steering()["follow_up_reading"]
    return frozenset(data["thing_determiners"]), frozenset(data["describing_verbs"])


@dataclass(frozen=True)
class ColourClauses:
    asked: tuple[str, ...]  # colours named in clauses that ask or choose
    told: tuple[str, ...]  # colours named only in clauses that tell of another thing
    told_words: frozenset[str]  # every word of those telling clauses


def tells_of_a_thing(words: list[str]) -> bool:
    """The clause opens with a determiner of something that exists and a describing verb follows
    within `SUBJECT_REACH` words ("the white ones get dirty", "my lehenga is maroon")."""
    determiners, verbs = _words()
    i = 0
    while i < len(words) and words[i] in OPENERS:
        i += 1
    if i >= len(words) or words[i] not in determiners:
        return False
    return any(w in verbs for w in words[i + 2 : i + 2 + SUBJECT_REACH])


def _colours(words: list[str], metals: bool) -> list[str]:
    out = []
    for i, w in enumerate(words):
        if w not in COLOURS:
            continue
        if w in METAL_COLOURS and not metals:
            continue
        if w in METAL_COLOURS and i > 0 and words[i - 1] in COLOURS:
            continue  # "white gold": a material
        out.append(normalise_colour(w))
    return out


def colour_clauses(message: str) -> ColourClauses:
    """The message's colours split into asked and told (see the module); nothing is told unless
    both kinds of clause name a colour, a refused one not counted."""
    asked: list[str] = []
    told: list[str] = []
    told_words: set[str] = set()
    for clause in clauses(message):
        words = tokenize(clause.replace("'", ""))
        if tells_of_a_thing(words):
            told += _colours(words, metals=True)
            told_words |= set(words)
        else:
            asked += _colours(words, metals=True)
    refused = refused_words(message)  # "not black, the blue ones are nicer": black is no colour asked
    asked = [c for c in asked if c not in refused]
    if not told or not asked:
        return ColourClauses(tuple(dict.fromkeys(asked + told)), (), frozenset())
    told_only = [c for c in dict.fromkeys(told) if c not in asked]
    return ColourClauses(tuple(dict.fromkeys(asked)), tuple(told_only), frozenset(told_words))
