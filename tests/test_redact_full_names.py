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
