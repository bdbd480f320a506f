"""Product questions answered from the record (assistant/answers.py) and named products
(assistant/naming.py), on small hand-made records with the deterministic embedder."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.answers import Verdict, answer_question, key_values
from assistant.naming import name_products
from common.schema import Product
from tests.fakes import HashEmbedder

EARBUDS = Product(
    id="e1",
    title="Free 2 Sport Wireless Earbuds",
    description="Sweat-resistant wireless earbuds that stay put while running. IPX5 rated against sweat and rain.",
    category=["Electronics", "Wireless Earbuds"],
    brand="Sonavia",
    price=36.5,
    colours=["blue"],
    audience=["men", "women"],
    material="plastic",
)
WATCH = Product(
    id="w1",
    title="Sonata black analog watch - for men",
    brand="sonata",
    price=999.0,
    currency="INR",
    colours=["black"],
    audience=["men"],
    attributes={"Date Display": "Yes", "Alarm Clock": "No", "Strap Material": "Genuine Leather Strap"},
)
MUG = Product(
    id="m1", title="akup love-music ceramic mug", attributes={"Mug Capacity": "300 ml", "Microwave Safe": "No"}
)
KETTLE_GAS = Product(id="k1", title="Tea Kettle (glass, gas)", attributes={"stovetop compatibility": "gas"})
KETTLE_INDUCTION = Product(
    id="k2", title="Tea Kettle (glass, induction)", attributes={"stovetop compatibility": "induction"}
)


def ask(product: Product, question: str, catalog: list[Product] | None = None):
    return answer_question(product, question, HashEmbedder(), key_values(catalog or [product]))


def test_a_known_fact_gives_the_consequence_with_the_quote():
    pool = ask(EARBUDS, "is it waterproof? he'd use them at the pool")
    assert pool.verdict == Verdict.NO
    assert "“IPX5 rated against sweat and rain”" in pool.text and "swimming" in pool.text
    assert ask(EARBUDS, "can he wear them in the rain?").verdict == Verdict.YES
    assert ask(EARBUDS, "is it waterproof?").verdict == Verdict.PARTLY


def test_yes_no_and_values_come_from_the_specification():
    assert ask(WATCH, "does the sonata watch have a date display?").text == "Yes. The listing gives Date Display: Yes."
    assert ask(WATCH, "does it have an alarm?").verdict == Verdict.NO
    assert ask(WATCH, "what is the strap made of?").value == "Genuine Leather Strap"
    assert ask(MUG, "what's the capacity of the mug?").value == "300 ml"
    assert ask(MUG, "can it go in the microwave?").verdict == Verdict.NO


def test_fields_answer_colour_and_audience_questions():
    assert ask(WATCH, "is it for women?").verdict == Verdict.NO
    assert ask(EARBUDS, "are they blue?").verdict == Verdict.YES
    assert ask(MUG, "is it red?").verdict == Verdict.NOT_STATED  # no colour in the record


def test_what_the_record_does_not_say_is_never_invented():
    for product, question in [
        (MUG, "is it dishwasher safe?"),
        (WATCH, "does it have a hood?"),
        (EARBUDS, "what's the battery life?"),
    ]:
        answer = ask(product, question)
        assert answer.verdict == Verdict.NOT_STATED, answer.text
        assert answer.text.startswith("The listing doesn't say")


def test_another_value_the_catalog_uses_for_the_key_is_a_no():
    catalog = [KETTLE_GAS, KETTLE_INDUCTION]
    answer = ask(KETTLE_GAS, "does it work on induction?", catalog)
    assert answer.verdict == Verdict.NO and "stovetop compatibility: gas" in answer.text


@dataclass
class Catalog:
    products: list[Product]
    vectors: np.ndarray | None = None


def test_named_products_are_found_and_a_plain_search_names_none():
    others = [
        Product(id=f"o{i}", title=f"{brand} black analog watch", brand=brand)
        for i, brand in enumerate(["titan", "fastrack", "casio", "timex", "fossil", "maxima"])
    ]
    pod = Product(id="e2", title="Pod Air Sport Wireless Earbuds", brand="Sonavia")
    # idf thresholds are shares of a one-title word's idf: a catalog of a few dozen products
    mugs = [Product(id=f"m{i}", title=f"maker{i} ceramic mug", brand=f"maker{i}") for i in range(30)]
    catalog = Catalog([WATCH, EARBUDS, pod, MUG, *others, *mugs])
    assert [p.id for p in name_products("does the Sonata black analog watch have a date display?", catalog)] == ["w1"]
    assert [p.id for p in name_products("the Pod Air Sport and the Free 2 Sport", catalog)] == ["e2", "e1"]
    assert name_products("black analog watch under 1000", catalog) == []
