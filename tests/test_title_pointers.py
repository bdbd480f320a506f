"""A question points at a card on screen by words of its own title ("is the santoku ok for
bread?"), which naming leaves out as product-type words; words several cards share, or none,
point at nothing."""

from __future__ import annotations

import pytest

from assistant.title_pointers import title_pointed
from common.schema import Product


def card(pid: str, title: str, brand: str | None = None) -> Product:
    return Product(id=pid, title=title, brand=brand, price=10.0)


KNIVES = [
    card("k1", "Kids' Safety Knife Set (3 pcs)", "Kiddikook"),
    card("k2", "Santoku Knife 17 cm", "Kaiware"),
    card("k3", "Chef's Knife 20 cm", "Wusthof Classic"),
]
PANS = [
    card("p1", "Non-Stick Frying Pan 28 cm", "Tefalon"),
    card("p2", "Cast Iron Skillet 26 cm", "Lodgewell"),
]


@pytest.mark.parametrize(
    ("message", "on_screen", "expected"),
    [
        ("is the santoku ok for cutting bread?", KNIVES, [2]),
        ("does the set go in the dishwasher", KNIVES, [1]),
        ("how sharp is that wusthof", KNIVES, [3]),  # a brand word of one card
        ("can the 17 cm one cut squash?", KNIVES, [2]),
        ("is the skillet oven safe?", PANS, [2]),
        ("what's the cast iron one weigh?", PANS, [2]),
        ("which is lighter, the frying pan or the skillet?", PANS, [1, 2]),
        # words two cards share, or no card has: no pointing
        ("is the knife dishwasher safe?", KNIVES, []),
        ("is the 20 cm one heavier than the first one?", KNIVES, [3]),
        ("is the price going down?", PANS, []),
        # a request, not a question, filters instead ("show me the cast iron ones")
        ("show me the cast iron ones", PANS, []),
        # one card on screen: "it" means it already
        ("is the skillet oven safe?", PANS[1:], []),
    ],
)
def test_a_question_points_at_the_card_its_title_words_pick_out(message, on_screen, expected):
    assert title_pointed(message, on_screen) == expected


RATED = [
    Product(id="a", title="Santoku Knife", price=45.0, rating=4.4),
    Product(id="b", title="Kids' Knife Set", price=14.99, rating=4.6),
    Product(id="c", title="Chef's Knife", price=99.0, rating=4.8),
    Product(id="d", title="Paring Knife", price=9.0, rating=None),
]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("compare the two cheapest knives", [4, 2]),
        ("can you compare the cheapest two", [4, 2]),
        ("which of the 2 priciest is lighter?", [3, 1]),
        ("compare the three best rated", [3, 2, 1]),  # a card with no rating is not ranked
        ("I want the two cheapest laptops", []),  # a new request, not a pick among the cards
        ("compare the two", []),
    ],
)
def test_a_count_with_a_superlative_picks_that_many_cards_by_the_records(message, expected):
    from assistant.ranked_pointers import ranked_pointed

    assert ranked_pointed(message, RATED) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("is the santoku ok for cutting bread?", "santoku"),
        ("is the cast iron skillet oven safe?", "cast iron skillet"),
        ("does the first one go in the dishwasher?", None),
    ],
)
def test_the_words_that_point_at_a_card_name_it(message, expected):
    from assistant.title_pointers import pointing_words

    product = KNIVES[1] if "santoku" in message or "first" in message else PANS[1]
    assert pointing_words(message, product) == expected


def test_a_use_asked_of_a_card_pointed_at_by_its_name_is_not_answered_by_the_name():
    """'is the santoku ok for cutting bread?' was "Yes" because the description says "santoku"."""
    from assistant.answer_evidence import Verdict
    from assistant.answers import answer_question

    santoku = Product(
        id="k2",
        title="Santoku Knife 17 cm",
        price=45.0,
        description="Japanese-style santoku with a hollow-ground 17 cm blade of stainless steel.",
    )
    found = answer_question(santoku, "is the santoku ok for cutting bread?", None, None, "santoku")
    assert found.verdict == Verdict.NOT_STATED
