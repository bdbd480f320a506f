"""A follow-up asking for something else by its use, after a request that named no kind, is a new
need: its words rank in place of the old ones and the old interest steers no more, while who it is
for and the budget stay (`assistant.new_use`)."""

from __future__ import annotations

import pytest

from assistant.new_use import asks_new_use
from assistant.session import Session


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("ok what about something to keep her water cold", True),
        ("actually maybe something for her sore feet instead", True),
        # a placeholder with nothing after it, or no switch cue: no new need
        ("what about something under 30", False),
        ("something to keep her water cold", False),
        ("what about the second one", False),
    ],
)
def test_a_new_need_by_its_use(message, asks):
    assert asks_new_use(message) == asks


def test_the_new_need_replaces_what_ranked_and_keeps_the_filters(make_assistant):
    assistant, _ = make_assistant()
    session = Session()
    assistant.reply(session, "my flatmate is getting into yoga and her birthday is friday, anything under 40?")
    assert session.request.constraints.steer_types
    assistant.reply(session, "ok what about something to keep her water cold")
    request = session.request
    assert "yoga" not in request.text and "water" in request.text
    assert request.constraints.steer_types == [] and request.constraints.price_max == 40
