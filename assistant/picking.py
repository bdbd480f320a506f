"""A message that picks one shown card: "out of those, which is cheaper? i'll take the cheaper
one", "is that under 1500? ok then that one" after talking about the red dress.

The pick is the message's last clause that is no question, holding a cue of choosing
(`steering.json` "pick_cues": a closed class of choosing verbs and "that one") and no refusal
word ("not that one"). The card it means is the one the clause points at by an attribute ("the
cheaper one", "the red one"); a bare "that one" or "it" means the one card the conversation was
last about. The reply then leaves that card alone, instead of every card it showed (pool sets Q,
T: the final turn kept showing all of them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.steering import steering
from common.text import tokenize

_WORDS = steering()["follow_up_reading"]
PICK = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _WORDS["pick_cues"]) + r")\b", re.I)
REFUSALS = frozenset(_WORDS["pick_refusals"])
BACK_POINTERS = frozenset({"that", "this", "it"})
CLAUSE = re.compile(r"[^.?!;]+[.?!;]?")


def picking_clause(message: str) -> str | None:
    """The message's last clause when it picks (see the module doc); None otherwise."""
    parts = [c.strip() for c in CLAUSE.findall(message) if c.strip(" .?!;,")]
    if not parts or parts[-1].endswith("?"):
        return None
    last = parts[-1]
    words = set(tokenize(last.replace("'", " "))) | set(tokenize(last))
    if not PICK.search(last) or words & REFUSALS:
        return None
    return last


def picked(message: str, shown: list[str], about: list[str], point: Callable[[str], list[int]]) -> int | None:
    """The 1-based position of the shown card the message picks; None when it picks none.
    `about`: the ids the conversation was last about; `point`: positions a clause points at."""
    clause = picking_clause(message)
    if clause is None:
        return None
    positions = [p for p in point(clause) if 0 < p <= len(shown)]
    if len(positions) == 1:
        return positions[0]
    on_screen = [pid for pid in about if pid in shown]
    if not positions and len(on_screen) == 1 and set(tokenize(clause)) & BACK_POINTERS:
        return shown.index(on_screen[0]) + 1
    return None
