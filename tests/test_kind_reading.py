"""How a message's product kind is read where held-out requests lost it (AE, AF): a verb after a
subject pronoun ("the thing u put on the dashboard"), a verb and particle before the kind ("plug
in usb keyboard", "a plug-in type"), an article before a word ("a board game"), a kind listed
among the features after "with", a kind inside an aside in brackets, and a compound whose head
the shop names otherwise ("key stand" / the shop's "key holder"). A shop built in the test; each
row states the request it should read."""

from __future__ import annotations

import numpy as np
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
    # the shop names knives only as its "swiss knife", whose titles say "multi utility" (AF-d25)
    ("a multi utility knife for treks", "knife", True),
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


class SiblingEmbedder:
    """Texts as the sum of weighted concepts, giving the nearness the bundled embedder measures:
    "key stand" near "key holder" and nearer than "key" alone; "nail cutter" near "nail polish"
    (0.71) but less near than "nail" alone (0.76), the modifier doing all the work."""

    CONCEPTS = {
        "key": (0, 1.0),
        "holder": (1, 1.0),
        "stand": (1, 1.0),
        "hanger": (1, 0.8),
        "chain": (2, 1.0),
        "nail": (3, 1.0),
        "polish": (4, 1.0),
        "paint": (4, 1.0),
        "cutter": (7, 0.3),
        "table": (5, 1.0),
        "cover": (6, 1.0),
        "cloth": (6, 0.9),
    }

    def encode(self, sentences: list[str], normalize_embeddings: bool = True, **_) -> np.ndarray:
        out = np.zeros((len(sentences), 8), dtype=np.float32)
        for row, text in enumerate(sentences):
            for word in text.split():
                axis, weight = self.CONCEPTS.get(word.rstrip("s"), (7, 0.0))
                out[row, axis] += weight
            out[row, -1] += 0.01
        return out / np.linalg.norm(out, axis=1, keepdims=True)


SIBLING_SHOP = [
    ("Artistic Wooden Key Holder", "Home Decor > Key Holders"),
    ("Ecraftindia Wall Key Holder", "Home Decor > Key Holders"),
    ("I-Gadgets Bottle Opener Key Chain", "Accessories > Key Chains"),
    ("Lakme Nail Polish", "Beauty > Nail Polish"),
    ("Colorbar Nail Polish", "Beauty > Nail Polish"),
    ("Prime Printed 6 Seater Table Cover", "Home > Table Covers"),
    ("Prime Printed 4 Seater Table Cover", "Home > Table Covers"),
]

# message -> (the kind read, carried)
SIBLINGS = [
    ("wooden key stand to hang near the main door", "key holder", True),  # AF-q17
    ("wooden key hanger for the wall, under 500", "key holder", True),  # AE-q08
    ("table cloth for a six seater dining table", "table cover", True),  # AE-q05
    # near only through the shared modifier: a kind the shop lacks, said so
    ("nail cutter", "cutter", False),
]


@pytest.mark.parametrize(("message", "named", "carried"), SIBLINGS)
def test_a_compound_reads_as_the_shops_kind_of_the_same_modifier(message, named, carried):
    q = _understander(SiblingEmbedder(), SIBLING_SHOP).parse(message)
    assert (q.product_type, q.type_carried) == (named, carried)
