"""`common.redact`: names in pinyin after a label or a self-introduction, and a form's fields set
apart by several spaces (the name's run stops at the gap; the next field's word stays)."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Name: ZHANG WEI   Passport: E12345678", "Name: [NAME]   Passport: [ID]"),
        ("Name: PRIYA NAIR   Passport: E12345678", "Name: [NAME]   Passport: [ID]"),
        ("Name: Zhang Wei", "Name: [NAME]"),
    ],
)
def test_a_name_after_its_label_ends_at_the_forms_gap(message, expected):
    assert redact(message) == expected


def test_a_pinyin_name_after_a_self_introduction_goes():
    assert "li wei" not in redact("hi this is li wei, phone 98452 17763. my lids came broken")
