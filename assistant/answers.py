"""Questions about one product answered from its record: yes / no / the value / not stated.

`answer_question(product, question, embedder)` finds the `Evidence` in the record (its fields,
its specification key/values, its description sentences) by two signals together: the asked
words matching a key or a value (with the synonyms of `data/answers.yaml`), and the embedding
similarity between the asked feature and each piece of evidence. It answers in words the shopper
can act on, quoting the evidence whole ("Fabric: Polyester", or a whole description sentence),
adds a consequence where a known fact supports one (IPX5: rain yes, pool no), and says plainly
when the listing does not say. It never states a value the record does not hold.

No model writes here: the answer is ready in milliseconds and can stream at once.
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import numpy as np

from assistant import audience as audiences
from assistant import fit, other_values, suitability, vocabulary
from assistant.answer_data import Use, knowledge
from common.models import Embedder
from common.schema import AUDIENCE_MATCHES, Product
from common.text import (
    AUDIENCE_WORDS,
    COLOURS,
    MATERIALS,
    STOPWORDS,
    money,
    normalise_colour,
    singular,
    terms,
    tokenize,
)

YES_NO_OPENERS = frozenset("is are r was does do did can could will would should has have had isnt doesnt".split())
VALUE_OPENERS = frozenset("what whats which how".split())
VALUE_ASKED = re.compile(r"\b(?:how (?:many|much|long|deep|big|heavy|far|tall|wide|high|thick)|what|which)\b", re.I)
INVERTED = re.compile(r"\b(?:is|are|does|do|can|will|would|should|has|have)\s+(?:it|they|this|these)\b", re.I)
CLAUSE_OPENER = re.compile(r"(?:^|[,;:.!?(]\s*|\s[-–—]+\s*)\s*([a-z]+)\b", re.I)
NEGATION = re.compile(r"\b(?:not|no|non|without|never|isn'?t|doesn'?t|don'?t|cannot|can'?t)\b", re.I)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+|\s+\|\s+")
CLAUSE_SPLIT = re.compile(r"\s*[,;|]\s+|\s+-\s+")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
BRACKETED = re.compile(r"\(([^()]*)\)")
MATERIAL_KEY = re.compile(r"material|fabric", re.I)
DASH = re.compile(r"\s[-–—]+\s")
SENTENCE_END = re.compile(r"[.!?]+\s")
SHOPPER_WORDS = frozenset("i im my me mine we our us ours".split())
RATE = re.compile(r"\b(?:per|each|every)\s+([a-z]+)", re.I)
NO_VALUES = frozenset("no n false none not unavailable out".split())
YES_VALUES = frozenset("yes y true available included".split())


# Words a shopper uses to pick the product out (its colour, material, who it is for), never the
# feature asked about: "is the black dial watch water resistant?" asks nothing of "Dial: black".
FULL = 0.99  # a key said whole
PRICE_ASKED = re.compile(
    r"\bhow much (?:is|are|for|does (?:it|this|that|one|each) cost|do (?:they|these) cost)\b", re.I
)
ORDINARY_VALUES = frozenset(COLOURS) | frozenset(MATERIALS) | frozenset(AUDIENCE_WORDS)


class Verdict(StrEnum):
    YES = "yes"
    NO = "no"
    VALUE = "value"
    PARTLY = "partly"  # the record answers part of it (water-resistant, asked "waterproof")
    JUDGEMENT = "judgement"  # the record says something related; it does not settle the question
    NOT_STATED = "not_stated"


@dataclass(frozen=True)
class Evidence:
    """One thing the record says: a field or specification (`key`: `value`) or a sentence."""

    text: str  # as quoted to the shopper: "Fabric: Polyester" or a whole sentence
    key: str | None = None
    value: str | None = None
    source: str = "specification"  # "field", "specification" or "description"


@dataclass
class Answer:
    verdict: Verdict
    text: str  # the answer as the shopper reads it
    evidence: list[Evidence] = field(default_factory=list)
    value: str | None = None
    consequence: str | None = None


# -- the record as evidence ------------------------------------------------------------------
def record_evidence(product: Product) -> list[Evidence]:
    """Every field, specification and description sentence of a record, in that order."""
    p = product
    out: list[Evidence] = []

    def add(key: str, value: str | None, source: str = "field") -> None:
        # "Display Type: NA" states nothing: no evidence of a display, nor of none.
        if value and value.strip() and value.strip().lower() not in knowledge().empty_values:
            out.append(Evidence(f"{key}: {value}", key, value, source))

    add("brand", p.brand)
    add("colour", ", ".join(p.colours))
    add("material", p.material)
    add("for", ", ".join(p.audience))
    add("sizes", ", ".join(p.sizes))
    add("price", money(p.price, p.currency, cents=True) if p.price is not None else None)
    add("rating", f"{p.rating:g}/5" if p.rating else None)
    add("category", p.category_path)
    if p.stock is not None or p.price is not None:  # what the shop shows on its cards
        add("availability", "in stock" if p.in_stock else "out of stock")
    statements: list[str] = []
    for key, value in p.attributes.items():
        if key.lower() in knowledge().statement_keys:  # "2 Years warranty" under no key of its own
            statements += [part.strip() for part in value.split(" | ")]
        else:
            add(key, value, "specification")
    seen: set[str] = set()
    for sentence in statements + description_sentences(p.description):
        if sentence.lower() not in seen:
            seen.add(sentence.lower())
            out.append(Evidence(sentence, source="description"))
    return out


def description_sentences(text: str) -> list[str]:
    """Whole sentences of a description; a run-on "sentence" longer than the quote limit is cut
    at its clauses (catalog exports often have no full stops at all)."""
    limit = knowledge().quote_chars
    out: list[str] = []
    for sentence in SENTENCE_SPLIT.split(text.strip()):
        sentence = sentence.strip(" -*•")
        if len(tokenize(sentence)) < 2:
            continue
        if len(sentence) <= limit:
            out.append(sentence)
            continue
        out.extend(c.strip() for c in CLAUSE_SPLIT.split(sentence) if len(tokenize(c)) >= 2 and len(c) <= limit)
    return out


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
    # "how MANY hours" asks an amount in hours, not a count of pieces.
    tokens = [w for w, nxt in zip(tokens, [*tokens[1:], ""], strict=True) if not (w in k.counts and nxt in k.units)]
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
    negated = frozenset(singular(w) for w in _after_negation(tokens))
    # "what TYPE of output port": a word naming no feature ("type", "colour") is passed over
    focus = _focus(tokens, k.filler | named | k.generic_keys) if valued and not yes_no else []
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
    for clause in CLAUSE_SPLIT.split(question):
        words = tokenize(clause)
        # the clause opens the question: in "how high does the boot shaft go?" the subject is asked
        if len(words) < 3 or words[0] not in YES_NO_OPENERS or words[1] not in SUBJECT_DETERMINERS:
            continue
        span = words[2 : 2 + SUBJECT_MAX_WORDS + 1]
        verb = next((j for j, w in enumerate(span) if w in knowledge().subject_verbs), None)
        out += span[:verb] if verb else []
    return out


SUBJECT_DETERMINERS = frozenset("the this that these those your ur".split())
SUBJECT_MAX_WORDS = 8  # a product said by its name: "the nirlon red kadai 2.5 litre" is 5 words


def _amount_named(token: str, named: set[str]) -> bool:
    """A token of digits and letters ("5l", "32gb") whose digits and letters both name the product."""
    m = re.fullmatch(r"(\d+)([a-z]+)", token)
    return bool(m) and m.group(1) in named and m.group(2) in named


WH_WORDS = frozenset("what whats which how".split())
FOCUS_WORDS = 2  # "what IP RATING is it", "how LONG is the blade": the words the value is of


def _focus(tokens: list[str], filler: frozenset[str] | set[str]) -> list[str]:
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
        return out
    return []


def _after_negation(words: list[str]) -> list[str]:
    """Words with a negation within three words before them ("non slip" -> slip)."""
    return [w for i, w in enumerate(words) if any(NEGATION.fullmatch(x) for x in words[max(0, i - 3) : i])]


def _expanded(word: str) -> frozenset[str]:
    return knowledge().synonyms.get(word, frozenset()) | {word}


# -- answering -------------------------------------------------------------------------------
class KeyValues(dict[str, set[str]]):
    """A specification key (lower case) -> the words of its values, catalog-wide; `phrases`: its
    whole values with how many products give each (`other_values`)."""

    phrases: other_values.Phrases = {}


def key_values(products: list[Product]) -> KeyValues:
    """The words each specification key takes as values across a catalog: "induction" is a value
    of "stovetop compatibility" if any product says so, so asking it of a "gas" one is a no."""
    out = KeyValues()
    for p in products:
        for key, value in p.attributes.items():
            out.setdefault(key.lower(), set()).update(singular(w) for w in tokenize(value))
    out.phrases = other_values.value_phrases(products)
    return out


# The last sentence that asks ("... school bus at 6.. has alarm?"), and a purpose said after what
# is asked ("can i put the handis in microwave TO REHEAT DAL?"): the question without the story.
# A sentence ends at ! ? a line break, or a full stop that is no decimal point ("1.5 litre").
ASKING_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))*\?[\s.!?]*$")
PURPOSE_AFTER = re.compile(r"\s+(?:to|for)\s+\w+(?:\s+\w+){0,4}\s*\?[\s.!?]*$", re.I)


def answer_question(
    product: Product,
    question: str,
    embedder: Embedder | None = None,
    values: KeyValues | None = None,
    naming: str | None = None,
) -> Answer:
    """The answer to a shopper's question about this product, from its record alone (see
    `_answer_from_record`). A question offering options ("is it pure cotton or some blend?", "wired
    or bluetooth?") asks which: a "no" to one of them is no answer to it (set N read "No" where the
    record says 100% cotton), so where the "no" came from a value that says one of the options,
    it is answered with that value."""
    found = _answer_from_record(product, question, embedder, values, naming)
    if found.verdict != Verdict.NO or not found.evidence:
        return found
    e = found.evidence[0]
    # Only where the evidence says one of the options: "can i plug a pen drive or hard disk into
    # it?" asks whether either works, and "Number of USB Ports: 0" is a plain no.
    said = {singular(w) for w in tokenize(e.text)}
    if any(said & {singular(w) for w in option} for option in offered_options(question)):
        lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {_quote(e)}"
        return Answer(Verdict.VALUE, f"{lead}.", found.evidence, e.value)
    return found


def _answer_from_record(
    product: Product,
    question: str,
    embedder: Embedder | None = None,
    values: KeyValues | None = None,
    naming: str | None = None,
) -> Answer:
    """The answer to a shopper's question about this product, from its record alone. `values`
    (from `key_values` over the catalog) lets "is it a full zip?" be answered no from "zipper: half".

    Where the whole message finds no answer, its last asking sentence alone is tried, then that
    sentence less a purpose said after it: the story's words ("she needs to wake up for the
    school bus... has alarm?") dilute what is asked, and a record that answers the question
    itself ("Alarm Clock: Yes") answers it."""
    # "which bulb fitting? h4 or h7 or what": the option the record holds. Only where a value is
    # asked: "does it make a beep or siren sound?" asks whether it has either (a yes or a no).
    suited = _suits(product, question, values)
    if suited is not None:  # "does it fit lenovo s880?" against "Designed for: Lenovo S880"
        return suited
    held = [] if read_question(question).yes_no else _options_held(product, offered_options(question))
    if len(held) == 1:
        return _option_answer(held[0])
    found = _answer_whole(product, question, embedder, values, naming)
    if found.verdict not in (Verdict.NOT_STATED, Verdict.JUDGEMENT):
        return _imitation(question, _apart(question, found))
    other = _other_value_asked(product, question, values, naming)
    if other is not None:  # "bluetooth?" against "Interface: Wired USB" (sets L, M)
        return other
    asking = ASKING_SENTENCE.search(question)
    sentence = asking.group().strip() if asking else ""
    tries = [sentence] if asking and asking.start() > 0 else []
    if PURPOSE_AFTER.search(sentence):
        tries.append(PURPOSE_AFTER.sub("?", sentence))
    for text in tries:
        shorter = _answer_whole(product, text, embedder, values, naming)
        if shorter.verdict in (Verdict.YES, Verdict.NO, Verdict.VALUE):
            return _imitation(question, _apart(question, shorter))
    return _pack_count(question, product) or _title_amount(question, product) or found


def _suits(product: Product, question: str, values: KeyValues | None) -> Answer | None:
    """Yes or no from the keys that say what the product is for, where the shopper names what
    they need it to suit (`assistant/suitability.py`)."""
    if not read_question(question).yes_no:
        return None
    found = suitability.judge(product, question, getattr(values, "phrases", {}))
    if found is None:
        return None
    given = ", ".join(f"{key}: {value}" for key, value in found.evidence)
    evidence = [Evidence(f"{key}: {value}", key, value) for key, value in found.evidence]
    verdict = Verdict.YES if found.suits else Verdict.NO
    return Answer(verdict, f"{'Yes' if found.suits else 'No'}. The listing gives {given}.", evidence)


def _other_value_asked(product: Product, question: str, values: KeyValues | None, naming: str | None) -> Answer | None:
    """No, where a yes/no question says whole another value the catalog gives one of the record's
    keys than the record's own (`other_values`): "a button one?" against "Closure: Zipper"."""
    asked = read_question(question, naming if naming is not None else f"{product.title} {product.brand or ''}")
    phrases = getattr(values, "phrases", {})
    if not asked.yes_no or not asked.words:
        return None
    own = _words(f"{product.title} {product.brand or ''} {product.category_path}")
    accounted = set(asked.named) | own | vocabulary.type_words() | knowledge().generic_keys
    text = " ".join(e.text for e in record_evidence(product)) + f" {product.title}"
    skip = knowledge().identity_keys | knowledge().statement_keys
    found = other_values.other_value_asked(asked.words, accounted, product, text, phrases, _same_word, skip)
    if found is None:
        opposed = other_values.opposed_value(
            asked.words, accounted, product, text, knowledge().opposites, _same_word, skip
        )
        found = other_values.Alternative(*opposed) if opposed else None
    if found is None:
        return None
    e = next((e for e in record_evidence(product) if e.key == found.key), None)
    if e is None:  # a value that states nothing ("NA") is no other value
        return None
    return Answer(Verdict.NO, f"No. The listing gives {e.text}, not {found.asked}.", [e], e.value)


def _imitation(question: str, found: Answer) -> Answer:
    """ "is it leather?" against "Synthetic Leather": the record's own word says it is not the
    real thing, so a plain yes misleads (a session-9 chat answered "Yes"). The qualifiers are
    the ones that contradict "genuine" (`opposites` in answers.yaml); one the shopper says
    themself ("is it faux leather?") is what they asked, and the yes stands."""
    if found.verdict != Verdict.YES or not found.evidence:
        return found
    fakes = knowledge().opposites.get("genuine", frozenset())
    said = set(_words(question))
    if said & fakes:
        return found
    # The value, not the key: a key naming both kinds ("Natural/Synthetic Diamond: Natural
    # Diamond", set O) says nothing of which one this is.
    e = found.evidence[0]
    record = [singular(w) for w in tokenize(e.value if e.key and e.value else e.text)]
    asked = read_question(question).words
    for i, w in enumerate(record[1:], start=1):
        if record[i - 1] in fakes and any(_same_word(a, w) for a in asked):
            rest = found.text.split(". ", 1)[-1]
            return replace(found, verdict=Verdict.PARTLY, text=f"Not genuine {w}: it is {record[i - 1]} {w}. {rest}")
    return found


def _apart(question: str, found: Answer) -> Answer:
    """ "Will I need to buy bulbs SEPARATELY?" asks whether they are left out: a yes or no read
    from what the record says is included ("Bulb Included: No") is turned round (set K, pq-k021,
    was answered no). The cue words are data (`apart` in answers.yaml)."""
    if found.verdict not in (Verdict.YES, Verdict.NO) or not found.evidence or not knowledge().apart.search(question):
        return found
    if not any(_same_word(w, "include") for w in _words(found.evidence[0].text)):
        return found
    rest = found.text.split(". ", 1)[-1]
    if found.verdict == Verdict.YES:
        return replace(found, verdict=Verdict.NO, text=f"No, it comes with it. {rest}")
    return replace(found, verdict=Verdict.YES, text=f"Yes, it doesn't come with it. {rest}")


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
QUOTE_AROUND = 6  # words quoted either side of an option found in a long description


def _options_held(product: Product, options: list[list[str]]) -> list[tuple[list[str], Evidence]]:
    """Each option the record states in its own words (every telling word, as written, in one
    field, specification or sentence; the title too), with where it says it. Exact words only:
    "Gujarat" is no "gujarati", and a stem would find one option in the other."""
    if not options:
        return []
    # The description's words too: a run-on clause too long to quote whole is not in the record's
    # sentences ("... make sure h4 bulb type is used in your vehical ..."), so its words around.
    words = tokenize(product.description)
    around = [
        Evidence(" ".join(words[max(0, i - QUOTE_AROUND) : i + QUOTE_AROUND + 1]), source="description")
        for i in range(len(words))
    ]
    evidence = [Evidence(product.title, source="description"), *record_evidence(product)]
    held = []
    for option in options:
        said = [e for e in evidence if set(option) <= {singular(w) for w in tokenize(e.text)}]
        said = said or [e for e in around if set(option) <= {singular(w) for w in tokenize(e.text)}]
        if said:
            held.append((option, said[0]))
    return held


def _option_answer(held: tuple[list[str], Evidence]) -> Answer:
    option, e = held
    # The option in the record's own writing, each of its words once ("ripstop nylon", "H4")
    written: dict[str, str] = {}
    for m in re.finditer(r"[\w-]+", e.text):
        word = singular(m.group().lower())
        if word in option and word not in written:
            written[word] = m.group().upper() if _is_code(word) else m.group()
    value = " ".join(written[w] for w in option if w in written) or option[0]
    lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {_quote(e)}"
    return Answer(Verdict.VALUE, f"{_cap(value)}. {lead}.", [e], value)


def _answer_whole(
    product: Product,
    question: str,
    embedder: Embedder | None,
    values: KeyValues | None,
    naming: str | None,
) -> Answer:
    # The words that named it are not asked about; without them (a shown item), its title's.
    # An option value in the title ("Tea Kettle (2L, glass, INDUCTION)") names the product only
    # when the question used it to ("the kettle for gas stoves work on INDUCTION?").
    asked = read_question(question, naming if naming is not None else f"{product.title} {product.brand or ''}")
    if not asked.words:
        return _not_stated(asked, "what you're asking")
    evidence = [e for e in record_evidence(product) if not _states_no(asked, e)]
    counted = None if asked.yes_no else _counted(question, product, evidence)
    if counted is not None:  # "how many pillows come in one order?" against "Sales Package: 10 Pillows"
        return counted
    title = Evidence(product.title, source="description")
    for step in (
        _attribute_answer(product, asked),
        _fact_answer(asked, evidence),
        _other_count(asked, [title, *evidence]),
    ):
        if step:
            return step
    # What the product is (title, category) and what its record states elsewhere ("non stick")
    # describe it; they are no other feature asked about.
    own = _words(f"{product.title} {product.brand or ''} {product.category_path}")
    stated = own | {w for e in evidence if e.source != "description" for w in _words(e.text)}
    keyed = _key_match(asked, evidence, values or {}, embedder, stated)
    flag = keyed is not None and (_says_no(keyed.value or "") or _says_yes(keyed.value or ""))
    if keyed is not None and not asked.yes_no and not _says_rate(asked, keyed):
        keyed, flag = None, False  # "how many PER DAY?" is no "Quantity: 60" (set H)
    amount = None if asked.yes_no else _amount_asked(question, asked, evidence, keyed, embedder)
    if amount is not None and not _says_rate(asked, amount):
        amount = None
    if amount is not None:  # "how many watts?" against "Power Consumption: 40 W"
        return Answer(Verdict.VALUE, _value_text(amount), [amount], amount.value)
    if keyed is not None and asked.focus and not _covers_focus(asked, keyed):
        # "what IP RATING is it? worried about HEAVY rain": "Weight" answers a word of the story,
        # not the feature asked for.
        keyed, flag = None, False
    family = None if asked.yes_no else fit.asked_family(question)
    if family is not None and keyed is not None and not _of_family(keyed, family):
        # "how many WATTS is the kettle?" where no specification states watts: "capacity: 1L" is
        # no answer to it, whatever other word it matched ("take" in the shopper's story).
        keyed, flag = None, False
    # A flag for the feature asked ("Child Lock: Yes") answers before any amount the message
    # states: that amount may be chatter ("we have a 2 yr old... does it have a child lock?"),
    # and read as a need it met "Warranty: 1 Year" and answered no.
    # A value asked ("which holder does it fit? my old bulb was 9 w") wants the value, not whether
    # an amount of the story fits.
    fitted = None if flag or not asked.yes_no else _fit_answer(question, evidence, f"{naming or ''} {product.title}")
    if fitted is not None:  # "will my 15.6 inch laptop fit?" against "Compatible Laptop Size: 15.6"
        return fitted
    said = _value_match(replace(asked, named=asked.named | own), evidence) if asked.yes_no else None
    # A need said through a use ("has it got castors?", "a walker i can lock"): judged from the
    # record's words for it (`uses` in answers.yaml).
    use = _use_answer(asked, question, evidence, values or {}) if asked.yes_no else None
    # A flag meaning what was asked outranks a value that says one word of the story ("my 3 yr old
    # KEEPS pressing... can i lock the panel?" against "Features: Keep Warm, ...").
    # Evidence not about the thing asked carries no yes or no ("a SHOE compartment?" against
    # "Pocket Compartments: Yes"): it is quoted as related only, where nothing else answers.
    near = None
    if asked.yes_no and keyed is not None and not _about_asked(asked, keyed, values or {}, own=own):
        near, keyed, flag = keyed, None, False
    if said is not None and not _about_asked(asked, said, values or {}):
        near, said = near or said, None
    meant = _meant_flag(asked, evidence, values or {}, embedder, stated) if asked.yes_no and not keyed else None
    if meant is not None and not _about_asked(asked, meant, values or {}, lexical=False):
        near, meant = near or meant, None  # "a shoe compartment?" is not what "Compartment: Yes" means
    if keyed is not None:  # "is the X water resistant? my son ..." against "Water Resistant: No"
        if asked.yes_no or flag:  # a flag answers yes or no, however the question was put
            keyed_answer = _keyed_yes_no(asked, keyed, values or {})
            if use is not None and _words(keyed.value or "") <= asked.named:
                # The key's value names the product ("the black HIGH-brightness lamp ok? ... power
                # cuts"): the use asked about is the question.
                return use
            if keyed_answer.verdict == Verdict.JUDGEMENT:
                # A key reached by a word of the story ("her bag is too HEAVY" -> "Weight") gives
                # way to a flag the question also names ("pulled like a TROLLEY" -> "Trolley
                # Support: No") and to a need said through a use.
                flags = [e for e in evidence if e is not keyed and _is_flag(e.value or "")]
                flagged = _key_match(asked, flags, values or {}, embedder, stated)
                if flagged is not None and _one_word_flag(flagged):
                    return _keyed_yes_no(asked, flagged, values or {})
                if use is not None:
                    return use
            # Part of a key said ("FRAMED polarised" against "Frame Material") gives way to a
            # value that says the asked word ("Lens Type: Polarized").
            if keyed_answer.verdict != Verdict.JUDGEMENT or said is None:
                return keyed_answer
        else:
            return Answer(Verdict.VALUE, _value_text(keyed), [keyed], keyed.value)
    if use is not None:
        return use
    if meant is not None:  # "can i lock the panel?" against "Child Lock: Yes"
        return _keyed_yes_no(asked, meant, values or {})
    if said is not None:  # "is it ISI marked?" against "Certification: ISI"
        other = _other_modifier(asked, said, values or {})
        if other is not None:  # "does it cover the chin like a FULL face one?" against "Type: Open Face"
            return other
        return _yes_no(replace(asked, words=[w for w in asked.words if _covered(w, _words(said.value or ""))]), said)
    if not asked.yes_no:  # "how much chai fits in a cup?" against "Capacity: 150 ml"
        used = _use_value(asked, evidence)
        if used is not None and _says_rate(asked, used):
            return Answer(Verdict.VALUE, _value_text(used), [used], used.value)
    if not asked.yes_no:  # "what's the warranty?" stated in a description sentence
        sentence = _described(asked, evidence, values or {}, own, embedder)
        if sentence is not None and _says_rate(asked, sentence):
            return Answer(Verdict.VALUE, f"The listing says: {_quote(sentence)}.", [sentence], sentence.text)
    covering = [
        e for e in evidence if e.key != "category" and _cover(asked.words, _words(e.text)) >= knowledge().key_cover
    ]
    if family is not None:  # an amount of another kind answers no value asked in watts
        covering = [e for e in covering if e.source == "description" or _of_family(e, family)]
    if not asked.yes_no:
        covering = [e for e in covering if _says_rate(asked, e)]
    if covering:
        best = _best(asked, covering, embedder)
        if asked.yes_no:
            return _yes_no(asked, best)
        if best.source == "description":
            return Answer(Verdict.VALUE, f"The listing says: {_quote(best)}.", [best], best.text)
        return Answer(Verdict.VALUE, _value_text(best), [best], best.value)
    if asked.yes_no:
        other = _other_value(asked, evidence, values or {})
        if other:
            return other
    related = near or _related(asked, evidence, embedder)
    if related is not None:
        return Answer(
            Verdict.JUDGEMENT,
            f"The listing doesn't say {_about(asked)} directly. What it does say: {_quote(related)}.",
            [related],
        )
    return _not_stated(asked, _about(asked))


HOW_MANY = re.compile(r"\bhow many\s+(?:of\s+(?:the|them)\s+)?([a-z]+)", re.I)
COUNT_OF = re.compile(r"\b(\d+)\s*([a-z]+)|\b(?:pack|set|box|pair|combo)\s+of\s*(\d+)\b", re.I)


def _counted(question: str, product: Product, evidence: list[Evidence]) -> Answer | None:
    """ "How many X": a count the record states with X itself ("Sales Package: 1 Casserole, 3
    Handi", "10 Pillows"). A unit after "how many" ("hours", "watts") asks an amount, answered
    elsewhere; the pack the product comes in is the last resort (`_pack_count`)."""
    m = HOW_MANY.search(question.replace("'", ""))
    if not m or m.group(1).lower() in knowledge().units or m.group(1).lower() in knowledge().filler:
        return None
    thing = singular(m.group(1).lower())
    title = Evidence(product.title, source="description")
    places = [e for e in evidence if e.source != "field" or e.key == "sizes"] + [title]
    for e in places:  # the count said with the thing: "3 Handi", "10 Pillows"
        for n, word, _ in COUNT_OF.findall(e.value or e.text):
            if n and word and _same_word(thing, singular(word.lower())):
                return _count_answer(f"{n} {word}", e)
    return None


def _pack_count(question: str, product: Product) -> Answer | None:
    """ "How many pillows come in one order?" asked of a pillow: the pack it comes in ("pack
    of10" in the title, "Pack of: 4"), where nothing else answers. Only what the title says the
    product is: a diamond ring's category ("Diamond Rings") counts no diamonds."""
    m = HOW_MANY.search(question.replace("'", ""))
    if not m or m.group(1).lower() in knowledge().units or m.group(1).lower() in knowledge().filler:
        return None
    thing = singular(m.group(1).lower())
    if not any(_same_word(thing, w) for w in _words(product.title)):
        return None
    title = Evidence(product.title, source="description")
    places = [e for e in record_evidence(product) if e.source == "specification"] + [title]
    for e in places:  # the thing is the product: how many come in one pack
        for _, _, n in COUNT_OF.findall(e.value or e.text):
            if n:
                return _count_answer(n, e)
        if (e.key or "").lower() in knowledge().pack_keys and (e.value or "").isdigit():
            return _count_answer(e.value or "", e)
    return None


def _counts_before(words: list[str]) -> list[tuple[float, str, str]]:
    """(count, as said, word) for each word said right after a count ("SINGLE phase", "3 phase", "twin
    bed"): the count says which one of its kind; units are amounts, read by `fit`."""
    numbers = knowledge().count_words
    out = []
    for before, word in zip(words, words[1:], strict=False):
        n = float(before) if NUMBER.fullmatch(before) else numbers.get(before)
        if n is not None and word.isalpha() and word not in fit.unit_words() | knowledge().units:
            out.append((n, before, singular(word)))
    return out


def _other_count(asked: Asked, evidence: list[Evidence]) -> Answer | None:
    """No where the record says the thing asked with another count than the question's: "will it
    run on SINGLE phase?" against a "3 Phase" motor (held-out class 2). Not where it also says the
    asked one, nor where the count names the product."""
    if not asked.yes_no:
        return None
    # the count is asked, not a word naming the product ("the 3 phase motor - ..."); what it counts
    # may name it ("Kirloskar 3 Phase Motor" asked "will it run on single phase?")
    filler = knowledge().filler
    wanted = [(n, w) for n, said, w in _counts_before(asked.said) if said not in asked.named and w not in filler]
    for n, word in wanted:
        stated = [
            (m, e)
            for e in evidence
            for m, _, w in _counts_before(tokenize(e.text.replace("'", "")))
            if _same_word(w, word)
        ]
        if stated and all(m != n for m, _ in stated):
            e = stated[0][1]
            lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {_quote(e)}"
            return Answer(Verdict.NO, f"No. {lead}.", [e], e.value)
    return None


def _title_amount(question: str, product: Product) -> Answer | None:
    """ "How thick is it?" where no specification states it: the one amount of that dimension its
    title gives ("Yoga Mat 10 mm"); none where the title gives several (held-out class 2)."""
    if read_question(question).yes_no:
        return None
    asked = {knowledge().measure_families.get(w) for w in _words(question)} - {None}
    if len(asked) != 1:
        return None
    family = asked.pop()
    amounts = [m for m in fit.amounts(product.title) if m.family == family]
    if len(amounts) != 1:
        return None
    said = [
        m.group(0) for m in re.finditer(r"\d+(?:\.\d+)?\s*[a-z\"]+", product.title, re.I) if fit.amounts(m.group(0))
    ]
    value = next((t for t in said if fit.amounts(t)[0].family == family), None)
    if value is None:
        return None
    e = Evidence(product.title, source="description")
    return Answer(Verdict.VALUE, f"{value}, as its title gives it: {_quote(e)}.", [e], value)


def _count_answer(count: str, e: Evidence) -> Answer:
    lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {_quote(e)}"
    return Answer(Verdict.VALUE, f"{count}. {lead}.", [e], count)


def _says_rate(asked: Asked, e: Evidence) -> bool:
    """Whether the evidence says the unit a value is asked per: a total ("Quantity: 60") is no
    answer to "how many per day?" (set H, answered with the jar's count)."""
    return all(_covered(w, _words(e.text)) for w in asked.rate)


def _one_word_flag(e: Evidence) -> bool:
    """A flag of one word ("Trolley Support: No", "Removable Insole: No"), not a statement that
    opens on one ("Covered in Warranty: No damage", beside "Warranty Summary: 3 years", dev A)."""
    return len(tokenize(e.value or "")) == 1


def _uses_said(asked: Asked, value: bool) -> list[Use]:
    """The uses of answers.yaml the question says (each word of a phrase in any of its forms)."""
    out = []
    for use in knowledge().uses:
        if use.value != value:
            continue
        if any(_phrase_at(asked.heard, phrase) is not None for phrase in use.says) or any(
            _phrase_at(asked.said, phrase, slack=1) is not None for phrase in use.whole
        ):
            out.append(use)
    return out


def _phrase_at(words: list[str], phrase: tuple[str, ...], slack: int = 0) -> int | None:
    """Where the words say the phrase in order, each word in any of its forms, with at most
    `slack` other words between two of its words ("any SMALL car" says "any car")."""
    if not phrase:
        return None
    for i, word in enumerate(words):
        if not _same_word(word, phrase[0]):
            continue
        at = i
        for part in phrase[1:]:
            at = next((j for j in range(at + 1, min(at + 2 + slack, len(words))) if _same_word(words[j], part)), -1)
            if at < 0:
                break
        if at >= 0:
            return i
    return None


def _unwanted(question: str, uses: list[Use]) -> bool:
    """Whether the clause saying a use opens on not wanting it ("i DONT WANT to keep buying dust
    bags"): the product should not have what the use names."""
    for clause in re.split(r"[,.;!?]+", question.replace("'", "")):
        if not knowledge().unwanted.search(clause):
            continue
        words = [singular(w) for w in tokenize(clause)]
        if any(_phrase_at(words, phrase) is not None for use in uses for phrase in use.says):
            return True
    return False


def _asks_problem(question: str, uses: list[Use]) -> bool:
    """Whether a yes/no clause asks if the trouble happens ("will it RUST?", "would it ROLL OFF
    the ramp?"): a yes then means the remedy is missing. Not a clause offering a choice ("will it
    last OR rust too?": yes is the first option) nor one negating it ("so it DOESNT roll off")."""
    for clause in re.split(r"[,.;!?]+", question.replace("'", "")):
        tokens = tokenize(clause)
        if not tokens or tokens[0] not in YES_NO_OPENERS or "or" in tokens or NEGATION.search(clause):
            continue
        words = [singular(w) for w in tokens if w not in knowledge().filler]
        if any(_phrase_at(words, phrase) is not None for use in uses for phrase in use.problems):
            return True
    return False


def _use_verdict(e: Evidence, means: frozenset[str], values: KeyValues) -> tuple[int, Verdict] | None:
    """How a piece of evidence answers a need stated by `means` words: (rank, verdict), the lower
    rank the more direct. A specification whose key says it answers by its flag or its value
    ("Wheels Included: Yes", "Number of USB Ports: 0"); one whose value says it, yes ("bagged/
    bagless: bagged"); one whose key takes in other records a value saying it and in this one
    another value, no ("power source: AC adapter" for a battery); a description sentence, yes
    unless negated."""
    k = knowledge()

    def hit(words: set[str] | list[str]) -> bool:
        return any(_same_word(m, w) for m in means for w in words)

    if e.source == "description":
        if not hit(_words(e.text)):
            return None
        negated = any(hit({singular(w)}) for w in _after_negation(tokenize(e.text.replace("'", ""))))
        return (3, Verdict.NO if negated else Verdict.YES)
    key, value = (e.key or "").lower(), e.value or ""
    if not key or key == "category" or key in k.identity_keys:
        return None
    in_key = hit([singular(w) for w in terms(key.replace("-", " "))])
    if hit(_words(value)):
        # "Wash Care: Do Not Wash, Can Be Cleaned With A Wet Cloth" says the use and forbids it
        # ("can i toss it in the washing machine?" was told yes, set J)
        negated = any(hit({singular(w)}) for w in _after_negation(tokenize(value.replace("'", ""))))
        return (0 if in_key else 1, Verdict.NO if negated else Verdict.YES)
    if in_key and _is_flag(value):
        return (0, Verdict.NO if _says_no(value) else Verdict.YES)
    known = values.get(key, set())
    # Alternatives only: a key with few values across the catalog ("power source": usb, ac,
    # adapter, battery; "bagged/bagless"), not a list of features ("Features": whatever each
    # record lists).
    if len(known) <= k.alternatives_max and hit(known):
        return (0 if in_key else 2, Verdict.NO)
    return (0, Verdict.YES) if in_key else None


def _use_answer(asked: Asked, question: str, evidence: list[Evidence], values: KeyValues) -> Answer | None:
    """Yes or no for a need said through a use (`uses` in answers.yaml), from the most direct
    evidence for it; inverted where the shopper wants to be rid of it."""
    uses = _uses_said(asked, value=False)
    if not uses:
        return None
    means = frozenset().union(*(u.means for u in uses))
    judged = [(v, i, e) for i, e in enumerate(evidence) if (v := _use_verdict(e, means, values)) is not None]
    if not judged:
        return None
    (_, verdict), _, e = min(judged, key=lambda x: (x[0][0], x[1]))
    if _unwanted(question, uses) != _asks_problem(question, uses):
        verdict = Verdict.NO if verdict == Verdict.YES else Verdict.YES
    lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {_quote(e)}"
    return Answer(verdict, f"{'Yes' if verdict == Verdict.YES else 'No'}. {lead}.", [e], e.value)


def _use_value(asked: Asked, evidence: list[Evidence]) -> Evidence | None:
    """The specification a value question asks for through a use ("how much CHAI fits?" ->
    "Capacity: 150 ml"): its key says a word the use means."""
    uses = _uses_said(asked, value=True)
    means = frozenset().union(*(u.means for u in uses)) if uses else frozenset()
    for e in evidence:
        if e.source == "specification" and e.key and e.value and not _is_flag(e.value):
            if any(_same_word(m, singular(w)) for m in means for w in terms(e.key)):
                return e
    return None


def _covers_focus(asked: Asked, e: Evidence) -> bool:
    """Whether a specification's key or value says a word of what a value question asks for."""
    said = _words(f"{e.key or ''} {e.value or ''}")
    said |= {a + b for a, b in zip(terms(e.key or ""), terms(e.key or "")[1:], strict=False)}
    return any(_covered(w, said) for w in asked.focus)


def _of_family(e: Evidence, family: str) -> bool:
    """Whether a specification states an amount of this family ("Power: 900 W" of power)."""
    return (fit.listed(e.key or "", e.value or "") or ("",))[0] == family


def _value_text(e: Evidence) -> str:
    """A value answer. It never opens on the key: a sentence opening "Output:" or "Type:" reads
    as an instruction to the output filter, which removed the whole answer ("Output: USB-C.")."""
    return f"The listing gives {e.key}: {e.value}."


def _amount_asked(
    question: str, asked: Asked, evidence: list[Evidence], keyed: Evidence | None, embedder: Embedder | None
) -> Evidence | None:
    """The specification stating an amount of the family a value question asks for by its unit or
    its measure ("how many WATTS", "how FAR", `asked` in units.yaml), whatever its key is called:
    "Maximum Operating Distance: 100 m" for "from what distance will the remote work?". None when
    the key the question names already states such an amount, or no specification does."""
    family = fit.asked_family(question)
    if family is None:
        return None
    if keyed is not None and (fit.listed(keyed.key or "", keyed.value or "") or ("",))[0] == family:
        return None
    stated = [
        e
        for e in evidence
        if e.source != "description"
        and e.key
        and e.value
        and e.key != "category"
        and (fit.listed(e.key, e.value) or ("",))[0] == family
    ]
    if not stated:
        return None
    similarity = _similarities(asked, stated, embedder)
    return stated[int(np.argmax(similarity))]


def _fit_answer(question: str, evidence: list[Evidence], name: str) -> Answer | None:
    """Yes or no when the question states an amount the shopper needs (a size, a capacity, an
    age, a voltage) and a specification states the same kind of amount (`assistant/fit.py`).
    An amount that is part of the product's name ("the 2.5 litre kadhai") is no need."""
    # An amount right after the product's name ("the arnica dog shampoo (500ml)") says which one.
    named = fit.amounts(name) + fit.amounts_after(question, {w for t in tokenize(name) for w in (t, singular(t))})
    needs = [a for a in fit.amounts(question) if a not in named]
    measured = [w for w in _words(question) if w in knowledge().measures]
    for need in needs:
        for e in evidence:
            if e.source == "description" or not e.key or not e.value or e.key == "category":
                continue
            if not _of_measure(measured, e.key):  # "10mm THICK" is no "Height: 68 cm" (set K held-out)
                continue
            verdict = fit.fits(need, e.key, e.value)
            if verdict is not None:
                lead = "Yes" if verdict else "No"
                return Answer(Verdict.YES if verdict else Verdict.NO, f"{lead}. The listing gives {e.text}.", [e])
    # No specification states it: a description sentence that names the measure before the amount
    # ("suitable for AGE upto 6 to 14 years", "women up to the AGE of 25 years").
    for need in needs:
        for e in evidence:
            part = fit.stated_in(e.text, need.family) if e.source == "description" else None
            part = part if part and _of_measure(measured, part) else None
            verdict = fit.fits(need, part, part) if part else None
            if verdict is not None:
                lead = "Yes" if verdict else "No"
                return Answer(Verdict.YES if verdict else Verdict.NO, f"{lead}. The listing says: {_quote(e)}.", [e])
    return None


def _of_measure(measured: list[str], said: str) -> bool:
    """Whether a key (or a sentence's part) states the dimension the question measures by a word
    ("how THICK", "10mm THICK" against "Thickness", not "Height"); any does where none is said."""
    return not measured or any(_covered(m, _words(said)) for m in measured)


def _key_weights(values: KeyValues) -> dict[str, float]:
    """idf of each word over the catalog's specification keys: "dishwasher" tells "Dishwasher
    Safe" apart, "safe" (microwave safe, oven safe, ...) much less."""
    keys = [set(terms(k)) for k in values]
    df: dict[str, int] = {}
    for words in keys:
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = len(keys)
    return {w: float(np.log((n + 1) / (c + 0.5))) for w, c in df.items()}


def _by_identity(cache: dict[int, tuple[Any, Any]], owner: Any, build: Callable[[], Any]) -> Any:
    """What `build` makes for this very object, built once. The object is kept beside what was
    built for it: keyed by id() alone, a freed object's id was reused by another one, which then
    read the first one's (a test failed one run in three, by what had been freed before it)."""
    held = cache.get(id(owner))
    if held is None or held[0] is not owner:
        held = cache[id(owner)] = (owner, build())
    return held[1]


_weights: dict[int, tuple[KeyValues, dict[str, float]]] = {}


def _weights_of(values: KeyValues) -> dict[str, float]:
    """The key-word weights of a catalog's key table."""
    return _by_identity(_weights, values, lambda: _key_weights(values))


def _key_weight(values: KeyValues, word: str) -> float:
    weights = _weights_of(values)
    if word in knowledge().generic_keys or word in STOPWORDS:
        return 0.1
    return weights.get(word, max(weights.values(), default=1.0))


def _key_cover(asked: Asked, key: str, values: KeyValues) -> float:
    """The share (weighted by `_key_weight`) of a key's words the question says, directly, in
    another form ("hooded"/"hood"), by a synonym ("heavy" -> "weight") or run together ("stop
    watch" -> "stopwatch")."""
    words = terms(key.replace("-", " "))
    if not words:
        return 0.0
    # A compound the question splits ("arm rests" for "Armrest") is said as the key writes it.
    said = set(asked.words) | {a + b for a, b in zip(asked.words, asked.words[1:], strict=False)}
    joined = {a + b for a, b in zip(words, words[1:], strict=False)}
    total = covered = 0.0
    for i, w in enumerate(words):
        weight = _key_weight(values, w)
        total += weight
        pair = {words[i - 1] + w if i else "", w + words[i + 1] if i + 1 < len(words) else ""} & joined
        if any(_covered(a, {w}) or w in _expanded(a) for a in said) or pair & said:
            covered += weight
    return covered / total if total else 0.0


def _key_match(
    asked: Asked,
    evidence: list[Evidence],
    values: KeyValues,
    embedder: Embedder | None,
    own: frozenset[str] | set[str] = frozenset(),
) -> Evidence | None:
    """The specification or field whose key the question asks about, by most of its (weighted)
    words, wherever they stand in the question and whatever else it says (a story, the product's
    name): "can I put it in the dishwasher?" finds "Dishwasher Safe: No", "how heavy is it?" finds
    "Net Weight". Ties go to the key closest in meaning to the question (`_similarities`)."""
    candidates = [
        (e, _key_cover(asked, e.key or "", values))
        for e in evidence
        if e.key
        and e.value
        and e.source != "description"
        and e.key != "category"
        and not set(terms(e.key)) <= knowledge().generic_keys
        and not set(terms(e.key)) <= _keys_ruled_out(asked)
    ]
    # A question does not ask what it states: "is the fleece jacket in size M available?" names
    # the variant by "size: M"; it asks about the stock.
    # Only when no other key is asked, and its key is what the question ends on, is a stated value
    # the question ("the i7 one, does it have 32gb RAM?" against "ram: 32GB"; not "the helmet (low
    # ventilation), is it safety certified?").
    said = set(asked.words) | asked.named
    candidates = [(e, c) for e, c in candidates if c >= knowledge().key_match_min]
    candidates = [(e, c) for e, c in candidates if _is_flag(e.value or "") or not _words(e.value or "") <= said] or [
        (e, c) for e, c in candidates if _last_said(asked, e.key or "") == len(asked.words) - 1
    ]
    if not asked.yes_no:  # "water resistant up to how many metres?" asks a value, never a yes
        candidates = [(e, c) for e, c in candidates if not _is_flag(e.value or "")] or candidates
    if not candidates:
        return None
    keys = [Evidence(e.key or "", e.key, e.value, e.source) for e, _ in candidates]
    similarity = _window_similarities(asked, keys, embedder)
    # Lexical and embedding evidence together: most of the key said, or part of it said and the
    # key close in meaning to the question ("what warranty period" and "Warranty Summary").
    k = knowledge()
    kept = [i for i, (_, c) in enumerate(candidates) if c >= k.key_match or similarity[i] >= k.key_similar]
    if not kept:
        return None
    # Ties: the key said last (a question names the product first, "is the <name> in stock?"),
    # then the closest in meaning.
    best = max(
        kept,
        key=lambda i: (
            round(candidates[i][1], 2),
            _said_count(asked, keys[i].text),
            _last_said(asked, keys[i].text),
            similarity[i],
        ),
    )
    chosen = candidates[best][0]
    return None if _unexplained(asked, chosen, values, own) else chosen


def _meant_flag(
    asked: Asked, evidence: list[Evidence], values: KeyValues, embedder: Embedder | None, own: set[str]
) -> Evidence | None:
    """The yes/no specification ("Child Lock: Yes", "Audible Alarm: No") whose key means what a run
    of the asked words means though no word is the same ("lock the panel", "a noise/siren"): the
    closest key by the embedder, when close enough (`meant_flag`, `meant_flag_word` in
    answers.yaml) and no other feature the catalog has a key for is asked (`_unexplained`)."""
    if embedder is None:
        return None
    flags = [
        e
        for e in evidence
        if e.source == "specification"
        and e.key
        and _is_flag(e.value or "")
        and len(tokenize(e.value or "")) == 1  # "Yes", "No", "None"; not "No damage" (dev A)
        and not set(terms(e.key)) <= knowledge().generic_keys
        and (e.key or "").lower() not in knowledge().identity_keys
    ]
    if not flags:
        return None
    words = asked.words
    runs = [" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)]
    vectors = np.asarray(embedder.encode(runs, normalize_embeddings=True, convert_to_numpy=True))
    keys = np.asarray(embedder.encode([e.key or "" for e in flags], normalize_embeddings=True, convert_to_numpy=True))
    similarity = keys @ vectors.T  # flags x runs
    k = knowledge()
    needed = np.array([k.meant_flag_word if " " not in r else k.meant_flag for r in runs])
    score = np.where(similarity >= needed, similarity, 0.0).max(axis=1)
    best = int(np.argmax(score))
    if score[best] <= 0:
        return None
    chosen = flags[best]
    return None if _unexplained(asked, chosen, values, own) else chosen


def _states_no(asked: Asked, e: Evidence) -> bool:
    """ "The blue earbuds WITHOUT any water resistance rating, will the battery last my shift?": a
    "no" the question itself says of a key ("water resistance: not resistant") tells which
    product; it is not what is asked (set L, L-pq-038 was answered no from it)."""
    named = [w for w in terms((e.key or "").replace("-", " ")) if w not in knowledge().generic_keys]
    return _says_no(e.value or "") and bool(named) and all(any(_same_word(w, n) for n in asked.negated) for w in named)


def _keys_ruled_out(asked: Asked) -> set[str]:
    """Key words an asked word rules out: "how much weight can it HOLD?" asks a load, not the
    product's own "Weight" (`not_keys` in answers.yaml)."""
    return {w for a in asked.words for w in knowledge().not_keys.get(a, ())}


def _is_flag(value: str) -> bool:
    return _says_no(value) or _says_yes(value)


def _said_count(asked: Asked, key: str) -> int:
    """How many words of the key the question says: the more specific key wins a tie."""
    return sum(any(_covered(a, {w}) for a in asked.words) for w in _words(key))


def _last_said(asked: Asked, key: str) -> int:
    """Where the question last says a word of the key (-1: nowhere)."""
    words = _words(key)
    return max((i for i, w in enumerate(asked.words) if _covered(w, words)), default=-1)


def _unexplained(asked: Asked, e: Evidence, values: KeyValues, own: frozenset[str] | set[str]) -> bool:
    """The question names another feature the catalog has a key for, one this key does not cover
    ("the boots' LINING made of" against "Material: Rubber", "what AGE does size S fit" against
    "Fit: Regular"): the record does not answer what was asked."""
    if not values:
        return False
    weights = _weights_of(values)
    # The values the catalog gives this key are alternatives asked ("bristles made of? synthetic?").
    key_words = _words(e.key or "") | _words(e.value or "") | values.get((e.key or "").lower(), set())
    strongest = max((_key_weight(values, w) for w in terms(e.key or "")), default=0.0)
    for w in asked.words:
        # What it is ("soap", "range extender", "just the GLASSES" of sunglasses), not a feature.
        if w in knowledge().generic_keys or _covered(w, set(own)):
            continue
        # A word of the question's synonyms is a feature too when a key it is in is said
        # ("LINING" against "Material: Rubber"); `_other_key_said` keeps it to such keys.
        if w in weights and not _covered(w, key_words):
            if weights[w] >= min(strongest, knowledge().feature_idf) and _other_key_said(asked, w, values):
                return True
    return False


def _other_key_said(asked: Asked, word: str, values: KeyValues) -> bool:
    """Whether the question says most of some key holding `word` ("LINING", "AGE group"): a word
    that only shares a key with words the question does not say ("the HANDS glow" and "Hand
    Washable", "a sleeve INSIDE" and "Inside Ring Circumference") names no other feature."""
    return any(
        word in terms(key.replace("-", " ")) and _key_cover(asked, key, values) >= knowledge().key_match
        for key in values
    )


def _described(
    asked: Asked, evidence: list[Evidence], values: KeyValues, own: frozenset[str] | set[str], embedder: Embedder | None
) -> Evidence | None:
    """A description sentence that says every feature word of the question (a word some key of
    the catalog uses, "warranty", "lining"), not a word of what the product is."""
    if not values:
        return None
    weights = _weights_of(values)
    # A unit is an answer the shopper offers ("months or years?"), not the feature asked: "1 Year
    # Warranty" is no battery life (set G).
    k = knowledge()
    features = [w for w in asked.words if w in weights and w not in own and w not in k.generic_keys | k.units]
    if not features:
        return None
    found = [e for e in evidence if e.source == "description" and all(_covered(w, _words(e.text)) for w in features)]
    if not found:
        return None
    # The feature said in the question's own words before one found by a synonym ("warranty"
    # before "guarantee"), then the closest in meaning.
    literal = [sum(w in _words(e.text) for w in features) for e in found]
    similarity = _similarities(asked, found, embedder)
    return found[max(range(len(found)), key=lambda i: (literal[i], similarity[i]))]


def _value_match(asked: Asked, evidence: list[Evidence]) -> Evidence | None:
    """A specification whose value says an asked word that is no everyday word ("ISI",
    "waterproof", "slip on", "SSD"): the question asks whether it has what the value says."""
    best: tuple[int, Evidence] | None = None
    for e in evidence:
        if not e.value or e.source != "specification" or (e.key or "").lower() in knowledge().identity_keys:
            continue
        said = _words(e.value)
        hits = [
            w
            for w in asked.words
            if len(w) >= 3
            and w not in ORDINARY_VALUES
            and w not in asked.named
            and w not in vocabulary.type_words()  # "the revitalift SERUM" says what it is, not a feature
            # The asked word itself in one of its forms, never a synonym: "fit" is no "size" said
            # in "Weight: 309 g - may vary depending on size" (a "wide fit" answered yes, set G).
            # A code of letters and digits ("B22", "USB3") only as written; other digits never.
            and (any(_same_word(w, x) for x in said) if not any(c.isdigit() for c in w) else _is_code(w) and w in said)
        ]
        if hits and (best is None or len(hits) > best[0]):
            best = (len(hits), e)
    return best[1] if best else None


def _is_code(word: str) -> bool:
    """A model or standard code: letters and digits together ("b22", "usb3", "e27")."""
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _keyed_yes_no(asked: Asked, e: Evidence, values: KeyValues) -> Answer:
    """Yes or no from the specification the question asks about: its flag ("Child Lock: Yes"),
    a value of nothing ("armrest: none"), another value the catalog gives that key than the one
    asked ("is it silicone?" against "Material: Plastic"), or else the feature is there
    ("does it have armrests?" against "armrest: adjustable")."""
    value = e.value or ""
    lead = f"The listing gives {e.text}"
    if _says_no(value):
        return Answer(Verdict.NO, f"No. {lead}.", [e], value)
    if _says_yes(value):
        return Answer(Verdict.YES, f"Yes. {lead}.", [e], value)
    if (other := _other_number(asked, e)) is not None:  # "I'm a size 10" against "size: 9"
        return Answer(Verdict.NO, f"No. {lead}, not {other}.", [e], value)
    key_words = _words(e.key or "")
    rest = [w for w in asked.words if not _covered(w, key_words)]
    said = _words(value)
    if any(_covered(w, said) for w in rest):
        return _yes_no(replace(asked, words=[w for w in rest if _covered(w, said)]), e)
    known = values.get((e.key or "").lower(), set())
    # What the box holds ("Sales Package: 6 Cups") is no feature with values to choose from: the
    # words other boxes hold ("kitchen", "inside") asked of this one are no other value of it.
    identity = (e.key or "").lower() in knowledge().identity_keys
    if not identity and any(w in known and w not in said for w in rest):  # another value of this key was asked
        return Answer(Verdict.NO, f"No. {lead}.", [e], value)
    # A material key ("Insole Material: Alpin", "Fabric: Georgette") says what a part is made of,
    # never whether it has, does or suits what was asked.
    # The key said in the shopper's words: "the right SIZE for me?" reaches "Height: 55 mm" by a
    # synonym, and a height is no yes to a size asked.
    named = [w for w in terms((e.key or "").replace("-", " ")) if w not in knowledge().generic_keys]
    literal = all(any(_same_word(a, w) for a in asked.words) for w in named) or bool(set(asked.words) & said)
    if literal and _key_cover(asked, e.key or "", values) >= FULL and not MATERIAL_KEY.search(e.key or ""):
        return Answer(Verdict.YES, f"Yes. {lead}.", [e], value)
    # Part of the key said ("take the INSOLE out" against "Insole Material"): what it says, no verdict.
    more = f"nothing more about {echo}" if (echo := _echoed(asked)) else "nothing more"
    return Answer(Verdict.JUDGEMENT, f"{lead}; it says {more}.", [e], value)


def _words(text: str) -> set[str]:
    return {singular(w) for w in tokenize(text)}


def _asked_things(asked: Asked) -> list[list[str]]:
    """The things a question asks about: runs of asked words standing together in it ("does it
    have a SHOE COMPARTMENT?", "a USB PORT"), each a head with the words before it that say which."""
    runs: list[list[str]] = [[]]
    for w in asked.said:
        if w in asked.words:
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _about_asked(
    asked: Asked, e: Evidence, values: KeyValues, lexical: bool = True, own: frozenset[str] | set[str] = frozenset()
) -> bool:
    """Whether evidence is about the thing asked, so that it can carry a yes or a no: it says a
    word of it (in a form, by a synonym, or run together: "arm rest" / "Armrest"), and not only its
    head without the word before it that says which one ("Pocket Compartments: Yes" is no SHOE
    compartment, "Display Type: LCD" no DATE display; set K held-out). Another value the catalog
    gives the key is a word it speaks to ("a LEATHER strap?" against "Strap Material: Synthetic").
    Evidence found by meaning (`lexical` False) may say no word of it at all."""
    said = _words(e.text) | values.get((e.key or "").lower(), set())
    joined = {w for w in said if len(w) > 4}

    def mentioned(i: int, run: list[str]) -> bool:
        w = run[i]
        pairs = [run[j] + run[j + 1] for j in (i - 1, i) if 0 <= j < len(run) - 1]
        return _covered(w, said) or any(p in joined for p in pairs)

    # A word saying what the product is ("the lakshadi SOAP, paraben free?") names it beside what is
    # asked: "Soap Type: Bathing Soap" says nothing of parabens (set L, an invented judgement).
    kinds = own & vocabulary.type_words()  # the kind this product is, not a part ("strap" of a watch)
    runs = [kept for run in _asked_things(asked) if (kept := [w for w in run if w not in kinds])] or _asked_things(
        asked
    )
    if not any(mentioned(i, run) for run in runs for i in range(len(run))):
        return not lexical  # a flag meant by what its key means ("a siren?" / "Audible Alarm")
    # A head said without the word before it that says which is another thing of that kind, where
    # that word names a feature (a word of the catalog's keys: "SHOE Size", "DATE Display"; not the
    # subject of "can my PUPPY chew on it?"); any other word said ("take E27 screw bulbs" against
    # "Bulb Base: E27") is about the thing asked.
    features = _weights_of(values)

    def which(i: int, run: list[str]) -> bool:
        # the unit of an amount ("a 15.6 INCH laptop") says how much, not which thing
        before = run[i - 1] if i else ""
        return not before or before not in features or before in fit.unit_words() or mentioned(i - 1, run)

    return any(mentioned(i, run) and (i < len(run) - 1 or which(i, run)) for run in runs for i in range(len(run)))


def _same_word(a: str, b: str) -> bool:
    """The same word, or one form of it ("included"/"include", "resistant"/"resistance")."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter >= 4 and (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 3:
        return True  # "hood"/"hooded", "bulb"/"bulbs"
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short) and long[len(short) :] in knowledge().suffixes:
        return True  # another part of speech: "chew"/"chewable", "adjust"/"adjustment"
    if shorter >= 5 and (a.endswith(b) or b.endswith(a)):
        return True  # a compound of it: "stone"/"gemstone", "watch"/"stopwatch"
    if shorter >= 6 and len(a) == len(b) and a[0] == b[0] and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return True  # one letter apart: "polarised"/"polarized", a typo; not "weight"/"height"
    if shorter < 5:
        return False
    common = len(os.path.commonprefix([a, b]))
    return common >= max(5, shorter - 3)


def _covered(word: str, words: set[str]) -> bool:
    """The word in one of its forms, or one of its synonyms as written: a form of a synonym is
    a step too far ("fit" -> "designed" -> "Design: Floral", for "how much chai fits?", set G)."""
    synonyms = knowledge().synonyms.get(word, frozenset())
    return any(_same_word(word, y) or y in synonyms for y in words)


def _cover(asked: list[str], words: set[str]) -> float:
    return sum(_covered(w, words) for w in asked) / len(asked) if asked else 0.0


def _best(asked: Asked, candidates: list[Evidence], embedder: Embedder | None) -> Evidence:
    """The most direct evidence: the key naming most of the question, then fields and
    specifications before description sentences, then the closest in meaning."""
    similarity = _similarities(asked, candidates, embedder)
    order = {"field": 0, "specification": 0, "description": 1}

    def rank(i: int) -> tuple[float, int, float]:
        e = candidates[i]
        return (-_cover(asked.words, _words(e.key or "")), order[e.source], -similarity[i])

    return candidates[min(range(len(candidates)), key=rank)]


def _yes_no(asked: Asked, e: Evidence) -> Answer:
    """Yes or no from evidence that covers every asked word."""
    said = e.value if e.value is not None else e.text
    said_words = _words(said)
    opposites = {o for w in asked.words for o in knowledge().opposites.get(w, ())}
    lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {_quote(e)}"
    if said_words & opposites or _negated(asked, e.text) or _says_no(said):
        return Answer(Verdict.NO, f"No. {lead}.", [e], e.value)
    if (other := _other_number(asked, e)) is not None:
        return Answer(Verdict.NO, f"No. {lead}, not {other}.", [e], e.value)
    if asked.numbers and not set(asked.numbers) & set(NUMBER.findall(e.text)):
        stated = " or ".join(asked.numbers)
        return Answer(Verdict.JUDGEMENT, f"{lead}; it doesn't say anything about {stated}.", [e], e.value)
    return Answer(Verdict.YES, f"Yes. {lead}.", [e], e.value)


def _other_number(asked: Asked, e: Evidence) -> str | None:
    """A number the shopper says right after the key's name ("I'm a SIZE 10") where the record
    gives that key another bare number ("size: 9"): another value of the same attribute, a no
    (set O answered "Yes" from the asking sentence alone)."""
    if not e.key or not e.value or not NUMBER.fullmatch(e.value.strip()):
        return None
    key = set(_words(e.key))
    said = asked.said
    for w, nxt in zip(said, said[1:], strict=False):
        if w in key and nxt in asked.numbers and float(nxt) != float(e.value.strip()):
            return nxt
    return None


def _says_yes(value: str) -> bool:
    """ "Yes", "True", "Included": a flag, not a value."""
    words = tokenize(value)
    return len(words) <= 2 and bool(words) and words[0] in YES_VALUES


def _says_no(value: str) -> bool:
    """ "No", "None", "Not included", or an amount of zero ("Heel Height: 0 inch")."""
    words = tokenize(value)
    if words and words[0] in NO_VALUES:
        return True
    numbers = NUMBER.findall(value)
    return bool(numbers) and all(float(n) == 0 for n in numbers) and len(words) <= 3


def _other_value(asked: Asked, evidence: list[Evidence], values: KeyValues) -> Answer | None:
    """ "Is it a full zip?" against "zipper: half": a key names part of the question and the
    rest is another value that key takes in the catalog (or an opposite of its value)."""
    for e in evidence:
        if not e.key or e.key.lower() in knowledge().identity_keys:  # what the box holds: no options
            continue
        key_words = _words(e.key)
        rest = [w for w in asked.words if not _covered(w, key_words)]
        if not rest or len(rest) == len(asked.words):
            continue
        known = values.get(e.key.lower(), set()) | {o for w in rest for o in knowledge().opposites.get(w, ())}
        if all(_covered(w, known) for w in rest):
            return Answer(Verdict.NO, f"No. The listing gives {e.text}.", [e], e.value)
        # Amid chatter ("we only have an INDUCTION hob at home. would it WORK on it?" against
        # "stovetop compatibility: gas"): a value the catalog gives this key, said as written,
        # that this record's value does not have, and nothing asked that its value says.
        said = _words(e.value or "")
        other = [w for w in rest if w in values.get(e.key.lower(), set()) and w not in said]
        if other and not any(_covered(w, said) for w in rest):
            return Answer(Verdict.NO, f"No. The listing gives {e.text}.", [e], e.value)
    return None


def _other_modifier(asked: Asked, e: Evidence, values: KeyValues) -> Answer | None:
    """No when the word right before the matched word of the question (its modifier) is another
    value the catalog gives this key, one this record's value does not say: "a FULL face one"
    against "Type: Open Face" (other helmets: "Full Face"), "a HALF zip" against "Zipper: Full".
    A word after it is the shopper's story, not a modifier ("waterproof? BABY wets the bed"
    against "Type: Waterproof", where other records' types say "baby": dev sets A, C)."""
    said = _words(e.value or "")
    known = values.get((e.key or "").lower(), set())
    words = asked.words
    for i, w in enumerate(words):
        if not _covered(w, said):
            continue
        before = words[i - 1] if i else ""
        if before in known and not _covered(before, said) and before not in asked.named:
            return Answer(Verdict.NO, f"No. The listing gives {e.text}.", [e], e.value)
    return None


def _negated(asked: Asked, text: str) -> bool:
    """A negation within three words before an asked word ("not dishwasher safe", "no hood")."""
    # A word the question negates too is what was asked: "is it non-slip?" against "a non-slip mat".
    wanted = set(asked.words) - asked.negated
    # in any of its forms: "Do Not Wash" forbids the "washing" machine asked about (set J: yes)
    return any(_same_word(singular(w), a) for w in _after_negation(tokenize(text.replace("'", ""))) for a in wanted)


def _attribute_answer(product: Product, asked: Asked) -> Answer | None:
    """ "is it black?", "is this for kids?", "is it cotton?": a word of a field's vocabulary,
    answered from that field (a field the record leaves empty is not stated)."""
    if not asked.yes_no:
        return None
    words = set(asked.words)
    colours = {normalise_colour(w) for w in words if w in COLOURS}
    audience = {a for w in words for a in AUDIENCE_WORDS.get(w, AUDIENCE_WORDS.get(w + "s", []))}
    materials = words & set(MATERIALS)
    material_text = ", ".join(
        dict.fromkeys([product.material or ""] + [v for k, v in product.attributes.items() if MATERIAL_KEY.search(k)])
    ).strip(", ")
    # a colour the record has says which one it is ("the boots in blue, a gift for my husband")
    shown = {w for w in words if w in COLOURS and normalise_colour(w) in set(product.colours)}
    if asked.audience and product.audience and not words - asked.person - audience - shown - knowledge().fit_words:
        # "is it good for kids?", "would it suit a child?": who it is for is all that is asked,
        # where the record says who it is for (else an age range or a size may answer it)
        audience |= AUDIENCE_MATCHES.get(asked.audience, {asked.audience})
        words = audience
    checks = [
        ("colour", colours, set(product.colours), ", ".join(product.colours)),
        ("for", audience, set(product.audience), ", ".join(product.audience)),
        ("material", materials, _words(material_text), material_text),
    ]
    opposites = {o for w in words for o in knowledge().opposites.get(w, ())}
    for key, wanted, has, shown in checks:
        if not wanted:
            continue
        others = words - wanted - set(knowledge().opposites)
        if others:  # "is the black strap leather?": the colour is not the question
            continue
        if not has:
            return _not_stated(asked, _about(asked))
        evidence = Evidence(f"{key}: {shown}", key, shown, "field")
        if wanted & has and not has & opposites:
            return Answer(Verdict.YES, f"Yes. The listing gives {key}: {shown}.", [evidence], shown)
        return Answer(Verdict.NO, f"No. The listing gives {key}: {shown}.", [evidence], shown)
    return None


def _said(words: list[str], entries: frozenset[str]) -> bool:
    """Whether the question says one of a fact's entries: a word, or a phrase of consecutive
    words ("hand wash": a watch's "hands" are no hand washing)."""
    for entry in entries:
        phrase = entry.split()
        if any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1)):
            return True
    return False


def _fact_answer(asked: Asked, evidence: list[Evidence]) -> Answer | None:
    """Evidence carrying a known fact the question is about (IPX5, asked "waterproof?")."""
    if not asked.yes_no:  # "how deep is it water resistant to?" asks for the value itself
        return None
    words = set(asked.words)
    for fact in knowledge().facts:
        yes, no = _said(asked.words, fact.yes), _said(asked.words, fact.no)
        if not (words & fact.topic or yes or no):
            continue
        for e in evidence:
            if not fact.pattern.search(e.text) or _says_no(e.value or "") or NEGATION.search(e.text):
                continue
            if words <= _words(e.text):  # the record says it in the shopper's own words: no inference
                continue
            if not (yes or no) and _flag_said(asked, e):  # "is it water resistant?": "Water Resistant: Yes"
                continue
            if no:
                verdict = Verdict.NO
            elif yes:
                verdict = Verdict.YES
            else:
                verdict = Verdict(fact.plain)
            lead = {Verdict.YES: "Yes", Verdict.NO: "No", Verdict.PARTLY: "Partly"}[verdict]
            text = f"{lead}. The listing says: {_quote(e)}. That means {fact.means}."
            return Answer(verdict, text, [e], consequence=fact.means)
    return None


def _flag_said(asked: Asked, e: Evidence) -> bool:
    """A yes flag whose key the question says whole, amid any chatter: the record answers the
    question as asked, and a fact about the words would only weaken it to "partly"."""
    key = terms((e.key or "").replace("-", " "))
    return bool(key) and _says_yes(e.value or "") and all(any(_same_word(a, w) for a in asked.words) for w in key)


def _similarities(asked: Asked, evidence: list[Evidence], embedder: Embedder | None) -> np.ndarray:
    """Cosine of the asked feature with each piece of evidence (zeros without an embedder)."""
    if embedder is None or not evidence:
        return np.zeros(len(evidence))
    texts = [asked.phrase] + [e.text for e in evidence]
    vectors = np.asarray(embedder.encode(texts, normalize_embeddings=True, convert_to_numpy=True))
    return vectors[1:] @ vectors[0]


def _window_similarities(asked: Asked, evidence: list[Evidence], embedder: Embedder | None) -> np.ndarray:
    """Cosine of each piece of evidence with the closest run of two or three asked words (one
    word alone, "safe", would find "Microwave Safe" for "dishwasher safe"): a
    question's story ("my bedroom is 2 walls away from the router...") dilutes the whole phrase,
    while "wifi speed" alone is close to "Wireless Speed"."""
    if embedder is None or not evidence:
        return np.zeros(len(evidence))
    words = asked.words
    runs = [" ".join(words[i : i + n]) for n in (2, 3) for i in range(len(words) - n + 1)]
    texts = list(dict.fromkeys([asked.phrase, *runs]))
    asked_vectors = np.asarray(embedder.encode(texts, normalize_embeddings=True, convert_to_numpy=True))
    vectors = np.asarray(embedder.encode([e.text for e in evidence], normalize_embeddings=True, convert_to_numpy=True))
    return (vectors @ asked_vectors.T).max(axis=1)


def _related(asked: Asked, evidence: list[Evidence], embedder: Embedder | None) -> Evidence | None:
    """The evidence closest in meaning to the asked feature, when close enough to quote."""
    scores = _similarities(asked, evidence, embedder)
    if not len(scores):
        return None
    best = int(np.argmax(scores))
    return evidence[best] if scores[best] >= knowledge().related else None


def _not_stated(asked: Asked, about: str) -> Answer:
    return Answer(Verdict.NOT_STATED, f"The listing doesn't say {about}.")


# Past two words the asked words read as a list, not the shopper's phrase ("anything about ok wide
# feet", "anything about crack after month new"): the answer says "that" instead.
ECHOED_WORDS = 2


def _echoed(asked: Asked) -> str:
    """What is asked, as the reply repeats it: without the verbs that only ask whether it is in
    the box ("does it COME with a sharpener?" was echoed "anything about come sharpener") and the
    words that only ask whether it suits ("is it GOOD for trail?" was "anything about good trail")."""
    asking = knowledge().box_verbs | knowledge().fit_words
    words = [w for w in asked.words if w not in asking and singular(w) not in asking] or asked.words
    return " ".join(words) if 0 < len(words) <= ECHOED_WORDS else ""


def _about(asked: Asked) -> str:
    return f"anything about {echo}" if (echo := _echoed(asked)) else "that"


def _quote(e: Evidence) -> str:
    if e.source == "description":
        text = e.text.rstrip(".!? ")
        return f"“{text[0].upper() + text[1:]}”"
    return f"{e.key}: {e.value}"


def _cap(text: str | None) -> str:
    text = text or ""
    return text[:1].upper() + text[1:]


# -- what the core calls ---------------------------------------------------------------------
# A question anywhere in the message: a question mark, or a question word opening the message or
# one of its clauses ("the Sonata black watch - does it have a stopwatch", "that hala watch, does
# it glow in the dark? like can i see the time at night").
QUESTION = re.compile(
    r"(?:^|[,;:.!?(]\s*|\s[-–—]+\s*|\.\.+\s*)(?:(?:up ?to|from|for|in|by|at|till|until|to|of|with) (?=what|which|how))?"
    r"(?:is|are|r|was|does|do|did|can|could|will|would|should|has|"
    r"have|what|what's|whats|which|how|who|where|when|any idea)\b|\?",
    re.I,
)
GENERAL = re.compile(r"^\s*(?:tell me (?:more|about)|more about|details?|describe|specs?)\b", re.I)
_values: dict[int, tuple[Any, KeyValues]] = {}


def is_question(message: str) -> bool:
    """A question ("is it waterproof?", "what fabric is it"), not a request for products."""
    return bool(QUESTION.search(message))


def asks_something(message: str) -> bool:
    """A question about a feature, not a request for the whole detail ("tell me more")."""
    return is_question(message) and not GENERAL.match(message)


def catalog_values(catalog: Any) -> KeyValues:
    """`key_values` of a `CatalogIndex`'s products, built once per catalog."""
    return _by_identity(_values, catalog, lambda: key_values(catalog.products))


def answers_text(
    products: list[Product],
    question: str,
    embedder: Embedder | None,
    values: KeyValues,
    naming: str | None = None,
) -> str:
    """The answer for one product; for several (variants the question does not tell apart, or
    products it names together) the answer once when it is the same for all, else one line each.
    `naming`: the words the question named them with (see `answer_question`)."""
    found = [answer_question(p, question, embedder, values, naming) for p in products]
    if len(products) == 1:
        return found[0].text
    names = _labels(products)
    if len({a.text for a in found}) == 1:
        return f"{found[0].text} That holds for {'both' if len(products) == 2 else f'all {len(products)}'}: {'; '.join(names)}."
    lines = "\n".join(f"{name}: {a.text}" for name, a in zip(names, found, strict=True))
    verdicts = {a.verdict for a in found}
    if len(verdicts) == 1 and verdicts <= {Verdict.YES, Verdict.NO}:
        # The same yes or no for each, on different evidence ("power source: AC adapter" and
        # "USB", asked whether it works unplugged): said first, as for one product, then why.
        lead = "Yes" if verdicts == {Verdict.YES} else "No"
        return f"{lead}, for {'both' if len(products) == 2 else f'all {len(products)}'}:\n{lines}"
    return lines


def _labels(products: list[Product]) -> list[str]:
    """Each product's title, with the specification values that tell it apart from another of
    the same title ("Hiking Boots (size 10, synthetic), waterproof: no")."""
    out = []
    for p in products:
        twins = [q for q in products if q.title == p.title and q is not p]
        apart = [f"{k}: {v}" for k, v in p.attributes.items() if any(q.attributes.get(k) != v for q in twins)]
        out.append(f"{p.title}, {', '.join(apart)}" if twins and apart else p.title)
    return out
