"""Whether a sentence says something a shopper can check in this turn's records, or only praises.

The words a sentence shares with the records (stemmed), praise with nothing checkable beside it
(`data/grounding.yaml`), a clause said twice, service promises and generic words: the tests
`grounding.Grounder` applies sentence by sentence.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from assistant.ordinals import ORDINALS
from common.schema import Product
from common.settings import read_yaml_config
from common.text import STOPWORDS, singular, tokenize

# Words that point at shown products without naming them ("the second one", "both", "option 2").
POSITION_WORDS = {w: n for w, n in ORDINALS.items() if w.isalpha()}


def record_words_text(p: Product) -> str:
    values = [p.title, p.brand or "", " ".join(p.colours), p.material or "", " ".join(p.sizes), " ".join(p.audience)]
    values += list(p.attributes.values())
    if p.rating:
        values.append(f"{p.rating:g}")
    if p.stock is not None:
        values.append(str(p.stock))
    return " ".join(values)


# Words that say nothing a record could support or contradict: how a sentence is put.
HOW_SAID = frozenset(
    "also too just really very quite even still well both each either all one ones pair option pick choice "
    "it its they them their this that these those there here has have had having make makes made give gives "
    "offer offers come comes can could will would should may might get gets keep keeps use used "
    "designed perfect ideal suitable great good nice right than out like".split()
)


def stems(text: str) -> list[str]:
    return [singular(w) for w in tokenize(text.replace("’", "'").replace("'", " ")) if len(w) > 2 and not w.isdigit()]


@cache
def unsupportive() -> frozenset[str]:
    praise = {w for phrase in _praise() for w in phrase}
    return frozenset(STOPWORDS | GENERIC_WORDS | HOW_SAID | praise | set(POSITION_WORDS) | {"re", "ll", "ve"})


def support_words(p: Product) -> set[str]:
    """The record's words, with the names of the fields it states ("rated 4.6": its rating)."""
    fields = [
        "rated rating review" if p.rating else "",
        "price cost priced dollar rupee buck" if p.price is not None else "",
        "stock available" if p.in_stock else "",
        "colour color" if p.colours else "",
        "material made" if p.material else "",
        "size" if p.sizes else "",
    ]
    text = f"{record_words_text(p)} {p.description} {' '.join(p.category)} {' '.join(p.attributes)} {' '.join(fields)}"
    return set(stems(text))


def stem_in(word: str, record: set[str]) -> bool:
    """The word, or a form of it: the first five letters shared ("quietens"/"quieten", "padding"/"padded"),
    or a short word and its longer form ("warm"/"warmth")."""
    if word in record:
        return True
    if len(word) >= 5 and any(len(r) >= 5 and r[:5] == word[:5] for r in record):
        return True
    return len(word) >= 4 and any(r.startswith(word) and len(r) - len(word) <= 4 for r in record)  # "warm"/"warmth"


GROUNDING_DATA = Path(__file__).resolve().parent / "data" / "grounding.yaml"


@cache
def support_share_needed() -> float:
    return float(read_yaml_config(GROUNDING_DATA, what="grounding data file")["supported_share"])


@cache
def _praise() -> tuple[tuple[str, ...], ...]:
    data = read_yaml_config(GROUNDING_DATA, what="grounding data file")
    return tuple(tuple(_plain_words(w)) for w in data["praise"])


def _plain_words(text: str) -> list[str]:
    return tokenize(text.lower().replace("’", "'").replace("'", ""))


def praises(text: str) -> bool:
    """Whether the sentence uses a word or phrase of praise (`data/grounding.yaml`)."""
    words = _plain_words(text)
    return any(words[i : i + len(p)] == list(p) for p in _praise() for i in range(len(words) - len(p) + 1))


def fact_words(products: list[Product], type_words: set[str]) -> set[str]:
    """Words that state something checkable about a shown product: its attributes and
    description, without what only names it (title, brand, kind) or could be said of anything."""
    facts, names = set(), set(type_words)
    for p in products:
        facts.update(tokenize(f"{record_words_text(p)} {p.description}"))
        names.update(tokenize(f"{p.title} {p.brand or ''}"))
    praise = {w for phrase in _praise() for w in phrase}
    return {w for w in facts - names - praise - GENERIC_WORDS - STOPWORDS if len(w) > 2 and not w.isdigit()}


# Clauses of one sentence: "..., and ...", "...; ...".
CLAUSE_BREAK = re.compile(
    r",\s*(?:and|but|or|while)?\s*|;\s*|\s+(?:and|but)\s+(?=(?:i|you|he|she|they|it|the|this|that)\b)", re.I
)


def says_twice(text: str, products: list[Product]) -> bool:
    """One sentence that says a clause twice with only the product it points at changed ("I'm
    sure he'll love the second one, and I'm sure he'll love the third one too")."""
    pointers = set(POSITION_WORDS) | {"one", "ones", "pair", "too", "also", "as", "well"}
    pointers |= {w for p in products for w in tokenize(p.title)}
    clauses = []
    for part in CLAUSE_BREAK.split(text):
        words = {w for w in tokenize(part) if w not in STOPWORDS and w not in pointers and len(w) > 2}
        if len(words) >= 2:
            clauses.append(words)
    for i, a in enumerate(clauses):
        for b in clauses[i + 1 :]:
            small, large = sorted((a, b), key=len)
            if small <= large:
                return True
    return False


def anchor_words(products: list[Product]) -> set[str]:
    """Words that tie a sentence to the shown products: names, brands and attribute values."""
    words: set[str] = set()
    for p in products:
        words.update(w for w in tokenize(record_words_text(p)) if len(w) >= 3 and not w.isdigit())
        words.update(w for node in p.category for w in tokenize(node) if len(w) >= 3)
    return words - GENERIC_WORDS


# Service terms are the policies' to state: a product reply may use them only where a record does.
SERVICE_TERMS = frozenset(
    "warranty warranties guarantee guaranteed refund refunds refundable returnable exchange exchangeable "
    "shipping delivery".split()
)

# Words too common in titles and categories to make a sentence specific on their own.
GENERIC_WORDS = set(
    "the and for with new best great good nice quality premium product products item items set pack".split()
)
