"""Model names respaced the way the shop's titles write them (`assistant.shop_spacing`): held-out
AH q09 ("xiaomi mi4i" against "xiaomi mi 4i": told "we don't carry") and AH q03 ("a wagon r"
against "maruti wagonr": the car was lost)."""

from __future__ import annotations

import pytest

from assistant.shop_spacing import shop_spacing

WORDS = {"xiaomi", "mi", "4i", "maruti", "wagonr", "sun", "shade", "sunshade", "i10", "a", "pen", "apen", "glass"}
PHRASES = {("mi", "4i"), ("sun", "shade"), ("xiaomi", "mi")}


def respaced(text: str) -> str:
    return shop_spacing(text, WORDS.__contains__, lambda p: tuple(p) in PHRASES)


@pytest.mark.parametrize(
    ("said", "shop"),
    [
        ("tempered glass for xiaomi mi4i", "tempered glass for xiaomi mi 4i"),
        ("sunshade for a wagon r", "sunshade for a wagonr"),
        ("Wagon R sunshade", "WagonR sunshade"),
        # ordinary words and kinds keep the shopper's spacing; an article is never joined
        ("sun shade for my car", "sun shade for my car"),
        ("a pen", "a pen"),
        ("screen guard for mi 4i", "screen guard for mi 4i"),
    ],
)
def test_a_model_name_in_the_shops_spacing(said: str, shop: str) -> None:
    assert respaced(said) == shop
