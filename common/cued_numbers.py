"""Codes that their word makes a person's, for `common.redact`: the shopper's own account or member
id in a shop or an app ("my customer ID is CUST-00982174", "会員ID は AMZ-JP-77120345"), a
messenger handle ("微信号 chenhao_1990", "카톡 아이디 hyunwoo_lee92") and a card's expiry date
("exp 09/27", "تاريخ الانتهاء 11/26"). Nothing in their shape tells them from an order number, a
model code or a delivery date: only the word before them does, so each goes only right after
its word (redact.yaml: `account_id_cues`, `messenger_cues`, `card_expiry_cues`, closed classes),
with no order or other identifier word between ("customer id and order OD1234" keeps the order).
"""

from __future__ import annotations

import re
from functools import cache

from common.redact_words import cue_words_pattern

ID_TAG = "[ID]"
CARD_TAG = "[CARD]"
# Between the word and the code: a few words and marks on the same clause ("is", "on your app
# is", "は", ":"), no digit.
BETWEEN = r"(?P<between>[^\d\n.!?。;]{0,24}?)"
# An account or member id: letters, digits and dashes with a digit in it ("CUST-7734129").
ACCOUNT_ID = r"(?P<code>(?<![\w-])[A-Za-z0-9][A-Za-z0-9_.-]*\d[A-Za-z0-9_-]*)(?![\w-])"
# A messenger handle: a Latin letter first, then letters, digits, "_", "." or "-".
HANDLE = r"(?P<code>(?<![\w@.-])[A-Za-z][A-Za-z0-9_.-]{3,29})(?![\w@-])"
# A card's expiry: month and year, "09/27", "11 / 2026".
EXPIRY = r"(?P<code>(?<!\d)(?:0?[1-9]|1[0-2])[ \t]?[/-][ \t]?(?:20)?\d{2})(?![\d/])"


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    def after(key: str, code: str) -> re.Pattern[str]:
        # the cue's abbreviating dot ("member no. LM-5520193") is no sentence's end
        return re.compile(rf"(?P<cue>(?:{cue_words_pattern(key)})(?:(?<=\bno)\.)?){BETWEEN}{code}", re.I)

    return [
        (after("account_id_cues", ACCOUNT_ID), ID_TAG),
        (after("messenger_cues", HANDLE), ID_TAG),
        (after("card_expiry_cues", EXPIRY), CARD_TAG),
    ]


@cache
def _owned_by_other_word() -> re.Pattern[str]:
    """An identifier word between ("customer id and order OD1234"): the code is that one's."""
    return re.compile(cue_words_pattern("identifier_cues"), re.I)


def cued_codes(text: str) -> str:
    """The text with each account id, messenger handle and card expiry date right after its word
    replaced by its tag."""
    for pattern, tag in _patterns():

        def replace(m: re.Match[str], tag: str = tag) -> str:
            if _owned_by_other_word().search(m.group("between")):
                return m.group()
            return m.group()[: m.start("code") - m.start()] + tag

        text = pattern.sub(replace, text)
    return text
