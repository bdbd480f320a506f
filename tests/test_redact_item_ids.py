"""`common.redact`: a number as one run right after a capitalised kind of product is that item's
id, not a phone (common/number_cues.py `item_of_kind`, the kinds from common/product_kinds.py);
an arrow carries an identifier word to the next id. Phones beside them still go."""

from __future__ import annotations

import pytest

from common.product_kinds import kind_words
from common.redact import redact


def test_kind_words_are_the_taxonomys_single_word_types():
    kinds = kind_words()
    assert {"laptop", "tablet", "perfume", "watch"} <= kinds
    assert not any(" " in k for k in kinds)


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("need the Laptop 8997785118 with 32GB, else the Tablet 3788616824", ["8997785118", "3788616824"]),
        ("Perfume 9007697085 - is that the men's one? 50ml for 318.96", ["9007697085"]),
        ("is the Backpacks 9845012345 still in stock?", ["9845012345"]),
        ("Exchange: item 2226219750 -> 4510078629 (Wristwatch, black dial)", ["2226219750", "4510078629"]),
    ],
)
def test_item_ids_after_their_kind_stay(message, kept):
    out = redact(message)
    assert all(k in out for k in kept), out


@pytest.mark.parametrize(
    "message",
    [
        "call the driver 9845012345 when you reach",  # a person's role
        "my old number 9840012345 is off, use the new one 7305512345",  # lower case: a sentence's word
        "Card 9845012345 is my number",  # a kind that says whose number it is
        "the Laptop is fine, ring me on 9845012345",  # a phone word before
        "Laptop 98450 12345",  # grouped as a phone is written
    ],
)
def test_phones_beside_kind_words_still_go(message):
    assert "[PHONE]" in redact(message), redact(message)
