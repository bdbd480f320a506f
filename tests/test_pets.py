"""The animal a product is for (`assistant.pets`), and soft wishes for a material: held-out sets
AE q19 / AF d29 (dog shampoos shown for a cat) and AF d12 ("steel would be nice but not a must"
filtered every bottle under 500 away)."""

from __future__ import annotations

import pytest

from assistant.attribute_reading import AttributeReader
from assistant.pets import pets_said, states_pet
from assistant.type_resolution import TypeResolver
from common.schema import Product
from common.text import terms


@pytest.mark.parametrize(
    ("message", "pets"),
    [
        ("got a new kitten, which shampoo do u have for cats?", ["cat"]),
        ("a shampoo for my persian cat", ["cat"]),
        ("need a shampoo for dogs", ["dog"]),
        # an animal in a story, or a style named after one, is no recipient
        ("the old mats were chewed up by the previous owners dog", []),
        ("cat eye sunglasses for my wife", []),
        # the shopper's own animal as the object of the request, or a breed (held-out AG q25, q04)
        ("anything to bathe my cat with? shampoo or so", ["cat"]),
        ("shampoo for my labrador, budget is tight", ["dog"]),
        ("my dog chewed up my slippers, need new ones", []),
    ],
)
def test_the_animal_a_product_is_for(message: str, pets: list[str]) -> None:
    assert pets_said(terms(message)) == pets


def test_a_record_says_its_animal_by_title_or_pet_type() -> None:
    assert states_pet(Product(id="a", title="sicons all purpose dog shampoo"))
    assert states_pet(Product(id="b", title="sicons shampoo", attributes={"Pet Type": "Dog"}))
    assert not states_pet(Product(id="c", title="dr. thapar's beard wash"))


@pytest.mark.parametrize(
    ("message", "required"),
    [
        ("steel water bottle", ["steel"]),
        ("steel would be nice but not a must", []),
        ("nylon is fine", ["nylon"]),  # an allowance keeps the material asked
    ],
)
def test_a_material_wished_for_only_ranks(demo_catalog, message: str, required: list[str]) -> None:
    reader = AttributeReader(demo_catalog, TypeResolver(demo_catalog))
    assert reader.required(message) == required


def test_a_colour_before_kind_of_is_no_variant(demo_catalog) -> None:
    # "aqua / sea green kind of colour": the colour reader's, no must-have "green" (AF q29)
    reader = AttributeReader(demo_catalog, TypeResolver(demo_catalog))
    assert reader.required("eyelet curtain, aqua / sea green kind of colour") == []


def test_a_must_have_the_kind_says_is_named_once() -> None:
    from assistant.alternatives import _noun

    assert _noun(["glass"], "glass vase") == "glass vases"  # not "glass glass vases" (AF d07)
    assert _noun(["cotton", "6 seater"], "table cover") == "cotton 6 seater table covers"
