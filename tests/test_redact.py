"""`common.redact`, one table per class of personal data and of shop text it must leave alone.
(Older cases live in tests/test_sessions.py.) Figures over whole corpora: bench/pii.py."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("where is my order 112-3344556-7788990 ??", "where is my order 112-3344556-7788990 ??"),
        ("amex 3714 496353 98431, retry order 402-8876123-5541099", "amex [CARD], retry order 402-8876123-5541099"),
        ("diners 3056 930902 5904 please", "diners [CARD] please"),  # 4-6-4
        ("card 4111111111111111 ok", "card [CARD] ok"),  # one run
        ("invoice 4111-1111111-11111 was wrong", "invoice 4111-1111111-11111 was wrong"),  # 7-digit group
    ],
)
def test_cards_are_printed_in_groups_of_at_most_six_digits(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("card [CARD] expiry 12/26 cvv 123 thanks", "card [CARD] expiry 12/26 cvv [CVV] thanks"),
        ("CVC: 4821", "CVC: [CVV]"),
        ("security code 987 for the order", "security code [CVV] for the order"),
        ("the cvv pouch in size 123", "the cvv pouch in size 123"),  # a word between: no code
    ],
)
def test_card_security_codes(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the AWB number 7845123690 shows RTO",
        "tracking no 9876543210 not updating",
        "order #9845012345 not delivered",
        "UTR: 8800123456 for the refund",
        "consignment 7012345678 stuck",
    ],
)
def test_a_number_an_identifier_word_names_is_kept(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my phone number is 9876543210 and alternate 8800123456", "my phone number is [PHONE] and alternate [PHONE]"),
        ("call 7845123690 about the AWB", "call [PHONE] about the AWB"),  # the cue word is after
    ],
)
def test_mobile_numbers_without_an_identifier_word_still_go(text, expected):
    assert redact(text) == expected
