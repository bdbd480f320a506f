"""`common.redact`, common/named_roles.py: given names the sentence gives a person's role (a card's
message after its label, a sentence's subject before a person's verb, the person told, a lower-case
name beside "me", in a possessive or after a role), and their neighbours that stay."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("message", "names"),
    [
        (
            "Card msg: Happy anniversary Mummy & Papa! Love always, rohan and tanvi. (the Borosil set)",
            ["rohan", "tanvi"],
        ),
        ("please write on the card: To Grace, wishing you a peaceful retirement.", ["Grace"]),
        ("Card message - Dear Faith and Hope, congratulations on the twins!", ["Faith", "Hope"]),
        ("gift note: Dear Ruby, happy 30th! From Ivy and Sam", ["Ruby", "Ivy", "Sam"]),
        ("put a tag saying for Revathi", ["Revathi"]),
        ("Joy said the leggings are too long on her", ["Joy"]),
        ("Rose ordered the cushion covers but we only got 4", ["Rose"]),
        ("Asha will pick it up from the store", ["Asha"]),
        ("Tell Will his Skagen watch got delivered", ["Will"]),
        ("ok so me and divya both want the same anarkali", ["divya"]),
        ("arjun's kurta should be size 40", ["arjun"]),
        ("the Pepperfry delivery guy Santosh was really rude", ["Santosh"]),
    ],
)
def test_given_names_in_a_persons_role_go(message, names):
    out = redact(message)
    assert not [n for n in names if n in out], out


@pytest.mark.parametrize(
    "message",
    [
        "Rose gold watch for my wife",
        "Ruby red lipstick from Lakme, the matte one",
        "Will it fit a 15 inch laptop?",
        "Tell me his size options",
        "Hope this helps. Grace period is 7 days",
        "levi's jeans 32 waist",
        "Ask Alexa to play music",
        "me and my wife want two",
        "the delivery guy said 5pm",
        "Card message: To the best dad, love from the kids",
        "Amazon said the order shipped",
        "Hope you have the Joy body lotion in stock",
    ],
)
def test_the_same_words_in_shop_text_stay(message):
    assert redact(message) == message
