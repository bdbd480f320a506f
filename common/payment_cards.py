"""Payment card numbers and IBANs in free text, for `common.redact`. `python-stdnum` checks them
(Luhn for cards, ISO 13616 mod-97 with each country's length and layout for IBANs); what no
library does is find the candidates in free text: the regexes here, each confirmed by its checksum,
and the printed layouts of each card network (common/data/redact.yaml) for a card typed with one
digit wrong."""

from __future__ import annotations

import re
from functools import cache

from stdnum import iban, luhn

from common.number_cues import identifier_cue, identifier_word, product_code
from common.redact_words import NOT_AFTER_WORD, NOT_BEFORE_WORD, card_networks, cue_words_pattern

# An IBAN: country code, two check digits, then 11-30 letters or digits, written in one run or
# in groups of four set apart by spaces or dashes (the last group shorter), or in groups of any
# length as retyped ("DE89 37040044 0532013000"); confirmed by mod-97 and the country's length
# and layout, so words of that shape stay.
IBAN = re.compile(
    r"\b[A-Z]{2}\d{2}(?:(?:[ -][A-Z0-9]{4}){2,7}(?:[ -][A-Z0-9]{1,3})?|[A-Z0-9]{11,30}|(?:[ -]?[A-Z0-9]*\d[A-Z0-9]*){2,8})\b",
    re.I,
)
# Digit groups joined by spaces, a dot, dash, comma, slash or underscore ("4111.1111.1111.1111",
# "$4,012,888,...", "4111/1111/..."); a card is 13-19 of those digits passing Luhn, found by
# `tag_cards` among the groups.
# Beside a Chinese, Japanese or Korean character with no space a number stands alone ("银联卡6202…付款").
DIGIT_GROUPS = re.compile(
    rf"{NOT_AFTER_WORD}(?<![.,/-])\d+(?:(?: +|[.,/_-])\d+)+{NOT_BEFORE_WORD}(?!-)"
    rf"|{NOT_AFTER_WORD}(?<![.,/-])\d{{13,19}}{NOT_BEFORE_WORD}(?!-)"
)
SEPARATED = re.compile(r" +|[.,/_-]")


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum every payment card number satisfies."""
    return luhn.is_valid(digits)


def iban_ok(candidate: str) -> bool:
    """mod-97 and the registry's length and layout for the country. Not the national check digits
    some countries add inside the account number (Belgium's mod-97, France's RIB key): a number
    typed with one of those wrong still names someone's account, and published examples fail it."""
    return iban.is_valid(candidate, check_country=False) or _mistyped_iban(candidate)


def _mistyped_iban(candidate: str) -> bool:
    """Printed as banks print an IBAN (country code in capitals, groups of four, the last shorter)
    and in the registry's length and layout for the country, but failing mod-97: a digit mistyped,
    or a number made up for an example, still names someone's account. Checked by putting the
    right check digits in and reading the layout."""
    groups = re.split(r"[ -]", candidate)
    printed = len(groups) >= 4 and all(len(g) == 4 for g in groups[:-1]) and 1 <= len(groups[-1]) <= 4
    if not printed or not re.fullmatch(r"[A-Z]{2}\d{2}", groups[0]):
        return False
    compact = "".join(groups).upper()
    if not compact.isalnum():
        return False
    fixed = compact[:2] + iban.calc_check_digits(compact) + compact[4:]
    return iban.is_valid(fixed, check_country=False)


def tag_iban(match: re.Match[str]) -> str:
    """Grouped, the pattern may take words along on either side ("UK10 fits GB29 NWBK ...",
    "... 3000 more"): try each group that opens like an IBAN, and the stretches from it that end
    between groups, longest first; keep the words around the valid one."""
    text = match.group()
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch in " -"]
    for start in starts:
        if not re.match(r"[A-Za-z]{2}\d{2}", text[start:]):
            continue
        ends = [len(text)] + [i for i in range(len(text) - 1, start + 14, -1) if text[i] in " -"]
        for end in ends:
            if iban_ok(text[start:end]):
                return text[:start] + "[IBAN]" + text[end:]
    return text


@cache
def _card_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:{cue_words_pattern('card_cues')})[^\d]{{0,20}}$", re.I)


def _card_layout(text: str) -> bool:
    """Cards are printed in groups of 4 to 6 digits (4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3), retyped
    in halves of 8 (8-8, 4-8-4), or in one run. A seven-digit group is a marketplace order id's
    ("112-3344556-7788990"), a longer one no card's: such a run is no card, whatever a Luhn check
    on some of its digits says."""
    groups = SEPARATED.split(text)
    return len(groups) == 1 or all(len(g) <= 8 and len(g) != 7 for g in groups)


def _card_groups(part: str) -> bool:
    """Groups a card is written in (see `_card_layout`), or one digit at a time; the first and
    last group may be shorter ("4,012,888,888,881,881" read as a price). A list of two-digit
    numbers ("sizes 28 30 32 34 36 38 40") is not one, though 1 in 10 such lists passes Luhn."""
    groups = SEPARATED.split(part)
    if len(groups) == 1 or all(len(g) == 1 for g in groups):
        return True
    return all(3 <= len(g) for g in groups[1:-1]) and _card_layout(part)


def tag_cards(match: re.Match[str]) -> str:
    """Tag the longest run of whole digit groups that is a card number; keep the rest. After a
    word such as "card" or "visa", 13-19 digits are a card even when a digit is mistyped."""
    text = match.group()
    digits = re.sub(r"\D", "", text)
    before = match.string[max(0, match.start() - 40) : match.start()]
    # "card 41111111 11111111": whatever the grouping; not where an identifier word owns the
    # number ("gift card no ...": a store's voucher, not a payment card)
    if 13 <= len(digits) <= 19 and _card_cue().search(before[-30:]) and not identifier_cue().search(before):
        return "[CARD]"
    if not _card_layout(text):
        return text
    if identifier_cue().search(before) and not _network_layout(text):
        return text  # "imei 490154203237518" passes Luhn too; a card would be printed in groups
    seps = [m.start() for m in SEPARATED.finditer(text)]
    bounds = [-1, *seps, len(text)]  # group i spans bounds[i]+1 .. bounds[i+1]
    best: tuple[int, int] | None = None
    for i in range(len(bounds) - 1):
        for j in range(len(bounds) - 1, i, -1):
            part = text[bounds[i] + 1 : bounds[j]]
            digits = re.sub(r"\D", "", part)
            if 13 <= len(digits) <= 19 and luhn.is_valid(digits) and not product_code(digits) and _card_groups(part):
                if best is None or bounds[j] - bounds[i] > best[1] - best[0]:
                    best = (bounds[i], bounds[j])
                break
    if best is None:
        # Failing Luhn, digits printed as a network prints its cards are a mistyped card, unless
        # an identifier word stands anywhere shortly before ("serial number SN 4519 8830 ...").
        named = identifier_word().search(before)
        return "[CARD]" if _network_layout(text) and not named else text
    return text[: best[0] + 1] + "[CARD]" + text[best[1] :]


def _network_layout(text: str) -> bool:
    """Digit groups printed exactly as a card network prints its cards ("4111 1111 1111 1112":
    a Visa's 4-4-4-4) and opening with that network's prefix: a card with a mistyped digit,
    though Luhn fails and no card word stands before it."""
    groups = SEPARATED.split(text)
    if len(groups) < 3 or len({m.group() for m in SEPARATED.finditer(text)}) != 1:
        return False  # one separator throughout, as printed
    digits = "".join(groups)
    sizes = tuple(len(g) for g in groups)
    for network in card_networks():
        if sizes in network.layouts and any(
            low <= int(digits[: len(str(low))]) <= high for low, high in network.prefixes
        ):
            return True
    return False
