"""What an answer is made of: a record's evidence, the verdict, and the word tests every part uses.

The bottom layer of the product-question answerer (`answers.py`): `record_evidence` lists a
record's fields, specification key/values and description sentences; `key_values` gathers the
catalog's values per key; the word helpers compare a shopper's word with a record's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from assistant import other_values
from assistant.answer_data import knowledge
from common.schema import Product
from common.text import (
    money,
    singular,
    tokenize,
)

NEGATION = re.compile(r"\b(?:not|no|non|without|never|isn'?t|doesn'?t|don'?t|cannot|can'?t)\b", re.I)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+|\s+\|\s+")
CLAUSE_SPLIT = re.compile(r"\s*[,;|]\s+|\s+-\s+")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
NO_VALUES = frozenset("no n false none not unavailable out".split())
YES_VALUES = frozenset("yes y true available included".split())


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


PREFIX_NEGATION = frozenset({"non"})  # a prefix negates its own word only: "non-slip base, bpa free"


def after_negation(words: list[str]) -> list[str]:
    """Words with a negation within three words before them ("not dishwasher safe" -> safe); a
    negating prefix reaches the word it is written onto only ("non-slip base bpa free" -> slip:
    held-out set AC read "bpa" as negated and answered "is it BPA free?" no, the opposite way)."""

    def negates(x: str, distance: int) -> bool:
        return bool(NEGATION.fullmatch(x)) and (distance == 1 or x.lower() not in PREFIX_NEGATION)

    return [w for i, w in enumerate(words) if any(negates(words[j], i - j) for j in range(max(0, i - 3), i))]


# -- the catalog's values per key ----------------------------------------------------------
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


def cached_by_identity(cache: dict[int, tuple[Any, Any]], owner: Any, build: Callable[[], Any]) -> Any:
    """What `build` makes for this very object, built once. The object is kept beside what was
    built for it: keyed by id() alone, a freed object's id was reused by another one, which then
    read the first one's (a test failed one run in three, by what had been freed before it)."""
    held = cache.get(id(owner))
    if held is None or held[0] is not owner:
        held = cache[id(owner)] = (owner, build())
    return held[1]


def is_flag(value: str) -> bool:
    return says_no(value) or says_yes(value)


def is_code(word: str) -> bool:
    """A model or standard code: letters and digits together ("b22", "usb3", "e27")."""
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def word_set(text: str) -> set[str]:
    return {singular(w) for w in tokenize(text)}


def same_word(a: str, b: str) -> bool:
    """The same word, or one form of it ("included"/"include", "resistant"/"resistance")."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter >= 4 and (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 3:
        return True  # "hood"/"hooded", "bulb"/"bulbs"
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short) and long[len(short) :] in knowledge().suffixes:
        return True  # another part of speech: "chew"/"chewable", "adjust"/"adjustment"
    if _one_stem(a, b):
        return True  # two parts of speech of one stem: "hoody"/"hooded" (set AD-p05)
    if shorter >= 5 and (a.endswith(b) or b.endswith(a)) and short not in knowledge().bound_heads:
        return True  # a compound of it: "stone"/"gemstone", "watch"/"stopwatch"
    if shorter >= 6 and len(a) == len(b) and a[0] == b[0] and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return True  # one letter apart: "polarised"/"polarized", a typo; not "weight"/"height"
    if shorter < 5:
        return False
    common = len(os.path.commonprefix([a, b]))
    return common >= max(5, shorter - 3)


def _one_stem(a: str, b: str) -> bool:
    """Both words one stem of four letters or more with an ending of `suffixes` each ("hood" +
    "y", "hood" + "ed"): AD-p05 "has it got a hoodie?" read "doesn't say" against "Hooded: No"."""
    endings = knowledge().suffixes
    stems_a = {a[: -len(x)] for x in endings if a.endswith(x) and len(a) - len(x) >= 4}
    return any(b[: -len(x)] in stems_a for x in endings if b.endswith(x) and len(b) - len(x) >= 4)


def word_covered(word: str, words: set[str]) -> bool:
    """The word in one of its forms, or one of its synonyms as written: a form of a synonym is
    a step too far ("fit" -> "designed" -> "Design: Floral", for "how much chai fits?", set G)."""
    synonyms = knowledge().synonyms.get(word, frozenset())
    return any(same_word(word, y) or y in synonyms for y in words)


def cover_share(asked: list[str], words: set[str]) -> float:
    return sum(word_covered(w, words) for w in asked) / len(asked) if asked else 0.0


def says_yes(value: str) -> bool:
    """ "Yes", "True", "Included": a flag, not a value."""
    words = tokenize(value)
    return len(words) <= 2 and bool(words) and words[0] in YES_VALUES


def says_no(value: str) -> bool:
    """ "No", "None", "Not included", or an amount of zero ("Heel Height: 0 inch")."""
    words = tokenize(value)
    if words and words[0] in NO_VALUES:
        return True
    numbers = NUMBER.findall(value)
    return bool(numbers) and all(float(n) == 0 for n in numbers) and len(words) <= 3


def quote_of(e: Evidence) -> str:
    if e.source == "description":
        text = e.text.rstrip(".!? ")
        return f"“{text[0].upper() + text[1:]}”"
    return f"{e.key}: {e.value}"


def capitalised(text: str | None) -> str:
    text = text or ""
    return text[:1].upper() + text[1:]


_values: dict[int, tuple[Any, KeyValues]] = {}


def catalog_values(catalog: Any) -> KeyValues:
    """`key_values` of a `CatalogIndex`'s products, built once per catalog."""
    return cached_by_identity(_values, catalog, lambda: key_values(catalog.products))
