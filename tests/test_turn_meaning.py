"""What a turn means on the demo catalog (fake embedder): the intent and the request's state
after it, never the wording of the reply."""

from __future__ import annotations

import pytest

from assistant.intent import Intent
from assistant.session import Session


@pytest.fixture(scope="module")
def assistant(fake_settings, fake_embedder):
    from assistant.core import Assistant
    from tests.fakes import ScriptedBackend

    return Assistant.load(fake_settings, backend=ScriptedBackend(), embed=fake_embedder)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # a damaged thing of the shopper's own with a new one of a kind asked for: shopping
        ("a lamp on my desk is broken, need a new desk lamp", Intent.SEARCH),
        ("my kettle cracked last week, looking for a new kettle", Intent.SEARCH),
        # an order word, or a new one of no kind, keeps it a support case
        ("the kettle i ordered arrived broken, need a new kettle", Intent.SUPPORT),
        ("my headphones stopped working, i want a new one", Intent.SUPPORT),
        # "replacement" beside the kind names a part or a new one to buy; with an order, support
        ("replacement headphones for the gym", Intent.SEARCH),
        ("electric kettle replacement under 50", Intent.SEARCH),
        ("send a replacement kettle, the one i ordered leaks", Intent.SUPPORT),
    ],
)
def test_a_new_one_of_a_kind_is_shopping(assistant, message, intent):
    assert assistant.reply(Session(), message).intent == intent


@pytest.mark.parametrize(
    ("follow_up", "intent"),
    [
        # a question about a shown product asks of the product, whatever trouble word it holds
        ("does the first one leak?", Intent.PRODUCT_QUESTION),
        ("will the first one crack if i drop it", Intent.PRODUCT_QUESTION),
        # a shown one that came to harm is the shopper's order: support
        ("the first one arrived leaking", Intent.SUPPORT),
    ],
)
def test_a_question_about_a_shown_product_is_no_support_case(assistant, follow_up, intent):
    session = Session()
    assert assistant.reply(session, "water bottle").products
    assert assistant.reply(session, follow_up).intent == intent


def test_an_implied_child_keeps_a_kind_not_made_by_age(assistant):
    """Footballs here record a unisex (grown-up) audience: a nephew's one is one of them."""
    session = Session()
    reply = assistant.reply(session, "a football for my nephew")
    assert session.request.constraints.audience == "boys or men"
    assert reply.products and all("football" in c.title.lower() for c in reply.products[:1])


def test_an_implied_child_stays_where_the_kind_is_made_for_children(assistant):
    """Where the kind has children's products (school backpacks), a nephew's is a child's."""
    session = Session()
    assistant.reply(session, "a school backpack for my nephew")
    assert session.request.constraints.audience in ("boys", "kids")
