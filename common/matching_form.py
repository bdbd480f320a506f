"""The form personal data is matched in, and the way back to the text as written.

People type "＠" and "９８４５０" on a phone keyboard set to full width, paste numbers with
non-breaking or ideographic spaces, write digits in their own script ("९८४५०"), sign off after
an em dash ("thanks — Jan") or hide a number from a filter with a zero-width space. Every
pattern in common/redact.py is written for ASCII punctuation and digits; rather than teach each
one every variant, the text is matched in one folded form: each character that Unicode's
compatibility mapping (NFKC) turns into a single other character becomes that character, every
decimal digit its ASCII digit, every dash "-", and invisible format characters go.

Redaction runs on the folded text; `restore` then puts back the text as written wherever
redaction left it alone, so that "１０ UK" or "₹1,299/-" in a message are saved as typed.
difflib aligns the two (the stdlib's sequence matcher): the tags are written as single private
characters that no text holds, so only text redaction kept can match.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache

# Dashes and minus signs NFKC leaves as they are.
DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58")


@cache
def _fold_char(ch: str) -> str:
    """The character's matching form: itself, another single character, or "" (invisible)."""
    if ch in DASHES:
        return "-"
    category = unicodedata.category(ch)
    if category == "Cf":
        return ""  # zero-width space, joiners, soft hyphen, byte order mark
    if category == "Nd":
        return str(unicodedata.decimal(ch))
    compat = unicodedata.normalize("NFKC", ch)
    # one character for one keeps the way back simple; "½" -> "1⁄2" or "™" -> "TM" stay
    return compat if len(compat) == 1 else ch


def fold(text: str) -> tuple[str, list[int]]:
    """The text in its matching form, and for each of its characters the index of the
    character of `text` it came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = ch if ch.isascii() else _fold_char(ch)
        if folded:
            out.append(folded)
            origin.append(i)
    return "".join(out), origin


def restore(text: str, folded: str, origin: list[int], redacted: str, tags: re.Pattern[str]) -> str:
    """`redacted` (the folded text with some stretches replaced by tags) with every stretch it
    kept written as in `text`."""
    if redacted == folded:
        return text
    names = {m.group() for m in tags.finditer(redacted)}
    # private-use characters, one a tag, stand for the tags while the texts are aligned
    private = {tag: chr(0xF0000 + i) for i, tag in enumerate(sorted(names))}
    back = {v: k for k, v in private.items()}
    marked = tags.sub(lambda m: private[m.group()], redacted)
    out: list[str] = []
    matcher = SequenceMatcher(None, folded, marked, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(text[origin[i1] : origin[i2 - 1] + 1])
        else:
            out.append("".join(back.get(ch, ch) for ch in marked[j1:j2]))
    return "".join(out)
