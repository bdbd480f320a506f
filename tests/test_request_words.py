"""Words of a turn that order or hedge a request, not point or ask on the way (set H dialogues):
a bare ordinal before an article orders what is asked for ("first the thigh pad"), and a
request said with a question mark ("a beard wash maybe?") is no question asked on the way."""

from __future__ import annotations

import pytest

from assistant.intent import pointed_positions
from assistant.interpret import _after_question


@pytest.mark.parametrize(
    ("message", "positions"),
    [
        ("first the thigh pad. hes 12", []),
        ("first a helmet, then gloves", []),
        ("the first one", [1]),
        ("first one looks nice", [1]),
        ("compare first and second", [1, 2]),
    ],
)
def test_a_bare_ordinal_before_an_article_orders_the_request(message, positions):
    assert pointed_positions(message, 5) == positions


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("a beard wash maybe? aloe vera one", "a beard wash maybe? aloe vera one"),
        ("which is lighter, bostan or canmp? anyway show me below 500", "anyway show me below 500"),
        ("ok thanks. hmm whats the difference? show me cheaper ones", "show me cheaper ones"),
        # a sentence that tells about the shopper's side is the question's context, not a request
        # (a pet shop: the dog's weight became a price "around £32", the sofa a colour filter)
        ("will the first one fit him? he's about 32 kilos", "will the first one fit him? he's about 32 kilos"),
        ("does it come in grey? my sofa is grey", "does it come in grey? my sofa is grey"),
        (
            "is that one machine washable? our toddler spills everything",
            "is that one machine washable? our toddler spills everything",
        ),
        # ... unless it wishes, bounds a price or asks for others
        ("is it leather? i'd rather something cheaper", "i'd rather something cheaper"),
        ("which is lighter? my budget is 40 though", "my budget is 40 though"),
        ("is it waterproof? he wants black ones", "he wants black ones"),
    ],
)
def test_only_a_question_put_as_one_is_asked_on_the_way(message, asked):
    assert _after_question(message) == asked
