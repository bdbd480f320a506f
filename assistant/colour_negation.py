"""Colours a shopper says they do not want ("anything but black", "ones that aren't pink"), or
judge as too much of something ("pink is too loud for office", "white gets way too dirty").

Such a colour is never a colour filter; it becomes an exclusion (`Constraints.exclude_colours`),
so "show me ones that aren't black" hides the black ones instead of showing only them. The cue
words are the refusal cues every refusal shares (`assistant.refusal`).
"""

from __future__ import annotations

import re

from assistant.refusal import CUES
from assistant.steering import steering
from common.text import COLOURS, normalise_colour

_READING = steering()["follow_up_reading"]


# A cue, at most one word ("not in black", "anything but a red"), then the colour; never across
# "but" or "only" ("nothing but black", "no, only black" want black).
COLOUR_NEGATION = re.compile(
    r"\b(?:"
    + "|".join(re.escape(p) for p in CUES)
    + r")\s+(?:(?!(?:but|only|just)\b)\w+\s+)?("
    + "|".join(COLOURS)
    + r")\b",
    re.I,
)


# A colour as the subject of a verb of being or seeming with "too" and its adjective: the colour
# is judged too much of something ("pink is too loud", "beige looks a bit too plain", "white's
# way too hard to keep clean"), which refuses it as plainly as "no pink" does. The copulas and the
# degree words between are closed classes (`follow_up_reading` "judging_copulas", "degree_words");
# a negation between ("red isn't too bright") is no refusal.
_JUDGING = "|".join(re.escape(c) for c in sorted(_READING["judging_copulas"], key=len, reverse=True))
_DEGREE = "|".join(re.escape(d) for d in sorted(_READING["degree_words"], key=len, reverse=True))
JUDGED_COLOUR = re.compile(
    r"\b(" + "|".join(COLOURS) + r")(?:'s|\s+(?:" + _JUDGING + r"))\s+(?:(?:" + _DEGREE + r")\s+)?too\s+\w+",
    re.I,
)


# More colours refused in the same breath ("no black or brown", "not red, pink or orange").
MORE = re.compile(r"\s*(?:,\s*)?(?:or|nor|and)?\s*(" + "|".join(COLOURS) + r")\b", re.I)


def _refusals(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, colours) of each refusal in the text."""
    out = []
    for m in COLOUR_NEGATION.finditer(text):
        colours, end = [m.group(1)], m.end()
        while more := MORE.match(text, end):
            colours.append(more.group(1))
            end = more.end()
        out.append((m.start(), end, colours))
    out += [(m.start(), m.end(), [m.group(1)]) for m in JUDGED_COLOUR.finditer(text)]
    return sorted(out)


def negated_colours(message: str) -> set[str]:
    """Colours the message does not want, normalised ("no pink please" -> {"pink"})."""
    text = message.replace("\u2019", "'")
    return {normalise_colour(c.lower()) for _, _, colours in _refusals(text) for c in colours}


def without_negated_colours(text: str) -> str:
    """The text with each refusal taken out ("a rain jacket, anything but blue" -> "a rain
    jacket, "), so the refused colour neither filters nor ranks."""
    text = text.replace("\u2019", "'")
    for start, end, _ in reversed(_refusals(text)):
        text = text[:start] + " " + text[end:]
    return text
