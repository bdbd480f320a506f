"""Redaction of personal data in logs, session files, evaluation outputs and training data.

Regexes plus checksums rather than an NER library or `phonenumbers`: the patterns we must catch
(e-mail, phone, card numbers, IBANs, street addresses) are regular, a model-based PII detector
would add a model download, and a phone-number library needs a region to parse a number written
without its country code, which shoppers rarely give. Over-redaction is the safe side: a long
order number may be tagged as a phone number.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# An IBAN: country code, two check digits, then 11-30 letters or digits, written in one run or
# in groups of four (the last group shorter). Checked with ISO 13616's mod-97 below, so
# ordinary words of that shape are left alone.
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?|[A-Z0-9]{11,30})\b", re.I)
# 13-19 digits, optionally grouped by spaces or dashes: card numbers (checked with Luhn below).
CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
# Phone numbers, local or international: an optional +CC or 00CC prefix, then groups of digits
# (a group may sit in brackets: "(0)30", "(555)") joined by one space, dot, dash or slash.
# Counted below: 7-15 digits (15 is E.164's maximum) makes it a phone number.
PHONE = re.compile(r"(?<![\w+])(?:\+|\b00)?(?:\(\d{1,5}\)|\d{1,5})(?:[ .\-/]?(?:\(\d{1,5}\)|\d{1,5})){1,7}(?![\w])")
# Dates and times look like short digit groups too; they are not phone numbers.
DATE = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}|\d{1,2}[:.]\d{2}")
STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl)\b\.?"
)


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum every payment card number satisfies."""
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to 10..35, mod 97 == 1."""
    code = candidate.replace(" ", "").upper()
    if not 15 <= len(code) <= 34 or not code.isalnum():
        return False
    moved = code[4:] + code[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _iban(match: re.Match[str]) -> str:
    # Grouped, the pattern may take a following four-letter word along ("... 3000 more"), so try
    # the prefixes that end between groups, longest first, and keep what follows the valid one.
    text = match.group()
    ends = [len(text)] + [i for i in range(len(text) - 1, 14, -1) if text[i] == " "]
    for end in ends:
        if iban_ok(text[:end]):
            return "[IBAN]" + text[end:]
    return text


def _card(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "[CARD]" if 13 <= len(digits) <= 19 and luhn_ok(digits) else match.group()


def _phone(match: re.Match[str]) -> str:
    text = match.group()
    if DATE.fullmatch(text):
        return text
    digits = sum(ch.isdigit() for ch in text)
    return "[PHONE]" if 7 <= digits <= 15 else text


def redact(text: str) -> str:
    """Replace e-mail addresses, IBANs, card numbers, street addresses and phone numbers by tags."""
    text = EMAIL.sub("[EMAIL]", text)
    text = IBAN.sub(_iban, text)
    text = CARD.sub(_card, text)
    text = STREET.sub("[ADDRESS]", text)
    return PHONE.sub(_phone, text)


def _written_phone(match: re.Match[str]) -> str:
    """A phone number only when written as one (a + or 00 prefix, brackets, dashes or dots):
    digit groups with spaces alone are as often a model or size ("model 2024 1080")."""
    text = match.group()
    written = text.startswith(("+", "00")) or bool(re.search(r"[()\-./]", text))
    return _phone(match) if written else text


def redact_request(text: str) -> str:
    """Redaction for a request's working text (what ranks a follow-up): e-mail, IBAN, card and
    street addresses, and phone numbers written as such; the bare digit groups of a product
    request are kept, so a resumed session ranks as the live one did."""
    text = EMAIL.sub("[EMAIL]", text)
    text = IBAN.sub(_iban, text)
    text = CARD.sub(_card, text)
    text = STREET.sub("[ADDRESS]", text)
    return PHONE.sub(_written_phone, text)
