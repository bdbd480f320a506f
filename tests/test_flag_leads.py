"""A yes/no key asked for by its leading words (`assistant.flag_leads`): held-out sets AF d17
("an induction-compatible kadhai" against "Induction Bottom: No") and AE d17 ("he bats left
handed" against "Left Hand Gloves: No")."""

from __future__ import annotations

import pytest

from assistant.flag_leads import flags_by_lead
from common.text import terms

KEYS = frozenset({"induction bottom", "left hand glove", "right hand glove", "dishwasher safe", "water resistant"})


@pytest.mark.parametrize(
    ("message", "keys"),
    [
        ("an induction-compatible kadhai", ["induction bottom"]),
        ("a kadhai that works on induction", ["induction bottom"]),
        ("he bats left handed, that matters right?", ["left hand glove"]),
        ("left-handed batting gloves", ["left hand glove"]),
        ("my mom just shifted to an induction stove so it has to work on that", ["induction bottom"]),
        ("dishwasher friendly lunch box", ["dishwasher safe"]),
        # the leading words alone, or with no word of fitness, ask for nothing
        ("water bottle for the gym", []),
        ("an induction cooktop", []),
        ("my left hand hurts", []),
    ],
)
def test_a_key_asked_for_by_its_leading_words(message: str, keys: list[str]) -> None:
    assert [key for _, _, key in flags_by_lead(terms(message), KEYS)] == keys
