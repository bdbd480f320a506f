"""How a message's product kind is read where held-out requests lost it (AE, AF): a verb after a
subject pronoun ("the thing u put on the dashboard"), a verb and particle before the kind ("plug
in usb keyboard", "a plug-in type"), an article before a word ("a board game"), a kind listed
among the features after "with", a kind inside an aside in brackets. A shop built in the test;
each row states the request it should read."""

from __future__ import annotations

import pytest

from tests.fakes import HashEmbedder
from tests.test_type_compounds import _understander

SHOP = [
    ("Speedwav Sun Shade for Maruti Swift", "Automotive > Car Sun Shades"),
    ("Speedwav Sun Shade for Hyundai i20", "Automotive > Car Sun Shades"),
    ("CM Key 354 Wired USB Keyboard", "Computers > Keyboards"),
    ("Roq Slim Wired USB Keyboard", "Computers > Keyboards"),
    ("Funskool Ludo Board Game", "Toys > Board Games"),
    ("Hasbro Monopoly Board Game", "Toys > Board Games"),
    ("First Choice Cotton Embroidered Diwan Set", "Home > Diwan Sets"),
    ("Santosh Royal Cotton Diwan Set", "Home > Diwan Sets"),
    ("Peepalcomm 11 Function Multi Utility Swiss Knife", "Tools > Swiss Knife"),
    ("Stealodeal 11 Function Multi Utility Swiss Knife", "Tools > Swiss Knife"),
    ("Darpan Right Hand Scissors", "Office > Scissors"),
    ("Kangaro Office Scissors", "Office > Scissors"),
]

# message -> (the kind read, carried)
READINGS = [
    # a word right after a subject pronoun is its verb, not the kind "put" (AE-q01)
    ("that silver sun shade thing u put on the dashboard, need one for a maruti swift", "sun shade", True),
    # a verb and its particle before the kind describe it (AE-q07)
    ("plug in usb keyboard for my desktop, 400 max", "keyboard", True),
    # hyphenated with no kind after it: a modifier, no "we don't carry plugs" (AF-d21)
    ("a plug-in electric type would be ideal", None, True),
    # the article is no part of the kind (AF-q21)
    ("a board game for game night with friends", "board game", True),
    # "scissors" is listed among the features after "with" (AF-d25)
    ("a swiss knife with bottle opener and scissors, under 400", "swiss knife", True),
    # the aside in brackets explains the kind before it (AF-d19)
    ("a cotton diwan set (sheet with cushion covers) under 1000", "diwan set", True),
    # unchanged: "a bag in the car" keeps its kind; a plain list after "with" is no feature list
    ("scissors for the office", "scissors", True),
]


@pytest.fixture(scope="module")
def shop():
    return _understander(HashEmbedder(), SHOP)


@pytest.mark.parametrize(("message", "named", "carried"), READINGS)
def test_the_kind_is_read_from_its_place_in_the_sentence(shop, message, named, carried):
    q = shop.parse(message)
    assert (q.product_type, q.type_carried) == (named, carried)
