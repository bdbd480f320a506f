"""The words around a number that say whose it is, for the readers of numbers in `common.redact`
(cards, phones): an identifier's word ("order no", "AWB number", "imei") makes the digits after it
an identifier, a phone word ("call me on") makes them a phone number, a word for the shop's own
line makes them shop text. The words are data (common/data/redact.yaml)."""

from __future__ import annotations

import re
from functools import cache

from stdnum import ean

from common.product_kinds import kind_words
from common.redact_words import cue_words_pattern, word_list, words_pattern  # one reading of redact.yaml
from common.text import singular


@cache
def phone_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:{cue_words_pattern('phone_cues')})[^\d+()]{{0,20}}$", re.I)


@cache
def identifier_cue() -> re.Pattern[str]:
    # the word, then "no", "#", ":" or tokens of the identifier itself ("tracking 1Z 999 AA1 ...",
    # "ISBN-10: ...")
    # the word's edges hold in any script: "ऑर्डर 30551872", "订单号2025…"
    return re.compile(
        # the number's own mark in other languages too: "Заказ № …", "nº", "nr", Arabic "رقم"
        rf"(?:{cue_words_pattern('identifier_cues')})\s*(?:(?:no\.?|number|num|id|#|:|is|-|№|n[º°]\.?|nr\.?|رقم)\s*)*"
        # or an arrow to the id it becomes ("Exchange: item 2226219750 -> 4510078629")
        rf"(?:[\w-]*\d[\w-]*[:,]?\s+(?:(?:and|or|&|->|→|=>)\s+)?)*$",
        re.I,
    )


@cache
def identifier_after() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{cue_words_pattern('identifier_cues_after')})", re.I)


@cache
def _number_of_record() -> re.Pattern[str]:
    heads, links = words_pattern("number_of_record_heads"), words_pattern("number_of_record_links")
    return re.compile(rf"(?<!\w)(?:{heads})\s+(?:{links})\s+(?:(?:the|my|this|that|your|ur)\s+)?$", re.I)


def named_as_identifier(text: str, start: int) -> bool:
    """An identifier word owns the digits at `start` ("AWB number 7845123690", "order no …"),
    unless, with nothing between it and the digits, it is where a number of the person is written
    ("the number on the order 99876 54321"; not "the phone on order #40921876")."""
    before = text[max(0, start - 40) : start]
    cue = identifier_cue().search(before)
    if not cue:
        return False
    if not identifier_word().fullmatch(cue.group().rstrip()):
        return True  # its own number's mark ("order #40921876", "order no. …"): the identifier's
    head = _number_of_record().search(text[: start - len(before) + cue.start()][-40:])
    return not head or bool(identifier_cue().search(text[: start - len(before) + cue.start() - len(head.group())]))


@cache
def _shop_contact() -> re.Pattern[str]:
    return re.compile(rf"(?:{cue_words_pattern('shop_contact_cues')})(?P<between>[^.!?\n。]{{0,40}})$", re.I)


def shops_own(text: str, start: int) -> bool:
    """A word for the shop's own line, desk or counter shortly before `start` in its sentence, and
    none of the shopper's own between: "ur call centre 080-4718-2200", "the QR at ur counter shows
    …@hdfcbank" are shop text; "your shop id but … my own id is …@axl" is not."""
    cue = _shop_contact().search(text[max(0, start - 60) : start])
    return bool(cue) and not re.search(cue_words_pattern("personal_owner_words"), cue.group("between"), re.I)


@cache
def identifier_word() -> re.Pattern[str]:
    return re.compile(rf"(?:{cue_words_pattern('identifier_cues')})", re.I)


def product_code(digits: str) -> bool:
    """A 12-14 digit UPC, EAN (ISBN-13 is one) or GTIN-14 barcode written as one run, with a
    valid check digit: shop text, neither a card nor a phone number."""
    return digits.isdigit() and 12 <= len(digits) <= 14 and ean.is_valid(digits)


# The word right before a number, with spaces alone between ("the Laptop 8997785118").
_WORD_BEFORE = re.compile(r"(?<![\w'-])(?P<word>[^\W\d_]{3,})[ \t]+$")


def item_of_kind(text: str, start: int, end: int) -> bool:
    """Digits written as one run right after a kind of product, capitalised as an item's name is
    ("need the Laptop 8997785118", "Perfume 9007697085 - is that the men's one?"): that item's id or model number, though a
    region's plan would take the digits for a mobile number. Not after a kind that also says whose
    number it is (`kinds_not_naming_items`: "card", "driver", "house"), nor where a phone word
    stands shortly before ("call the driver 9845012345")."""
    if not text[start:end].isdigit():
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if not before:
        return False
    # written as a catalog writes an item's name, with a capital: lower case, the taxonomy's
    # one-word types are as often a sentence's words ("use the new one 7305512345", set AD x47)
    if not before.group("word")[0].isupper():
        return False
    word = singular(before.group("word").lower())
    if word not in kind_words() or word in word_list("kinds_not_naming_items"):
        return False
    return not phone_cue().search(text[max(0, start - 40) : start])
