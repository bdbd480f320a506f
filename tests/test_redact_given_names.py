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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # right before a preposition and a contact's tag: the one to reach there
        ("pls get the driver to ring Priya at 98450 12345 first", "pls get the driver to ring [NAME] at [PHONE] first"),
        ("bitte Lukas unter 0151 23456789 anrufen", "bitte [NAME] unter [PHONE] anrufen"),
        # closing the message after a word pointing at the holder, or a sign-off: a word the
        # lists miss will do there
        ("gate code broken, call 0161 496 0123, that's Eilidh", "gate code broken, call [PHONE], that's [NAME]"),
        ("send the refund to acc 62841039552 cheers Thandeka", "send the refund to acc [ID] cheers [NAME]"),
    ],
)
def test_a_given_name_by_its_place_beside_a_contact(text, expected):
    assert redact(text) == expected
