"""The evaluator's checks on what an answer says (assistant/evaluation/answer_checks.py), on
constructed texts and through a replayed dialogue on the demo catalog."""

from __future__ import annotations

from assistant.evaluation import answer_checks as checks
from assistant.evaluation.logs import Dialogue
from assistant.evaluation.replay import Evaluator
from common.schema import Product

CHEAP = Product(id="a", title="Pod Air Earbuds", price=29.0, rating=4.6, currency="USD")
DEAR = Product(id="b", title="Free 2 Sport Earbuds", price=36.5, rating=4.2, currency="USD")


def test_answers_are_scored_against_the_gold():
    assert checks.answer_right("yes", [], "Yes. The listing gives Date Display: Yes.") == (True, None)
    assert checks.answer_right("yes", [], "No. The listing gives Date Display: No.") == (False, "opposite")
    assert checks.answer_right("not_stated", [], "The listing doesn't say anything about hood.") == (True, None)
    assert checks.answer_right("not_stated", [], "Yes, it has a hood.") == (False, "invented")
    assert checks.answer_right("100 m", ["100m"], "Water Resistance Depth: 100m.") == (True, None)


def test_false_comparatives_and_repeats_are_found():
    text = "The Free 2 Sport Earbuds are the budget-friendly choice. The Pod Air Earbuds are rated higher."
    assert checks.false_comparatives(text, [CHEAP, DEAR]) == [
        "The Free 2 Sport Earbuds are the budget-friendly choice."
    ]
    looped = "It is designed to keep you cool. It is also designed to keep you cool. It has a hood."
    assert checks.repeated_sentences(looped) == ["It is also designed to keep you cool."]


def test_a_quote_must_come_from_the_section_it_is_attributed_to():
    cited = [
        {"source": "returns.md", "section": "Returns > What you can return", "text": "Most items can be returned."},
        {"source": "returns.md", "section": "Returns > Items we cannot take back", "text": "Pierced earrings."},
    ]
    right = checks.citation_matches(
        "From our Returns, under “What you can return”: Most items can be returned.", cited, lambda c: None
    )
    wrong = checks.citation_matches(
        "From our Returns, under “Items we cannot take back”: Most items can be returned.", cited, lambda c: None
    )
    assert (right.quotes, right.matched) == (1, 1) and (wrong.quotes, wrong.matched) == (1, 0)


def test_replay_counts_the_answer_checks(make_assistant):
    assistant, _ = make_assistant()
    dialogue = Dialogue.model_validate(
        {
            "id": "q1",
            "turns": [
                {"role": "user", "text": "is the Free 2 Sport Wireless Earbuds waterproof?"},
                {"role": "user", "text": "How many days do I have to return an item?"},
            ],
            "labels": {"answers": [{"gold": "IPX5"}, None]},
        }
    )
    rows = Evaluator(assistant).dialogue(dialogue)
    assert rows[0].counts["answers_labelled"] == 1 and rows[0].counts["answers_correct"] == 1
    assert (
        rows[1].counts["policy_quotes"] >= 1
        and rows[1].counts["policy_quotes_matched"] == rows[1].counts["policy_quotes"]
    )
    assert all(r.counts["false_comparatives"] == 0 and r.counts["repeated_sentences"] == 0 for r in rows)
