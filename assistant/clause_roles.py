"""The role a named kind plays in its clause, read from its place in the sentence: the subject a
verb says something of ("the whole flat stinks", "his coffee is terrible"), not a thing asked
for. Used by `assistant.type_resolution` with the clause's other story cues (`_told`).

Without a part-of-speech tagger, a verb right after a noun is told by a closed class (copulas,
auxiliaries and the irregular past forms of everyday mishaps: `subject_verbs` in
`assistant/data/type_resolution.json`) or by its form: an "-s" word whose stem is an English
word, and that names no kind itself ("stinks", "bounces"; "phone covers" is one
kind and never reaches here).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from assistant.audience import table as audience_table
from assistant.spelling import ordinary_words
from assistant.vocabulary import DATA
from common.text import STOPWORDS

_RESOLUTION = json.loads((DATA / "type_resolution.json").read_text(encoding="utf-8"))
SUBJECT_VERBS = frozenset(_RESOLUTION["subject_verbs"])
# adverbs that may stand between a subject and its verb ("my bag ALWAYS tears")
_SKIPPED = audience_table().story.skipped


def verb_follows(words: list[str], end: int, names_kind: Callable[[list[str]], bool]) -> bool:
    """Whether a verb follows the noun phrase that ends before `end`: that phrase is the
    subject of a clause that tells something of it."""
    k = end
    while k < len(words) and words[k] in _SKIPPED:
        k += 1
    if k >= len(words):
        return False
    word = words[k]
    if word in SUBJECT_VERBS:
        return True
    if word in STOPWORDS:
        return False  # a function word ending in "s" is no verb: "boots THIS time" (set R)
    known = ordinary_words()
    stem = word[:-2] if word.endswith("es") and word[:-2] in known else word[:-1]
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
        and stem in known
        and not names_kind([word])
        and not names_kind([stem])
    )
