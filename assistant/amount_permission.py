"""A bound's direction from the words that govern it: a negation turns a cue over (`negated`:
"can't spend more than 3 grand", "not a paisa over 10k"), and permission turns a floor cue into
leave to pass the amount, not a demand to stay above it.

"ok to go above 2000", "happy to spend over 5k", "don't mind going past 800": the shopper allows
prices beyond the amount; nothing above it is asked for. Read by its cue alone the amount was a
minimum (set Q q-05). The words are closed classes, data in `amounts.json` ("permissions",
"going_verbs"): a permission word governs the cue when only bridge words stand between them in
one clause and a verb of going or spending past the amount is among them or is the cue itself
("ok, above 2000 then" asks for more than 2000). A negation before the cue is read first, by
`negated` below ("can't go above 2000" is a ceiling).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.amounts import Lexicon

DATA = Path(__file__).resolve().parent / "data" / "amounts.json"
REACH = 6  # words between a permission word and the cue ("ok to go a little bit above")
INDEFINITE = frozenset({"a", "an", "one", "single"})  # before the one noun of a least amount
# going or spending with no word of how far: a passing word must come too ("go a bit higher")
PLAIN_GOING = frozenset({"go", "going", "goes", "spend", "spending", "pay", "paying"})


@dataclass(frozen=True)
class Permission:
    words: frozenset[str]
    going: frozenset[str]
    bridge: frozenset[str]  # words that may stand between the permission word and the cue
    passing: frozenset[str]  # words that say past the amount, with no amount said ("stretch a bit")


@cache
def permission() -> Permission:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    going = frozenset(raw["going_verbs"])
    return Permission(
        words=frozenset(raw["permissions"]),
        going=going,
        bridge=frozenset(raw["negation_bridge"]) | frozenset(raw["passing_bridge"]) | going,
        passing=frozenset(raw["passing_verbs"]) | going,
    )


def permitted(toks: list[str], matches: list[re.Match[str]], cue_start: int, cue_end: int) -> bool:
    """Whether a permission word governs the cue at toks[cue_start:cue_end] (see the docstring)."""
    p = permission()
    text = matches[0].string if matches else ""
    for i in range(cue_start - 1, max(-1, cue_start - REACH - 1), -1):
        if re.search(r"[,;.!?]", text[matches[i].end() : matches[cue_start].start()]):
            return False  # the clause ends before the cue
        if toks[i] in p.words:
            return bool(p.going & set(toks[i + 1 : cue_end]))
        if toks[i] not in p.bridge:
            return False
    return False


def loosens(clause: str) -> bool:
    """A clause that permits passing the amount said before, with no amount of its own: "ok can
    stretch a bit", "fine to go a little higher", "i don't mind spending more"."""
    p = permission()
    toks = re.findall(r"[a-z]+(?:'[a-z]+)?|\d", clause.lower())
    if any(t[0].isdigit() for t in toks):
        return False
    for i, t in enumerate(toks):
        if t not in p.words:
            continue
        rest = []
        for w in toks[i + 1 : i + 1 + REACH]:
            if w in p.passing:
                rest.append(w)
            elif w not in p.bridge:
                break
        if p.going & set(rest) and set(rest) - PLAIN_GOING:  # "can go": no word of passing ("can go for blue")
            return True
    return False


def negated(toks: list[str], matches: list[re.Match[str]], start: int, lex: Lexicon) -> bool:
    """A negation in the four words before a bound cue, in the same clause and with only bridge
    words between ("can't spend more than", "don't want anything over"), turns it over; one in
    the clause before ("not too expensive, max 80") or one that negates a noun ("no show socks
    below 500") does not."""
    text = matches[0].string if matches else ""
    for i in range(max(0, start - 4), start):
        between = text[matches[i].end() : matches[start].start()] if start < len(matches) else ""
        # a bridge word, or the one noun of an indefinite ("not a paisa over 10k", "not one
        # dollar more than"): the least amount, negated; "no show socks below 500" has none
        bridged = all(
            t in lex.bridge | INDEFINITE or toks[k - 1] in INDEFINITE for k, t in enumerate(toks[:start]) if k > i
        )
        if toks[i] in lex.negations and bridged and not re.search(r"[,;.!?]", between):
            return True
    return False
