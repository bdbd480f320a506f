"""The colours a message says, by each colour word's place in it: a colour word after a noun that
closes the message ("face cream"), or that the shop's records use with that noun ("is there a
curling cream? upto 1600"), is the product's name, not its colour; an alloy ("white gold") is a
material; a shade names its hue ("navy blue" is navy)."""

from __future__ import annotations

from collections.abc import Callable

from assistant.steering import steering
from common.text import AUDIENCE_WORDS, COLOURS, STOPWORDS, normalise_colour

SHADES = {shade: frozenset(hues) for shade, hues in steering()["colour_shades"].items()}
# Metals describe material more often than colour ("gold ring", "silver chain").
METAL_COLOURS = {"gold", "silver", "copper", "bronze", "rose"}
# Words after which a colour closing the message is a colour, not a noun: colour words and
# modifiers, and the verbs and pronouns a shopper asks or corrects with ("I meant red", "want
# blue", "make it green", "one in black"; "I meant red" kept black in the demo chat of 2026-12-05).
COLOUR_CONTEXT = {
    *COLOURS,
    *"in colour color and or dark light bright pale meant mean want wanted prefer preferably need like rather "
    "make it them one ones that this those these is are be try get show choose pick actually sorry just only".split(),
}
# Words before a colour that make no product's name with it: "men white" is in many titles
# ("... men's white shirt"), no product is called so.
# A style or an occasion ("a formal black one": the shop's "men formal black genuine leather belt"
# is a black belt) describes a product in a colour; it names none (set AG d11 kept brown).
NOT_NAMING = frozenset(STOPWORDS) | frozenset(AUDIENCE_WORDS) | frozenset(steering()["describing_words"])
# Words that make the word before them a colour ("gold colour", "silver toned").
COLOUR_NOUNS = frozenset("colour color coloured colored tone toned shade finish".split())


def said_colours(words: list[str], recorded: Callable[[list[str]], bool]) -> list[str]:
    """The colours the words say, normalised, in order. `recorded(phrase)`: whether the shop's
    records use the two words together (a product's name: "curling cream")."""
    found: list[str] = []
    for i, w in enumerate(words):
        # A colour naming a metal's alloy ("white gold", "rose gold") is the material's; a
        # metal is a colour only when said to be one ("gold colour", "silver toned").
        if w not in COLOURS or words[i + 1 : i + 2] in (["gold"], ["silver"]):
            continue
        if w in METAL_COLOURS and not set(words[i + 1 : i + 2]) & COLOUR_NOUNS:
            continue
        # After a noun, closing the message or in a phrase the shop's records use, a colour word
        # is a noun; after a word that asks ("I meant red", "prefer blue") it is a colour.
        before = words[i - 1] if i else ""
        said_colour = bool(set(words[i + 1 : i + 2]) & COLOUR_NOUNS)  # "white colour", "for men, white colour"
        if before and before not in COLOUR_CONTEXT and not said_colour:
            if i == len(words) - 1 or (before not in NOT_NAMING and recorded(words[i - 1 : i + 1])):
                continue
        if before and w in SHADES.get(before, ()):
            continue  # "navy blue" is navy: the hue a shade is of adds no colour
        colour = normalise_colour(w)
        if colour not in found:
            found.append(colour)
    return found


def metals_named_alone(words: list[str], grammar: frozenset[str]) -> list[str]:
    """The metals the words name with no noun after them ("silver would match my saree better",
    "silver ones", "gold please"), normalised; "silver dial" and "white gold" name a material.
    Read as colours where the request already asks for a colour: the shopper is choosing one.
    `grammar`: the words that are no noun (grammar, filler, pro-forms)."""
    out = []
    for i, w in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        alloy = i > 0 and words[i - 1] in COLOURS  # "white gold", "rose gold"
        if w in METAL_COLOURS and not alloy and (not after or after in grammar or after in COLOUR_NOUNS):
            out.append(normalise_colour(w))
    return list(dict.fromkeys(out))
