"""A model name in the spacing the shop's titles write it: "mi4i" as "mi 4i", "wagon r" as "wagonr".

Model names have no fixed spacing: shoppers write "mi4i", "wagon r", "i 10", where the shop's
titles say "xiaomi mi 4i", "maruti wagonr", "i10". Read as said, the must-have the model names
("xiaomi mi4i", "wagon r") is a word no title holds, so the one product that fits was turned down
(held-out AH q09: "tempered glass screen guard for xiaomi mi4i" got "we don't carry"; AH q03: "a
sunshade ... of a wagon r" lost the car and showed sun shades for others; AG q20 the same).

Only a model's pieces are respaced: a token that mixes letters and digits ("mi4i", "i10"), or two
tokens one of which is a single letter or holds a digit ("wagon r", "i 10"). The shop's form is
taken only where the shop knows it and not the shopper's: the split pair is a phrase of its
titles and the joined token is no word of them, or the joined word is one of its words and the
pair is no phrase of them. Ordinary words are never joined or split ("sun shade" / "sunshade"
are kinds, which `assistant.type_resolution` reads either way).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TOKEN = re.compile(r"[A-Za-z0-9]+")


def _modelish(token: str) -> bool:
    """A piece of a model's name: a single letter, or letters and digits together."""
    return (len(token) == 1 and token.isalpha()) or (
        any(c.isdigit() for c in token) and any(c.isalpha() for c in token)
    )


def _joinable(a: str, b: str) -> bool:
    """Two tokens that may be one model's name split: a word and a letter after it ("wagon r";
    not the article or pronoun "a", "i"), or a word and a piece with a digit ("redmi 2s")."""
    if not a.isalpha() or len(a) < 2:
        return False
    return (len(b) == 1 and b.isalpha() and b not in "ai") or _modelish(b) and len(b) > 1


def _split(token: str, knows_word: Callable[[str], bool], has_phrase: Callable[[list[str]], bool]) -> str | None:
    low = token.lower()
    if not _modelish(low) or len(low) < 3 or knows_word(low):
        return None
    for i in range(1, len(low)):
        pair = [low[:i], low[i:]]
        if has_phrase(pair):
            return f"{token[:i]} {token[i:]}"
    return None


def shop_spacing(text: str, knows_word: Callable[[str], bool], has_phrase: Callable[[list[str]], bool]) -> str:
    """`text` with each model name respaced the way the shop's titles write it; the rest as said."""
    tokens = list(_TOKEN.finditer(text))
    out: list[str] = []
    last = 0
    i = 0
    while i < len(tokens):
        m = tokens[i]
        out.append(text[last : m.start()])
        last = m.end()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and text[m.end() : nxt.start()] == " ":
            a, b = m.group().lower(), nxt.group().lower()
            if _joinable(a, b) and knows_word(a + b) and not has_phrase([a, b]):
                out.append(m.group() + nxt.group())
                last = nxt.end()
                i += 2
                continue
        out.append(_split(m.group(), knows_word, has_phrase) or m.group())
        i += 1
    out.append(text[last:])
    return "".join(out)
