"""Amounts as shoppers say them (`assistant.amounts`): one table, the bound each phrase states."""

from __future__ import annotations

import pytest

from assistant import amount_permission
from assistant.amounts import read_prices
from assistant.constraints import Constraints
from assistant.loosened_budget import loosen_ceiling


@pytest.mark.parametrize(
    ("message", "lo", "hi", "near"),
    [
        ("jacket under 120", None, 120, None),
        # a hedge between the bound and its amount; "budget ... roughly" is still a ceiling (set H)
        ("budget... lets say 1300", None, 1300, None),
        ("my budget is roughly 1300", None, 1300, None),
        ("max maybe 900", None, 900, None),
        # a budget said fixed or tight is still its ceiling; a scale word before its currency is a number (set K)
        ("my budget is fixed, thousand rupees", None, 1000, None),
        ("budget is fixed at 1000", None, 1000, None),
        ("budget is tight, 500", None, 500, None),
        ("i think 2 of them", None, None, None),
        # money the shopper has is what can be spent: a ceiling
        ("all i have is 300 rupees for a wallet", None, 300, None),
        ("she's got like $40 to spend", None, 40, None),
        ("i have 3 grand for the whole thing", None, 3000, None),
        # a weight, length or other measure said as people say it is no price; a bound said beside
        # it still is (a pet shop: "he's about 32 kilos" was a price "around £32")
        ("how big is it, he's about 32 kilos", None, None, None),
        ("roughly 3 metres long, under 20", None, 20, None),
        ("she's 12 lbs, max 45", None, 45, None),
        # a temperature is no price (a camping catalog: "about 3 degrees" was a price around $3)
        ("it gets down to about 3 degrees up there", None, None, None),
        ("about 3°C at night, under 60", None, 60, None),
        ("rated around 40 fahrenheit", None, None, None),
        ("under 500 in black", None, 500, None),
        ("under 2000 m size", None, 2000, None),
        ("jacket below $50", None, 50, None),
        ("between 800 and 1500", 800, 1500, None),
        ("from $20 to $40", 20, 40, None),
        # a cue after the second amount makes a range too (set F)
        ("1000 to 1500 is my range", 1000, 1500, None),
        ("800-1200 max", 800, 1200, None),
        ("1000 range", None, None, None),
        ("jacket 20-40 usd", 20, 40, None),
        ("2k-3k", 2000, 3000, None),
        ("over 500 but under 2000", 500, 2000, None),
        # numbers in words
        ("twelve hundred max", None, 1200, None),
        # a scale word alone after a bound cue is one of it (set M: "wall clock", then "under thousand")
        ("under thousand", None, 1000, None),
        ("below lakh please", None, 100000, None),
        # a bound cue after a comma that closes the clause bounds the amount (set I read a band)
        ("around 2 thousand, not more", None, 2000, None),
        ("1500, max", None, 1500, None),
        ("keep it near 900, no more than that", None, 900, None),
        ("ok cap it at 5k", None, 5000, None),
        # hundreds said without the word, as prices are read out
        ("one fifty max", None, 150, None),
        ("two ninety nine is the limit", None, 299, None),
        ("under one twenty", None, 120, None),
        # "one" alone is the pronoun, never an amount
        ("what about one with pit zips", None, None, None),
        ("about one dollar", None, None, 1),
        ("fifteen hundred or less", None, 1500, None),
        ("two thousand five hundred tops", None, 2500, None),
        ("under a grand", None, 1000, None),
        ("under 3 grand", None, 3000, None),
        # k, lakh, crore
        ("headphones 2.5k", None, None, 2500),
        ("nothing over ₹1.5k", None, 1500, None),
        ("half a lakh", None, None, 50000),
        ("above 1 lakh", 100000, None, None),
        ("1,00,000 above", 100000, None, None),
        ("a watch for 2 crore", None, None, 20_000_000),
        # bounds said around the number
        ("nothing above 2000", None, 2000, None),
        ("2000 max", None, 2000, None),
        ("500 bucks or less", None, 500, None),
        ("rs 2,000 or less", None, 2000, None),
        ("my budget is 800 rupees", None, 800, None),
        ("at least 300", 300, None, None),
        # a negation turns the bound over
        ("can't spend more than 3 grand", None, 3000, None),
        ("i don't want to pay over 2000", None, 2000, None),
        ("nothing under 500 please", 500, None, None),
        # about that much: a soft target, not a bound
        ("around 700", None, None, 700),
        ("something like 2000 bucks", None, None, 2000),
        ("1500ish", None, None, 1500),
        ("a $50 gift", None, None, 50),
        # a range whose first number borrows the scale of the second
        ("three to four thousand", 3000, 4000, None),
        ("7-9k", 7000, 9000, None),
        ("between 40 and 3 thousand", 40, 3000, None),
        # about a range: a soft band around its middle, never two bounds
        ("roughly six-seven hundred would do", None, None, 650),
        ("somewhere around 2 to 4 thousand", None, None, 3000),
        # going past a number, said with a negation, is a ceiling
        ("please don't go beyond nine hundred", None, 900, None),
        ("we shouldnt go past 2500", None, 2500, None),
        ("anything beyond 400", 400, None, None),
        ("thirty five hundred is my ceiling", None, 3500, None),
        # Hinglish bounds after the number, and hazaar
        ("1200 se kam", None, 1200, None),
        ("600 tak", None, 600, None),
        ("20 hazaar tak chalega", None, 20000, None),
        ("five thousand se upar nahi", None, 5000, None),
        ("3 hazaar se upar", 3000, None, None),
        # a cue binds the number in its own sentence only
        ("my boy is 9. under a thousand", None, 1000, None),
        ("she turned 4, below 800 please", None, 800, None),
        ("silver one, and 20 hazaar tak", None, 20000, None),  # a comma ends a range
        ("i can stretch to 2500", None, 2500, None),
        # a cue's verb with its object pronoun ("stretch it to"); a sentence that is the cue alone;
        # "is the most" after the amount (held-out sets AA and AB read a soft band or nothing)
        ("hmm ok stretch it to 2k if needed", None, 2000, None),
        ("budget... let's say a thousand. not a rupee more", None, 1000, None),
        ("600 is the most I'd go", None, 600, None),
        # one word alone after a full stop says too little: the amount stays a soft band
        ("a gift around 700. max", None, None, 700),
        ("four-five hundred is about right", None, None, 450),
        ("900 or thereabouts", None, None, 900),
        # "till" / "until" before a number is its ceiling; between two it joins a range
        ("puma bat, can spend till 2000", None, 2000, None),
        ("a bag until 1500 rupees", None, 1500, None),
        ("shoes from 500 till 1000", 500, 1000, None),
        # a refusal turns a bound over; a bound said after "around" makes it one (set G)
        ("black bellies, she refuses to pay over 600", None, 600, None),
        ("golf balls, around 300 max", None, 300, None),
        ("around 300 or so", None, None, 300),
        # a comma after a number ends it: two amounts, each with its own cue (set S)
        ("a jacket around 900, 1200 is the limit", None, 1200, 900),
        ("kurta for my dad, size 42, 800 max", None, 800, None),
        # Hindi number words count before a scale word: "do hazaar", "paanch sau", "dedh lakh"
        ("budget do hazaar", None, 2000, None),
        ("teen sau se kam", None, 300, None),
        ("dedh lakh tak", None, 150000, None),
        ("do hazaar paanch sau tak", None, 2500, None),
        ("dhai hazaar max", None, 2500, None),
        # permission governs a floor cue: leave to pass the amount, no minimum (set Q q-05)
        ("ok to go above 2000", None, None, 2000),
        ("happy to spend over 5k if it lasts", None, None, 5000),
        ("i dont mind going past 800", None, None, 800),
        ("can go beyond 1500 if needed", None, None, 1500),
    ],
)
def test_amounts_and_their_bounds(message, lo, hi, near):
    r = read_prices(message)
    assert (r.price_min, r.price_max, r.near) == (lo, hi, near)


@pytest.mark.parametrize(
    "message",
    [
        "500 ml water bottle",
        "yoga mat 6 mm",
        "sneakers for a 10 year old boy",
        "laptop backpack 15.6 inch model 2024 1080",
        "my card is 4111 1111 1111 1111",
        "s20 phone cover",
        "1080p camera",
        "4k tv",
        "4+ stars speaker",
        "size 8 to 10",
        "compare 1 and 3",
        "the 2nd one",
        "top 3",
        "order 12345678901",
        "card ends 4111, 1111",
    ],
)
def test_numbers_that_are_not_amounts(message):
    assert not read_prices(message).found()


def test_the_price_phrase_leaves_the_ranking_text():
    r = read_prices("running shoes 500 bucks or less please")
    assert r.without("running shoes 500 bucks or less please") == "running shoes please"


@pytest.mark.parametrize(
    "text, price_min, price_max",
    [
        ("not too expensive, max 80", None, 80),  # the negation is in the clause before
        ("not too pricey; no more than 60", None, 60),
        ("can't spend more than 3 grand", None, 3000),  # same clause: it turns the bound over
        ("i won't really pay more than 90", None, 90),  # only bridge words between
        ("no lace trims below 300", None, 300),  # the negation is of a noun, not of the bound
        ("not glossy ones under 700", None, 700),
        ("wooden, and it shouldnt cost five hundred or more", None, 500),  # before the amount, cue after
        ("nothing 500 or more", None, 500),
        ("it should not cost 2k or less, it breaks otherwise", 2000, None),
        ("black boots, shouldnt cross 1500 though", None, 1500),
        ("wooden, 500 or more is fine", 500, None),
        # a negated least amount, the indefinite and its one noun: "not a dime over", "not a single rupee above"
        ("not a dime over 40", None, 40),
        ("not a single rupee above 900", None, 900),
        ("she said not one paisa more than 1500", None, 1500),
    ],
)
def test_a_negation_turns_over_a_bound_only_in_its_own_clause(text, price_min, price_max):
    reading = read_prices(text)
    assert (reading.price_min, reading.price_max) == (price_min, price_max)


@pytest.mark.parametrize(
    ("clause", "loosens"),
    [
        ("ok can stretch a bit", True),
        ("fine to go a little higher if needed", True),
        ("i dont mind spending more for leather", True),
        ("can you show more", False),  # a request for more cards
        ("ok more like this", False),
        ("ok go for the blue one", False),
        ("can stretch to 1100", False),  # an amount: read_prices reads it as a ceiling
    ],
)
def test_a_permission_to_pass_the_budget_loosens_it(clause, loosens):
    assert amount_permission.loosens(clause) is loosens


@pytest.mark.parametrize(
    ("message", "near"),
    [
        ("ok can stretch a bit", 2000.0),  # the ceiling becomes a price to be near
        ("fine, i dont mind paying a little more", 2000.0),
        ("can you show more", None),  # no permission to pass it: the ceiling stays
    ],
)
def test_a_follow_up_that_permits_passing_the_ceiling_loosens_it(message, near):
    said = Constraints()
    loosen_ceiling(message, said, Constraints(price_max=2000.0))
    assert said.price_near == near
