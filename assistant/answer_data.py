"""The answerer's data file (`data/answers.yaml`), read once: thresholds, synonyms, opposites,
facts with their consequences, needs said through a use, and the closed word classes the
answerer reads questions with (`assistant/answers.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from common.settings import read_yaml_config
from common.text import STOPWORDS, singular, terms, tokenize

DATA_FILE = Path(__file__).resolve().parent / "data" / "answers.yaml"


@dataclass(frozen=True)
class Fact:
    pattern: re.Pattern[str]
    topic: frozenset[str]
    means: str
    yes: frozenset[str]
    no: frozenset[str]
    plain: str
    label: str  # what it is about, as a comparison row names it ("water resistance")


@dataclass(frozen=True)
class Use:
    """A need said through a use ("has it got castors?") and the record words that state it."""

    says: tuple[tuple[str, ...], ...]  # phrases of the question, as read (singular, no filler)
    means: frozenset[str]  # words of a key, a value or a sentence that state the feature
    value: bool = False  # answers a value question ("how much chai fits?"), not a yes/no
    problems: tuple[tuple[str, ...], ...] = ()  # says phrases naming the trouble, not the remedy ("rust")
    whole: tuple[tuple[str, ...], ...] = ()  # phrases with a filler word ("any car"), read as written


@dataclass(frozen=True)
class Knowledge:
    related: float
    key_cover: float
    key_match: float
    key_match_min: float
    key_similar: float
    feature_idf: float
    quote_chars: int
    filler: frozenset[str]
    synonyms: dict[str, frozenset[str]]
    opposites: dict[str, frozenset[str]]
    facts: tuple[Fact, ...]
    generic_keys: frozenset[str] = frozenset()  # specification keys that name no feature
    identity_keys: frozenset[str] = frozenset()  # keys whose values say what the product is, not what it has
    statement_keys: frozenset[str] = frozenset()  # keys holding statements, read as description sentences
    not_keys: dict[str, frozenset[str]] = field(default_factory=dict)  # asked word -> key words it rules out
    counts: frozenset[str] = frozenset()  # "many": asks a count, unless a unit follows
    units: frozenset[str] = frozenset()  # "hours", "metres": what "how many" asks an amount in
    story_time: re.Pattern[str] = re.compile(r"(?!x)x")  # "last year", "3 yrs back": when, in the shopper's story
    frames: re.Pattern[str] = re.compile(r"(?!x)x")  # "comes in": how the question is put, no feature
    suffixes: tuple[str, ...] = ()  # "chew" + "able": one word in another part of speech
    meant_flag: float = 1.01  # cosine at which a yes/no flag's key is what a run of asked words means
    meant_flag_word: float = 1.01  # the same for one asked word alone
    meant_focus: float = 1.01  # cosine at which a key names what a value question asks for
    uses: tuple[Use, ...] = ()  # needs said through a use (`uses` in answers.yaml)
    unwanted: re.Pattern[str] = re.compile(r"(?!x)x")  # "i don't want ...": a use to be rid of
    empty_values: frozenset[str] = frozenset()  # "NA": a value that states nothing
    alternatives_max: int = 0  # distinct value words of a key whose values are alternatives
    pack_keys: frozenset[str] = frozenset()  # keys whose bare number is how many come in one pack
    fit_words: frozenset[str] = frozenset()  # "good", "suit": ask whether it fits someone, no feature
    subject_verbs: frozenset[str] = frozenset()  # "include", "fit": end the product's name in "does the X include"
    box_verbs: frozenset[str] = frozenset()  # "come", "include": ask what is in the box, name nothing
    measures: frozenset[str] = frozenset()  # "thick", "wide": the dimension an amount the shopper needs is of
    measure_families: dict[str, str] = field(default_factory=dict)  # "thick" -> "length", "heavy" -> "weight"
    count_words: dict[str, float] = field(default_factory=dict)  # "single" -> 1, "three" -> 3
    apart: re.Pattern[str] = re.compile(r"(?!x)x")  # "separately": asks whether a thing is left out
    # "safe" of "Microwave Safe": a key's word that judges the place or use it names (`judging_key_words`)
    judging_key_words: frozenset[str] = frozenset()
    # ("size", {"im", "wear", ...}): the key a person's own size is of, and the words that say it (`worn_size`)
    worn_size: tuple[str, frozenset[str]] | None = None
    copulas: frozenset[str] = frozenset()  # "is", "'s": "how long IS the warranty" names a subject next
    # "high" -> "yes": a level a key of the use asked states ("ventilation: high" for a sweaty rider)
    use_levels: dict[str, str] = field(default_factory=dict)
    # "proof": a compound's head that means nothing without its first part ("waterproof" is no
    # "thorn-proof"): a word ending in it is not a form of it (`same_word`)
    bound_heads: frozenset[str] = frozenset()


@cache
def knowledge(path: Path = DATA_FILE) -> Knowledge:
    """The answerer's data file, read once."""
    data: dict[str, Any] = read_yaml_config(path, what="answers data file")
    t = data["thresholds"]
    facts = tuple(
        Fact(
            re.compile(f["pattern"], re.I),
            frozenset(f["topic"]),
            f["means"],
            frozenset(f["allows"]),
            frozenset(f["rules_out"]),
            f["plain"],
            f["label"],
        )
        for f in data["facts"]
    )
    synonyms = {singular(k): frozenset(singular(w) for w in v) for k, v in data["synonyms"].items()}
    filler = frozenset(data["filler"].split()) | STOPWORDS

    def phrases(said: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(singular(w) for w in tokenize(p) if w not in filler) for p in said if not _has_filler(p))

    def whole(said: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(singular(w) for w in tokenize(p)) for p in said if _has_filler(p))

    def _has_filler(phrase: str) -> bool:  # "any car": without "any" it would be any car asked about
        return len(tokenize(phrase)) > 1 and any(w in filler for w in tokenize(phrase))

    uses = tuple(
        Use(
            phrases(u["says"] + u.get("problems", [])),
            frozenset(singular(w) for m in u["means"] for w in tokenize(m)),
            u.get("asks") == "value",
            phrases(u.get("problems", [])),
            whole(u["says"]),
        )
        for u in data.get("uses", [])
    )
    return Knowledge(
        float(t["related"]),
        float(t["key_cover"]),
        float(t["key_match"]),
        float(t["key_match_min"]),
        float(t["key_similar"]),
        float(t["feature_idf"]),
        int(t["quote_chars"]),
        frozenset(data["filler"].split()) | STOPWORDS,
        synonyms,
        {singular(k): frozenset(v) for k, v in data["opposites"].items()},
        facts,
        frozenset(terms(data.get("generic_keys", ""))),
        frozenset(k.lower() for k in data.get("identity_keys", [])),
        frozenset(k.lower() for k in data.get("statement_keys", [])),
        {singular(k): frozenset(terms(" ".join(v))) for k, v in data.get("not_keys", {}).items()},
        frozenset(data.get("counts", "").split()),
        frozenset(data.get("units", "").split()),
        re.compile("|".join(rf"\b(?:{p})\b" for p in data.get("story_time", [])) or r"(?!x)x", re.I),
        re.compile("|".join(rf"\b(?:{p})\b" for p in data.get("frames", [])) or r"(?!x)x", re.I),
        tuple(data.get("suffixes", "").split()),
        float(t.get("meant_flag", 1.01)),
        float(t.get("meant_flag_word", 1.01)),
        float(t.get("meant_focus", 1.01)),
        uses,
        re.compile("|".join(rf"\b(?:{p})\b" for p in data.get("unwanted", [])) or r"(?!x)x", re.I),
        frozenset(v.lower() for v in data.get("empty_values", [])),
        int(t.get("alternatives_max", 0)),
        frozenset(k.lower() for k in data.get("pack_keys", [])),
        frozenset(singular(w) for w in data.get("fit_words", "").split()),
        frozenset(data.get("subject_verbs", "").split()),
        frozenset(data.get("box_verbs", "").split()),
        frozenset(w for ws in data.get("measures", {}).values() for w in ws.split()),
        {w: f for f, ws in data.get("measures", {}).items() for w in ws.split()},
        {str(k): float(v) for k, v in data.get("count_words", {}).items()},
        re.compile("|".join(rf"\b(?:{p})\b" for p in data.get("apart", [])) or r"(?!x)x", re.I),
        judging_key_words=frozenset(data.get("judging_key_words", "").split()),
        use_levels={str(k).lower(): str(v) for k, v in data.get("use_levels", {}).items()},
        copulas=frozenset(data.get("copulas", "").split()),
        bound_heads=frozenset(data.get("bound_heads", "").split()),
        worn_size=(data["worn_size"]["key"], frozenset(data["worn_size"]["cues"].split()))
        if "worn_size" in data
        else None,
    )
