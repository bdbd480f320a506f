"""A full name filling a clause of its own in a message that gives contact or identity details,
for `common.redact`: at the message's opening ("Francesca Conti. Nata il [DOB]", "Kasia
Zielińska, mail [EMAIL]"), or right after a detail's tag ("PPS number [ID], Siobhán Ní Bhriain,
…") or a sentence's end ("… [POSTCODE] please. Aroha Ngata."). The details say a person writes;
a clause holding only two to four name words beside them is that person's name. Read as a full
name after a cue (`_clause_name_end` and `_full_name`: capitalised, no word a sentence is made
of, one a names list's, one no everyday English word), and no brand before its product.
"""

from __future__ import annotations

import re

from common.name_cues import _product_follows
from common.name_reading import _clause_name_end
from common.name_words import _WORD, NAME_TAG, _full_name, merged_spans

_HOLDER_TAGS = r"\[(?:PHONE|EMAIL|UPI|IBAN|CARD|ID|DOB|ADDRESS|POSTCODE)\]"
# where a clause of its own opens: the message's start, a detail's tag and a comma, a sentence's end
_CLAUSE_OPENING = re.compile(rf"^[ \t]*|{_HOLDER_TAGS}[ \t]*,[ \t]*|(?<=[^\W\d_]{{2}})[.!?][ \t]+|\n[ \t]*")


def clause_names(text: str) -> str:
    """The text with a full name filling its clause beside the writer's details replaced by "[NAME]"."""
    if not re.search(_HOLDER_TAGS, text):
        return text
    spans = []
    for opening in _CLAUSE_OPENING.finditer(text):
        end = _clause_name_end(text, opening.end())
        if not end or _product_follows(text, end):
            continue
        if _full_name([w.group() for w in _WORD.finditer(text, opening.end(), end)], False):
            spans.append((opening.end(), end))
    for start, end in sorted(merged_spans(spans), reverse=True):
        text = text[:start] + NAME_TAG + text[end:]
    return text
