"""Take-backs read by where they stand and what they name, not by a list of their verbs.

"scrap the colour thing", "ignore the budget", "forget what I said about the price", "the colour
thing, drop it": a clause that opens with a verb whose object is a part of the request (a slot
word of `steering.json` "slot_words") takes that part back, whatever the verb. Its position tells
it: the verb opens the clause, and only words that open an object stand between it and the slot
word (an article, a possessive, "what I said about"); a slot word after a describing word ("tight
budget", "bright colour") or as the subject ("budget is 1500") is no object. Verbs that keep or ask
for what they name ("keep the colour", "show the price") are the closed class that does not take
back: the shop's query words (`lexicon.QUERY_WORDS`) and `take_back.keeping_verbs`. A negation in
the verb's place ("no budget", "no need for the colour") takes back too. Said as the object first
and a pronoun after ("the colour thing, drop it"), the slot of the clause before is meant.
"""

from __future__ import annotations

from assistant.audience import clauses, table
from assistant.lexicon import QUERY_WORDS
from assistant.steering import steering
from common.text import COLOURS, STOPWORDS, terms, tokenize

_DATA = steering()
_WORDS = _DATA["take_back"]
SLOT_WORDS: dict[str, frozenset[str]] = {
    slot: frozenset(w for phrase in words for w in terms(phrase)) for slot, words in _DATA["slot_words"].items()
}
SLOT_OF = {w: slot for slot, words in SLOT_WORDS.items() for w in words}
OBJECT_OPENERS = frozenset(_WORDS["object_openers"])
KEEPING_VERBS = frozenset(_WORDS["keeping_verbs"])
NEGATIONS = frozenset(_WORDS["negations"])
PARTICLES = frozenset(_WORDS["particles"])
POLITE_OPENERS = [tuple(p.split()) for p in sorted(_WORDS["polite_openers"], key=len, reverse=True)]
OPENING_FILLER = frozenset(_DATA["follow_up_reading"]["opening_filler"]) | frozenset(_WORDS["opening_filler"])
POINTING_OBJECTS = frozenset({"it", "that", "this", "them", "those"})
QUESTION_OPENERS = frozenset(_DATA["follow_up_reading"]["asks"])
# The listed drop cues' verbs ("forget", "scratch") are query words, and still take back.
DROP_VERBS = frozenset(cue[0] for cue in table().drop_cues if len(cue) == 1)


def taken_back_slots(message: str) -> list[str]:
    """The request slots the message takes back by position and object (see the module doc)."""
    found: list[str] = []
    before: list[str] = []  # the slots named by the clause before, said with no verb
    for clause in clauses(message):
        words = _opened(tokenize(clause.replace("'", "")))
        slot = _object_slot(words)
        if slot is None and before and _points_back(words):
            found += before  # "the colour thing, drop it"
        elif slot is not None:
            found.append(slot)
        before = [SLOT_OF[w] for w in words if w in SLOT_OF] if _no_verb(words) else []
    return list(dict.fromkeys(found))


def taken_back_words(message: str) -> frozenset[str]:
    """The words of the clauses that take a part of the request back, with the clause a pointing
    one means ("the colour thing, drop it"): they are no wish ("scrap the colour thing" ranks no
    "thing")."""
    out: set[str] = set()
    before: list[str] = []
    for clause in clauses(message):
        words = tokenize(clause.replace("'", ""))
        opened = _opened(words)
        if _object_slot(opened) is not None:
            out |= set(words)
        elif _points_back(opened):
            out |= set(words) | set(before)
        before = words if _no_verb(opened) else []
    return frozenset(out)


def _opened(words: list[str]) -> list[str]:
    """The clause past its opening filler and a polite frame ("ok so", "can you", "please")."""
    changed = True
    while changed and words:
        changed = False
        while words and words[0] in OPENING_FILLER:
            words, changed = words[1:], True
        frame = next((f for f in POLITE_OPENERS if tuple(words[: len(f)]) == f), None)
        if frame:
            words, changed = words[len(frame) :], True
    return words


def _object_slot(words: list[str]) -> str | None:
    """The slot a verb-first clause takes back: the verb, then only object openers, then a slot
    word ("ignore the budget", "forget what i said about the price"); a negation may stand
    straight before it ("no budget")."""
    if len(words) < 2 or not _verb_place(words[0]):
        return None
    if words[1] in PARTICLES:  # "leave out the colour", "take off the price cap"
        words = words[1:]
    if words[0] in NEGATIONS and words[1] in SLOT_OF:
        return SLOT_OF[words[1]]
    if words[1] not in OBJECT_OPENERS:
        return None  # "tight budget", "bright colour": a describing word, not a verb and its object
    for w in words[1:]:
        if w in SLOT_OF:
            return SLOT_OF[w]
        if w not in OBJECT_OPENERS:
            return None
    return None


def _verb_place(word: str) -> bool:
    """A word that can stand as the verb of a take-back: no grammar word, no word that keeps or
    asks for what it names, no slot word, colour or number; a negation counts."""
    if word in NEGATIONS or word in DROP_VERBS:
        return True
    return (
        word.isalpha()
        and word not in STOPWORDS
        and word not in QUERY_WORDS
        and word not in KEEPING_VERBS
        and word not in QUESTION_OPENERS
        and word not in OBJECT_OPENERS
        and word not in SLOT_OF
        and word not in COLOURS
        and word not in table().words
    )


def _points_back(words: list[str]) -> bool:
    """ "drop it", "forget that": a verb whose only object points at what was said before."""
    rest = [w for w in words[1:] if w not in OPENING_FILLER]
    return bool(words) and _verb_place(words[0]) and len(rest) == 1 and rest[0] in POINTING_OBJECTS


def _no_verb(words: list[str]) -> bool:
    """A clause that only names a part of the request ("the colour thing"): its first word is an
    object opener or the slot word itself."""
    return bool(words) and (words[0] in OBJECT_OPENERS or words[0] in SLOT_OF)
