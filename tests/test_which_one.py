"""Comparative questions across shown products ("which one is lighter?") answered from the
records: amounts aligned by attribute, units normalised, ordinal scales ranked, and plain words
when the records cannot decide (assistant/measures.py, assistant/which_one.py)."""

from __future__ import annotations

import pytest

from assistant import measures, which_one
from assistant.session import Session
from common.schema import Product


def item(pid: str, title: str, description: str = "", **attributes: str) -> Product:
    spec = {k.replace("_", " "): v for k, v in attributes.items()}
    return Product(id=pid, title=title, description=description, price=30.0, currency="USD", attributes=spec)


def ask(question: str, *products: Product) -> str:
    claim = which_one.asked(question)
    assert claim is not None, question
    return which_one.answer(list(products), claim)


def test_units_are_normalised_within_a_dimension():
    light = item("a", "Trail Flask", Weight="950 g")
    heavy = item("b", "Camp Kettle", Weight="1.2 kg")
    assert ask("which one is lighter?", light, heavy).startswith("The Trail Flask is lighter: Weight: 950 g, against")
    assert ask("which is heavier?", light, heavy).startswith("The Camp Kettle is heavier: Weight: 1.2 kg")
    # a description's amount counts where a cue says what it measures
    said = item("c", "Day Pack", "A light pack. It weighs 800 g empty.")
    assert ask("which is the lightest?", light, heavy, said).startswith("The Day Pack is the lightest")


def test_an_ip_rating_ranks_on_its_digit_and_words_on_their_scale():
    ip7 = item("a", "Swim Buds", "IPX7 rated for the pool.")
    ip5 = item("b", "Run Buds", "IPX5 rated against sweat and rain.")
    assert ask("which one is more waterproof?", ip5, ip7).startswith("The Swim Buds is more water-resistant: “IPX7")
    proof = item("c", "Storm Jacket", "A waterproof shell for wet days.")
    resistant = item("d", "Wind Jacket", "A water-resistant layer for showers.")
    assert ask("which is more waterproof?", resistant, proof).startswith("The Storm Jacket is more water-resistant")
    flag = item("e", "Field Watch", Water_Resistant="No")
    assert "The Wind Jacket is more water-resistant" in ask("which is more waterproof?", resistant, flag)


def test_depth_ratings_compare_across_units():
    deep = item("a", "Dive Watch", Water_Resistance_Depth="10 ATM")
    shallow = item("b", "Dress Watch", Water_Resistance_Depth="30 m")
    assert ask("which watch is more water resistant?", shallow, deep).startswith("The Dive Watch is more")


def test_the_records_cannot_decide_when_one_is_missing_or_units_do_not_compare():
    stated = item("a", "Aero Buds", "Up to 8 hours of playback.")
    silent = item("b", "Pod Buds", "The case charges over USB-C.")
    text = ask("which lasts longer?", stated, silent)
    assert text.startswith("The records can't say which lasts longer: only the Aero Buds' listing states battery life")
    assert "The Pod Buds' listing doesn't." in text
    volume, length = item("c", "Duffel", Capacity="40 L"), item("d", "Sleeve", Length="38 cm")
    text = ask("which one is bigger?", volume, length)
    assert text.startswith("The records can't say which is bigger: they state different things that don't compare")
    assert "a length and a volume" in text
    assert ask("which is lighter?", silent, volume).endswith("none of the listings states weight.")


def test_a_tie_on_the_first_amount_is_broken_by_the_next_and_a_more_precise_one_is_named():
    aero = item("a", "Aero Buds", "Up to 8 hours of playback, 28 hours in total with the charging case.")
    loop = item("b", "Loop Buds", "Up to 8 hours of playback, 24 hours in total with the charging case.")
    assert ask("which one lasts longer?", loop, aero).startswith("The Aero Buds lasts longer")
    rated = item("c", "Free Buds", "Sweat-resistant earbuds. IPX5 rated against sweat and rain.")
    words = item("d", "Quiet Buds", "Sweat-resistant earbuds.")
    text = ask("which one is more waterproof?", words, rated)
    assert text.startswith("The records don't set them apart on water resistance")
    assert "Only the Free Buds' listing states an IP rating: “IPX5 rated against sweat and rain”." in text


def test_a_part_of_the_product_is_not_its_whole():
    ring = item("a", "Gold Ring", Weight="4 g", Diamond_Weight="0.2 carat")
    band = item("b", "Silver Band", Weight="6 g")
    found = measures.align([ring, band], "weight")
    assert [r.said for r in found.readings if r] == ["Weight: 4 g", "Weight: 6 g"]


@pytest.mark.parametrize("question", ["which one is more waterproof?", "is the first one bigger than the second?"])
def test_a_comparative_is_asked(question):
    assert which_one.asked(question) is not None


def test_a_comparative_question_about_the_cards_is_answered_from_the_records(make_assistant):
    assistant, backend = make_assistant(replies=["The Free 2 Sport is the cheaper one."])
    session = Session()
    assistant.reply(session, "wireless earbuds")
    reply = assistant.reply(session, "which one is more waterproof?")
    assert "IPX5" in reply.text and "water resistance" in reply.text
    assert "The listing doesn't say" not in reply.text and len(reply.products) >= 2


def test_a_record_that_says_it_twice_is_not_more():
    twice = item("a", "Storm Shell", "A waterproof shell. Waterproof zips keep the rain out.")
    once = item("b", "Rain Shell", "A waterproof shell for wet days.")
    assert ask("which one is more waterproof?", once, twice).startswith("The records don't set them apart")


@pytest.mark.parametrize(
    "question, quantity, way",
    [
        ("which lasts longest on a charge?", "battery", "high"),  # no "the", a cue beside the grade
        ("which one is least heavy", "weight", "low"),  # "least" turns the adjective round
        ("which is the most compact?", "size", "low"),
        ("whats the roomiest of them", "size", "high"),  # -iest from -y
        ("which cable is the longest", "size", "high"),  # "long" with no battery word: a length
        ("which is the most lightweight?", "weight", "low"),
    ],
)
def test_a_graded_adjective_asks_its_quantity(question, quantity, way):
    claim = which_one.asked(question)
    assert claim is not None and (claim.quantity, claim.way) == (quantity, way)


@pytest.mark.parametrize("question", ["which is better?", "which is most comfortable?", "which one is faster"])
def test_an_adjective_no_record_quantity_grades_asks_none(question):
    assert which_one.asked(question) is None


def test_a_graded_battery_question_is_answered_from_the_descriptions():
    long = item("a", "Aero Buds", "Up to 8 hours of playback, 28 with the case.")
    short = item("b", "Pod Buds", "Up to 5 hours of playback.")
    assert ask("and which lasts longest on a charge?", short, long).startswith("The Aero Buds lasts longer")


@pytest.mark.parametrize(
    "question",
    ["and which lasts longest on a charge?", "ok so which is lighter", "hmm what material are these"],
)
def test_a_wh_question_after_filler_asks_of_what_is_shown(question):
    from assistant.interpret import asks_of_shown

    assert asks_of_shown(question)  # "and" split off as a clause of its own left no question


def test_which_lasts_longest_is_answered_about_the_shown_products(make_assistant):
    assistant, _ = make_assistant()
    session = Session()
    shown = assistant.reply(session, "show me wireless earbuds")
    reply = assistant.reply(session, "and which lasts longest on a charge?")
    # answered about the cards on screen from their records, not a new search
    assert reply.intent == "product_question" and {p.id for p in reply.products} <= {p.id for p in shown.products}
    assert "lasts" in reply.text or "battery life" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "which one is the cheapest",
        "whats the cheapest of these?",
        "which of these is cheapest",
        "which is the least expensive",
    ],
)
def test_a_graded_which_question_ranks_every_card_on_screen(make_assistant, question):
    assistant, _ = make_assistant()
    session = Session()
    shown = assistant.reply(session, "show me wireless earbuds")
    reply = assistant.reply(session, question)
    # every card is ranked ("which one" points at no single card), not one card's specifications
    assert reply.intent == "product_question" and len(reply.products) == len(shown.products) >= 2
    cheapest = min(shown.products, key=lambda p: p.price)
    assert reply.text.startswith(f"The {cheapest.title} is the cheapest"), reply.text


def test_a_graded_which_question_with_one_card_says_there_is_nothing_to_rank(make_assistant):
    assistant, _ = make_assistant()
    session = Session()
    shown = assistant.reply(session, "a yoga block")
    assert len(shown.products) == 1
    reply = assistant.reply(session, "which of these is the cheapest?")
    assert reply.text.startswith(f"Only one is shown, the {shown.products[0].title}"), reply.text


@pytest.mark.parametrize("question", ["are they waterproof?", "do these have a charging case?"])
def test_a_question_put_to_they_or_these_is_answered_for_every_card(make_assistant, question):
    assistant, _ = make_assistant()
    session = Session()
    shown = assistant.reply(session, "show me wireless earbuds")
    reply = assistant.reply(session, question)
    # "these" was read as the first card alone
    assert reply.intent == "product_question" and [p.id for p in reply.products] == [p.id for p in shown.products]


def test_a_question_put_to_it_is_answered_for_the_first_card(make_assistant):
    assistant, _ = make_assistant()
    session = Session()
    shown = assistant.reply(session, "show me wireless earbuds")
    reply = assistant.reply(session, "is it waterproof?")
    assert [p.id for p in reply.products] == [shown.products[0].id]


GLASS = item("g", "Glass Kettle", "The glass body is easy to wipe clean.")
STEEL = item("s", "Steel Kettle", "Boils fast. Easy to carry.")
PLAIN = item("p", "Plain Kettle", "Boils 1.7 litres.")


@pytest.mark.parametrize(
    ("question", "products", "opens", "says"),
    [
        # the superlative's base word and what it is said of, ranked by how much a record states
        ("which of those is the easiest to clean?", [STEEL, GLASS, PLAIN], "Only one listing says so", "Glass Kettle"),
        ("which one is the easiest to carry?", [GLASS, STEEL], "Only one listing says so", "Steel Kettle"),
        ("which of these is the most durable?", [GLASS, PLAIN], "The listings don't say which", "none of them"),
    ],
)
def test_a_superlative_no_quantity_grades_names_the_records_that_state_it(question, products, opens, says):
    from assistant import superlatives

    assert which_one.asked(question) is None
    most = superlatives.asked(question)
    assert most is not None
    text = superlatives.answer(products, most)
    assert text.startswith(opens) and says in text, text


def test_a_superlative_over_the_cards_is_answered_from_their_records(make_assistant):
    assistant, _ = make_assistant()
    session = Session()
    shown = assistant.reply(session, "show me coffee makers")
    reply = assistant.reply(session, "which of those is the easiest to clean?")
    # each card was told "doesn't say anything about easiest clean"
    assert len(reply.products) == len(shown.products) >= 2
    assert "easy to wipe clean" in reply.text and "doesn't say anything about" not in reply.text, reply.text
