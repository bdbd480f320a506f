"""Answers that need more than a key match: counts in a pack, uses a product suits, sizes that fit.

"How many in the set?" (counts in the title or a spec), "is it good for trail running?" (a use
the answers data file links to record values), "will it fit a 15.6 inch laptop?" (a measure
said against the record's). Each returns an `Answer` or None; `answers.py` tries them in turn.
"""

from __future__ import annotations

import re

import numpy as np

from assistant import amount_bounds, fit
from assistant.answer_data import Use, knowledge
from assistant.answer_evidence import (
    NEGATION,
    NUMBER,
    Answer,
    Evidence,
    KeyValues,
    Verdict,
    after_negation,
    is_flag,
    quote_of,
    record_evidence,
    same_word,
    says_no,
    word_covered,
    word_set,
)
from assistant.key_match import (
    similarities,
)
from assistant.question_reading import (
    YES_NO_OPENERS,
    Asked,
    read_question,
)
from common.models import Embedder
from common.schema import Product
from common.text import (
    singular,
    terms,
    tokenize,
)

HOW_MANY = re.compile(r"\bhow many\s+(?:of\s+(?:the|them)\s+)?([a-z]+)", re.I)
COUNT_OF = re.compile(r"\b(\d+)\s*([a-z]+)|\b(?:pack|set|box|pair|combo)\s+of\s*(\d+)\b", re.I)


def counted_answer(question: str, product: Product, evidence: list[Evidence]) -> Answer | None:
    """ "How many X": a count the record states with X itself ("Sales Package: 1 Casserole, 3
    Handi", "10 Pillows"). A unit after "how many" ("hours", "watts") asks an amount, answered
    elsewhere; the pack the product comes in is the last resort (`pack_count`)."""
    m = HOW_MANY.search(question.replace("'", ""))
    if not m or m.group(1).lower() in knowledge().units or m.group(1).lower() in knowledge().filler:
        return None
    thing = singular(m.group(1).lower())
    title = Evidence(product.title, source="description")
    places = [e for e in evidence if e.source != "field" or e.key == "sizes"] + [title]
    for e in places:  # the count said with the thing: "3 Handi", "10 Pillows"
        for n, word, _ in COUNT_OF.findall(e.value or e.text):
            if n and word and same_word(thing, singular(word.lower())):
                return _count_answer(f"{n} {word}", e)
    return None


def pack_count(question: str, product: Product) -> Answer | None:
    """ "How many pillows come in one order?" asked of a pillow: the pack it comes in ("pack
    of10" in the title, "Pack of: 4"), where nothing else answers. Only what the title says the
    product is: a diamond ring's category ("Diamond Rings") counts no diamonds."""
    m = HOW_MANY.search(question.replace("'", ""))
    if not m or m.group(1).lower() in knowledge().units or m.group(1).lower() in knowledge().filler:
        return None
    thing = singular(m.group(1).lower())
    if not any(same_word(thing, w) for w in word_set(product.title)):
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


def other_count(asked: Asked, evidence: list[Evidence]) -> Answer | None:
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
            if same_word(w, word)
        ]
        if stated and all(m != n for m, _ in stated):
            e = stated[0][1]
            lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {quote_of(e)}"
            return Answer(Verdict.NO, f"No. {lead}.", [e], e.value)
    return None


def title_amount(question: str, product: Product) -> Answer | None:
    """ "How thick is it?" where no specification states it: the one amount of that dimension its
    title gives ("Yoga Mat 10 mm"); none where the title gives several (held-out class 2)."""
    if read_question(question).yes_no:
        return None
    asked = {knowledge().measure_families.get(w) for w in word_set(question)} - {None}
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
    return Answer(Verdict.VALUE, f"{value}, as its title gives it: {quote_of(e)}.", [e], value)


def _count_answer(count: str, e: Evidence) -> Answer:
    lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {quote_of(e)}"
    return Answer(Verdict.VALUE, f"{count}. {lead}.", [e], count)


def says_rate(asked: Asked, e: Evidence) -> bool:
    """Whether the evidence says the unit a value is asked per: a total ("Quantity: 60") is no
    answer to "how many per day?" (set H, answered with the jar's count)."""
    return all(word_covered(w, word_set(e.text)) for w in asked.rate)


def one_word_flag(e: Evidence) -> bool:
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
        if not same_word(word, phrase[0]):
            continue
        at = i
        for part in phrase[1:]:
            at = next((j for j in range(at + 1, min(at + 2 + slack, len(words))) if same_word(words[j], part)), -1)
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


NEGATING_PREFIXES = ("un", "non")  # written onto a word, they negate it: "unruled", "nonveg"


def _use_verdict(e: Evidence, means: frozenset[str], values: KeyValues) -> tuple[int, Verdict] | None:
    """How a piece of evidence answers a need stated by `means` words: (rank, verdict), the lower
    rank the more direct. A specification whose key says it answers by its flag or its value
    ("Wheels Included: Yes", "Number of USB Ports: 0"); one whose value says it, yes ("bagged/
    bagless: bagged"); one whose key takes in other records a value saying it and in this one
    another value, no ("power source: AC adapter" for a battery); a description sentence, yes
    unless negated."""
    k = knowledge()

    def hit(words: set[str] | list[str]) -> bool:
        return any(same_word(m, w) for m in means for w in words)

    def unsaid(words: set[str]) -> bool:
        # "Unruled", "nonveg": the word with a negating prefix says the use is missing, though
        # `same_word` takes it for a compound of the word ("ruled"/"unruled")
        return any(w.startswith(p) and w[len(p) :] in means for w in words for p in NEGATING_PREFIXES)

    if e.source == "description":
        if not hit(word_set(e.text)):
            return None
        negated = any(hit({singular(w)}) for w in after_negation(tokenize(e.text.replace("'", ""))))
        negated = negated or unsaid(word_set(e.text))
        return (3, Verdict.NO if negated else Verdict.YES)
    key, value = (e.key or "").lower(), e.value or ""
    if not key or key == "category" or key in k.identity_keys:
        return None
    in_key = hit([singular(w) for w in terms(key.replace("-", " "))])
    if hit(word_set(value)):
        # "Wash Care: Do Not Wash, Can Be Cleaned With A Wet Cloth" says the use and forbids it
        # ("can i toss it in the washing machine?" was told yes, set J)
        negated = any(hit({singular(w)}) for w in after_negation(tokenize(value.replace("'", ""))))
        negated = negated or unsaid(word_set(value))
        return (0 if in_key else 1, Verdict.NO if negated else Verdict.YES)
    if in_key and is_flag(value):
        return (0, Verdict.NO if says_no(value) else Verdict.YES)
    level = k.use_levels.get(" ".join(tokenize(value)))
    if in_key and level is not None:  # "ventilation: high" for a rider who sweats; "low" is a no
        return (0, Verdict(level)) if level in ("yes", "no") else None
    known = values.get(key, set())
    # Alternatives only: a key with few values across the catalog ("power source": usb, ac,
    # adapter, battery; "bagged/bagless"), not a list of features ("Features": whatever each
    # record lists).
    if len(known) <= k.alternatives_max and hit(known):
        return (0 if in_key else 2, Verdict.NO)
    return (0, Verdict.YES) if in_key else None


def use_answer(asked: Asked, question: str, evidence: list[Evidence], values: KeyValues) -> Answer | None:
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
    lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {quote_of(e)}"
    return Answer(verdict, f"{'Yes' if verdict == Verdict.YES else 'No'}. {lead}.", [e], e.value)


def use_value(asked: Asked, evidence: list[Evidence]) -> Evidence | None:
    """The specification a value question asks for through a use ("how much CHAI fits?" ->
    "Capacity: 150 ml"): its key says a word the use means."""
    uses = _uses_said(asked, value=True)
    means = frozenset().union(*(u.means for u in uses)) if uses else frozenset()
    for e in evidence:
        if e.source == "specification" and e.key and e.value and not is_flag(e.value):
            if any(same_word(m, singular(w)) for m in means for w in terms(e.key)):
                return e
    return None


def covers_focus(asked: Asked, e: Evidence) -> bool:
    """Whether a specification's key or value says a word of what a value question asks for."""
    said = word_set(f"{e.key or ''} {e.value or ''}")
    said |= {a + b for a, b in zip(terms(e.key or ""), terms(e.key or "")[1:], strict=False)}
    return any(word_covered(w, said) for w in asked.focus)


def of_family(e: Evidence, family: str) -> bool:
    """Whether a specification states an amount of this family ("Power: 900 W" of power)."""
    return (fit.listed(e.key or "", e.value or "") or ("",))[0] == family


def value_text(e: Evidence) -> str:
    """A value answer. It never opens on the key: a sentence opening "Output:" or "Type:" reads
    as an instruction to the output filter, which removed the whole answer ("Output: USB-C.")."""
    return f"The listing gives {e.key}: {e.value}."


def amount_asked(
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
    # "how much water does THE JUG hold?" of a jug and glass set: the key naming the thing said
    # ("Jug Capacity", not "Capacity per Glass"), though the word also names the product
    measure = set(fit.unit_table()["key_words"].get(family, []))
    said = [e for e in stated if (word_set(e.key or "") - measure) & set(asked.said)]
    stated = said or stated
    similarity = similarities(asked, stated, embedder)
    return stated[int(np.argmax(similarity))]


def fit_answer(question: str, evidence: list[Evidence], name: str) -> Answer | None:
    """Yes or no when the question states an amount the shopper needs (a size, a capacity, an
    age, a voltage) and a specification states the same kind of amount (`assistant/fit.py`).
    An amount that is part of the product's name ("the 2.5 litre kadhai") is no need."""
    # An amount right after the product's name ("the arnica dog shampoo (500ml)") says which one.
    named = fit.amounts(name) + fit.amounts_after(question, {w for t in tokenize(name) for w in (t, singular(t))})
    needs = [a for a in fit.amounts(question) if a not in named]
    measured = [w for w in word_set(question) if w in knowledge().measures]
    # "would the showpiece fit in it?" of a 30 cm niche: the product must be the smaller one
    own = frozenset(w for t in tokenize(name) for w in (t, singular(t)))
    judge = fit.fits_inside if fit.goes_inside(question, own) else fit.fits
    bounded = amount_bounds.ceilings(question)  # "nothing over two inches": the most it may be
    for need in needs:
        for e in evidence:
            if e.source == "description" or not e.key or not e.value or e.key == "category":
                continue
            if not _of_measure(measured, e.key):  # "10mm THICK" is no "Height: 68 cm" (set K held-out)
                continue
            verdict = (fit.fits_inside if need in bounded else judge)(need, e.key, e.value)
            if verdict is not None:
                lead = "Yes" if verdict else "No"
                return Answer(Verdict.YES if verdict else Verdict.NO, f"{lead}. The listing gives {e.text}.", [e])
    # No specification states it: a description sentence that names the measure before the amount
    # ("suitable for AGE upto 6 to 14 years", "women up to the AGE of 25 years").
    for need in needs:
        for e in evidence:
            part = fit.stated_in(e.text, need.family) if e.source == "description" else None
            part = part if part and _of_measure(measured, part) else None
            verdict = judge(need, part, part) if part else None
            if verdict is not None:
                lead = "Yes" if verdict else "No"
                return Answer(Verdict.YES if verdict else Verdict.NO, f"{lead}. The listing says: {quote_of(e)}.", [e])
    return None


def _of_measure(measured: list[str], said: str) -> bool:
    """Whether a key (or a sentence's part) states the dimension the question measures by a word
    ("how THICK", "10mm THICK" against "Thickness", not "Height"); any does where none is said."""
    return not measured or any(word_covered(m, word_set(said)) for m in measured)


# A question asking an amount ("HOW MANY hours does it take to charge?", "how long is the cable?")
HOW_MUCH = re.compile(r"\bhow\s+(?:many|much|long|far|big|heavy|tall|wide|deep|thick|high)\b", re.I)
NUMBER_SAID = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|single|double|pair)\b", re.I
)


def says_amount(question: str, e: Evidence, own: set[str]) -> bool:
    """Whether a description sentence can answer the amount a question asks: it states a number
    that neither the question nor the product's name says. "how many hours does the compact 9v
    charger take to fully charge?" was answered with "the compact 9v charger can charge aa" (held-out
    set AH, AH-p01: the listing states no charging time)."""
    if e.source != "description" or not HOW_MUCH.search(question):
        return True
    known = set(tokenize(question)) | own
    return any(NUMBER_SAID.search(w) and w not in known for w in tokenize(e.text))
