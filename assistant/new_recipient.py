"""A follow-up that asks for a new thing for someone no earlier message named: "and what about a
gift for my dad, he's 70 and loves his garden" after "my sister's coffee always goes cold" is a
new request, not the old kind for someone else. It names the thing only as a gift or a
placeholder ("something for my mom too"); a kind named would start a new request anyway, and
"actually it's for my son" names no thing: it changes who the request is for, nothing else.
The request must have been for someone else: "photo frame", then "as a housewarming present for
my colleague" names the first person, and the frame is that present (pool K:k-und-d24).
"""

from __future__ import annotations

from functools import cache

from assistant.audience import person_words, recipients, table
from assistant.life_stage import audience_data
from assistant.said_of_others import refused_words
from assistant.type_resolution import PLACEHOLDERS
from common.text import singular, tokenize

# Object pronouns that stand for a person named before them in the message; a closed class.
POINTING_BACK = frozenset({"her", "him", "them"})


@cache
def _new_thing_nouns() -> frozenset[str]:
    return frozenset(audience_data()["new_thing_nouns"]) | PLACEHOLDERS


def for_someone_new(message: str, earlier: tuple[str, ...]) -> bool:
    """The message asks a gift or a placeholder thing for a recipient none of the `earlier`
    messages of the request named."""
    whom = recipients(message) or _told_then_pointed(message)
    # "not those huge ones for big kids": who refused products are for is no recipient (set AF d30)
    refused = refused_words(message)
    whom = frozenset(w for w in whom if singular(w) not in refused)
    if not whom or not earlier:
        return False
    named_before = {w for text in earlier for w in tokenize(text.lower().replace("'", " "))} & person_words()
    if not named_before or _people(whom) & _people(frozenset(named_before)):
        return False
    words = tokenize(message.lower().replace("'", " "))
    # "as a present for X" says what the thing asked for is; "a gift for X" asks for another
    things = [i for i, w in enumerate(words) if w in _new_thing_nouns()]
    return any("as" not in words[max(0, i - 2) : i] for i in things)


@cache
def _same_person() -> dict[str, str]:
    """Each word of a `same_person` group, to the group's first word ("amma" -> "mom")."""
    return {w: group[0] for group in audience_data()["same_person"] for w in group}


def _people(words: frozenset[str]) -> set[str]:
    """The people the words name, one name per relation ("amma" and "mom" are one)."""
    same = _same_person()
    return {same.get(w, w) for w in words}


def _told_then_pointed(message: str) -> frozenset[str]:
    """The people the message names where a pronoun in a recipient's place points back at them:
    "my mum took up yoga, something for her" asks for the mum, named as the story's subject."""
    words = tokenize(message.lower().replace("'", " "))
    pointed = any(a == "for" and b in POINTING_BACK for a, b in zip(words, words[1:], strict=False))
    if not pointed:
        return frozenset()
    pronouns = frozenset(table().pronouns) | POINTING_BACK  # "she ..., something for her": no one new
    return frozenset(w for w in words if w in person_words() and w not in pronouns)
