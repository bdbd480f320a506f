"""Relative moves from what is on screen: cheaper, more premium, better rated, show more, start over.

The phrases are data (`assistant/data/steering.json`, "moves"), read once; `assistant.interpret`
reads the move from the message and the dialogue applies it (`dialogue.update`).
"""

from __future__ import annotations

import re
from enum import StrEnum

from assistant.amounts import lexicon
from assistant.steering import steering

_STEERING = steering()
_PHRASES: dict[str, list[str]] = _STEERING["moves"]
MIN_RATING_FLOOR: float = _STEERING["min_rating_floor"]  # "better rated" asks at least this
NEGATIONS = lexicon().negations
DEGREE = frozenset({"so", "that", "very", "all", "really", "overly"})  # may stand between: "not really too costly"


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b", re.I)


class Move(StrEnum):
    RESET = "reset"
    # "the cheaper the better": cheapest first within the bounds already said, not "under the
    # cheapest shown" (before CHEAPER: the first move found wins)
    CHEAP_FIRST = "cheap_first"
    CHEAPER = "cheaper"
    PRICIER = "pricier"
    BETTER_RATED = "better_rated"
    MORE = "more"


PATTERNS = {move: _pattern(_PHRASES[move.value]) for move in Move}
RESET = PATTERNS[Move.RESET]


def read_move(message: str) -> Move | None:
    """The first move the message makes, in `Move` order (a reset wins over "something cheaper")."""
    for move in Move:
        found = PATTERNS[move].search(message)
        if found and move == Move.CHEAPER and _negated(message[: found.start()]):
            # "not too costly": no verdict on the prices shown ("too costly" is), a wish for the
            # cheap end; set R ud-25 put a strict ceiling at the cheapest card and left nothing
            return Move.CHEAP_FIRST
        if found:
            return move
    return None


def _negated(before: str) -> bool:
    """A negation (`amounts.json` "negations") is the word before the phrase, or the one before
    it with a degree word between ("not really too costly")."""
    words = re.findall(r"[a-z']+", before.lower())[-2:]
    return bool(words) and (
        words[-1] in NEGATIONS or (len(words) == 2 and words[0] in NEGATIONS and words[1] in DEGREE)
    )
