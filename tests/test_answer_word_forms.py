"""Word forms and keys naming their alternatives (sets AD-p05, AD-p34)."""

from __future__ import annotations

from assistant.answer_evidence import Verdict, key_values, same_word
from assistant.answers import answer_question
from common.schema import Product
from tests.fakes import HashEmbedder

SWEATSHIRT = Product(
    id="s1",
    title="absurd full sleeve solid men's reversible sweatshirt",
    attributes={"Hooded": "No", "Reversible": "Yes"},
)
HOODED = Product(id="s2", title="rainfun solid men's raincoat", attributes={"Hooded": "Yes"})
BAGLESS = Product(
    id="v1", title="Vacuum Cleaner (upright, bagless, HEPA filter)", attributes={"bagged/bagless": "bagless"}
)
BAGGED = Product(id="v2", title="Vacuum Cleaner (robotic, bagged)", attributes={"bagged/bagless": "bagged"})


def ask(product: Product, question: str, catalog: list[Product]):
    return answer_question(product, question, HashEmbedder(), key_values(catalog))


def test_two_endings_of_one_stem_are_one_word():
    assert same_word("hoody", "hooded")
    assert same_word("hoodie", "hooded")
    assert not same_word("bagless", "bagged")  # a stem under four letters is no stem
    assert not same_word("weight", "height")


def test_a_flag_answers_another_form_of_its_word():
    catalog = [SWEATSHIRT, HOODED]
    assert ask(SWEATSHIRT, "Has it got a hoodie?", catalog).verdict == Verdict.NO
    assert ask(HOODED, "has it got a hoodie?", catalog).verdict == Verdict.YES


def test_a_key_naming_its_alternatives_answers_the_one_asked():
    catalog = [BAGLESS, BAGGED]
    question = "is it bagless? dont want to keep buying bags"
    assert ask(BAGLESS, question, catalog).verdict == Verdict.YES
    assert ask(BAGGED, question, catalog).verdict == Verdict.NO


GLOVES = Product(
    id="g1", title="Leather Gardening Gloves", description="Thorn-proof goatskin gloves for roses; size M and L."
)


def test_a_compound_of_a_bound_head_is_not_a_form_of_another_compound():
    # a garden-catalog chat answered "is it waterproof?" with "Yes" from "Thorn-proof"
    assert not same_word("waterproof", "proof") and same_word("gemstone", "stone")
    assert ask(GLOVES, "are these gloves waterproof?", [GLOVES]).verdict == Verdict.NOT_STATED
    assert ask(GLOVES, "are the gloves thorn proof?", [GLOVES]).verdict == Verdict.YES


SOFA_BED = Product(id="b1", title="fabhomedecor double sofa bed", attributes={"Mattress Included": "No"})


def test_separately_offered_as_the_second_alternative_leaves_the_first_answered():
    either = "does a mattress come with the fabhomedecor sofa bed or do i buy one separately?"
    found = ask(SOFA_BED, either, [SOFA_BED])
    assert found.verdict == Verdict.NO and not found.text.startswith("Yes")
