"""How a policy question's asking clause, focus and parts are read (assistant/policy_focus.py,
assistant/policy_parts.py), on the demo policies: the AH PolT design rows' shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.policy_answer import clauses, situations_in
from assistant.policy_focus import asking_parts, unnamed_focus
from assistant.policy_parts import parts
from assistant.policy_words import content_stems
from ingest.policies import split_policy

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"


@pytest.fixture(scope="module")
def stems() -> list[set[str]]:
    passages = [
        {"text": p.text, "section": p.section, "source": p.source}
        for f in sorted(POLICIES.glob("*.md"))
        for p in split_policy(f)
    ]
    return [content_stems(f"{c.section.split(' > ')[-1]} {c.text}") for p in passages for c in clauses(p)]


def test_a_question_that_offers_another_way_opens_where_its_first_way_does():
    question = "If I return the speaker do I have to pay the postage myself or do you cover it?"
    assert asking_parts(question) == ["do I have to pay the postage myself or do you cover it?"]
    # an auxiliary inside the "if" clause still does not open the question
    assert asking_parts("if the jeans don't fit can she send them back?") == ["can she send them back?"]


@pytest.mark.parametrize(
    ("question", "unnamed"),
    [
        # the thing asked in the first way is kept ("the postage"), not lost to "do you cover it?"
        ("If I return the speaker do I have to pay the postage myself or do you cover it?", ["postage"]),
        # a person is who gets or does it, no thing a clause must name
        ("can that still be fixed or is it going to my ex flatmate now", []),
        ("can you send it to my grandma instead?", []),
        # a verb that moves or changes what an order holds names no service of its own
        ("can you move the payment on my order onto my gift card?", []),
        ("can you just throw a phone case into it too?", []),
        # a service no clause names still is one
        ("Could you gift wrap it and slip a little handwritten card inside?", ["inside", "wrap"]),
    ],
)
def test_the_focus_leaves_out_people_and_verbs_that_move_an_orders_contents(stems, question, unnamed):
    assert unnamed_focus(question, stems) == unnamed


def test_a_sentence_opened_by_a_conjunction_and_an_adverb_is_a_part():
    question = (
        "Are you saving this conversation somewhere and for how long? "
        "And separately, how would I get a full copy of whatever info you have on me"
    )
    assert parts(question) == [
        "Are you saving this conversation somewhere and for how long?",
        "And separately, how would I get a full copy of whatever info you have on me",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Before my order goes out, can I switch the keyboard to linear switches?",
        "can you move the payment on my not-yet-shipped order onto my gift card?",
    ],
)
def test_an_order_told_as_not_gone_out_is_pending(question):
    assert "pending" in {s.name for s in situations_in(question)}


@pytest.mark.parametrize(
    ("question", "unnamed"),
    [
        # a bare object after a light verb is the service asked; after an article, the shopper's item
        ("do you do gift wrapping?", ["wrapping"]),
        ("can you add a phone case to it?", []),
        ("can you take paypal?", []),
        # a country is a name in lower case too; one the policies name is no gap
        ("do u ship to india?", ["india"]),
        ("do you ship to canada?", []),
    ],
)
def test_a_light_verbs_bare_object_and_a_country_in_lower_case_are_foci(stems, question, unnamed):
    assert unnamed_focus(question, stems) == unnamed
