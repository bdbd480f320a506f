"""Where in life the person a request is for stands, told in words rather than an age: a school
stage ("she's in LKG", "he just started school"), a role ("my student sister"), or the shopper
describing themselves ("i'm a girl").

`audience.read_audience` reads a person's gender from the relation or pronoun and their age group
from an age in years; these words say the age group where no age is given. The words are closed
classes kept as data in `assistant/data/audiences.json` (group_words, enrolment_cues, self_copula).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "audiences.json"
# Words that may stand between a group word and the person it tells of ("school going niece").
LINKS = frozenset({"going", "goer", "age", "aged"})


@cache
def audience_data() -> dict:
    """`data/audiences.json`, read once for the readers that take its closed classes as they are."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def told_group(words: list[str], people: frozenset[str]) -> str | None:
    """The age group a group word tells of a person: right before a person word ("my teenage
    sister", "a student sister", "a school going niece") or right after a cue of being enrolled
    with no article between ("she's in LKG", "he just started school"; not "teaches in a school",
    where the school is a place). None where no group word is told so."""
    groups: dict[str, str] = audience_data()["group_words"]
    cues = frozenset(audience_data()["enrolment_cues"])
    for i, w in enumerate(words):
        if w not in groups:
            continue
        after = words[i + 1 : i + 3]
        before_person = bool(after) and (after[0] in people or (after[0] in LINKS and after[1:] and after[1] in people))
        if before_person or (i and words[i - 1] in cues):
            return groups[w]
    return None


def self_described(words: list[str], i: int) -> bool:
    """The word at `i` follows the shopper's own "i'm a" / "i am a": they describe themselves."""
    return any(tuple(words[max(0, i - len(c)) : i]) == tuple(c) for c in audience_data()["self_copula"])


def child_gender(audience: str) -> str | None:
    """The gender of a child's audience ("girls" -> female); None for one without ("kids")."""
    gender = next(
        (k.split()[0] for k, v in audience_data()["audience"].items() if v == audience and k.endswith(" child")), None
    )
    return gender if gender and gender != "null" else None


def for_the_speaker(words: list[str], people: frozenset[str]) -> bool:
    """The message asks for the shopper themself ("and a headlamp for me") and names no one else:
    an audience read from someone else earlier is not theirs."""
    phrases = [tuple(p) for p in audience_data()["for_the_speaker"]]
    said = any(tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words)))
    return said and not people & set(words)
