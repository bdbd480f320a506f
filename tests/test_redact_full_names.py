"""`common.redact`: full names with particles after a sign-off (common/name_cues.py `_sign_off`,
`sign_offs` in common/data/person_names.yaml)."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dutch's short sign-offs, before a name with its particle and a double-barrelled one
        ("De lamp doet het niet. Groet, Joris van Dam-Smit", "De lamp doet het niet. Groet, [NAME]"),
        (
            "Graag een nieuwe lader. Vriendelijke groet, Eva de Boer",
            "Graag een nieuwe lader. Vriendelijke groet, [NAME]",
        ),
    ],
)
def test_full_names_after_a_sign_off(text, expected):
    assert redact(text) == expected


def test_the_sign_off_word_inside_a_sentence_is_no_cue():
    text = "doe de groet aan Utrecht"
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence closing the message that opens with a capital and goes on in lower case is
        # no signature: a name is capitalised throughout, or typed in lower case throughout
        (
            "hantar ke No. 5, Jalan Ampang, 50450 Kuala Lumpur. Tudung bawal saiz L",
            "hantar ke No. [ADDRESS], [POSTCODE] Kuala Lumpur. Tudung bawal saiz L",
        ),
    ],
)
def test_a_closing_sentence_is_a_signature_only_when_cased_as_a_name(text, expected):
    assert redact(text) == expected
