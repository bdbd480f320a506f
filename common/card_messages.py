"""The signer of a quoted card message, for `common.redact`: a gift card's text ends with who sends
it ("… de parte de Carmen y los niños'", "… Dari Andi & Maya'", "„… dein Lukas“", "'… তোমার রুমা'",
"«… Твій син Андрій»", "'… ti vogliamo bene, Marco e Giulia'"). Where the words stand decides: at
the end of a quoted message, after a word that opens a signature (person_names.yaml:
`signer_words`, "from", "your", "love"; a relation word may follow it) or after the comma that
closes its last sentence, the given names joined by "and" (`couple_connectors`) are the signer's;
each written with a capital and a names list's in a cased script, or in a script without capitals
no word a sentence is made of and one a list's or no language uses often. A few words in lower
case may follow them ("y los niños"). A quote is a card message only after a word for the card or
for writing it (`card_words`): "'Diamond, Emerald, Ruby'" in a product's specification is none.
"""

from __future__ import annotations

from functools import cache

import regex

from common.name_words import NAME_TAG, _cased, _everyday_english, _frequent, _kind, _names_data, _not_name_words

# A quoted message: the quote marks of the languages of the data, paired.
QUOTE = regex.compile(
    r"'([^'\n]{4,300})'|\"([^\"\n]{4,300})\"|«([^»\n]{4,300})»|„([^“”\n]{4,300})[“”]|“([^”\n]{4,300})”|「([^」\n]{4,300})」"
)
WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*")
# Lower-case words after the names, up to the quote's end ("y los niños", "x").
TRAILING = regex.compile(r"(?:[ \t]+[\p{Ll}\p{M}]+){0,4}[ \t]*[.!…xX ]*$")


@cache
def _opener() -> regex.Pattern[str]:
    """A signature's opening word, or the comma or dash closing the last sentence, then perhaps a
    relation word."""
    signers = "|".join(regex.escape(w) for w in sorted(_names_data()["signer_words"], key=len, reverse=True))
    kin = "|".join(regex.escape(w) for w in sorted(_names_data()["kinship_words"], key=len, reverse=True))
    edge = r"(?<![\p{L}\p{M}])"
    return regex.compile(
        rf"(?:{edge}(?:{signers})(?![\p{{L}}\p{{M}}])[ \t,]*|[,，、][ \t]*|[ \t][-–—][ \t]*)"
        rf"(?:{edge}(?:{kin})(?![\p{{L}}\p{{M}}])[ \t]+)?",
        regex.I,
    )


@cache
def _connectors() -> frozenset[str]:
    return frozenset(_names_data()["couple_connectors"])


def _signer_word(word: str) -> bool:
    """A given name as a signature writes it."""
    if word.lower() in _not_name_words():
        return False
    kind = _kind(word)
    if _cased(word):
        return word[0].isupper() and kind == "listed" and not _everyday_english(word.lower())
    return kind != "" and not _frequent(word.lower())


def _names_to_end(message: str, start: int) -> int | None:
    """Where the given names from `start` end, when only lower-case words follow them to the
    message's end."""
    pos, end, expect_name = start, None, True
    for m in WORD.finditer(message, start):
        if message[pos : m.start()].strip(" \t&") not in ("",) and expect_name:
            break  # a mark between names
        word = m.group()
        if expect_name:
            if not _signer_word(word):
                break
            end, expect_name = m.end(), False
        elif word.lower() in _connectors() or message[pos : m.start()].strip() == "&":
            if word.lower() in _connectors():
                pos = m.end()
                expect_name = True
                continue
            if not _signer_word(word):
                break
            end = m.end()
        else:
            break
        pos = m.end()
    if end is None or not TRAILING.match(message, end):
        return None
    return end


@cache
def _card_word() -> regex.Pattern[str]:
    """A card's or writing's word shortly before the quote."""
    words = "|".join(regex.escape(w) for w in sorted(_names_data()["card_words"], key=len, reverse=True))
    return regex.compile(rf"(?:{words})[^'\"«„“「\n]{{0,40}}$", regex.I)


def card_signers(text: str) -> str:
    """The text with the given names that sign a quoted card message replaced by "[NAME]"."""
    spans: list[tuple[int, int]] = []
    for quote in QUOTE.finditer(text):
        if not _card_word().search(text, max(0, quote.start() - 60), quote.start()):
            continue  # a quoted name of a product or a specification: no card message
        group = next(i for i in range(1, 7) if quote.group(i) is not None)
        base, message = quote.start(group), quote.group(group)
        for opener in _opener().finditer(message):
            end = _names_to_end(message, opener.end())
            if end:
                spans.append((base + opener.end(), base + end))
                break
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + NAME_TAG + text[end:]
    return text
