"""Chatter: a message whose every clause only greets, thanks or says something of the assistant
("hey! how's it going", "thanks a ton :)", "thanks, you're a lifesaver"). It asks for nothing,
so it neither searches nor changes the request: read as small talk (`assistant.small_talk`), it
keeps the cards on screen. A clause of a request in it ("thanks, any in red?") makes the message
a request as before.

A clause is chatter by its form, not by its words: a chain of small-talk words (`CHITCHAT_CUE`),
a set greeting question, thanks and what it is for (everything after the thanks word in its
clause), or a clause whose subject is the assistant with the verb "be" ("you're a lifesaver").
The closed classes are data (`assistant/data/chatter.json`)."""

from __future__ import annotations

import json
import re

from assistant.constraints import Constraints
from assistant.vocabulary import DATA
from common.text import tokenize

_DATA = json.loads((DATA / "chatter.json").read_text(encoding="utf-8"))
GREETING_QUESTIONS = [tuple(p.split()) for p in _DATA["greeting_questions"]]
THANKS = frozenset(_DATA["thanks_words"])
YOU = frozenset(_DATA["second_person"])
BE_FORMS = [tuple(p.split()) for p in _DATA["be_forms"]]
FILLER = frozenset(_DATA["opening_filler"])
CLOSINGS = [tuple(p.split()) for p in _DATA["closings"]]
CLOSING_TAIL = frozenset(_DATA["closing_tail"])
# Emoticons and runs of punctuation say nothing ("thanks a ton :)"); they would leave a clause.
EMOTICON = re.compile(r"[:;=8][-']?[()dDpP/\\|*]+|<3|\^_?\^")
# Words that join a second clause to thanks ("thanks and do you have plates?", "thanks but..."): what follows is
# read as a clause of its own, so a request there is never taken for what the thanks is for.
# Clauses by punctuation alone: "thank you so much for the help" is one clause ("so" is no break).
CLAUSE_BREAK = re.compile(r"[.!?;,:]+\s*|\s+[-–—]+\s+")
JOINED = re.compile(r"\s+(?:and|but|now|also|btw|then|plus|though)\s+", re.I)


def is_chatter(message: str, said: Constraints, chain: re.Pattern[str]) -> bool:
    """Every clause of the message is small talk (see the module doc) and it states no filter.
    `said`: the constraints the message states; `chain`: the small-talk chain (`CHITCHAT_CUE`)."""
    if said.price_min is not None or said.price_max is not None or said.price_near is not None:
        return False
    if said.colours or said.brands or said.audience or said.attributes or said.exclude_colours:
        return False
    parts = [p for c in CLAUSE_BREAK.split(EMOTICON.sub(" ", message)) for p in JOINED.split(c) if tokenize(p)]
    return bool(parts) and all(_chat_clause(p, chain) for p in parts)


def _chat_clause(clause: str, chain: re.Pattern[str]) -> bool:
    if chain.match(clause):
        return True
    words = tokenize(clause.lower().replace("'", " "))
    while words and words[0] in FILLER:
        words = words[1:]
    if not words:
        return True  # "wow!", "haha ok"
    if words[0] in THANKS:
        return True  # "thanks a ton", "thank you so much for the help"
    if any(tuple(words[: len(g)]) == g for g in GREETING_QUESTIONS):
        return True
    if any(tuple(words[: len(c)]) == c and set(words[len(c) :]) <= CLOSING_TAIL for c in CLOSINGS):
        return True  # "that's all", "nope that's it for now": it ends the conversation
    be = next((b for b in BE_FORMS if tuple(words[1 : 1 + len(b)]) == b), None)
    # "you're a lifesaver" says what the assistant is; "you are showing the wrong thing" what it does
    after = words[1 + len(be) : 2 + len(be)] if be else []
    return words[0] in YOU and be is not None and not (after and after[0].endswith("ing"))
