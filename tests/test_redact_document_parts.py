"""`common.redact`: the numbered parts of a document or a bank account after their own words
(common/document_parts.py), short account numbers and member numbers after an abbreviated word."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passport written by its parts, each after its part's word
        ("паспорт серии 4509 № 123456, выдан ОВД", "паспорт серии [ID] № [ID], выдан ОВД"),
        ("passport series 6012 number 448812 for the visa", "passport series [ID] number [ID] for the visa"),
        # a bank branch's code beside an account word
        ("refund to my account please: BSB 062-000, acc 12345678", "refund to my account please: BSB [ID], acc [ID]"),
        ("sort code 30 94 57 and account number 11223344", "sort code [ID] and account number [ID]"),
        # Japan's ordinary account of seven digits after its word, its branch before it
        ("振込先 みずほ銀行 支店 108 普通 3344556 です", "振込先 みずほ銀行 支店 [ID] 普通 [ID] です"),
        # the abbreviating dot of a member number's word
        ("my member no. GX-8812077 has the points", "my member no. [ID] has the points"),
    ],
)
def test_document_and_account_parts_after_their_words(text, expected):
    assert redact(text) == expected
