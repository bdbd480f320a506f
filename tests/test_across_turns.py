"""What carries across turns (held-out set AF, issue 15): a colour told of other things is no
wish and points at no card (`assistant.told_colours`); the standard of a comparison and a value
named as the problem are no wish (`assistant.unwished`); the same person said in another word
is no new recipient and a recipient of refused products none at all (`assistant.new_recipient`);
a kind the shop lacks said after a request steered to kinds refines it (`assistant.interpret`);
cheap words turned over by a negation steer to the dearer end (`assistant.price_stance`).
Expected states, not strings; conversations run on the Flipkart catalog with the fake embedder
(skipped where it is absent)."""

from __future__ import annotations

import pytest

from assistant.new_recipient import for_someone_new
from assistant.price_stance import cheap_denied, money_no_concern
from assistant.session import Session
from assistant.told_colours import colour_clauses
from assistant.unwished import compared_words, unwished_words


@pytest.mark.parametrize(
    ("message", "asked", "told"),
    [
        ("blue if you have it, the yellow ones fade too quickly", {"blue"}, {"yellow"}),
        ("her saree is green with a red border, so a golden one would suit", {"gold"}, {"green", "red"}),
        ("something in grey, my sofa is all white", {"grey"}, {"white"}),
        # with no other colour asked there is nothing to tell apart
        ("the red one is nice", set(), set()),
        ("my dress is red too", set(), set()),
        # a refused colour is no colour asked: "the blue ones are nicer" chooses blue
        ("not black, the blue ones are nicer", set(), set()),
        ("she already has black, make it white", set(), set()),
    ],
)
def test_a_colour_told_of_another_thing(message, asked, told):
    read = colour_clauses(message)
    assert set(read.told) == told, read
    assert asked <= set(read.asked), read


@pytest.mark.parametrize(
    ("message", "unwished", "wished"),
    [
        ("the woollen ones feel warmer than acrylic, show me those", {"acrylic"}, {"woollen"}),
        ("leather only, rexine gets too sweaty in summer", {"rexine"}, {"leather"}),
    ],
)
def test_a_comparison_standard_and_a_problem_are_no_wish(message, unwished, wished):
    words = unwished_words(message, [])
    assert unwished <= words, words
    assert not wished & words, words


@pytest.mark.parametrize("message", ["more than 2 litres", "nothing costlier than a thousand", "less than 500 rs"])
def test_an_amount_after_than_is_no_standard(message):
    assert not compared_words(message) - {"rs"}


@pytest.mark.parametrize(
    ("message", "earlier", "new"),
    [
        # the same relation in another word is no one new
        ("one with a message for mom on it", ("want to get my ammi something for eid", "a coffee mug maybe"), False),
        ("a gift for papa too", ("my dad loves tea", "a tea set"), False),
        # who refused products are for is no recipient
        ("he's small, not those big ones for older kids", ("school bag for my nephew",), False),
        # a gift for someone no earlier message named is a new request
        ("and what about a gift for my dad, he's 70", ("my sister's coffee always goes cold",), True),
    ],
)
def test_who_is_someone_new(message, earlier, new):
    assert for_someone_new(message, earlier) is new


@pytest.mark.parametrize(
    ("message", "denied", "no_concern"),
    [
        ("doesn't have to be a brand, just shouldn't look cheap", True, False),
        ("our budget isn't really a problem", False, True),
        ("price is not a concern for us", False, True),
        ("cheap is fine", False, False),
        ("something cheap", False, False),
        # "budget" is a noun as often: a bound said with it is no steer
        ("not more than my budget of 500", False, False),
    ],
)
def test_cheap_turned_over_by_a_negation(message, denied, no_concern):
    assert cheap_denied(message) is denied
    assert money_no_concern(message) is no_concern


def talk(assistant, messages):
    session = Session()
    return session, [assistant.reply(session, m) for m in messages]


def test_a_told_colour_points_at_no_card_and_the_asked_one_filters(flipkart_assistant):
    session, replies = talk(
        flipkart_assistant, ["a keyboard for my dad", "black if you have one, the white ones get grubby fast"]
    )
    c = session.request.constraints
    assert c.categories and c.colours == ["black"], c
    assert replies[-1].intent in ("search", "refine"), replies[-1].intent


def test_a_colour_of_something_owned_is_no_filter(flipkart_assistant):
    session, _ = talk(flipkart_assistant, ["need a clutch for a wedding", "my saree is maroon so a gold one would go"])
    c = session.request.constraints
    assert "maroon" not in c.colours and "gold" in c.colours, c


def test_the_same_person_keeps_the_kind(flipkart_assistant):
    session, _ = talk(
        flipkart_assistant,
        ["want to get amma something small", "maybe a coffee mug?", "one that says something for mom on it"],
    )
    assert session.request.constraints.categories == ["coffee mug"], session.request


def test_a_kind_the_shop_lacks_refines_a_steered_request(flipkart_assistant):
    session, _ = talk(flipkart_assistant, ["something for fragrance in the living room?", "a plug-in electric type"])
    c = session.request.constraints
    assert c.steer_types and not c.categories, c


def test_a_comparison_standard_is_no_must_have(flipkart_assistant):
    session, _ = talk(flipkart_assistant, ["a diwan set", "embroidered ones look richer than printed, show me those"])
    assert "printed" not in session.request.constraints.attributes, session.request.constraints


@pytest.mark.parametrize(
    ("message", "price_max"),
    [
        ("nothing costlier than 300", 300.0),
        ("nothing more expensive than 2k", 2000.0),
        ("pricier than 500 is ok", None),
    ],
)
def test_a_price_comparative_denied_is_a_ceiling(message, price_max):
    from assistant.amounts import read_prices

    assert read_prices(message).price_max == price_max


def test_a_question_that_names_a_colour_asks_for_it(flipkart_assistant):
    session, _ = talk(
        flipkart_assistant, ["lunch box for my daughter", "under 250", "does it come in pink? she likes nothing else"]
    )
    assert session.request.constraints.colours == ["pink"], session.request.constraints


def test_a_count_said_in_words(flipkart_assistant):
    session, _ = talk(flipkart_assistant, ["a cover for our dining table", "its a six seater"])
    assert "6 seater" in session.request.constraints.attributes, session.request.constraints


def test_not_looking_cheap_keeps_the_budget(flipkart_assistant):
    session, _ = talk(
        flipkart_assistant, ["a gold clutch", "up to 1500", "doesn't need a brand, just shouldn't look cheap"]
    )
    c = session.request.constraints
    assert c.premium and c.price_max == 1500.0 and not c.cheap, c


def test_money_no_concern_lifts_the_budget(flipkart_assistant):
    session, _ = talk(flipkart_assistant, ["a gold clutch", "up to 1500", "actually budget isn't really a problem"])
    c = session.request.constraints
    assert c.premium and c.price_max is None and not c.cheap, c


@pytest.mark.parametrize(
    ("title", "colours"),
    [("winner gift set skyblue02 lunch box", ["blue"]), ("darkgreen kurta", ["green"]), ("lightning cable", [])],
)
def test_a_shade_glued_to_its_colour(title, colours):
    from ingest.clean import colours_in

    assert colours_in(title) == colours


def test_not_looking_cheap_with_a_new_range_takes_the_range(flipkart_assistant):
    session, _ = talk(
        flipkart_assistant, ["a showpiece for a housewarming", "nothing that looks cheap, so not below 1200. 1500 max"]
    )
    c = session.request.constraints
    assert (c.price_min, c.price_max) == (1200.0, 1500.0), c
