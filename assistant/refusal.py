"""What a shopper says they do not want: the one reading of a refusal cue.

A colour ("anything but black"), a kind ("he hates jeans", "not a sweater, a jacket") and a
recorded attribute ("not a fan of leather") are refused by the same words: cue phrases and
refusal verbs in every form (`steering.json`, follow_up_reading.refusal_cues, refusal_verbs),
with determiners allowed between (`kind_determiners`: "no more kurtas", "not a sweater").
`colour_negation`, `kind_refusal`, `refused_attributes` and the type reading
(`type_resolution`) all ask this module, so a cue added here refuses everywhere.
"""

from __future__ import annotations

from assistant.steering import steering

_READING = steering()["follow_up_reading"]
ARTICLES = frozenset({"a", "an", "the"})
DETERMINERS = frozenset(_READING["kind_determiners"])


def verb_forms(verb: str) -> set[str]:
    """A regular verb's forms: "hate" -> hate, hates, hated, hating; "avoid" -> avoids, avoided,
    avoiding. A refusal is said in any tense and person ("she hates white", "we avoided red")."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return {verb, verb + "s", stem + "ed", stem + "ing"}


# Longest first, so a regex alternation tries "not a fan of" before "not".
CUES = sorted(
    {*_READING["refusal_cues"], *(f for v in _READING["refusal_verbs"] for f in verb_forms(v))},
    key=len,
    reverse=True,
)
CUE_PHRASES = tuple(tuple(c.split()) for c in CUES)


def answers_not_refuses(cue: str, between: list[str]) -> bool:
    """ "no" before an article answers the last reply and refuses nothing ("no a speaker please",
    "no, the blue one"); "no shoes", "no more bottles" refuse."""
    return cue.lower() == "no" and bool(ARTICLES & {w.lower() for w in between})


def follows_refusal(words: list[str], i: int) -> bool:
    """Whether the word at i follows a refusal cue, determiners between ("not perfume", "so no
    shoes", "anything but a watch", "she hates jeans")."""
    j = i
    while j > 0 and words[j - 1] in DETERMINERS:
        j -= 1
    cues = [p for p in CUE_PHRASES if j >= len(p) and tuple(words[j - len(p) : j]) == p]
    if not cues:
        return False
    return not (cues == [("no",)] and answers_not_refuses("no", words[j:i]))
