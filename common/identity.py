"""National identity numbers and dates of birth in free text, for `common.redact`.

`python-stdnum` validates what it knows: India's PAN (the fourth letter names the holder type)
and Aadhaar (12 digits, Verhoeff check digit, never opening with 0 or 1), the US SSN (no area
000, 666 or 9xx, no group 00 or serial 0000, not the numbers printed on sample cards). The UK
National Insurance number has no stdnum module; its shape and HMRC's rules for the two prefix
letters are written here (`_nino_ok`).

What no library does is decide which candidates in a shopper's message are the person's: a
12-digit run can be a UPC barcode, "536 22 1234" a price list. Every run of letter-and-digit
groups is read on its groups joined, whatever the separators ("CHTPE 4714 Q", "23.904.974-Q",
"310104 19880612 3094"), and the kind's check decides (Verhoeff, the DNI letter, CPF's and the
resident ID's check digits, mod-97 for an IBAN). A number goes when a cue word for its kind
stands just before it, or when its check passes and its printed form says what it is (an SSN's
3-2-4 dashes, Aadhaar's 4-4-4 groups, a PAN in capitals, an NI number in its pairs). A passport,
voter-id or driving-licence number has no check stdnum reads: only its word names it. A date goes only after a date-of-birth cue ("dob",
"born on", "janam tithi", "дата рождения"); a delivery date is shop text. The cue words are data
(common/data/redact.yaml); bench/pii.py measures both directions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from stdnum import iban
from stdnum.br import cpf
from stdnum.cn import ric
from stdnum.es import dni, nie
from stdnum.in_ import aadhaar, pan
from stdnum.us import ssn

from common.printed_ids import PRINTED_ID_KINDS
from common.redact_words import (
    INDIC_MARKS,
    NOT_AFTER_WORD,
    NOT_BEFORE_WORD,
    SPACELESS,
    cue_words_pattern,
    word_list,
    words_pattern,
)

ID_TAG = "[ID]"
DOB_TAG = "[DOB]"

# A group of an identifier as typed: letters and digits, set apart from the next by one to three
# spaces ("2823  4533 6156", typed unevenly), or by one dot, dash or slash with spaces around it or not ("CHTPE 4714 Q", "23.904.974-Q",
# "310104 19880612 3094", "QQ 123456 C"). Every identifier is read on its groups joined, its
# separator-free form, with the check its kind has: no way of grouping it needs a pattern of its own.
ID_GROUP = re.compile(r"[A-Za-z0-9]+")
CHECK_IN_BRACKETS = re.compile(r"\([0-9A-Z]\)")
ID_SEPARATOR = re.compile(r"[ \t]{1,3}|[ \t]{0,2}[./-][ \t]{0,2}")
# The most groups and characters one identifier is read over: an IBAN has up to 34 characters.
MAX_GROUPS, MAX_CHARS = 9, 34
# A letter of a spaced script glued to a group makes it part of a word ("Müller2024"); a Chinese
# or Japanese character does not ("身份证号110105...").
GLUED = re.compile(rf"[^\W\d_{SPACELESS}]")
# A bank account number (not an IBAN): 7-18 digits, maybe grouped, that only its word names
# (Japan's and some US banks' accounts have seven: "普通 7712064").
ACCOUNT = re.compile(rf"{NOT_AFTER_WORD}\d(?:[ -]?\d){{6,17}}{NOT_BEFORE_WORD}")
# HMRC: first letter not D F I Q U V, second not D F I O Q U V, and these pairs never issued.
NINO_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


@cache
def _cue(key: str) -> re.Pattern[str]:
    """A cue word of one kind close before a number: "aadhaar no:", "my PAN is", "SSN #",
    "身份证号码是"."""
    spaced = r"[^\w\n]*(?:(?:no|nr|number|num|card|is|of|#|es|est|ist|é)\b[^\w\n]*){0,3}"
    spaceless = r"(?:号码|号|是|为|[^\w\n])*"
    return re.compile(rf"(?:{cue_words_pattern(key)})(?:{spaced}|{spaceless})$", re.I)


@cache
def _near_cue() -> re.Pattern[str]:
    """An identity document's word, then a few words and no digit (the kinds with a check of their
    own are read by it, named or not)."""
    return re.compile(rf"(?:{cue_words_pattern('identity_document_cues')})[^\d\n]{{0,30}}$", re.I)


def _cued(key: str, text: str, start: int) -> bool:
    return bool(_cue(key).search(text[max(0, start - 40) : start]))


def _mentioned(key: str, text: str, start: int) -> bool:
    """A cue word of `key` earlier in the same sentence, at most 60 characters before."""
    before = re.split(r"[.!?\n。]\s", text[max(0, start - 60) : start])[-1]
    return bool(re.search(cue_words_pattern(key), before, re.I))


def _nino_ok(candidate: str) -> bool:
    prefix = candidate[:2].upper()
    return prefix[0] not in "DFIQUV" and prefix[1] not in "DFIOQUV" and prefix not in NINO_BAD_PAIRS


class _Candidate:
    """Groups of a message read as one identifier: the text as written, its separator-free form
    in capitals, the lengths of its groups and the separators between them."""

    def __init__(self, text: str, groups: list[re.Match[str]]) -> None:
        self.text = text
        self.start, self.end = groups[0].start(), groups[-1].end()
        self.raw = text[self.start : self.end]
        self.compact = "".join(g.group() for g in groups).upper()
        self.groups = [g.group() for g in groups]
        self.sizes = [len(g) for g in self.groups]
        self.separators = {text[a.end() : b.start()].strip() or " " for a, b in zip(groups, groups[1:], strict=False)}

    def cued(self, key: str) -> bool:
        return _cued(key, self.text, self.start)

    def near(self) -> bool:
        """An identity number's word shortly before, a few words between and no digit: "PESEL? Mój
        to …", "CCCD của em là …", "NIC கேட்டாங்க: …", "マイナンバーを聞かれました。…"."""
        before = self.text[max(0, self.start - 40) : self.start]
        return bool(_near_cue().search(before))

    def named_in_message(self) -> bool:
        """An identity number's word anywhere in the message ("numéro de sécu ... ?? c'est ...")."""
        return bool(re.search(cue_words_pattern("identity_document_cues"), self.text, re.I))

    def named_otherwise(self) -> bool:
        """An identifier word ("order", "model", "serial") names it as the shop's."""
        return self.cued("identifier_cues")


def _pan(c: _Candidate) -> bool:
    # Unnamed, only in capitals with a valid holder-type letter: in that exact 5-4-1 shape a PAN
    # far more often than a model code; in lower case it could be any code.
    valid = pan.is_valid(c.compact) and not re.search("[a-z]", c.raw)
    if valid and _mentioned("pan_cues", c.text, c.start):
        return True  # "pan card details for invoice: ABCPE1234F": named earlier in the sentence
    if c.named_otherwise():
        return False  # "model ABCPE1234F"
    # named as one: even the "ABCDE1234F" of examples, whose D is no holder type
    return c.cued("pan_cues") or valid


def _aadhaar(c: _Candidate) -> bool:
    if c.cued("aadhaar_cues"):
        return True  # named as one: even with a digit mistyped
    if c.named_otherwise():
        return False
    if c.sizes == [4, 4, 4] and _mentioned("aadhaar_cues", c.text, c.start):
        # printed as an Aadhaar and named earlier in the sentence: the person's, even where the
        # check digit fails ("I typed my aadhaar wrong before, correct one: 2823  4533 6156")
        return True
    if not aadhaar.is_valid(c.compact):
        return False
    # printed 4-4-4, or named earlier in the sentence ("aadhar galat tha, correct one: ...")
    return c.sizes == [4, 4, 4] or _mentioned("aadhaar_cues", c.text, c.start)


def _ssn(c: _Candidate) -> bool:
    if c.cued("ssn_cues"):
        return True  # named as one: even a number never issued ("078-05-1120", of a sample card)
    printed = c.sizes == [3, 2, 4] and c.separators == {"-"}
    return printed and ssn.is_valid(c.compact) and not c.named_otherwise()


def _nino(c: _Candidate) -> bool:
    if c.named_otherwise():
        return False
    # printed in its pairs, spaced ("QQ 12 34 56 C", "QQ 123456 C"); not "H.No. 12-2-417/B", an address
    grouped = c.separators == {" "} and c.sizes in ([2, 2, 2, 2, 1], [2, 6, 1])
    return grouped or c.cued("nino_cues") or (c.raw.isupper() and _nino_ok(c.compact))


def _cn_ric(c: _Candidate) -> bool:
    # the holder's birth date and an ISO 7064 check character: rare by chance in any grouping
    return c.cued("cn_ric_cues") or (ric.is_valid(c.compact) and not c.named_otherwise())


def _es_id(c: _Candidate) -> bool:
    # in upper case only, unless named: "12345678z" may be any code
    valid = c.raw[-1].isupper() and (dni.is_valid(c.compact) or nie.is_valid(c.compact))
    return c.cued("es_id_cues") or (valid and not c.named_otherwise())


def _dni_digits(c: _Candidate) -> bool:
    """Argentina's DNI, seven or eight digits with no letter ("32.445.871"): only after its word."""
    return c.cued("es_id_cues")


def _cpf(c: _Candidate) -> bool:
    # unnamed, only as printed (3.3.3-2): eleven digits in a run are as often a phone number
    printed = c.sizes == [3, 3, 3, 2]
    return c.cued("cpf_cues") or (printed and cpf.is_valid(c.compact) and not c.named_otherwise())


def _identity_document(c: _Candidate) -> bool:
    """A passport, voter id, driving licence... number: no check that stdnum reads, so only its
    word names one. Five digits or more, and every group holds a digit but a first one of up to
    three letters ("J 4567 832"), so the words around it stay ("passport no K8364927 for the visa",
    "epic deal on 4K tv 55000")."""
    groups = c.groups[1:] if re.fullmatch(r"[A-Za-z]{1,3}", c.groups[0]) else c.groups
    shaped = sum(ch.isdigit() for ch in c.compact) >= 5 and all(re.search(r"\d", g) for g in groups)
    # or a few words after any identity word, unless an identifier word owns it ("order 1234567")
    # (then every group holds a digit: the words between stay, "mój to …")
    near = all(re.search(r"\d", g) for g in c.groups) and c.near() and not c.named_otherwise()
    return shaped and (c.cued("identity_document_cues") or near)


def _iban(c: _Candidate) -> bool:
    return iban.is_valid(c.compact, check_country=False)


# Each kind: the shape of its separator-free form, the test that it is one here, its tag.
ID_KINDS: list[tuple[re.Pattern[str], Callable[[_Candidate], bool], str]] = [
    (re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}"), _iban, "[IBAN]"),
    (re.compile(r"\d{17}[\dX]"), _cn_ric, ID_TAG),
    (re.compile(r"(?:\d{8}|[XYZ]\d{7})[A-Z]"), _es_id, ID_TAG),
    (re.compile(r"\d{11}"), _cpf, ID_TAG),
    (re.compile(r"\d{7,8}"), _dni_digits, ID_TAG),
    (re.compile(r"[A-Z]{5}\d{4}[A-Z]"), _pan, ID_TAG),
    (re.compile(r"[A-Z]{2}\d{6}[A-D]"), _nino, ID_TAG),
    (re.compile(r"[2-9]\d{11}"), _aadhaar, ID_TAG),
    (re.compile(r"\d{9}"), _ssn, ID_TAG),
    # Chile's RUT, Finland's personal code, Taiwan's identity card: by their printed form and check
    *[(shape, test, ID_TAG) for shape, test in PRINTED_ID_KINDS],
    # up to 24: Argentina's CBU has 22 digits
    (re.compile(r"[A-Z0-9]{6,24}"), _identity_document, ID_TAG),
]


def _chains(text: str) -> list[list[re.Match[str]]]:
    """The runs of groups one separator apart, each group standing alone (not glued to a word)."""
    chains: list[list[re.Match[str]]] = []
    previous: re.Match[str] | None = None
    for group in ID_GROUP.finditer(text):
        glued = (group.start() > 0 and GLUED.match(text, group.start() - 1)) or GLUED.match(text, group.end())
        if glued:
            previous = None
            continue
        joined = previous is not None and ID_SEPARATOR.fullmatch(text, previous.end(), group.start())
        if joined:
            chains[-1].append(group)
        else:
            chains.append([group])
        previous = group
    return chains


def _identifier(text: str, groups: list[re.Match[str]]) -> str | None:
    """The tag of the kind these groups are, read as one identifier, or None."""
    compact = "".join(g.group() for g in groups).upper()
    kinds = [(test, tag) for shape, test, tag in ID_KINDS if shape.fullmatch(compact)]
    if not kinds:
        return None  # most stretches: no kind's shape, nothing more to read
    candidate = _Candidate(text, groups)
    return next((tag for test, tag in kinds if test(candidate)), None)


def grouped_identifiers(text: str) -> str:
    """Replace identity numbers and IBANs in any grouping by their tags. In each run of groups
    the longest stretch that reads as an identifier wins; a stretch never starts or ends beside a
    group of digits, as a number does not end mid-way ("1234 5678 9012 3456" holds no Aadhaar)."""
    if not any(ch.isdigit() for ch in text):
        return text
    spans: list[tuple[int, int, str]] = []
    for chain in _chains(text):
        if not any(ch.isdigit() for g in chain for ch in g.group()):
            continue  # words only: most of a message, and no identifier
        i = 0
        while i < len(chain):
            found = None
            if any(ch.isdigit() for ch in chain[i].group()) or len(chain[i].group()) <= 5:
                for j in range(min(len(chain), i + MAX_GROUPS) - 1, i - 1, -1):
                    groups = chain[i : j + 1]
                    if sum(len(g.group()) for g in groups) > MAX_CHARS or not any(
                        ch.isdigit() for g in groups for ch in g.group()
                    ):
                        continue
                    if (i > 0 and chain[i - 1].group().isdigit()) or (
                        j + 1 < len(chain) and chain[j + 1].group().isdigit()
                    ):
                        continue
                    tag = _identifier(text, groups)
                    if tag:
                        found = (j, tag)
                        break
            if found:
                end = chain[found[0]].end()
                # its check character in brackets belongs to it (Hong Kong's "K265431(7)")
                check = CHECK_IN_BRACKETS.match(text, end) if found[1] == ID_TAG else None
                spans.append((chain[i].start(), check.end() if check else end, found[1]))
                i = found[0] + 1
            else:
                i += 1
    for start, end, tag in reversed(spans):
        text = text[:start] + tag + text[end:]
    return text


def national_ids(text: str) -> str:
    """Replace PAN, Aadhaar, SSN, UK NI, Chinese resident, Spanish DNI/NIE, Brazilian CPF and
    passport numbers, and bank account numbers their word names, by [ID]; IBANs in any grouping
    by [IBAN]."""

    def account_tag(m: re.Match[str]) -> str:
        return ID_TAG if _cued("bank_account_cues", text, m.start()) else m.group()

    text = ACCOUNT.sub(account_tag, text)
    return grouped_identifiers(text)


ENGLISH_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th|º|°)?"
# A Gregorian year, or a year of the Buddhist era (Thailand's calendar: 2538 is 1995), or two digits
YEAR = r"(?:(?:19|20|25)\d{2}|'?\d{2})"
# "1990年5月12日": a Chinese or Japanese date, always with its year
HAN_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"
# "1992년 3월 5일": Korean's
HANGUL_DATE = r"(?:19|20)\d{2}\s*년\s*\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?"


@cache
def _era_date() -> str:
    """A date of an era calendar: Japan's ("平成5年4月12日", "昭和62年11月3日", the first year "元年";
    "H5.4.12" as forms abbreviate it) and the Republic of China's ("民國80年5月12日")."""
    eras = words_pattern("calendar_eras")
    letters = "".join(word_list("calendar_era_letters"))
    return (
        rf"(?:{eras})\s*(?:元|\d{{1,3}})\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"
        rf"|(?<![\w.])[{letters}]\d{{1,2}}[./]\d{{1,2}}[./]\d{{1,2}}(?![\d.])"
    )


@cache
def _date_in_words() -> str:
    """A date written in number words, as said aloud or typed to slip past a digit filter:
    "पंद्रह अगस्त उन्नीस सौ नब्बे", "fifteenth of August nineteen ninety". A day of one to three
    number words, a month, a year of two to five (with "hundred", "सौ", "thousand") or of four digits."""
    number = words_pattern("number_words")
    month = rf"(?:{ENGLISH_MONTH}|{words_pattern('month_names')})\.?"
    word = rf"(?:{number})(?![\w{INDIC_MARKS}])"
    day = rf"{word}(?:[\s-]+{word}){{0,2}}"
    # the year in words, or in digits after a day in words ("the fourth of June, 2001", set AH x65)
    year = rf"(?:{word}(?:[\s-]+(?:and\s+)?{word}){{1,4}}|(?:19|20)\d{{2}}(?!\d))"
    return rf"(?:{day}(?:\s+(?:of|de|del))?\s+{month},?\s+{year}|{month}\s+{day},?\s+{year})"


# A day, one word, a four-digit year: a date whatever language names its month ("১২ মার্চ ১৯৯৫"
# in Bengali, "12 மார்ச் 1995" in Tamil, once their digits are folded). Only read after a birth
# word, and only with its whole year: the shape says a date, the cue says whose. Not an ASCII
# word: English's and the Latin-script languages' months are listed, and a unit stands there
# ("birthday 5 pcs 2024").
ANY_MONTH_DATE = (
    rf"(?:[0-2]?\d|3[01])[\s-]+(?![A-Za-z]+[\s-])[^\W\d_](?:[^\W\d_]|[{INDIC_MARKS}])*[\s-]+(?:19|20)\d{{2}}(?!\d)"
)


# "14/02/1991", "1990-07-21", "3 March 1987", "12th Aug 1979", "4th of July, 1985", "July 4, 1985",
# "14.02.91", "5-Mar-90", "March 5th '90", "3 de maio de 1990", "5. März 1990"; `year` False: the
# year may be left out ("dob 12 jan").
def _date(year: bool) -> str:
    month = rf"(?:{ENGLISH_MONTH}|{words_pattern('month_names')})\.?"
    year_part = rf",?[\s-]+(?:de\s+|del\s+)?{YEAR}"
    year_part = year_part if year else f"(?:{year_part})?"
    return (
        rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]{YEAR}|(?:19|20|25)\d{{2}}[/.-]\d{{1,2}}[/.-]\d{{1,2}}|{HAN_DATE}|{HANGUL_DATE}"
        rf"|{_era_date()}|{_date_in_words()}"
        rf"|{DAY}\.?(?:\s+(?:of|de|del))?[\s-]+{month}{year_part}|{month}\s+{DAY}{year_part}"
        rf"|{ANY_MONTH_DATE})"
    )


@cache
def _birth_date() -> re.Pattern[str]:
    """A date within a few words after a date-of-birth cue ("dob:", "I was born on", "出生日期：").
    After "birthday" only a date with its year: "before her birthday on 12 June" is a delivery
    date."""
    between = rf"(?:[\s.:,：-]*(?:{cue_words_pattern('birth_connectors')}))*[\s.:,：-]*"
    born = rf"(?:{cue_words_pattern('birth_cues')}){between}(?P<date>{_date(year=False)})"
    birthday = rf"(?:{cue_words_pattern('birthday_cues')}){between}(?P<dated>{_date(year=True)})"
    # "my DOB for the age check on the wine set: 1999-05-27": a whole date later in the same
    # sentence as a date-of-birth cue is that date too.
    far = rf"(?:{cue_words_pattern('birth_date_nouns')})[^.!?\n。]{{0,60}}?[\s:：,-](?P<far>{_date(year=True)})"
    return re.compile(rf"(?:{born}|{birthday}|{far})(?![^\W{SPACELESS}]|')", re.I)


def _tag_date(m: re.Match[str]) -> str:
    name = next(n for n in ("date", "dated", "far") if m.group(n))
    return m.string[m.start() : m.start(name)] + DOB_TAG


# Chinese puts the word after the date: "1990年5月12日出生", "1988年生".
@cache
def _han_born_after() -> re.Pattern[str]:
    return re.compile(rf"(?:{HAN_DATE}|{_era_date()})(?=\s*(?:出生|生(?![产活意日])))")


def birth_dates(text: str) -> str:
    """Replace a date of birth by [DOB]; the cue stays."""
    return _han_born_after().sub(DOB_TAG, _birth_date().sub(_tag_date, text))
