"""A superlative asked over the shown products where no quantity ranks them: "which of those is
the EASIEST to clean?", "which one is the most durable?". Graded quantities (price, weight,
battery life) are `which_one`'s; here the superlative's base word ("easiest" -> easy, "most
durable" -> durable) and the words after it ("to clean") are looked for in each record, and the
cards whose records state it are named with what they say. A record that does not state it is
never ranked by guess: the answer says which listings don't say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer_data import knowledge
from assistant.answer_evidence import Evidence, record_evidence, same_word
from common.schema import Product
from common.text import STOPWORDS, singular, tokenize

# "the easiest", "the most durable", "is the least noisy": a superlative said after "the"
SUPERLATIVE = re.compile(r"\bthe\s+(?:(?:most|least)\s+([a-z]+)|([a-z]{3,}?)est)\b", re.I)
REST_WORDS = 3  # "easiest TO WIPE CLEAN": the words after it that say in what


@dataclass(frozen=True)
class Asked:
    forms: frozenset[str]  # the base word in its possible spellings: "easi" -> easy, easi
    rest: tuple[str, ...]  # what it is said of: "clean"
    phrase: str  # as the shopper said it: "easiest to clean"


def asked(message: str) -> Asked | None:
    """The superlative a question asks, or None ("which is the best?" names no property)."""
    m = SUPERLATIVE.search(message)
    if m is None:
        return None
    stem = (m.group(1) or m.group(2)).lower()
    forms = {stem} if m.group(1) else _bases(stem)
    after = tokenize(message[m.end() :])
    filler = knowledge().filler | STOPWORDS
    rest = tuple(singular(w) for w in after[:REST_WORDS] if w not in filler and not w.isdigit())
    return Asked(frozenset(forms), rest, " ".join(tokenize(m.group(0))[1:] + list(after[:REST_WORDS])))


def _bases(stem: str) -> set[str]:
    """The base word of "<stem>est": easi -> easy, saf -> safe, bigg -> big, light -> light."""
    out = {stem, stem + "e"}
    if stem.endswith("i"):
        out.add(stem[:-1] + "y")
    if len(stem) > 3 and stem[-1] == stem[-2]:
        out.add(stem[:-1])
    return out


def _score(product: Product, question: Asked) -> tuple[int, Evidence | None]:
    """How much of the superlative the record states: the base word (needed), then each word of
    what it is said of; with the evidence that states the most."""
    best: tuple[int, Evidence | None] = (0, None)
    for e in record_evidence(product):
        words = {singular(w) for w in tokenize(e.text)}
        if not words & question.forms:
            continue
        score = 1 + sum(any(same_word(r, w) for w in words) for r in question.rest)
        if score > best[0]:
            best = (score, e)
    return best


def answer(products: list[Product], question: Asked) -> str:
    """Which of the products' records state the superlative's property, quoting them."""
    scored = [(p, *_score(p, question)) for p in products]
    top = max(s for _, s, _ in scored)
    if top == 0:
        return f"The listings don't say which is {question.phrase}: none of them states it."
    winners = [(p, e) for p, s, e in scored if s == top and e is not None]
    others = [p for p, s, _ in scored if s < top]
    said = "; ".join(f"the {p.title}: {_quote(e)}" for p, e in winners)
    lead = "Only one listing says so" if len(winners) == 1 else f"{len(winners)} listings say so"
    out = f"{lead}: {said}."
    if others:
        out += f" The listings of {', '.join(f'the {p.title}' for p in others)} don't say as much."
    return out


def _quote(e: Evidence) -> str:
    if e.source == "description":
        text = e.text.rstrip(".!? ")
        return f"“{text[:1].upper() + text[1:]}”"
    return f"{e.key}: {e.value}"
