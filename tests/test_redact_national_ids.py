"""`common.redact`: national identity numbers by their printed layout and check, or by their
word (common/printed_ids.py, `identity_document_cues` in common/data/redact.yaml)."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Malaysia's MyKad in its 6-2-4 dashes: a birth date and a place-of-birth code
        ("resit untuk IC 920307-10-6631 boleh?", "resit untuk IC [ID] boleh?"),
        ("pls bill 750101-08-1234, ok", "pls bill [ID], ok"),
        # France's NIR in the carte Vitale's groups: a right key goes unnamed, a wrong one with
        # an identity word anywhere in the message
        ("voici 1 85 12 69 388 001 30 pour le dossier", "voici [ID] pour le dossier"),
        (
            "mon numéro de sécurité sociale, ils veulent ça pour la garantie du four 60 L ?? c'est 1 91 03 13 055 142 27",
            "mon numéro de sécurité sociale, ils veulent ça pour la garantie du four 60 L ?? c'est [ID]",
        ),
        # South Africa's identity number: date, citizenship, Luhn, and the word "ID" before
        ("my ID is 9202204720083 and cell later", "my ID is [ID] and cell later"),
        # the social-security and Medicare words, as abbreviated or with a possessive
        ("Medicare no. 3512 40981 2 for the rebate", "Medicare [ID] for the rebate"),
        ("SV-Nr 4821 120385 für die Rechnung", "SV-Nr [ID] für die Rechnung"),
        ("رقمي القومي 30105120201458 عشان الفاتورة", "رقمي القومي [ID] عشان الفاتورة"),
    ],
)
def test_national_ids_by_layout_check_or_word(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a South African ID's shape and check, but a barcode's word: an EAN-13
        "barcode 9202204720083 on the box",
        # the NIR's groups with a wrong key and no identity word: a reference of some kind
        "colis 2 84 05 75 112 234 56 bien reçu",
        # 6-2-4 dashes whose date is no date
        "part 991399-14-5523 is missing",
    ],
)
def test_id_layouts_without_their_evidence_are_kept(text):
    assert redact(text) == text
