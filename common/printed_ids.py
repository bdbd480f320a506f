"""Identity numbers whose printed form and check say what they are with no word before them,
for `common.identity` (one more kind each in its ID_KINDS):

- Chile's RUT as printed, dots and a dash before its check character ("12.345.678-5",
  modulo 11; `stdnum.cl.rut`);
- Finland's personal identity code, a birth date, the century's sign, a serial and a check
  character ("131052-308T"; `stdnum.fi.hetu`);
- Taiwan's national identity card number, a letter for the place of issue, 1 or 2 for the sex,
  eight digits with a weighted check ("A123456789"; no stdnum module, the check is written here);
- Malaysia's MyKad number as printed, birth date, place-of-birth code and serial in 6-2-4 dashes
  ("880514-14-5523"; `stdnum.my.nric` reads the date and the place code);
- France's social-security number (NIR) as the carte Vitale prints it, 1-2-2-2-3-3-2: sex, year,
  month, department, commune, serial and the key ("2 84 05 75 112 234 56"). Its key is
  97 - (number mod 97); the grouping alone is no phone's or price's, so a wrong key still goes
  where an identity word stands anywhere in the message ("numéro de sécu ... c'est ...");
- South Africa's identity number, thirteen digits: a birth date, citizenship 0 or 1 and a Luhn
  digit (`stdnum.za.idnr`). An EAN-13 barcode passes that one time in thirty, so it goes only with
  the word "ID" a few words before ("my SA ID is 8801235111088").

A number of another country's kind with no shape of its own (Poland's PESEL, Turkey's TC
Kimlik, Romania's CNP: eleven or thirteen digits) stays with its word: an order number or a
barcode of that length passes those checks as often as one in a hundred.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from stdnum.cl import rut
from stdnum.fi import hetu
from stdnum.fr import nir
from stdnum.my import nric
from stdnum.za import idnr

if TYPE_CHECKING:
    from common.identity import _Candidate

RUT_PRINTED = re.compile(r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]")
HETU_PRINTED = re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-+A-FU-Y]\d{3}[\dA-Y]", re.I)
# Taiwan's letters stand for numbers 10-35 in this order (I, O, W, Z among them, out of turn).
TW_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"
# The NIR's printed groups, and its first three fields: sex 1 or 2 (7, 8 for a provisional
# number), year, month 01-12 (20-42 or 50-99 where the month was unknown at registration).
NIR_GROUPS = [1, 2, 2, 2, 3, 3, 2]
NIR_START = re.compile(r"[1278]\d{2}(?:0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)")
# The word "ID" (capitals, or "id no"), then a few words with no digit, before the number.
ID_WORD_BEFORE = re.compile(r"(?:\bID\b|\bid\s+(?:no|number)\b)[^\d\n.!?]{0,20}$")


def chilean_rut(c: _Candidate) -> bool:
    return bool(RUT_PRINTED.fullmatch(c.raw)) and rut.is_valid(c.compact) and not c.named_otherwise()


def finnish_hetu(c: _Candidate) -> bool:
    return bool(HETU_PRINTED.fullmatch(c.raw)) and hetu.is_valid(c.raw.upper()) and not c.named_otherwise()


def taiwan_id(c: _Candidate) -> bool:
    """The letter's two digits weighted 1 and 9, the next eight 8 down to 1, the check digit 1:
    the sum a multiple of ten."""
    value = c.compact
    if not re.fullmatch(r"[A-Z][12]\d{8}", value) or c.raw != value or c.named_otherwise():
        return False
    code = TW_LETTERS.index(value[0]) + 10
    digits = [int(d) for d in value[1:]]
    total = code // 10 + (code % 10) * 9 + sum(d * w for d, w in zip(digits, [8, 7, 6, 5, 4, 3, 2, 1, 1], strict=True))
    return total % 10 == 0


def malaysian_nric(c: _Candidate) -> bool:
    printed = c.sizes == [6, 2, 4] and c.separators == {"-"}
    return printed and nric.is_valid(c.compact) and not c.named_otherwise()


def french_nir(c: _Candidate) -> bool:
    if c.sizes != NIR_GROUPS or c.separators != {" "} or not NIR_START.match(c.compact):
        return False
    if c.named_otherwise():
        return False
    return nir.is_valid(c.compact) or c.named_in_message()


def south_african_id(c: _Candidate) -> bool:
    before = c.text[max(0, c.start - 40) : c.start]
    return idnr.is_valid(c.compact) and bool(ID_WORD_BEFORE.search(before)) and not c.named_otherwise()


# Each kind: the shape of its separator-free form, its test, as `common.identity.ID_KINDS` reads them.
PRINTED_ID_KINDS = [
    (re.compile(r"\d{7,8}[\dK]"), chilean_rut),
    (re.compile(r"\d{6}[A-FU-Y]?\d{3}[\dA-Y]"), finnish_hetu),
    (re.compile(r"[A-Z][12]\d{8}"), taiwan_id),
    (re.compile(r"\d{12}"), malaysian_nric),
    (re.compile(r"[1278]\d{14}"), french_nir),
    (re.compile(r"\d{13}"), south_african_id),
]
