"""A family name alone after the word for the household or its door bell, for `common.redact`:
"citofono Esposito", "Lieferung an Familie Brandstätter", "sonnette Lefèvre". A delivery is
told which bell to ring or which family lives there by its surname: a person's name, though a
surname alone stays elsewhere ("the Philips one"). The words are data (`household_name_cues` in
person_names.yaml, a closed class: household and door-bell words). The name is one capitalised
word a names list holds or no language uses often, no word a sentence is made of.
"""

from __future__ import annotations

import re
from functools import cache

from common.name_words import (
    _WORD,
    NAME_TAG,
    _cue_pattern,
    _everyday_english,
    _frequent,
    _kind,
    merged_spans,
)


@cache
def _household_cue() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?:{_cue_pattern('household_name_cues')})(?:[ \t]*:)?[ \t]+", re.I)


def _surname_end(text: str, pos: int) -> int | None:
    m = _WORD.match(text, pos)
    if not m or len(m.group()) < 3 or not m.group()[0].isupper():
        return None
    bare = m.group().lower()
    if _kind(m.group()) not in ("listed", "uncommon") or _frequent(bare) or _everyday_english(bare):
        return None
    return m.end()


def household_names(text: str) -> str:
    """The text with the surname after a household or door-bell word replaced by "[NAME]"."""
    spans = []
    for cue in _household_cue().finditer(text):
        end = _surname_end(text, cue.end())
        if end:
            spans.append((cue.end(), end))
    for start, end in sorted(merged_spans(spans), reverse=True):
        text = text[:start] + NAME_TAG + text[end:]
    return text
