"""Redaction of personal data in logs, evaluation outputs and training data.

Regexes rather than an NER library: the patterns we must catch (e-mail, phone, card numbers,
street addresses) are regular, and a model-based PII detector would add a model download.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# 13-19 digits, optionally grouped by spaces or dashes: card numbers (checked with Luhn below).
CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
# International or local phone numbers: optional +CC, optional area code in brackets, 7+ digits.
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{3,4}[\s.-]?\d{3,4}(?:[\s.-]?\d{2,4})?\b")
STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl)\b\.?"
)


def _luhn_ok(digits: str) -> bool:
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "[CARD]" if 13 <= len(digits) <= 19 and _luhn_ok(digits) else match.group()


def _phone(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "[PHONE]" if len(digits) >= 7 else match.group()


def redact(text: str) -> str:
    """Replace e-mail addresses, card numbers, phone numbers and street addresses by tags."""
    text = EMAIL.sub("[EMAIL]", text)
    text = CARD.sub(_card, text)
    text = STREET.sub("[ADDRESS]", text)
    return PHONE.sub(_phone, text)
