"""One spelling of an -ise / -ize word: the one the shop writes, else the type vocabulary's.

"a desk organiser" was read as a desk (a session-9 chat): the type vocabulary spells
"organizer", so the British form was no word of a kind and the head fell to "desk". A shop that
writes "organiser" (an Indian or British catalog) keeps the shopper's "organiser" and reads an
American "organizer" its own way. No library does this for a closed suffix set this small;
a spelling dictionary would also rewrite words the catalog itself spells the other way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

# organise/organize, organiser(s), sanitiser, moisturiser, customisation, ...
ISE_IZE = re.compile(r"\b([a-z]{3,})i([sz])(e|es|ed|er|ers|ing|ation|ations)\b", re.I)


def one_spelling(text: str, shop_knows: Callable[[str], bool], type_words: Collection[str]) -> str:
    """The text with each -ise / -ize word in the form the shop's products write, else in the
    form the type vocabulary knows; a word neither knows in the other form stays as said."""

    def pick(m: re.Match[str]) -> str:
        said = m.group(0)
        other = f"{m.group(1)}i{'z' if m.group(2).lower() == 's' else 's'}{m.group(3)}"
        if shop_knows(said.lower()):
            return said
        if shop_knows(other.lower()) or (other.lower() in type_words and said.lower() not in type_words):
            return other
        return said

    return ISE_IZE.sub(pick, text)
