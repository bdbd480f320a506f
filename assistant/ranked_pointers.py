"""Cards on screen pointed at by their rank: "compare the two cheapest", "the 3 best rated",
"the priciest two".

"The cheaper one" (`interpret.CHEAPER_ONE`) picks one card; a count with a superlative picks
that many, ranked by the records' price or rating among what is on screen, so "compare the two
cheapest knives" compares the two cheapest cards shown instead of starting a new search. The
superlatives are a closed class, listed here.
"""

from __future__ import annotations

import re

from assistant.intent import COMPARE_CUE
from assistant.question_reading import is_question
from common.schema import Product

COUNTS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4, "both": 2}
CHEAPEST = r"cheapest|least expensive|lowest[- ]priced|most affordable"
DEAREST = r"most expensive|priciest|dearest|highest[- ]priced"
BEST_RATED = r"best[- ]rated|highest[- ]rated|top[- ]rated|best reviewed"
RANK = rf"(?P<cheap>{CHEAPEST})|(?P<dear>{DEAREST})|(?P<rated>{BEST_RATED})"
COUNT = r"(?P<count>two|three|four|2|3|4)"
# Only a comparison or a question picks among the cards (`intent.COMPARE_CUE`, `is_question`):
# "I want the two cheapest laptops" with shoes on screen is a new request.
RANKED = (  # "the two cheapest", "the cheapest two"
    re.compile(rf"\bthe\s+{COUNT}\s+(?:{RANK})\b", re.I),
    re.compile(rf"\bthe\s+(?:{RANK})\s+{COUNT}\b", re.I),
)


def ranked_pointed(message: str, on_screen: list[Product]) -> list[int]:
    """1-based positions of the N cards a message picks by price or rating rank."""
    m = next((found for pattern in RANKED if (found := pattern.search(message))), None)
    if not m or len(on_screen) < 2 or not (COMPARE_CUE.search(message) or is_question(message)):
        return []
    n = COUNTS[m["count"].lower()]
    if m["rated"]:
        known = [(-(p.rating or 0.0), i) for i, p in enumerate(on_screen) if p.rating is not None]
    else:
        sign = 1 if m["cheap"] else -1
        known = [(sign * p.price, i) for i, p in enumerate(on_screen) if p.price is not None]
    return [i + 1 for _, i in sorted(known)[:n]] if len(known) >= n else []
