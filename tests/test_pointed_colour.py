"""A question that points at a card by a colour no card in question has ("does the red one work
on induction?" over five cards, none red) is told so, with the colours they come in, instead of
being answered for every card as if it were about them."""

from __future__ import annotations

import pytest

from assistant.named_products import pointed_colour_missing
from common.schema import Product


def card(pid: str, title: str, colours: list[str], description: str = "") -> Product:
    return Product(id=pid, title=title, colours=colours, description=description, price=10.0)


SHOWN = [
    card("a", "Linen Apron with Pockets", ["grey"]),
    card("b", "Stainless Frying Pan 24 cm", ["silver"]),
    card("c", "Glass Meal Prep Containers", []),
]


@pytest.mark.parametrize(
    ("message", "products", "expected"),
    [
        (
            "does the red one work on an induction hob?",
            SHOWN,
            'None of the 3 shown is listed as red (they come in grey, silver). Say "show red ones" to see those.',
        ),
        (
            "is the red one dishwasher safe",
            SHOWN[1:2],
            'Stainless Frying Pan 24 cm is not listed as red (the listing gives silver). Say "show red ones" to see those.',
        ),
        # a card of that colour, or one whose text says it: the question is about that card
        ("is the grey one washable?", SHOWN, None),
        ("is the red one oven safe?", [*SHOWN, card("d", "Dutch Oven", [], "Enamelled in a deep red.")], None),
        # no colour pointed at
        ("is it oven safe?", SHOWN, None),
    ],
)
def test_a_colour_no_card_has_is_said_so(message, products, expected):
    assert pointed_colour_missing(products, message) == expected
