"""Policy answers from the clause that applies (assistant/policy_answer.py), on the demo policies."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.policy_answer import answer, cited, clauses
from ingest.policies import split_policy

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"


@pytest.fixture(scope="module")
def passages() -> list[dict]:
    return [
        {"text": p.text, "section": p.section, "source": p.source}
        for f in sorted(POLICIES.glob("*.md"))
        for p in split_policy(f)
    ]


def test_a_list_is_quoted_whole_with_its_introduction_and_a_table_row_by_row(passages):
    returnable = next(p for p in passages if p["section"].endswith("What you can return"))
    first = clauses(returnable)[0].text
    assert first.startswith("Most items can be returned within 30 days of the delivery date, as long as they are: ")
    assert first.endswith("accompanied by the order number or the packing slip.") and "- " not in first
    table = next(p for p in passages if "Shipping options" in p["section"])
    assert clauses(table)[0].text.startswith("Option: Standard; Delivery time (after dispatch): 3-5 business days")


@pytest.mark.parametrize(
    ("question", "heading", "says"),
    [
        ("my order arrived damaged, what do I do?", "Damaged, faulty or wrong items", "within 7 days"),
        ("can I return a gift?", "Holiday returns", "gifts can be exchanged"),
        ("is there a fee for returns?", "How to return an item", "$5.95"),
        ("can I return opened earbuds he doesn't like?", "What you can return", "unused"),
    ],
)
def test_the_clause_for_the_case_is_quoted_with_its_own_section(passages, question, heading, says):
    found = answer(passages, question)
    assert found.covered and found.quoted[0].section.endswith(heading)
    assert found.text.startswith(f"From our Returns and Refunds Policy, under “{heading}”: ") and says in found.text
    assert ".md" not in found.text and "**" not in found.text
    assert cited(found.quoted, passages)[0]["section"] == found.quoted[0].section  # the citation matches


def test_a_case_the_policies_do_not_cover_is_said_plainly(passages):
    found = answer(passages, "can I pay in bitcoin or with crypto?")
    assert not found.covered and found.text.startswith("Our policies don't cover bitcoin crypto directly.")
