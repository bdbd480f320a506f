"""What a policy question turns on, its focus, and whether the policies name it at all.

The focus is the noun phrase the asking clause is about ("do you take a restocking fee off the
refund?": restocking fee; "do you have a loyalty points scheme?"), found by where it stands: a
run of content words after an article or a possessive, in the part of the message that asks (a
sentence ending in "?", else one that opens as a question does), after a lead-in ("I live nearby - can I ...") and after an
"if ..." clause of the situation. A phrase headed by a light noun ("any chance") is no focus. A name
is a focus without an article ("do you deliver to India?"), a second phrase joined by "or" is one
("any points or rewards"), and so is what a question put to the shop asks it to do ("can you gift
wrap it?": `service`).

When every asking part is asked yes or no ("do you have ...?", "can you ...?") and names a thing
(the head of a focus phrase) that no clause of the policies uses in any form, the policies do not
settle the question, however close in tone a clause is; `assistant/policy_answer.py` then says so,
with the nearest clause. The top clause's score does not tell this (PolA-PolF and the in-repo
files, 292 questions: not-covered median 0.527 against covered 0.541); this reading, measured on
the same 292 before it was wired in, flags 15 of the 41 not-covered questions and 7 of the 251
covered ones (the focus words' share of the chosen clause did not separate them: medians 0.09
against 0.09). A question for a value ("when does the money land?") asks it of the case: no flag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from assistant.audience import person_words
from assistant.message_patterns import FUNCTION_WORDS
from assistant.policy_parts import OPENS_ASK, parts
from assistant.policy_words import content_stems, found_in
from assistant.vocabulary import type_words
from common.settings import read_yaml_config
from common.text import STOPWORDS, singular, tokenize

DATA_FILE = Path(__file__).resolve().parent / "data" / "policy_focus.yaml"
CASES_FILE = Path(__file__).resolve().parent / "data" / "policy_cases.yaml"
SENTENCE = re.compile(r"(?<=[.!?])\s+")
YES_NO = re.compile(r"^(?:can|could|may|will|would|should|is|are|am|do|does|did)\b", re.I)
WH = re.compile(r"^(?:what|how|when|where|which|why|who)\b", re.I)
CLAUSE = re.compile(r"\s*[,;]\s*")
LEAD_IN = re.compile(r"\s[-–—]\s|:\s")  # "I live 10 minutes away - can I collect it?"


@cache
def _data() -> dict[str, frozenset[str]]:
    data = read_yaml_config(DATA_FILE, what="policy focus data file")
    return {
        key: frozenset(str(w) for w in data[key])
        for key in (
            "openers",
            "joining",
            "adverbs",
            "light_verbs",
            "conditions",
            "inverting",
            "light_nouns",
            "subjects",
            "modals",
        )
    }


def asking_parts(question: str) -> list[str]:
    """The sentences that ask (ending in "?"; else opening as a question does), each without its lead-in and
    without a situation clause before it ("If I return it, do I pay ...?": "do I pay ...?")."""
    sentences = [s.strip() for s in SENTENCE.split(question.strip()) if s.strip()]
    # a message that asks nothing in words ("the toaster showed up with a dented side") tells
    # the situation, and the situation is the question: it has no focus of its own
    asks = [s for s in sentences if s.endswith("?")] or [s for s in sentences[-1:] if OPENS_ASK.match(s)]
    conditions = "|".join(sorted(_data()["conditions"]))
    situation = re.compile(rf"^\s*(?:{conditions})\b[^,?]*,\s*", re.I)
    return [_main_clause(situation.sub("", _asking_clause(LEAD_IN.split(s)[-1]))) for s in asks]


def _main_clause(sentence: str) -> str:
    """A situation clause said without its comma ("if the jeans don't fit can she send them
    back?") ends where the question's own clause opens: at its last auxiliary."""
    words = sentence.split()
    # "when does it ...?" asks: a condition word with an auxiliary right after it is the question's
    if not words or words[0].lower() not in _data()["conditions"] or (len(words) > 1 and YES_NO.match(words[1])):
        return sentence
    opens = [i for i, w in enumerate(words) if i > 0 and YES_NO.match(w)]
    if not opens:
        return ""
    k = len(opens) - 1
    # "if I return it do I pay the postage or do you cover it?": a question that offers another
    # way ("or do you ...") is one question; it opens where its first way does (AH PolT-39 read
    # "do you cover it?" alone, and the postage it asks about was lost)
    while k > 0 and words[opens[k] - 1].lower() == "or":
        k -= 1
    start = opens[k]
    # "if I buy this evening when will it leave?": the interrogative before it opens the question
    return " ".join(words[start - 1 if WH.match(words[start - 1]) else start :])


def _asking_clause(sentence: str) -> str:
    """The clause of a sentence where the question opens ("the glass cracked, is that covered?":
    "is that covered?"): the last clause, after a comma or a semicolon, that opens with an
    interrogative or an auxiliary; the whole sentence when none does."""
    clauses = CLAUSE.split(sentence)
    asking = [i for i, c in enumerate(clauses) if OPENS_ASK.match(c)]
    return " ".join(clauses[asking[-1] :]) if asking else sentence


def _words(text: str) -> list[str]:
    return tokenize(text.lower().replace("’", "'").replace("'", ""))


def focus_phrases(part: str, kinds: bool = False) -> list[list[str]]:
    """The noun phrases of one asking part: each run of content words after an opener, each run
    joined to one by "or" ("any points or rewards"), and each name ("do you deliver to India?");
    with `kinds`, those headed by a kind of product the shopper has too."""
    d = _data()
    words = _own_clause(_words(part))
    out: list[list[str]] = []
    i = 0
    while i < len(words):
        if words[i] not in d["openers"]:
            i += 1
            continue
        j = i
        while True:
            j, run = j + 1, []
            while j < len(words) and _content(words[j]):
                run.append(words[j])
                j += 1
            # "does the money go?": the subject of an inverted question is followed by its verb
            if len(run) > 1 and i > 0 and words[i - 1] in d["inverting"]:
                run = run[:-1]
            # past forms after a noun are its verbs ("the glass cracked", "the mug arrived smashed")
            while len(run) > 1 and run[-1].endswith("ed"):
                run = run[:-1]
            # a kind of product ("the lamp", "a bigger pair") is what the shopper has: the situation
            kind = bool(run) and singular(run[-1]) in type_words()
            if run and run[-1] not in d["light_nouns"] and (kinds or not kind):
                out.append(run)
            if not (run and j + 1 < len(words) and words[j] in d["joining"] and _content(words[j + 1])):
                break
        i = max(j, i + 1)
    seen = {w for run in out for w in run}
    return out + [[name] for name in _names(part) if name in words and name not in seen]


def service(part: str) -> list[str]:
    """What the shop is asked to do, in a question put to it ("can you gift wrap it?", "do you
    offer free gift wrapping?", "do you deliver to India?"): the run of content words after "you"
    and the auxiliary, its adverbs skipped; none when its verb is a light one ("can you tell me
    ...?", "can you sort out ...?"), which names no service of its own."""
    d = _data()
    words = _own_clause(_words(part))
    if len(words) < 3 or words[0] not in d["inverting"] or words[1] != "you":
        return []
    k = 2
    while k < len(words) and words[k] in d["adverbs"]:
        k += 1
    # a light verb names no service; a bare object right after it does ("do you do gift wrapping?",
    # "can you add gift wrap?"), where one after an article is a focus phrase or the shopper's
    # item ("can you add a phone case to it?": the case is the order changed; AG PolS-22, PolS-30)
    light = k < len(words) and words[k] in d["light_verbs"]
    k += light
    run = []
    while k < len(words) and _content(words[k]):
        run.append(words[k])
        k += 1
    if light and run and singular(run[-1]) in type_words():
        return []
    return run


def _content(word: str) -> bool:
    return word.isalpha() and word not in FUNCTION_WORDS and word not in STOPWORDS


def _names(part: str) -> list[str]:
    """The words written with a capital inside the part, not at its start ("India", "Manchester",
    "AI"): a name is a thing asked about whatever stands before it. "I" is no name."""
    words = re.findall(r"[A-Za-z][A-Za-z']*", part)
    capital = [w.lower().replace("'", "") for w in words[1:] if w[0].isupper() and w != "I" and not w.startswith("I'")]
    # a country is a name however it is typed ("do u ship to india?": AH PolT-21)
    return capital + [w.lower() for w in words if w.lower() in _places() and w.lower() not in capital]


@cache
def _places() -> frozenset[str]:
    return frozenset(read_yaml_config(DATA_FILE, what="policy focus data file")["places"])


def own_words(part: str) -> list[str]:
    """The words of an asking part's own clause, lower case (see `_own_clause`)."""
    return _own_clause(_words(part))


def _own_clause(words: list[str]) -> list[str]:
    """The words of the question's own clause: up to a clause of the situation after it ("...
    import tax when my parcel gets to the UK") or a clause about a noun ("the wallet I had
    monogrammed with my initials", a subject pronoun right after the noun)."""
    d = _data()
    for k, word in enumerate(words[1:], 1):
        after_noun = words[k - 1] not in FUNCTION_WORDS and words[k - 1] not in STOPWORDS
        if word in d["conditions"] or (word in d["subjects"] and after_noun):
            return words[:k]
    return words


def unnamed_focus(question: str, policy_words: Iterable[set[str]]) -> list[str]:
    """The heads of the question's focus phrases that no clause of the policies uses in any form
    (`policy_words`: each clause's content stems with its heading's), when every asking part has
    one; [] when any asking part turns on a thing the policies name, or on none."""
    known = set().union(*policy_words)
    heads: list[str] = []
    # each part of a question that asks two things is read on its own ("can I get a
    # replacement, and who pays the postage?": the second asks for a value)
    for part in (a for whole in parts(question) or [question] for a in asking_parts(whole)):
        # a question for a value ("when does the money land?") asks it of the case; one asked
        # yes or no ("do you have a student discount?") asks whether the thing it names is done
        if not YES_NO.match(part.strip()):
            return []
        # what the shop is asked to do is a focus too ("can you gift wrap it?"); not a case a
        # clause must name to settle the question (policy_permission): "will you fix it for
        # free?" is settled by the accidental-damage exclusion, which says no "fix"
        # the subject of a question opened by a modal is who would act ("can my sister ...?")
        acting = _acting(part)
        # a person ("is it going to my ex flatmate now?", "can you send it to my son?") is who
        # gets or does it: the case is what happens to the order, a thing no clause names by the
        # shopper's people (AH PolT-10: "flatmate" made a covered address change "not covered")
        asked = [p for p in focus_phrases(part) if p != acting[: len(p)] and not _person(p[-1])] + [service(part)]
        missing = [p[-1] for p in asked if p and not _named(p[-1], known)]
        if not missing:
            return []
        heads.extend(missing)
    return heads


def _acting(part: str) -> list[str]:
    """The words after the opener of a question opened by a modal whose subject is a person ("can
    my sister still return it?": sister ...), who would act; [] for any other question."""
    d = _data()
    words = _own_clause(_words(part))
    if len(words) < 3 or words[0] not in d["modals"] or words[1] not in d["openers"]:
        return []
    run = []
    for word in words[2:]:
        if not _content(word):
            break
        run.append(word)
    # a person (the shopper's words for someone else, policy_cases.yaml) acts; a thing the
    # question names there is what is asked ("will your loyalty scheme give me points?")
    return run if run and singular(run[0]) in _people() else []


def _person(word: str) -> bool:
    """Whether the word names a person: a relation or role the shopper tells of (audiences.json)."""
    return word in person_words() or singular(word) in person_words() or singular(word) in _people()


@cache
def _people() -> frozenset[str]:
    data = read_yaml_config(CASES_FILE, what="policy cases data file")
    return frozenset(singular(w) for w in data["situations"]["someone_else"]["said"] if " " not in w)


def _named(word: str, known: set[str]) -> bool:
    stems = content_stems(word)
    return not stems or any(found_in(s, known) for s in stems)
