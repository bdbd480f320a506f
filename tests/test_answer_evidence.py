"""Evidence that answers what was asked (assistant/answers.py), each class on a small hand-made
record with the deterministic embedder: the option a value question offers that the record holds,
a count stated with the thing counted or as the pack the product comes in, and a need of
N times an amount."""

from __future__ import annotations

from assistant import fit
from assistant.answer_evidence import Verdict, key_values
from assistant.answers import answer_question
from assistant.question_reading import offered_options
from common.schema import Product
from tests.fakes import HashEmbedder

HEADLIGHT = Product(
    id="h1",
    title="leebo led headlight for bajaj pulsar 150",
    description="super high power cree led headlight for bikes, vacuum copper tube inside to move heat away from "
    "the chip and keep it cool while riding at night on long highway trips, make sure h4 bulb type is used in "
    "your vehicle before fitting",
    attributes={"Number of Bulbs": "1", "Power Consumption": "40 W"},
)
PILLOW = Product(id="p1", title="jdx plain sleeping pillow (pack of10, white)", attributes={"Color": "White"})
HANDI = Product(
    id="k1",
    title="cookart handi set with hot pot",
    attributes={"Sales Package": "1 Casserole, 3 Handi", "Pack of": "4"},
)


def ask(product: Product, question: str, naming: str | None = None):
    return answer_question(product, question, HashEmbedder(), key_values([product, HEADLIGHT]), naming)


def test_the_options_a_question_offers_are_the_words_next_to_or():
    assert offered_options("which bulb fitting does it need? h4 or h7 or what") == [["h4"], ["h7"]]
    assert offered_options("is it gujarati medium or english medium?") == [["gujarati"], ["english"]]
    assert offered_options("is the gainer a powder or tablets?") == [["powder"], ["tablet"]]
    # "or" joining a second question, or "or not", offers no option
    assert offered_options("does a mattress come along or do i have to buy it?") == []
    assert offered_options("is it waterproof or not?") == []


def test_a_value_asked_with_options_is_answered_by_the_option_the_record_holds():
    answer = ask(HEADLIGHT, "leebo pulsar headlight which bulb fitting/type it needs? h4 or h7 or what", "leebo")
    assert answer.verdict == Verdict.VALUE and answer.text.startswith("H4.") and "h4 bulb type" in answer.text
    # an option said only as part of another word is not held: the answer comes from elsewhere
    answer = ask(HEADLIGHT, "which wattage is it, 4 or 7?", "leebo")
    assert not answer.text.startswith(("4.", "7."))


def test_how_many_of_a_thing_is_the_count_stated_with_it():
    answer = ask(HANDI, "cookart handi set - what comes in the box? how many handis", "cookart handi set")
    assert answer.verdict == Verdict.VALUE and answer.text.startswith("3 Handi.")


def test_how_many_of_what_the_product_is_is_the_pack_it_comes_in():
    answer = ask(PILLOW, "jdx pillow - how many pillows come in one order?", "jdx pillow")
    assert answer.verdict == Verdict.VALUE and answer.text.startswith("10.") and "pack of10" in answer.text
    # a count the record does not state is not stated
    assert ask(PILLOW, "how many stitches per inch?", "jdx pillow").verdict != Verdict.VALUE


def test_a_count_of_an_amount_is_the_total_needed():
    assert fit.amounts("planning 2 x 100 watt solar panels") == [fit.Amount("power", 200.0, 1.0)]
    controller = Product(id="c1", title="phocos cx10 charge controller", attributes={"Maximum Input Power": "120 W"})
    answer = ask(controller, "2 x 100 watt solar panels on the roof, can the phocos cx10 handle that", "phocos cx10")
    assert answer.verdict == Verdict.NO and "120 W" in answer.text
    assert ask(controller, "one 100 watt panel, can the phocos cx10 handle that", "phocos cx10").verdict == Verdict.YES


def test_an_option_of_two_words_is_answered_as_the_record_writes_it():
    tent = Product(id="t1", title="basecamp tent 2-person", attributes={"Material": "Ripstop Nylon"})
    answer = ask(tent, "which is the flysheet, ripstop nylon or polyester?", "basecamp tent")
    assert answer.verdict == Verdict.VALUE and answer.text.startswith("Ripstop Nylon.")


def test_a_thing_counted_that_only_the_category_names_is_no_pack_count():
    ring = Product(
        id="r1",
        title="caratlane fantasia band ring",
        category_path="Jewellery > Diamond Rings",
        attributes={"Pack of": "1"},
    )
    answer = ask(ring, "how many diamonds are on the caratlane fantasia band ring?", "caratlane fantasia band ring")
    assert "Pack of" not in answer.text
