"""Who a request is for and what a story says beside it: a brand of an old item or one only
wished for is no filter, a relation of the recipient told of is no recipient, and a pronoun
points back at the animal an earlier message named (held-out set AH, issue 15)."""

from __future__ import annotations

import pytest

from assistant.audience import about_someone_else, clauses, recipients
from assistant.implied_audience import pet_pointed_at
from assistant.marked_brands import wished_brands
from assistant.said_of_others import kin_told_of
from common.text import tokenize


@pytest.mark.parametrize(
    ("message", "other"),
    [
        # what befell an old item: its brand or colour is the old one's
        ("my old bata loafers finally tore, need new ones", True),
        ("my last red one cracked", True),
        ("the old woodland boots broke after a year", True),
        ("my previous phone was silver", True),  # said to be so, as before
        # an old item that is asked about, or no verb at all
        ("my old one needs a cover", False),
        ("my usual lakme kajal", False),
    ],
)
def test_what_befell_an_old_item_is_told_of_it(message, other):
    words = tokenize(clauses(message)[0].replace("'", " "))
    assert about_someone_else(words, recipients(message)) is other


@pytest.mark.parametrize(
    ("message", "brands", "wished"),
    [
        ("raymond would be nice but the budget is 1500 max", ["raymond"], ["raymond"]),
        ("ideally prestige, under 2000", ["prestige"], ["prestige"]),
        ("nike would be good", ["nike"], ["nike"]),
        ("titan would be great but under 2000", ["titan"], ["titan"]),
        # a brand asked for, or wished for only where the shop has it
        ("allen solly if you have", ["allen solly"], []),
        ("maybe nike?", ["nike"], []),
        ("I'd like raymond", ["raymond"], []),
        ("nike please, something else would be nice too", ["nike"], []),
    ],
)
def test_a_brand_said_with_a_soft_wish_is_wished_for(message, brands, wished):
    assert wished_brands(message, brands) == wished


def test_a_person_of_a_story_owned_by_a_relation_is_who_it_is_for():
    from assistant.audience import read_audience

    assert read_audience("dress for my daughter's teacher", "dress for my daughter's teacher").audience is None
    assert read_audience("cap for my sister's baby", "cap for my sister's baby").audience == "baby"


@pytest.mark.parametrize(
    ("message", "person", "for_someone", "told"),
    [
        ("hmm actually her nani is chipping in, so up to 1000 is fine", "nani", False, True),
        ("his dad is paying, so more is ok", "dad", False, True),
        # someone doing something while the request is for someone else: who pays, who comes
        ("my mom is chipping in, so up to 1000", "mom", True, True),
        ("my wife's paying so stretch it to 2000", "wife", True, True),
        ("my mom is chipping in, so up to 1000", "mom", False, False),  # no one named before
        # a relation who wants one, or one the thing is for, or described
        ("his twin sister wants one too", "sister", True, False),
        ("oh and something for her mom as well", "mom", True, False),
        ("my wife is 40", "wife", True, False),
        ("my son is turning 9", "son", True, False),
    ],
)
def test_a_relation_told_of_is_no_recipient(message, person, for_someone, told):
    words = tokenize(message.replace("'", " "))
    assert kin_told_of(words, words.index(person), for_someone) is told


@pytest.mark.parametrize(
    ("message", "earlier", "pet"),
    [
        ("need a toy for him", ("got a puppy!!", "he chews everything"), "dog"),
        ("something to sleep on for her", ("we adopted a kitten last week",), "cat"),
        # a person named before or now is who it is for; no pronoun, no pointing
        ("need a toy for him", ("my nephew has a puppy",), None),
        ("a toy for my son", ("got a puppy!!",), None),
        ("a chew toy", ("got a puppy!!",), None),
    ],
)
def test_a_pronoun_points_back_at_the_animal_told_of(message, earlier, pet):
    assert pet_pointed_at(message, earlier) == pet


@pytest.fixture
def assistant(flipkart_assistant):
    return flipkart_assistant


def _final(assistant, turns):
    from assistant.session import Session

    session = Session()
    for turn in turns:
        assistant.reply(session, turn)
    return session.request


@pytest.mark.parametrize(
    ("turns", "want"),
    [
        (["my old bata loafers ripped last week, need new ones", "for me, a woman"], {"brands": []}),
        (["my last fastrack watch stopped working, want a new analog one"], {"brands": [], "attributes": []}),
        (["a men's waistcoat", "raymond would be good but nothing over 1500"], {"brands": [], "price_max": 1500}),
        (["dress for my niece, she's 9", "her mom is chipping in so up to 1200 is fine"], {"audience": "girls"}),
        (["a watch for my son, he's 10", "my wife is paying so up to 2000"], {"audience": "boys", "price_max": 2000}),
        (["we got a puppy", "he chews everything", "need a toy for him"], {"attributes": ["dog"]}),
    ],
)
def test_story_clauses_in_a_conversation(assistant, turns, want):
    c = _final(assistant, turns).constraints
    got = {k: getattr(c, k) for k in want}
    assert got == want
