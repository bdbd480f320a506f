"""A clause the only one of the policies to use an asked word speaks to the question; shoppers'
abbreviations are read as the policies' words (assistant/policy_coverage.py,
assistant/policy_abbreviations.py)."""

from __future__ import annotations

from assistant.policy_abbreviations import spelled_out
from assistant.policy_coverage import asked_words, singled_out
from assistant.policy_words import content_stems

CLAUSES = [
    content_stems(
        "The shopping assistant. It runs on our own servers; your messages are not sent to outside AI providers."
    ),
    content_stems("How we use your data. We use personal data only to process and deliver your orders."),
    content_stems("Accepted payment methods. We do not accept cash on delivery, cheques or bank transfers."),
]


def test_an_initialism_is_an_asked_word():
    assert "ai" in asked_words("does this chat go off to ChatGPT or some other AI company?")[0]


def test_the_only_clause_using_an_asked_word_speaks_to_it():
    question = "does this chat go off to ChatGPT or some other AI company?"
    assert singled_out(question, CLAUSES[0], CLAUSES)
    assert not singled_out(question, CLAUSES[1], CLAUSES)


def test_a_word_many_clauses_use_singles_none_out():
    question = "can I use my data for a discount?"
    assert not singled_out(question, CLAUSES[1], [*CLAUSES, content_stems("We use your data with care.")])


def test_an_abbreviation_is_read_as_the_policies_words():
    assert spelled_out("do u have COD?") == "do you have cash on delivery?"
    assert (
        spelled_out("a cod fillet recipe? codes and umbrella") == "a cash on delivery fillet recipe? codes and umbrella"
    )


def test_a_clause_stating_only_the_kind_of_value_asked_does_not_cover_the_case():
    from assistant.policy_answer import NOT_COVERED, answer

    passage = {
        "text": "Gift card balances update in 5 to 7 business days.",
        "section": "Retail agent policy > Gift cards",
        "source": "policy_wiki.md",
    }
    found = answer([passage], "how many days after delivery do i have to return the skateboard?")
    assert not found.covered and found.text.startswith(NOT_COVERED)
