"""A turn that only points ("and the third?") after a question about a card asks that question
again of the card it points at; after a request for details it asks for those details."""

from __future__ import annotations

import pytest

from assistant.ellipsis import only_points
from assistant.session import Session
from common.schema import Product

CARDS = [
    Product(id="a", title="Quietline Open-Ear Wireless Earbuds", brand="Sonavia", price=33.5),
    Product(id="b", title="Loop Noise-Cancelling Wireless Earbuds", brand="Pulsewave", price=139.99),
]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("and the third?", True),
        ("what about the first one?", True),
        ("ok and the 2nd?", True),
        ("how about the loop one?", True),  # a word of a card's own title points
        ("same for the black one", True),
        ("and the pulsewave?", True),
        ("is the third one waterproof?", False),
        ("tell me about the fourth", False),
        ("and does the first one have a mic?", False),
        # pointed at by position, a word of a title outside the pointing phrase is what is asked
        ("the second one, is it noise-cancelling?", False),
        ("and the 2nd, the loop one?", True),
    ],
)
def test_a_turn_only_points_when_it_says_nothing_beside_which_card(message, expected):
    assert only_points(message, CARDS) is expected


def _turn(assistant, session: Session, message: str):
    return list(assistant.respond(session, message))[-1].data


def test_and_the_third_asks_the_question_before_it_again(make_assistant):
    assistant, _ = make_assistant()
    session = Session()
    _turn(assistant, session, "wireless earbuds")
    shown = list(session.shown)
    _turn(assistant, session, "is the second one waterproof?")
    again = _turn(assistant, session, "and the third?")
    assert [p.id for p in again.products] == [shown[2]] and again.intent == "product_question"
    assert "what you're asking" not in again.text and again.text.strip()
    back = _turn(assistant, session, "ok and the first?")  # past an earlier turn that only pointed
    assert [p.id for p in back.products] == [shown[0]] and "what you're asking" not in back.text


def test_and_the_fifth_after_details_shows_its_details(make_assistant):
    assistant, _ = make_assistant()
    session = Session()
    _turn(assistant, session, "wireless earbuds")
    fifth = session.shown[4]
    _turn(assistant, session, "tell me about the fourth")
    reply = _turn(assistant, session, "and the fifth?")
    assert [p.id for p in reply.products] == [fifth] and reply.intent == "detail"
    assert reply.products[0].title in reply.text and "what you're asking" not in reply.text


def test_the_question_asked_again_leaves_out_the_words_that_pointed_at_the_first_card():
    """'is the skillet ok in the oven?' ... 'and the frying pan?' asked the pan about "skillet"."""
    from assistant.ellipsis import asked_again
    from assistant.session import LastReply, Turn

    pans = [
        Product(id="p1", title="Non-Stick Frying Pan 28 cm", price=29.5),
        Product(id="p2", title="Cast Iron Skillet 26 cm", price=39.9),
    ]
    session = Session(
        turns=[Turn(role="user", content="is the skillet ok in the oven?"), Turn(role="assistant", content="Yes.")],
        last=LastReply(about=["p2"]),
    )
    assert asked_again("and the frying pan?", session, pans) == "is it ok in the oven?"
    assert asked_again("and the frying pan, is it heavy?", session, pans) is None  # asks its own question


def test_words_that_pick_cards_to_compare_say_nothing_the_shopper_wants():
    from assistant.compare import wanted_words

    assert wanted_words("compare the two cheapest") == []
    assert wanted_words("electric kettle compare the three best rated for green tea") == [
        "electric",
        "kettle",
        "green",
        "tea",
    ]
