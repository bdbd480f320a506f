"""Phone numbers in free text, for `common.redact`. `phonenumbers` (Google's libphonenumber) finds
them by each region's numbering plan and digit grouping, so "+44 20 7946 0958", "(415) 555-2671"
and "06 12 34 56 78" are numbers while "model 2024 1080" or "1920 1080" are not; this module adds
what the plans do not say: a number a phone word announces, one spelled out or typed with
look-alike letters, one regrouped by hand, and the digit runs that are no one's phone (ranges,
size lists, dates, codes, barcodes, business lines, the shop's own line)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import phonenumbers
from stdnum import ean

from common.name_words import merged_spans
from common.number_cues import (
    identifier_after,
    identifier_cue,
    identifier_word,
    item_of_kind,
    named_as_identifier,
    phone_cue,
    product_code,
    shops_own,
)
from common.redact_words import (
    NOT_AFTER_WORD,
    NOT_BEFORE_WORD,
    SPACELESS,
    alternation,
    word_list,
    word_map,
)

# Checking numbers against some fifty regions' plans compiles more of libphonenumber's patterns
# than the re module keeps (512): the library's own cache keeps them all.
phonenumbers.enable_pattern_cache()

# A number written with its international prefix: 8-15 digits (E.164) after a "+".
INTERNATIONAL = re.compile(r"(?<![\w+])\+\d(?:[\d ()\-/]|\.(?!\s)){6,22}\d(?!\w)")
# A stretch of text that may hold phone numbers: digits with the characters numbers are written
# with between them, 7 digits or more (counted in `phones`); not glued to letters, as product
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
def _spelled_digits() -> re.Pattern[str]:
    """A run of seven or more digits written as words or single digits ("nine eight 4 five ...",
    "double seven"): a number read out, or hidden from a digit filter."""
    digit = rf"(?:(?:double|triple)\s+)?(?:{alternation(word_map('digit_words'))}|\d{{1,5}})"
    return re.compile(rf"(?<![\w+])(?:{digit}[\s,.-]+){{6,}}{digit}(?![\w])", re.I)


# A digit run with letters that look like digits in it ("9845O12345", "98450 l2345"): a number
# typed carelessly or hidden from a digit filter.
LOOKALIKE = re.compile(r"(?<![\w+])\+?[\dOoIl](?:[\dOoIl]|[ .-](?=[\dOoIl])){6,20}(?!\w)")
LOOKALIKE_DIGITS = str.maketrans("OoIl", "0011")


def disguised_phones(text: str) -> str:
    """Phone numbers spelled out in words (after a phone cue, or with ten digits or more), or
    typed with look-alike letters (a valid number once read as digits, or after a phone cue)."""

    def tag(match: re.Match[str]) -> str:
        words = word_map("digit_words")
        count, repeat = 0, 1
        for token in re.findall(r"\w+", match.group().lower()):
            if token in ("double", "triple"):
                repeat = 2 if token == "double" else 3
                continue
            count += repeat * (len(token) if token.isdigit() else 1 if token in words else 0)
            repeat = 1
        if not any(w.isalpha() for w in re.findall(r"[^\W\d]+", match.group())):
            return match.group()  # digits alone are for the rules that read digits
        cue = phone_cue().search(text[max(0, match.start() - 40) : match.start()])
        return "[PHONE]" if 7 <= count <= 15 and (cue or count >= 10) else match.group()

    def lookalike(match: re.Match[str]) -> str:
        raw = match.group()
        if sum(ch.isdigit() for ch in raw) < 6 or not re.search(r"[OoIl]", raw):
            return raw
        fixed = raw.translate(LOOKALIKE_DIGITS)
        before = text[max(0, match.start() - 40) : match.start()]
        if identifier_cue().search(before):
            return raw
        cued = phone_cue().search(before) and 7 <= sum(ch.isdigit() for ch in fixed) <= 15
        return "[PHONE]" if cued or phones(fixed) == "[PHONE]" else raw

    text = _spelled_digits().sub(tag, text)
    return LOOKALIKE.sub(lookalike, text)


def phones(text: str) -> str:
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
        for region in word_list("phone_regions"):
            for m in phonenumbers.PhoneNumberMatcher(window, region, leniency=phonenumbers.Leniency.STRICT_GROUPING):
                # Not service codes ("1695" in DE), nor a barcode read as 00 + a US number.
                if sum(ch.isdigit() for ch in m.raw_string) >= 7 and not product_code(m.raw_string):
                    spans.append((start + m.start, start + m.end))
        if _mobile_regrouped(stretch.group()):
            spans.append(stretch.span())
    for m in INTERNATIONAL.finditer(text):
        if 8 <= sum(ch.isdigit() for ch in m.group()) <= 15:
            spans.append((m.start(), m.start() + len(_before_clause_dash(m.group()))))
    for m in PHONE_DIGITS.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if 7 <= digits <= 15 and phone_cue().search(text[max(0, m.start() - 40) : m.start()]):
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
    spans = [(s, e) for s, e in spans if not named_as_identifier(text, s)]
    # A number as one run right after the kind of product it names ("the Laptop 8997785118") is its id.
    spans = [(s, e) for s, e in spans if not item_of_kind(text, s, e)]
    # Turkish names it after the number ("1093847261 numaralı siparişim": "my order numbered …")
    spans = [(s, e) for s, e in spans if not identifier_after().match(text, e)]
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
    for region in ["ZZ"] if head.startswith("+") else word_list("phone_regions"):
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
    if before and not phone_cue().search(before.group("head") + " "):
        return True
    # on the right only where no phone word announces the number ("call 9845012345/Rahul")
    return bool(CODE_AFTER.match(text, end)) and not phone_cue().search(text[max(0, start - 40) : start])


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
    for region in word_list("phone_regions"):
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
    return len(digits) == 8 and ean.is_valid(digits) and bool(identifier_word().search(after))


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
    for region in ["ZZ"] if raw.lstrip().startswith("+") else word_list("phone_regions"):
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
