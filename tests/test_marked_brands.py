"""Brands said as brands though no list knows them (`assistant.marked_brands`)."""

from __future__ import annotations

import pytest

from assistant.marked_brands import marked_brands

CATALOG_WORDS = {"hrs", "phone", "skincare"}


@pytest.mark.parametrize(
    ("message", "brands"),
    [
        ("zorbix brand, thats what the electrician said", ["zorbix"]),
        ("the brand is wildcraft", ["wildcraft"]),
        ("made by bajaj", ["bajaj"]),
        # a pointer, a permission or an English word before or after the cue names no brand
        ("is that brand there?", []),
        ("any brand is fine", []),
        ("not fussy on brand", []),
        ("korean brand skincare", []),
        ("brand new phone", []),
        # a brand the catalog has is read by the understander, not here
        ("hrs brand is fine", []),
    ],
)
def test_a_word_said_as_a_brand(message, brands):
    assert marked_brands(message, CATALOG_WORDS.__contains__) == brands
