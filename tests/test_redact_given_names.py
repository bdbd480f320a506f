"""`common.redact`: a given name alone where its place says it is a person's (common/name_cues.py
`single_name_cues_before`, common/card_messages.py, common/name_words.py `_kind`)."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb of asking for someone at the door in more persons and languages
        ("si no estoy, preguntá por Leandro en la portería", "si no estoy, preguntá por [NAME] en la portería"),
        ("Hola, pregunte por Jacinto al llegar", "Hola, pregunte por [NAME] al llegar"),
        ("ring på døra og spør etter Solveig", "ring på døra og spør etter [NAME]"),
        # a name with its diacritics that the lists hold in ASCII only ("ayse")
        ("write on the card: 'Get well soon, love Ayşe'", "write on the card: 'Get well soon, love [NAME]'"),
    ],
)
def test_given_name_alone_by_its_place(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # folded, a word of the sentence meets no name: Spanish words stay
        "pregunte por el envío, está en camino",
        "write on the card: 'Feliz cumpleaños, mamá'",
    ],
)
def test_words_with_diacritics_that_are_no_names_are_kept(text):
    assert redact(text) == text
