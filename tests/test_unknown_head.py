"""A request whose kind no product names and the type lexicon knows ("cat litter for my two
cats", held-out AC-q28): told the shop does not carry it, never shown anything."""

from __future__ import annotations

import pytest

from assistant.understand import Understander
from assistant.unknown_head import opening_phrase, unknown_kind


@pytest.fixture(scope="module")
def parse(demo_catalog):
    return Understander(demo_catalog).parse


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("cat litter for my two cats", ["cat", "litter"]),
        ("i need cat litter", ["cat", "litter"]),
        ("something to keep mosquitoes off", []),  # "to": no request goes on so
        ("", []),
    ],
)
def test_opening_phrase(text, phrase):
    assert opening_phrase(text) == phrase


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("cat litter for my two cats", "cat litter"),  # AC-q28
        ("peacock", None),  # one word, no type's head: a colour or a style as likely as a thing
        ("industrial", None),  # a style said alone (demo review: "we don't carry industrials")
        ("hammock", "hammock"),  # one word that is a type's own head
        ("rooster decor", None),  # the catalog knows "decor": the words rank
        ("wainscoting ideas", None),  # "ideas": no kind shops sell
        ("cat for my son", None),  # a qualifier alone
        ("something to keep mosquitoes off my baby", None),
    ],
)
def test_unknown_kind(text, kind):
    assert unknown_kind(text, lambda w: w in {"decor", "ideas"}) == kind


def test_untyped_request_names_the_uncarried_kind(parse):
    q = parse("bird litter for my two birds")
    assert (q.product_type, q.type_carried, q.constraints.categories) == ("bird litter", False, ["bird litter"])


def test_a_story_names_no_uncarried_kind():
    assert opening_phrase("alloy wheels of my swift look dirty") == []
