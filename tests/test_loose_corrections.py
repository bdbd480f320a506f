"""Corrections and bounds said loosely in a follow-up (held-out sets AG and AH, session 19), on
the real Flipkart catalog with the fake embedder: each case states the request it must leave,
not a reply's wording.

- a correction cue with the new amount alone revises the bound ("hmm actually make that 400");
- a style or occasion before a colour ("a formal black one") says a colour, not a product's name;
- a wanting phrase before an infinitive ("I want to stay under 500") switches to no kind;
- a policy word in a sentence that asks nothing, beside a new bound in a request in progress
  ("... lets keep it under 300 now, still need to pay for the cake"), is no policy question.
"""

from __future__ import annotations

import pytest

from assistant.colour_words import said_colours
from assistant.core import Assistant
from assistant.intent import Intent
from assistant.session import Session
from common.text import tokenize


@pytest.fixture
def assistant(flipkart_assistant) -> Assistant:
    return flipkart_assistant


def final_request(assistant: Assistant, messages: list[str]):
    session = Session()
    replies = [assistant.reply(session, m) for m in messages]
    return session.request, replies[-1]


@pytest.mark.parametrize(
    "messages, price_max",
    [
        (["small wooden jewellery box", "budget maybe 500", "hmm actually make that 400, need money for flowers"], 400),
        (["school bag for my son", "under 1500", "oh wait, make it 1200"], 1200),
        # the cue with the old amount said still replaces it ("meant 900 not 500")
        (["school bag for my son", "under 500", "sorry, meant 900 not 500"], 900),
    ],
)
def test_a_correction_cue_with_the_new_amount_revises_the_bound(assistant, messages, price_max):
    request, _ = final_request(assistant, messages)
    assert request.constraints.price_max == price_max


@pytest.mark.parametrize(
    "words, colours",
    [
        ("a formal black one", ["black"]),
        ("casual brown ones", ["brown"]),
        ("is there a curling cream", []),  # the shop's product, not a colour
    ],
)
def test_a_style_before_a_colour_says_the_colour(assistant, words, colours):
    assert said_colours(tokenize(words), assistant.engine.understander._titled) == colours


def test_a_formal_black_one_replaces_the_brown_belt(assistant):
    request, _ = final_request(
        assistant,
        [
            "need a belt for my husband",
            "brown maybe, he wears it with jeans mostly",
            "oh wait, it's for his new office job actually, so a formal black one",
        ],
    )
    assert request.product_type == "belt" and request.constraints.colours == ["black"]


def test_wanting_to_do_something_names_no_kind(assistant):
    request, reply = final_request(
        assistant, ["leggings", "white ones", "how much are those? I want to stay under 500"]
    )
    assert request.product_type == "leggings"
    assert request.constraints.colours == ["white"] and request.constraints.price_max == 500
    assert reply.products


def test_what_the_money_is_for_beside_a_new_bound_is_no_policy_question(assistant):
    session = Session()
    for m in ["a coffee mug for my brother, nothing above 500"]:
        assistant.reply(session, m)
    reply = assistant.reply(
        session, "got any more with music stuff on them? and lets keep it under 300 now, still need to pay for the cake"
    )
    assert reply.intent != Intent.POLICY
    assert session.request.constraints.price_max == 300


@pytest.mark.parametrize(
    "message",
    [
        "Tracking says delivered yesterday 2:14pm. Nothing on the porch. What now?",
        "can I pay for it in installments?",
    ],
)
def test_a_policy_question_in_a_request_stays_one(assistant, message):
    session = Session()
    assistant.reply(session, "a coffee mug under 500")
    assert assistant.reply(session, message).intent == Intent.POLICY
