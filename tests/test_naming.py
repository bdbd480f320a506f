"""Which product a question names (assistant/naming.py), per class of loose naming, on small
hand-made catalogs: exact, no model."""

from __future__ import annotations

import pytest

from assistant.naming import NameIndex, title_brand
from common.schema import Product

# Thirty everyday products: idf thresholds are shares of a one-title word's idf, so a catalog of
# a handful of products would make every word rare.
FILLERS = [
    Product(id=f"f{i}", title=f"maker{i} ceramic mug", brand=f"maker{i}", description="a mug for tea")
    for i in range(30)
]


def _named(products: list[Product], message: str) -> list[str]:
    return [n.product.id for n in NameIndex([*FILLERS, *products]).find(message)]


def _first(products: list[Product], message: str) -> str | None:
    found = NameIndex([*FILLERS, *products]).find(message)
    return found[0].product.id if found else None


# -- the product's own words said between its name words ---------------------------------------
HEADLIGHTS = [
    Product(id="h1", title="leebo led headlight for bajaj pulsar 150", brand="leebo"),
    Product(id="h2", title="leebo led headlight for suzuki sling", brand="leebo"),
]
MATS = [
    Product(id="c1", title="crokrok nylon car mat for datsun go", brand="crokrok"),
    Product(id="c2", title="crokrok nylon car mat for volkswagen vento", brand="crokrok"),
]
PANS = [
    Product(id="n1", title="nirlon classic kadhai 2.5 l", brand="nirlon"),
    Product(id="n2", title="nirlon classic pan 25 cm diameter", brand="nirlon"),
    Product(id="n3", title="nirlon induction kadhai 1.5 l", brand="nirlon"),
]
SHOES = [
    Product(id="s1", title="asics gel-kayano 22 running shoes", brand="asics"),
    Product(id="s2", title="asics gel-cumulus 17 running shoes", brand="asics"),
]


@pytest.mark.parametrize(
    "catalog, message, named",
    [
        (HEADLIGHTS, "leebo LED headlight for pulsar 150 - how many watts does it draw?", "h1"),
        (HEADLIGHTS, "will the leebo led headlight (the pulsar 150 one) work on 12 volt?", "h1"),
        (MATS, "kids get mud in car. crokrok nylon car mat for datsun go - is it water resistant?", "c1"),
        # a colour and an amount with its unit, said inside the name
        (PANS, "I cook on induction only. will the nirlon classic red 2.5 litre kadhai work?", "n1"),
        (PANS, "can i put the nirlon classic 25cm red fry pan in the dishwasher?", "n2"),
        # a name word said again in the question does not scatter the name
        (SHOES, "asics gel-kayano 22 running shoes, how much does one shoe weigh?", "s1"),
    ],
)
def test_a_name_is_one_stretch_over_the_products_own_words(catalog, message, named):
    assert _first(catalog, message) == named


def test_the_questions_own_word_still_names_no_sibling():
    assert _named(PANS, "i cook on induction. will the nirlon classic kadhai work?") == ["n1"]


# -- a brand the record leaves out ---------------------------------------------------------------
def test_a_brand_shelf_in_the_category_tree_is_the_brand():
    dress = Product(id="d1", title="beebay girl's a-line dress", category=["clothing", "dresses", "beebay dresses"])
    assert title_brand(dress) == "beebay"
    plain = Product(id="d2", title="party dress for girls", category=["clothing", "dresses"])
    assert title_brand(plain) == ""


BOOTS = [
    Product(id="b1", title="la briza mile boots"),
    Product(id="b2", title="la briza ashley boots"),
    Product(id="b3", title="la briza black boots"),
    Product(id="b4", title="pinza black cowboy boots", brand="pinza"),  # a catalog with a brand column
    Product(id="b5", title="carlton boots", category=["footwear", "boots", "carlton boots"]),
    Product(id="b6", title="carlton london boots", brand="carlton"),
]


@pytest.mark.parametrize(
    "message, named",
    [
        # the brand (titles' shared opening) and the everyday words of one of its titles
        ("la briza black suede boots (the plain black ones) - are they waterproof?", "b3"),
        ("what's the lining inside the carlton brown slip on boots made of?", "b5"),
    ],
)
def test_a_brand_and_its_titles_everyday_words_name_the_one_they_single_out(message, named):
    assert _first(BOOTS, message) == named


@pytest.mark.parametrize(
    "message",
    [
        "la briza boots?",  # a brand and a kind: its boots, a search
        "do you have la briza boots for a party",
        "la briza boots - are they waterproof?",  # three la briza boots: no one singled out
        "forget la briza, any brand is fine",
    ],
)
def test_a_brand_and_a_kind_alone_name_none(message):
    assert _named(BOOTS, message) == []


# -- brands vary in a category of many makers -----------------------------------------------------
RINGS = [
    Product(
        id=f"r{i}",
        title=f"{brand} silver {stone} ring",
        brand=brand,
        category=["jewellery", "rings"],
        attributes={"Brand": brand, "Gemstone": stone},
    )
    for i, (brand, stone) in enumerate(
        [("kiara", "zircon"), ("kiara", "amethyst"), ("caratlane", "diamond"), ("caratlane", "zircon")]
    )
]


def test_a_brand_is_no_option_of_a_category_of_many_makers():
    assert _first(RINGS, "the kiara silver amethyst ring - how many stones are set in it?") == "r1"
    assert _first(RINGS, "caratlane diamond ring in silver, how many diamonds are on it") == "r2"
