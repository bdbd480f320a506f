"""The naming rules (`data/naming.yaml`): which words point, rank, attach or ask whether a named
product will do, and the weights that tell a product named from a search."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from assistant import vocabulary
from assistant.spelling import ordinary_words
from assistant.type_resolution import SYNONYMS
from common.settings import read_yaml_config
from common.text import AUDIENCE_WORDS, COLOURS, MATERIALS, STOPWORDS, singular, tokenize

DATA_FILE = Path(__file__).resolve().parent / "data" / "naming.yaml"
ENGLISH = ordinary_words()


@dataclass(frozen=True)
class NamingRules:
    min_name_weight: float  # idf summed over the name words a message must carry, as a share of a unique word's
    min_name_cover: float  # share (idf-weighted) of a product's name words the message must carry
    min_title_cover: float  # the same for a title without name words (type and options only)
    strong_name_weight: float  # idf carried (as a share of a unique word's) that names without brand or "the"
    ordinary_brand_share: float  # a brand word in more descriptions than this share is an everyday word
    max_alike: int  # more equally good candidates than this: a brand or a line, not a product
    generic: frozenset[str]
    filler: frozenset[str]  # the data file's own generic words ("one", "new", "set"), not colours or kinds
    definite: frozenset[str]  # "the", "this": the message points at one product
    attach: frozenset[str]  # "with", "in": what follows still describes the product named
    attach_clauses: tuple[tuple[str, ...], ...]  # "that runs on": a relative clause attaching as "with" does
    ranking: frozenset[str]  # "the BEST", "the MOST": a definite word that asks for a choice
    spellings: dict[str, str]  # a word written two ways -> the one spelling kept ("litre" -> "liter")
    referents: frozenset[str]  # "the 1.5 litre induction ONE": the option values before it name a variant
    articles: frozenset[str]  # "with THE leather band": no break in what follows an attaching word
    back: frozenset[str]  # "is IT waterproof?": a word that points back at something just named
    units: frozenset[str]  # "cm", "liter": written together with a number or apart ("25cm")
    describing: frozenset[str]  # colours, materials, units, kinds: said inside a name without breaking it
    kinds: dict[tuple[str, ...], list[tuple[str, ...]]]  # "power bank" -> the shop's "portable charger"
    near_spelling_min: int  # letters a word needs before one letter off reads as a misspelling
    negations: frozenset[str]  # "NOT waterproof": a yes/no option said by its name is a no
    connectives: frozenset[str]  # "mast AND harbour" of "mast & harbour": left out to find a brand
    negation_fillers: frozenset[str]  # "without ANY backlight": said between a negation and the option
    absent: frozenset[tuple[str, ...]]  # "backlight: none": the values that record an option's absence
    verdicts: tuple[tuple[str, ...], ...]  # "theek rahega", "chalega": asks whether the thing named will do
    identifying_min_products: int  # a key stated by this many products at least may identify them
    identifying_share: float  # ... when this share of its values are different (model number, style code)
    candidates_max: int  # rows a message's words may look up in a catalog too large to index whole
    candidate_groups: int  # the best candidates whose brands and kinds are looked up whole


@cache
def rules(path: Path = DATA_FILE) -> NamingRules:
    data: dict[str, Any] = read_yaml_config(path, what="naming data file")
    generic = frozenset(data["generic"].split()) | STOPWORDS | set(COLOURS) | set(MATERIALS) | set(AUDIENCE_WORDS)
    return NamingRules(
        float(data["min_name_weight"]),
        float(data["min_name_cover"]),
        float(data["min_title_cover"]),
        float(data["strong_name_weight"]),
        float(data["ordinary_brand_share"]),
        int(data["max_alike"]),
        generic,
        frozenset(data["generic"].split()),
        frozenset(data["definite"].split()),
        frozenset(data["attach"].split()),
        tuple(tuple(_spelling_of(data, w) for w in tokenize(c.lower())) for c in data["attach_clauses"]),
        frozenset(data["ranking"].split()),
        {singular(k): singular(v) for k, v in data["spellings"].items()},
        frozenset(data["referents"].split()),
        frozenset(data["articles"].split()),
        frozenset(data["back_references"].split()),
        frozenset(_spelling_of(data, w) for w in data["units"].split()),
        frozenset(_spelling_of(data, w) for w in data["units"].split())
        | set(COLOURS)
        | set(MATERIALS)
        | (vocabulary.known_words() - STOPWORDS - frozenset(data["generic"].split())),
        _kinds(data),
        int(data["near_spelling_min"]),
        frozenset(data["negations"].split()),
        frozenset(data["connectives"].split()),
        frozenset(data["negation_fillers"].split()),
        frozenset((w,) for w in data["absent_values"].split()),
        tuple(tuple(v.split()) for v in data["verdicts"]),
        int(data["identifying_min_products"]),
        float(data["identifying_share"]),
        int(data["candidates_max"]),
        int(data["candidate_groups"]),
    )


def _kinds(data: dict[str, Any]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """What shoppers call a kind -> what shops name it: the search's synonyms
    (type_resolution.json) and naming's own (naming.yaml `kinds`), as term tuples."""

    def phrase(text: str) -> tuple[str, ...]:
        return tuple(_spelling_of(data, w) for w in tokenize(text.lower()))

    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for table in (SYNONYMS, data["kinds"]):
        for word, names in table.items():
            out.setdefault(phrase(word), []).extend(phrase(n) for n in names if phrase(n) != phrase(word))
    return out


def _spelling_of(data: dict[str, Any], word: str) -> str:
    w = singular(word)
    return singular(data["spellings"].get(w, w))
