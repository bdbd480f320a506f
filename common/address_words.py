"""The words, shapes and clause edges that the address readers share (`common.address` and its
steps), from the word lists of common/data/redact.yaml (read through `common.redact_words`).
"""

from __future__ import annotations

import re
from functools import cache

from common.redact_words import INDIC_MARKS, cue_words_pattern, word_list, words_pattern

TAG = re.compile(r"\[[A-Z]+\]")

ADDRESS_TAG = "[ADDRESS]"

# A clause ends at ! ? ; : or a full stop before a word (not "No. 5"), a dash set in spaces, a
# line break: an address does not run across one. Not the dot of an initial or of an address
# abbreviation ("T. Nagar", "Co. Dublin", "ul. Marszałkowska"): see `_clause_end`.
# A full stop before a tag a step already wrote ends its clause as before the words it stands for
# ("(ref SOF-GRY-3S). [ADDRESS], Glasgow …": the ref code is no part of the street line).
# An arrow set in spaces too ("order BLR-99310 → #88, 3rd Cross, …": the order's code is no house number).
# Redaction reads text folded (common/matching_form.py), where an em or en dash is "-": a hyphen
# set in spaces is that dash ("சென்னை 600017 — 6 அடி டேபிள்": the table is no part of the address),
# unless a number alone follows it to the clause's end: a city's postcode ("Bangalore - 560011.").
CLAUSE_END_SHAPE = r"[!?;:](?=\s|$)|[。！？；।॥۔]|\.(?=\s+(?:[^\W\d]|\[[A-Z]+\])|\s*$)|\s[—–]\s|\s-\s(?![\d ]+(?:[.,;!?\n]|$))|\s(?:[→⇒➔➜➡]|->|=>)\s|\n"

# An Indic initial: one consonant and its vowel sign, then a dot ("தி. நகர்", "एम. जी. रोड"); the
# sign is no word character, so the single-letter test of `_clause_end` does not see it.
INDIC_VOWEL_SIGNS = "".join(rf"\u{base + 0x3E:04x}-\u{base + 0x4D:04x}" for base in range(0x0900, 0x0D80, 0x80))
INDIC_INITIAL = rf"(?<!(?<![^\W\d_])[^\W\d_][{INDIC_VOWEL_SIGNS}])"

# The dot of a German-style ordinal before a floor word ends no clause either ("3. OG", "2. Stock").
ORDINAL_DOT = r"(?<=\d)\.(?=\s+(?:{floors})\b)"


# House numbers: "221B", "14/2", "7-2-1012", "B-204", "#45", "4th".
HOUSE_NUMBER = re.compile(r"#?(?:[A-Za-z]{1,2}-?)?\d{1,5}(?:[/-][0-9A-Za-z]{1,5})*[A-Za-z]?|\d{1,3}(?:st|nd|rd|th)")

CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ]")


@cache
def _clause_end() -> re.Pattern[str]:
    abbreviations = "".join(rf"(?<!\b{re.escape(a)})" for a in word_list("address_abbreviations"))
    ordinal_dot = ORDINAL_DOT.format(floors=words_pattern("floor_words"))
    return re.compile(rf"(?<!\b[^\W\d_]){INDIC_INITIAL}{abbreviations}(?!{ordinal_dot})(?:{CLAUSE_END_SHAPE})", re.I)


def _clause_start(text: str, at: int) -> int:
    # the whole text is searched, so that a clause end's lookahead sees past `at`
    return max((m.end() for m in _clause_end().finditer(text) if m.end() <= at), default=0)


# Thai glues the ward, sub-district, village and lane words to their names ("แขวงสะพานสอง")
THAI_LOCALITY = ("แขวง", "ตำบล", "หมู่บ้าน", "ซอย")


@cache
def _address_words() -> frozenset[str]:
    words = [*word_list("street_suffixes"), *word_list("address_words")]
    return frozenset(w.lower().rstrip(".") for w in words)


@cache
def _connectors() -> frozenset[str]:
    return frozenset(word_list("address_connectors"))


@cache
def _address_cue() -> re.Pattern[str]:
    # not the [ADDRESS] tag itself
    return re.compile(rf"(?<!\[)\b(?:{words_pattern('address_cues')})\b(?:\s*(?:is|:|-))?\s*", re.I)


@cache
def _not_after_unit() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("not_after_unit_number"))


@cache
def _unit_words() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("unit_words"))


def _address_like(token: str) -> bool:
    """A number, a capitalised name, an address word or a connector ("no", "de"): words that
    make up an address line, unlike the lower-case words of the chat around it."""
    if ADDRESS_TAG in token:
        return True
    if TAG.search(token):
        return False  # a phone, card or postcode tag ends an address
    word = token.strip(".,()'\"")
    if not any(ch.isalnum() for ch in word):
        return True  # "-", "/", "&"
    return (
        any(ch.isdigit() for ch in word)
        or bool(CAPITALISED.match(word))
        or word.lower() in _address_words()
        or word.lower() in _connectors()
    )


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in re.finditer(r"\S+", text)]


@cache
def _street_kinds() -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in word_list("street_suffixes"))


@cache
def _unit_word_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words_pattern('unit_words')})\.?\s*(?:no\.?\s*)?[:#]?\s*$", re.I)


def _after_unit_word(text: str, start: int) -> bool:
    """ "Flat 1102": a unit's number, not a postcode, though four digits are one in many lands."""
    return bool(_unit_word_before().search(text[max(0, start - 20) : start]))


@cache
def _address_label() -> re.Pattern[str]:
    return re.compile(rf"(?:{cue_words_pattern('address_labels')})|\[ADDRESS\]", re.I)


@cache
def _labelled_line_start() -> re.Pattern[str]:
    """An address label and its colon or dash: "адрес:", "ঠিকানা:", "Adresse :", "住所："."""
    # one word may stand between the label and its colon, as languages that put the adjective
    # after write it ("العنوان الجديد:", "dirección nueva:", "adresse complète :"; set I)
    return re.compile(
        rf"(?:{cue_words_pattern('address_labels')})(?:[ \t]+[^\W\d_][\w{INDIC_MARKS}]{{0,14}}(?=[ \t]*[:：]))?"
        rf"[ \t]*(?:[:：]|[-–—](?=[ \t]))[ \t]*",
        re.I,
    )


def _apply(text: str, spans: list[tuple[int, int, str]]) -> str:
    last = len(text) + 1
    for start, end, tag in sorted(spans, reverse=True):  # the longest of those at one start
        if end <= last:
            text = text[:start] + tag + text[end:]
            last = start
    return text
