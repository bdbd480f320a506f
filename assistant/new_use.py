"""A follow-up that asks for something else by its use: "ok what about something to keep her
water cold" after "my flatmate is getting into yoga, anything under 40?". The request named no
kind, so the follow-up names none either; merged into the old words that rank ("yoga"), its own
words barely moved the ranking and the web app showed the same yoga mats again (session 16). Said
with a switch cue (`steering.json` follow_up_switch: "what about", "instead", "actually") and a
placeholder with a use after it ("something to keep ...", `type_resolution.json` placeholders), it
is a new need: its words replace the ranking text, while the filters said before (who it is for,
the budget) stay.
"""

from __future__ import annotations

import re

from assistant.lexicon import QUERY_WORDS
from assistant.steering import steering
from assistant.type_resolution import PLACEHOLDERS
from common.text import STOPWORDS, tokenize

_SWITCHES = steering()["follow_up_switch"]
SWITCH = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _SWITCHES) + r")\b", re.I)


def asks_new_use(message: str) -> bool:
    """A switch cue, then a placeholder with content words after it (see the module doc)."""
    cue = SWITCH.search(message)
    if cue is None:
        return False
    words = tokenize(message[cue.end() :].replace("'", " "))
    at = next((i for i, w in enumerate(words) if w in PLACEHOLDERS), None)
    said = (
        [w for w in words[at + 1 :] if w not in STOPWORDS and w not in QUERY_WORDS and not w.isdigit()]
        if at is not None
        else []
    )
    return bool(said)  # "what about something under 30" says a budget, no use
