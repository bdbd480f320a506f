"""A follow-up's refused and told words are no wish (`assistant.unwished`); a form said of the
kind narrows it by its head noun; a feature said "with X" or "X on it" of the kind filters; a
school year said of a person points at no card. Expected states, not strings; the conversations
run on the Flipkart catalog with the fake embedder (skipped where it is absent)."""

from __future__ import annotations

import pytest

from assistant.intent import pointed_positions
from assistant.kind_modifiers import featured
from assistant.session import Session
from assistant.unwished import told_words, unwished_words
from common.text import terms, tokenize


@pytest.mark.parametrize(
    ("message", "refused", "unwished", "wished"),
    [
        ("not disney, she's over the cartoon phase", ["disney"], {"disney"}, set()),
        ("linen only, he sweats a lot in polyester", [], {"polyester"}, {"linen"}),
        ("she already has a red puma one so maybe blue?", [], {"red", "puma"}, {"blue"}),
        # a word the shopper's own clause says again is asked: "so dove only"
        ("she's been using dove for years and likes it, so dove only", [], set(), {"dove"}),
    ],
)
def test_refused_and_told_words(message, refused, unwished, wished):
    words = unwished_words(message, refused)
    assert unwished <= words, words
    assert not wished & words, words


def test_a_refusal_stays_in_the_ranking_text_beside_its_negation():
    assert "plain" not in told_words("not a plain one, want some stones on it")


@pytest.mark.parametrize(
    ("message", "heads", "features"),
    [
        ("one with a stylus tip would be perfect", {"one", "pen"}, ["stylus"]),
        ("a pen with the metal body", {"pen"}, ["metal"]),
        ("want some stones on it", {"one"}, ["stones"]),
        ("with a friend", {"one"}, []),  # no kind before "with"
    ],
)
def test_a_feature_said_of_the_kind(message, heads, features):
    assert featured(tokenize(message), heads) == features


@pytest.mark.parametrize("message", ["no wait, it's for my daughter, she's in 2nd", "he is in 3rd std"])
def test_a_school_year_points_at_no_card(message):
    assert pointed_positions(message, 5) == []


def test_an_ordinal_still_points():
    assert pointed_positions("show me the 2nd one", 5) == [2]


def talk(assistant, messages):
    session = Session()
    return session, [assistant.reply(session, m) for m in messages]


@pytest.mark.parametrize(
    ("messages", "not_attributes", "not_brands"),
    [
        (["digital watch for my son, he's 8", "not disney, he's over the cartoon phase"], {"disney"}, {"disney"}),
        (["party dress for my niece", "cotton only, she gets rashes from synthetic stuff"], {"synthetic"}, set()),
        (["a watch for my husband", "he already has a black dial fastrack so maybe not black"], set(), {"fastrack"}),
    ],
)
def test_what_a_follow_up_refuses_or_tells_is_no_wish(flipkart_assistant, messages, not_attributes, not_brands):
    session, _ = talk(flipkart_assistant, messages)
    c = session.request.constraints
    assert not not_attributes & set(c.attributes), c.attributes
    assert not not_brands & set(c.brands), c.brands
    assert not (not_attributes | not_brands) & {w for p in c.prefer for w in terms(p)}, c.prefer


def test_a_form_said_of_a_kind_written_as_one_word_narrows_it(flipkart_assistant):
    session, replies = talk(flipkart_assistant, ["handbag for my sister", "in beige", "sling style please"])
    c = session.request.constraints
    assert c.categories == ["sling bag"] and c.colours == ["beige"] and c.audience
    assert replies[-1].products


def test_a_feature_of_the_kind_said_with_with_filters(flipkart_assistant):
    session, replies = talk(flipkart_assistant, ["a nice pen for my dad", "one with a stylus tip would be perfect"])
    assert "stylus" in session.request.constraints.attributes
    assert replies[-1].products


def test_a_recipient_corrected_with_a_school_year(flipkart_assistant):
    session, replies = talk(
        flipkart_assistant, ["a watch for my son", "no wait, this one's for my daughter, she's in 2nd"]
    )
    assert session.request.constraints.audience == "girls"
    assert replies[-1].products and session.request.product_type == "watch"
