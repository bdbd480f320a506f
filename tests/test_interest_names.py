"""Words of what someone is into are an interest, not a product's name: "my brother is getting
into trail running, anything under 120?" asks for products (a gift for him under $120), not
about the demo's "Apex Trail Running Shoes" (answered "the listing doesn't say that" before)."""

from __future__ import annotations

import pytest

from assistant.intent import Intent
from assistant.session import Session


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("my brother is getting into trail running and his birthday is next week, anything under 120?", Intent.SEARCH),
        ("she's really into yoga, anything under 50?", Intent.SEARCH),
        # a product named by words of its own besides the interest is still asked about
        ("he's into trail running, are the apex trail running shoes waterproof?", Intent.PRODUCT_QUESTION),
    ],
)
def test_an_interest_names_no_product(make_assistant, message, intent):
    assistant, _ = make_assistant()
    reply = assistant.reply(Session(), message)
    assert reply.intent == intent
