"""The writer's name after a self-introduction opening its clause, for `common.redact`:
"Bonjour, c'est Maëlle Durand, je suis joignable au [PHONE]", "sono Gianluca, [PHONE] è il mio
cell", "hola, le escribe Íñigo, mi DNI [ID]", "…, it's Bronwyn".

The cue (`self_introduction_cues` in person_names.yaml: "it's", "c'est", "sono", "soy", "le
escribe") says a name follows only where it opens its clause (the message's start, after a
greeting or a punctuation mark): mid-sentence "it's Samsung" or "c'est Philips" is a thing.
The name fills the clause up to a punctuation mark or the end. Two to four words are read as
after an explicit label (`_clause_name_end`: no word a sentence is made of, capitalised, one a
names list holds or no language uses often) and as a full name after a cue (`_full_name`: one
a names list's, one no everyday English word, so "it's Golden Brown" stays); one word alone only in a message that gives its
writer's contact or identity details (a tag found already), and only a capitalised word no
language uses often or a names list's given name, no everyday English word.
"""

from __future__ import annotations

import re
from functools import cache

from common.name_cues import _product_follows
from common.name_reading import _CLAUSE_AFTER_NAME, _clause_name_end
from common.name_words import (
    _WORD,
    NAME_TAG,
    _cue_pattern,
    _everyday_english,
    _frequent,
    _full_name,
    _kind,
    _names_data,
    _not_name_words,
    merged_spans,
)

_HOLDER_TAGS = re.compile(r"\[(?:PHONE|EMAIL|UPI|IBAN|CARD|ID|DOB|ADDRESS|POSTCODE)\]")


@cache
def _opening_cue() -> re.Pattern[str]:
    """A self-introduction cue at its clause's opening: the text's start, a punctuation mark or
    a greeting before it."""
    greeting = r"(?:hi|hello|hey|hola|bonjour|salut|ciao|hallo|olá|ola|oi|namaste)"
    return re.compile(
        rf"(?:^|[,.!?;:\n–—-]|\b{greeting})[ \t]*(?P<cue>{_cue_pattern('self_introduction_cues')})[ \t]+", re.I
    )


def _lone_name_end(text: str, pos: int) -> int | None:
    """One capitalised word filling its clause: a names list's or one no language uses often."""
    m = _WORD.match(text, pos)
    if not m or not _CLAUSE_AFTER_NAME.match(text, m.end()):
        return None
    word = m.group()
    bare = word.lower()
    if len(word) < 3 or not word[0].isupper() or bare in _not_name_words():
        return None
    if _kind(word) not in ("listed", "uncommon") or _frequent(bare) or _everyday_english(bare):
        return None
    return m.end()


def self_introduced_names(text: str) -> str:
    """The text with the name after a clause-opening self-introduction replaced by "[NAME]"."""
    spans = []
    holder = bool(_HOLDER_TAGS.search(text))
    for cue in _opening_cue().finditer(text):
        if text.startswith("[", cue.end()):
            continue  # a tag already
        said = cue.group("cue").lower()
        lone = holder and said not in _names_data()["self_introduction_cues_ambiguous"]
        end = _clause_name_end(text, cue.end())
        # the cue is no label: one of the words a names list's, one no everyday English word
        # ("it's Golden Brown" is a colour)
        if end and not _full_name([w.group() for w in _WORD.finditer(text, cue.end(), end)], False):
            continue
        end = end or (_lone_name_end(text, cue.end()) if lone else None)
        # a brand before its product's quantity or model ("its Milton Thermosteel, 1 litre")
        if end and not _product_follows(text, end):
            spans.append((cue.end(), end))
    for start, end in sorted(merged_spans(spans), reverse=True):
        text = text[:start] + NAME_TAG + text[end:]
    return text
