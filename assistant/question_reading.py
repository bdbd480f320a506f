"""How a product question is read: what it asks (`Asked`), the options it names, whether it is a question.

Reads the shopper's words only, never a record: the subject, the focus words a value is of, the
words after a negation, an amount named, the yes/no options offered ("gujarati or english
medium"). `answers.py` matches what this reads against a record.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from assistant import audience as audiences
from assistant import vocabulary
from assistant.answer_data import knowledge
from assistant.answer_evidence import (
    CLAUSE_SPLIT,
    NUMBER,
    Answer,
    Verdict,
    after_negation,
)
from common.text import (
    singular,
    tokenize,
)

YES_NO_OPENERS = frozenset("is are r was does do did can could will would should has have had isnt doesnt".split())
VALUE_OPENERS = frozenset("what whats which how".split())
VALUE_ASKED = re.compile(r"\b(?:how (?:many|much|long|deep|big|heavy|far|tall|wide|high|thick)|what|which)\b", re.I)
INVERTED = re.compile(r"\b(?:is|are|does|do|can|will|would|should|has|have)\s+(?:it|they|this|these)\b", re.I)
CLAUSE_OPENER = re.compile(r"(?:^|[,;:.!?(]\s*|\s[-–—]+\s*)\s*([a-z]+)\b", re.I)
BRACKETED = re.compile(r"\(([^()]*)\)")
DASH = re.compile(r"\s[-–—]+\s")
SENTENCE_END = re.compile(r"[.!?]+\s")
SHOPPER_WORDS = frozenset("i im my me mine we our us ours".split())
RATE = re.compile(r"\b(?:per|each|every)\s+([a-z]+)", re.I)
PRICE_ASKED = re.compile(
    r"\bhow much (?:is|are|for|does (?:it|this|that|one|each) cost|do (?:they|these) cost)\b", re.I
)


# -- the question ----------------------------------------------------------------------------
@dataclass
class Asked:
    words: list[str]  # what the question asks about, singular, without filler and naming words
    yes_no: bool
    numbers: list[str]
    negated: frozenset[str] = frozenset()  # asked words the question itself negates ("non-slip")
    named: frozenset[str] = frozenset()  # the words that named the product
    heard: list[str] = field(default_factory=list)  # `words` with those in brackets ("(overpronation)")
    said: list[str] = field(default_factory=list)  # every word of the question, singular, in order
    focus: list[str] = field(default_factory=list)  # what a value question asks for: "what IP RATING"
    rate: list[str] = field(default_factory=list)  # "per DAY": the unit (`units`) an amount is asked per
    audience: str | None = None  # who the question asks it is for: "a 9 year old", "my wife", "kids"
    person: frozenset[str] = frozenset()  # the words that said who ("9", "year", "old", "wife")

    @property
    def phrase(self) -> str:
        return " ".join(self.words)


COUNTED = re.compile(r"\bhow many\s+([a-z]+)", re.I)


def read_question(question: str, naming: str = "") -> Asked:
    """What is asked, without the words that name the product (`naming`: its title and brand)."""
    k = knowledge()
    plain = re.sub(r"'s\b", " is", question).replace("'", "")
    plain = k.story_time.sub(" ", plain)  # "bought it 3 yrs back", "since last year": no feature asked
    plain = k.frames.sub(" ", plain)  # "what colours does it come in?": "come" is no "included"
    tokens = tokenize(plain)
    if PRICE_ASKED.search(plain):  # "how much is it?" asks its price, in no word of a key
        tokens.append("price")
    # A word said again outside the name ("i only have INDUCTION. will the nirlon INDUCTION kadhai
    # work on it?") is asked, though it also names the product; what the product is ("the diamond
    # RING ... what is the RING itself made of?") is said again only to point at it.
    counts = Counter(singular(w) for w in tokens)
    again = {w for w, n in counts.items() if n > 1 and w not in vocabulary.type_words()}
    named = {singular(w) for w in tokenize(naming)} - again
    # "red bluetooth speaker, 20 hour battery, water resistant one - has a mic?": a message that
    # opens on the product's description and asks after a dash names it there, whatever naming
    # found ("water resistant" answered "has a mic?" yes from "water resistance: yes", set H).
    named |= {singular(w) for w in tokenize(_named_before_dash(plain))}
    # "does the crokrok GLOSSY mat set include a mat for the dickey?": the subject before the verb
    # describes the product; its words are not what is asked ("Finish: Glossy" was a yes, set J).
    named |= {singular(w) for w in _subject(plain)} - again
    # "the blue jute dolphin shoulder bag, would it keep stuff dry?", "can I iron those shorts, THE
    # PACK OF FOUR?": a clause that is only a noun phrase opened by a determiner points at the
    # product; it asks nothing ("Material: Jute" and "Pack of 4" were yeses, sets R, T).
    named |= {singular(w) for w in _pointing_clauses(plain)} - again
    by_name = set(named)
    # Words in brackets tell which product is meant ("nirlon classic pan (red, NON STICK) - would
    # it work on induction?", "the yoga mat bag (canvas, zipped)"): they describe it, not the
    # feature asked.
    named |= {singular(w) for part in BRACKETED.findall(plain) for w in tokenize(part)}
    # "the 19 bar 1.5L espresso machine" names "1 5 l": "5l" is the same amount, no feature asked.
    named |= {w for w in tokens if _amount_named(w, named)}
    # "how much does EACH GLASS hold?", "how many PER DAY?": what follows per/each/every is the
    # unit of an amount asked, asked though it also names the product.
    rate = [singular(m.group(1)) for m in RATE.finditer(plain)]
    named -= set(rate)
    # "how many DIAMONDS on the karatcraft zunia" (a "gold diamond ... ring"): the thing counted is
    # asked though a title word; where no key counts it, the pack answers ("how many pillows in
    # the pack", `answer_uses.pack_count`).
    named -= {singular(m.group(1)) for m in COUNTED.finditer(plain)}
    # "how MANY hours" asks an amount in hours, not a count of pieces.
    following = [*tokens[1:], ""] if tokens else []
    tokens = [w for w, nxt in zip(tokens, following, strict=True) if not (w in k.counts and nxt in k.units)]
    words = [singular(w) for w in tokens if w not in k.filler and not w.isdigit()]
    # Words that name the product are not the feature asked about, unless nothing else is left.
    # A plural the singulariser keeps ("handis", "kurtis": it keeps words in -is) names it too.
    feature = [w for w in words if w not in named and not (w.endswith("s") and w[:-1] in named)] or words
    # A yes/no question opens the message or one of its clauses ("the X - does it have a hood?",
    # "r they bluetooth?") or asks "X or not?"; a clause opening with what/how/which asks a value.
    openers = [m.group(1).lower() for m in CLAUSE_OPENER.finditer(question.replace("'", ""))]
    valued = any(o in VALUE_OPENERS for o in openers)
    yes_no = (any(o in YES_NO_OPENERS for o in openers) and not valued) or bool(
        re.search(r"\bor not\b", question, re.I)
    )
    # "water resistant up to HOW MANY metres?": a value asked mid-clause, after the product's name.
    valued = valued or (not yes_no and bool(VALUE_ASKED.search(question)))
    if not yes_no and "?" in question and not valued:
        yes_no = True  # "dishwasher safe?", "the medimix soap - good for dry skin?"
    # A verb put before its pronoun asks, wherever it stands and without a question mark: "alessia74
    # red handbag IS IT genuine leather" (set M); a value asked ("what size is it") stays a value.
    if not yes_no and not valued and INVERTED.search(question.replace("'", "")):
        yes_no = True
    numbers = [n for n in NUMBER.findall(plain) if n not in named and n not in NUMBER.findall(naming)]
    negated = frozenset(singular(w) for w in after_negation(tokens))
    # "what TYPE of output port": a word naming no feature ("type", "colour") is passed over
    focus = _focus(tokens, k.filler | named | k.generic_keys, named) if valued and not yes_no else []
    # A use is read with the words in brackets too: "my feet roll inward (OVERPRONATION)" glosses
    # the shopper's story, not the product's name.
    heard = [w for w in words if w not in by_name] or words
    return Asked(
        list(dict.fromkeys(feature)),
        yes_no,
        numbers,
        negated,
        frozenset(named),
        heard=list(dict.fromkeys(heard)),
        said=[singular(w) for w in tokens],
        focus=focus,
        # Only a unit ("per DAY", "each HOUR") must be said by the answer: "per charge" is what a
        # battery life states anyway, "each glass" what a glass's capacity states.
        rate=[w for w in rate if w in k.units],
        **_whom(question),
    )


def _whom(question: str) -> dict:
    """Who the question asks the product is for, said by a person word, an audience word or an
    age ("would it suit a child?", "ok for a 9 year old?", "can my wife use it?"), with the
    words that said it. A pronoun alone says no one: "can she use it?" after a daughter's
    request is no woman."""
    words = tokenize(question.replace("'", " "))
    terms = audiences.table()
    person = {w for w in words if w in terms.words or w in terms.people}
    aged = set(words) - set(tokenize(audiences.strip_ages(question).replace("'", " ")))
    if not person and not aged:
        return {}
    reading = audiences.read_audience(question, question)
    return {"audience": reading.audience, "person": frozenset(singular(w) for w in person | aged)}


def _named_before_dash(question: str) -> str:
    """The part of a message before its first dash when only that part asks nothing (no question
    word, no question mark) and the rest asks: "lg 32L convection microwave - has child lock?"."""
    parts = DASH.split(question, maxsplit=1)
    if len(parts) < 2 or "?" in parts[0] or not is_question(parts[1]):
        return ""
    # A story before the dash ("our living room is big, like 20x18 ft. the ionic air purifier -
    # will it be enough?") speaks of the shopper or ends a sentence: it is no name (set E).
    if SENTENCE_END.search(parts[0]) or set(tokenize(parts[0])) & SHOPPER_WORDS:
        return ""
    openers = {m.group(1).lower() for m in CLAUSE_OPENER.finditer(parts[0])}
    return "" if openers & (YES_NO_OPENERS | VALUE_OPENERS) else parts[0]


def _subject(question: str) -> list[str]:
    """The words between "does the" (or "will this", "can your", ...) and the verb of a yes/no
    clause ("does the crokrok glossy mat set INCLUDE ...": crokrok glossy mat set); none where no
    verb of `subject_verbs` follows within a name's length ("is the jacket waterproof?")."""
    out: list[str] = []
    for clause in (c for sentence in re.split(r"[.!?]+", question) for c in CLAUSE_SPLIT.split(sentence)):
        words = tokenize(clause)
        # the clause opens the question: in "how high does the boot shaft go?" the subject is asked
        if len(words) < 3 or words[0] not in YES_NO_OPENERS or words[1] not in SUBJECT_DETERMINERS:
            continue
        span = words[2 : 2 + SUBJECT_MAX_WORDS + 1]
        verb = next((j for j, w in enumerate(span) if w in knowledge().subject_verbs), None)
        if verb is None and words[0] in COPULAS:
            # "is the ONLY STRIPED double breasted COAT lined inside?": no verb of the list, but the
            # subject ends at the word saying what the product is, and what follows is asked
            # ("Pattern: Striped" said yes to a lining, set P). The first such word, after words that
            # say which: "is the cooker's GASKET included?" asks of a part, "is the bulb included?" too.
            # Words that say which only: no preposition ("ok WITH HAND wash") before it, and no
            # article after it ("is the steel cooker A pressure cooker?" asks what it is).
            kind = next((j for j, w in enumerate(span) if singular(w) in vocabulary.type_words()), None)
            # a pro-form is the head of a pointing phrase ("is the first ONE dishwasher safe?"): the
            # subject ends there, and a kind word after it is part of what is asked
            pro = next((j for j, w in enumerate(span) if w in PRO_FORMS), None)
            if pro is not None and (kind is None or pro < kind):
                kind = pro
            linked = kind is not None and bool(set(span[:kind]) & LINKING_WORDS)
            asks_kind = kind is not None and kind + 1 < len(span) and span[kind + 1] in ARTICLES
            verb = kind + 1 if kind and kind + 2 < len(words) - 1 and not linked and not asks_kind else None
        out += span[:verb] if verb else []
    return out


def _pointing_clauses(question: str) -> list[str]:
    """The words of clauses that are a bare noun phrase opened by a determiner ("the blue jute
    bag", "the pack of four"): no opener, no verb of `subject_verbs`, a name's length at most."""
    k = knowledge()
    out: list[str] = []
    for sentence in re.split(r"[.!?]+", question):
        clauses = CLAUSE_SPLIT.split(sentence)
        if len(clauses) < 2:  # a sentence of one clause is the question itself
            continue
        for clause in clauses:
            words = tokenize(clause)
            if not words or words[0] not in SUBJECT_DETERMINERS or len(words) > SUBJECT_MAX_WORDS + 1:
                continue
            if set(words) & (YES_NO_OPENERS | VALUE_OPENERS | k.subject_verbs | SHOPPER_WORDS):
                continue
            out += words[1:]
    return out


SUBJECT_DETERMINERS = frozenset("the this that these those your ur".split())
PRO_FORMS = frozenset({"one", "ones"})  # the pro-forms that head a phrase pointing at a shown product
LINKING_WORDS = frozenset("with of for in on to at from by and or".split())  # closed class: prepositions
ARTICLES = frozenset("a an the".split())
# "IS the X coat lined?": after a copula the subject ends at what it is; after "do the X", a verb
# comes, and a word naming a part ("BUCKLE up") is no end of the subject.
COPULAS = frozenset("is are was".split())
SUBJECT_MAX_WORDS = 8  # a product said by its name: "the nirlon red kadai 2.5 litre" is 5 words


def _amount_named(token: str, named: set[str]) -> bool:
    """A token of digits and letters ("5l", "32gb") whose digits and letters both name the product."""
    m = re.fullmatch(r"(\d+)([a-z]+)", token)
    return bool(m) and m.group(1) in named and m.group(2) in named


WH_WORDS = frozenset("what whats which how".split())
FOCUS_WORDS = 2  # "what IP RATING is it", "how LONG is the blade": the words the value is of


def _focus(
    tokens: list[str], filler: frozenset[str] | set[str], named: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """The first words after the question word that are no filler ("what's the WARRANTY", "how
    LONG is the blade", "what IP RATING is the headlight, worried about heavy rain"): the feature a
    value question asks for, before the story around it."""
    for i, token in enumerate(tokens):
        if token not in WH_WORDS:
            continue
        rest = tokens[i + 1 :]
        if token == "how" and rest[:1] in (["much"], ["many"]):
            return []  # "how much COFFEE does it hold", "how many MATS": what is measured, no feature
        start = next((j for j, w in enumerate(rest) if w not in filler and w not in WH_WORDS), None)
        if start is None:
            continue
        out = []
        for w in rest[start : start + FOCUS_WORDS]:
            if w in filler or w.isdigit():
                break
            out.append(singular(w))
        if token == "how" and start == 0 and len(out) == 1 and rest[1:2] and rest[1] in knowledge().copulas:
            # "how LONG is the WARRANTY": a measure said right after "how" is of the subject the
            # copula brings next; where that is no word naming the product (those are filler
            # here), the subject is what the value is of too.
            after = rest[1:]
            first = next((j for j, w in enumerate(after) if w not in filler - named and w not in WH_WORDS), None)
            if first is not None and after[first] not in named:
                for w in after[first : first + FOCUS_WORDS]:
                    if w in filler or w.isdigit():
                        break
                    out.append(singular(w))
        return out
    return []


# -- a choice offered ("h4 or h7?", "gujarati medium or english medium?") -------------------------
CLAUSE_BREAK = re.compile(r"[,.;:!?()]+|\s[-–—]+\s|\n")
OPTION_WORDS = 2  # "gujarati MEDIUM or english medium": the words next to "or" that name each option


def offered_options(question: str) -> list[list[str]]:
    """The options a clause offers with "or" ("h4 or h7 or what" -> [[h4], [h7]]), each by the
    words that tell it from the others ("gujarati medium or english medium" -> [[gujarati],
    [english]]). None where "or" joins clauses ("does a mattress come along or do i have to buy
    it?", "or not") or a side names nothing (filler, a question word)."""
    k = knowledge()
    # A unit offered ("months or years?") asks how the amount is put, not which value it has
    # ("1 Year Warranty" is no battery life, set G).
    skipped = k.filler | k.generic_keys | k.units | WH_WORDS | {"else", "something", "anything", "other"}
    for clause in CLAUSE_BREAK.split(question.replace("'", "")):
        tokens = tokenize(clause)
        if "or" not in tokens:
            continue
        sides: list[list[str]] = [[]]
        for t in tokens:
            if t == "or":
                sides.append([])
            else:
                sides[-1].append(t)
        options = []
        for i, side in enumerate(sides):
            if i and side and (side[0] in YES_NO_OPENERS or side[0] in NEGATION_WORDS):
                return []  # "or do i have to buy it", "or not": a second question, no option
            # The run of words right next to "or": "is the mass gainer a POWDER or tablets" offers
            # a powder, not a gainer.
            near = side[::-1] if i == 0 else side
            start = next((j for j, w in enumerate(near) if w not in skipped), len(near))
            run = list(itertools.takewhile(lambda w: w not in skipped, near[start:]))[:OPTION_WORDS]
            options.append([singular(w) for w in (run[::-1] if i == 0 else run)])
        options = [o for o in options if o]
        if len(options) < 2:
            continue
        shared = set.intersection(*(set(o) for o in options))
        options = [[w for w in o if w not in shared] for o in options]
        return options if all(options) else []
    return []


NEGATION_WORDS = frozenset("not no non without".split())

# "or" where a shopper puts the alternative to what they ask after it: "pot included OR do i buy
# it separately", "do they zip up OR do i have to pull them on"
ALTERNATIVE = re.compile(r"\s+or\s+(?!not\b)", re.I)
SENTENCE_BREAK = re.compile(r"[.!?]+\s")
OPEN_ENDS = WH_WORDS | {"else", "something", "anything", "other"}


def first_alternative(question: str) -> str | None:
    """The question up to the "or" that offers its alternative, in the asking sentence (the last):
    what the shopper asks first is what a yes or a no answers ("is the bulb included or do I buy
    it separately" is answered by whether the bulb is included). None without such an "or"."""
    last = list(SENTENCE_BREAK.finditer(question))
    start = last[-1].end() if last else 0
    found = ALTERNATIVE.search(question, start)
    before = tokenize(question[start : found.start()]) if found else []
    # "floral print? or geometric or what": options that run over sentences, and "or what", ask
    # which one, not whether the first
    if found is None or not before or before[0] == "or" or set(tokenize(question[found.end() :])) <= OPEN_ENDS:
        return None
    return question[: found.start()].rstrip(" ,;:-") + "?"


def not_stated_answer(asked: Asked, about: str) -> Answer:
    return Answer(Verdict.NOT_STATED, f"The listing doesn't say {about}.")


# Past two words the asked words read as a list, not the shopper's phrase ("anything about ok wide
# feet", "anything about crack after month new"): the answer says "that" instead.
ECHOED_WORDS = 2


def echoed_words(asked: Asked) -> str:
    """What is asked, as the reply repeats it: without the verbs that only ask whether it is in
    the box ("does it COME with a sharpener?" was echoed "anything about come sharpener") and the
    words that only ask whether it suits ("is it GOOD for trail?" was "anything about good trail")."""
    asking = knowledge().box_verbs | knowledge().fit_words
    words = [w for w in asked.words if w not in asking and singular(w) not in asking] or asked.words
    return " ".join(words) if 0 < len(words) <= ECHOED_WORDS else ""


def about_text(asked: Asked) -> str:
    return f"anything about {echo}" if (echo := echoed_words(asked)) else "that"


# -- what the core calls ---------------------------------------------------------------------
# A question anywhere in the message: a question mark, or a question word opening the message or
# one of its clauses ("the Sonata black watch - does it have a stopwatch", "that hala watch, does
# it glow in the dark? like can i see the time at night"), or "or not" closing it ("the ski lunch
# box - microwave safe or not").
QUESTION = re.compile(
    r"(?:^|[,;:.!?(]\s*|\s[-–—]+\s*|\.\.+\s*)(?:(?:up ?to|from|for|in|by|at|till|until|to|of|with) (?=what|which|how))?"
    r"(?:is|are|r|was|does|do|did|can|could|will|would|should|has|"
    r"have|what|what's|whats|which|how|who|where|when|any idea)\b|\?|\bor not\W*$",
    re.I,
)
GENERAL = re.compile(r"^\s*(?:tell me (?:more|about)|more about|details?|describe|specs?)\b", re.I)


def is_question(message: str) -> bool:
    """A question ("is it waterproof?", "what fabric is it"), not a request for products."""
    return bool(QUESTION.search(message))


def asks_something(message: str) -> bool:
    """A question about a feature, not a request for the whole detail ("tell me more")."""
    return is_question(message) and not GENERAL.match(message)
