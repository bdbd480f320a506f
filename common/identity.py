"""National identity numbers and dates of birth in free text, for `common.redact`.

`python-stdnum` validates what it knows: India's PAN (the fourth letter names the holder type)
and Aadhaar (12 digits, Verhoeff check digit, never opening with 0 or 1), the US SSN (no area
000, 666 or 9xx, no group 00 or serial 0000, not the numbers printed on sample cards). The UK
National Insurance number has no stdnum module; its shape and HMRC's rules for the two prefix
letters are written here (`_nino_ok`).

What no library does is decide which candidates in a shopper's message are the person's: a
12-digit run can be a UPC barcode, "536 22 1234" a price list. A number goes when its own
written form says what it is (an SSN's 3-2-4 dashes, Aadhaar's 4-4-4 groups, a PAN in capitals,
an NI number in its 2-2-2 pairs) or a cue word for its kind stands just before it. A date goes
only after a date-of-birth cue ("dob", "born on"); a delivery date is shop text. The cue words
are data (common/data/redact.yaml); bench/pii.py measures both directions.
"""

from __future__ import annotations

import re
from functools import cache

from stdnum.br import cpf
from stdnum.cn import ric
from stdnum.es import dni, nie
from stdnum.in_ import aadhaar, pan
from stdnum.us import ssn

from common.address import NOT_AFTER_WORD, NOT_BEFORE_WORD, SPACELESS, _cue_words, _words

ID_TAG = "[ID]"
DOB_TAG = "[DOB]"

PAN = re.compile(r"(?<![\w-])[A-Za-z]{5}\d{4}[A-Za-z](?![\w-])")
# 12 digits in one run or as 4-4-4 with one kind of separator.
AADHAAR = re.compile(r"(?<![\w.,/-])\d{4}([ .-]?)\d{4}\1\d{4}(?![\w-]|[.,/]\d)")
SSN = re.compile(r"(?<![\w.,/-])\d{3}([ .-]?)\d{2}\1\d{4}(?![\w-]|[.,/]\d)")
NINO = re.compile(r"(?<![\w-])[A-Za-z]{2}(\s?)\d{2}\1\d{2}\1\d{2}\1[A-Da-d](?![\w-])")
# China's resident identity number: 17 digits (the holder's birth date among them) and a check
# character; beside Chinese text with no space ("身份证号110105...").
CN_RIC = re.compile(rf"{NOT_AFTER_WORD}\d{{17}}[\dXx]{NOT_BEFORE_WORD}")
# Spain's DNI (8 digits and a check letter) and NIE (X, Y or Z, 7 digits, a check letter).
ES_ID = re.compile(r"(?<![\w-])(?:[XYZxyz][ -]?\d{7}|\d{8})[ -]?[A-Za-z](?![\w-])")
# Brazil's CPF: 11 digits, printed 3.3.3-2, the last two check digits.
CPF = re.compile(r"(?<![\w.,/-])\d{3}(\.?)\d{3}\1\d{3}-?\d{2}(?![\w-]|[.,/]\d)")
# A bank account number (not an IBAN): 8-18 digits, maybe grouped, that only its word names.
ACCOUNT = re.compile(rf"{NOT_AFTER_WORD}\d(?:[ -]?\d){{7,17}}{NOT_BEFORE_WORD}")
# HMRC: first letter not D F I Q U V, second not D F I O Q U V, and these pairs never issued.
NINO_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


@cache
def _cue(key: str) -> re.Pattern[str]:
    """A cue word of one kind close before a number: "aadhaar no:", "my PAN is", "SSN #",
    "身份证号码是"."""
    spaced = r"[^\w\n]*(?:(?:no|nr|number|num|card|is|of|#|es|est|ist|é)\b[^\w\n]*){0,3}"
    spaceless = r"(?:号码|号|是|为|[^\w\n])*"
    return re.compile(rf"(?:{_cue_words(key)})(?:{spaced}|{spaceless})$", re.I)


def _cued(key: str, text: str, start: int) -> bool:
    return bool(_cue(key).search(text[max(0, start - 40) : start]))


def _mentioned(key: str, text: str, start: int) -> bool:
    """A cue word of `key` earlier in the same sentence, at most 60 characters before."""
    before = re.split(r"[.!?\n。]\s", text[max(0, start - 60) : start])[-1]
    return bool(re.search(_cue_words(key), before, re.I))


def _nino_ok(candidate: str) -> bool:
    prefix = candidate[:2].upper()
    return prefix[0] not in "DFIQUV" and prefix[1] not in "DFIOQUV" and prefix not in NINO_BAD_PAIRS


def _checked(key: str, valid: bool, text: str, m: re.Match[str]) -> str:
    """An identity number of a shape rare in shop text: its own word names it (whatever its
    check says, as a mistyped one is still the person's), or its check passes and no
    identifier word ("order", "model") names it as something else."""
    if _cued(key, text, m.start()):
        return ID_TAG
    return ID_TAG if valid and not _cued("identifier_cues", text, m.start()) else m.group()


def national_ids(text: str) -> str:
    """Replace PAN, Aadhaar, SSN, UK NI, Chinese resident, Spanish DNI/NIE and Brazilian CPF
    numbers, and bank account numbers their word names, by [ID]."""

    def pan_tag(m: re.Match[str]) -> str:
        raw = m.group()
        # Unnamed, only in capitals with a valid holder-type letter: in that exact 5-4-1 shape a
        # PAN far more often than a model code; in lower case it could be any code.
        valid = pan.is_valid(raw.upper()) and raw.isupper()
        if valid and _mentioned("pan_cues", text, m.start()):
            return ID_TAG  # "pan card details for invoice: ABCPE1234F": named earlier in the sentence
        if _cued("identifier_cues", text, m.start()):
            return raw  # "model ABCPE1234F"
        if _cued("pan_cues", text, m.start()):
            return ID_TAG  # named as one: even the "ABCDE1234F" of examples, whose D is no holder type
        return ID_TAG if valid else raw

    def aadhaar_tag(m: re.Match[str]) -> str:
        raw = m.group()
        if _cued("aadhaar_cues", text, m.start()):
            return ID_TAG  # named as one: even with a digit mistyped
        if not aadhaar.is_valid(re.sub(r"\D", "", raw)) or _cued("identifier_cues", text, m.start()):
            return raw
        # printed 4-4-4, or named earlier in the sentence ("aadhar galat tha, correct one: ...")
        return ID_TAG if m.group(1) in (" ", "-") or _mentioned("aadhaar_cues", text, m.start()) else raw

    def ssn_tag(m: re.Match[str]) -> str:
        raw = m.group()
        if _cued("ssn_cues", text, m.start()):
            return ID_TAG  # named as one: even a number never issued ("078-05-1120", of a sample card)
        if not ssn.is_valid(re.sub(r"\D", "", raw)) or _cued("identifier_cues", text, m.start()):
            return raw
        return ID_TAG if m.group(1) == "-" else raw

    def nino_tag(m: re.Match[str]) -> str:
        raw = m.group()
        spaced = m.group(1) != ""
        if _cued("identifier_cues", text, m.start()):
            return raw
        if spaced or _cued("nino_cues", text, m.start()) or (raw.isupper() and _nino_ok(raw)):
            return ID_TAG
        return raw

    def es_tag(m: re.Match[str]) -> str:
        raw = re.sub(r"[ -]", "", m.group())
        # in upper case only, unless named: "12345678z" may be any code
        valid = raw[-1].isupper() and (dni.is_valid(raw) or nie.is_valid(raw))
        return _checked("es_id_cues", valid, text, m)

    def cpf_tag(m: re.Match[str]) -> str:
        # unnamed, only as printed (3.3.3-2): eleven digits in a run are as often a phone number
        printed = m.group(1) == "." and "-" in m.group()
        return _checked("cpf_cues", printed and cpf.is_valid(m.group()), text, m)

    def account_tag(m: re.Match[str]) -> str:
        return ID_TAG if _cued("bank_account_cues", text, m.start()) else m.group()

    text = CN_RIC.sub(lambda m: _checked("cn_ric_cues", ric.is_valid(m.group().upper()), text, m), text)
    text = ES_ID.sub(es_tag, text)
    text = CPF.sub(cpf_tag, text)
    text = ACCOUNT.sub(account_tag, text)
    text = PAN.sub(pan_tag, text)
    text = NINO.sub(nino_tag, text)
    text = AADHAAR.sub(aadhaar_tag, text)
    return SSN.sub(ssn_tag, text)


ENGLISH_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th|º|°)?"
YEAR = r"(?:(?:19|20)\d{2}|'?\d{2})"
# "1990年5月12日": a Chinese or Japanese date, always with its year
HAN_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"


# "14/02/1991", "1990-07-21", "3 March 1987", "12th Aug 1979", "4th of July, 1985", "July 4, 1985",
# "14.02.91", "5-Mar-90", "March 5th '90", "3 de maio de 1990", "5. März 1990"; `year` False: the
# year may be left out ("dob 12 jan").
def _date(year: bool) -> str:
    month = rf"(?:{ENGLISH_MONTH}|{_words('month_names')})\.?"
    year_part = rf",?[\s-]+(?:de\s+|del\s+)?{YEAR}"
    year_part = year_part if year else f"(?:{year_part})?"
    return (
        rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]{YEAR}|(?:19|20)\d{{2}}[/.-]\d{{1,2}}[/.-]\d{{1,2}}|{HAN_DATE}"
        rf"|{DAY}\.?(?:\s+(?:of|de|del))?[\s-]+{month}{year_part}|{month}\s+{DAY}{year_part})"
    )


@cache
def _birth_date() -> re.Pattern[str]:
    """A date within a few words after a date-of-birth cue ("dob:", "I was born on", "出生日期：").
    After "birthday" only a date with its year: "before her birthday on 12 June" is a delivery
    date."""
    between = rf"(?:[\s.:,：-]*(?:\b(?:{_words('birth_connectors')})\b|是|为|于|在))*[\s.:,：-]*"
    born = rf"(?:{_cue_words('birth_cues')}){between}(?P<date>{_date(year=False)})"
    birthday = rf"(?:{_cue_words('birthday_cues')}){between}(?P<dated>{_date(year=True)})"
    # "my DOB for the age check on the wine set: 1999-05-27": a whole date later in the same
    # sentence as a date-of-birth cue is that date too.
    far = rf"(?:{_cue_words('birth_date_nouns')})[^.!?\n。]{{0,60}}?[\s:：,-](?P<far>{_date(year=True)})"
    return re.compile(rf"(?:{born}|{birthday}|{far})(?![^\W{SPACELESS}]|')", re.I)


def _tag_date(m: re.Match[str]) -> str:
    name = next(n for n in ("date", "dated", "far") if m.group(n))
    return m.string[m.start() : m.start(name)] + DOB_TAG


# Chinese puts the word after the date: "1990年5月12日出生", "1988年生".
HAN_BORN_AFTER = re.compile(rf"{HAN_DATE}(?=\s*(?:出生|生(?![产活意日])))")


def birth_dates(text: str) -> str:
    """Replace a date of birth by [DOB]; the cue stays."""
    return HAN_BORN_AFTER.sub(DOB_TAG, _birth_date().sub(_tag_date, text))
