"""Query understanding: a shopper's message -> `Query` (semantic text + hard `Constraints`).

Deterministic and catalog-aware: brands, product types and the spelling vocabulary come from
the loaded catalog, so the same code serves any catalog. No LLM is involved, which keeps it
fast (< 1 ms) and testable.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from assistant.amounts import RATING_WORDS, amount_words, read_prices
from assistant.audience import (
    addressed_part,
    audience_terms,
    read_audience,
    request_part,
    strip_ages,
    without_taken_back,
)
from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.lexicon import (
    GENERIC_TYPE_WORDS,
    KNOWN_BRANDS,
    PRODUCT_LINES,
    QUERY_WORDS,
    REQUIRED_CUES,
    TYPE_SYNONYMS,
)
from assistant.spelling import Speller, is_word, ordinary_words
from assistant.type_meaning import TypeMeaning
from assistant.vocabulary import DATA, known_words
from assistant.vocabulary import is_type as is_known_type
from common.models import Embedder
from common.text import AUDIENCE_WORDS, COLOURS, MATERIALS, STOPWORDS, normalise_colour, singular, terms, tokenize

PREMIUM_PHRASES = json.loads((DATA / "steering.json").read_text(encoding="utf-8"))["premium"]
# "more premium" is a move from what was shown (`dialogue.PRICIER`), not a steer.
PREMIUM = re.compile(
    r"(?<!more )(?<!less )\b(?:"
    + "|".join(re.escape(p) for p in sorted(PREMIUM_PHRASES, key=len, reverse=True))
    + r")\b",
    re.I,
)
CHEAP = re.compile(r"\b(?:cheap|cheapest|budget|affordable|inexpensive|low[- ]cost)\b", re.I)
RATING = re.compile(
    # A rating is one digit (and a decimal): "above 300" is a price, not "above 3".
    r"(?:\b(?:at least|min(?:imum)?|rated|rating(?: of)?(?: at least| above| over)?|over|above)\s*(\d(?:\.\d)?)(?![\d,])\s*(?:\+|stars?|/5)?"
    r"|\b(\d(?:\.\d)?)\s*(?:\+|\s*or more|\s*and (?:up|above))?\s*stars?\b(?:\s*(?:rating|rated))?(?:\s*(?:or|and)\s*(?:more|above|up|higher|better))?"
    r"|\b(\d(?:\.\d)?)\s*\+?\s*(?:star\s*)?rating(?:\s*(?:or|and)\s*(?:more|above|up|higher|better))?)",
    re.I,
)
# A rating said apart from the word that makes it one, in a message with a rating word.
RATING_AT_LEAST = re.compile(r"\b([1-5](?:\.\d)?)\s*(?:\+|or more|or above|or higher|and up|and above)(?![\d.])", re.I)
IN_STOCK = re.compile(r"\b(?:in stock|available now|ships? (?:today|now))\b", re.I)
EXCLUDE = re.compile(
    r"\b(?:not|no|except|without|but not|other than)\s+([a-z0-9&' ]+?)(?=$|[,.;!?]| and | or | please)", re.I
)
HARD_AUDIENCE = audience_terms()  # every audience, person and pronoun word (assistant/audience.py)
AUDIENCE_TERMS = set(AUDIENCE_WORDS) | set(HARD_AUDIENCE)
# Metals describe material more often than colour ("gold ring", "silver chain").
METAL_COLOURS = {"gold", "silver", "copper", "bronze", "rose"}
# Words that qualify a product but never name its type.
# Words after which a colour closing the message is a colour, not a noun: colour words and
# modifiers, and the verbs and pronouns a shopper asks or corrects with ("I meant red", "want
# blue", "make it green", "one in black"; "I meant red" kept black in the demo chat of 2026-12-05).
COLOUR_CONTEXT = {
    "in",
    "colour",
    "color",
    "and",
    "or",
    "dark",
    "light",
    "bright",
    "pale",
    *COLOURS,
    "meant",
    "mean",
    "want",
    "wanted",
    "prefer",
    "preferably",
    "need",
    "like",
    "rather",
    "make",
    "it",
    "them",
    "one",
    "ones",
    "is",
    "are",
    "be",
    "try",
    "get",
    "show",
    "choose",
    "pick",
    "actually",
    "sorry",
    "just",
    "only",
}
NOT_TYPE_WORDS = (
    set(STOPWORDS)
    | set(QUERY_WORDS)
    | set(COLOURS)
    | set(AUDIENCE_WORDS)
    | set(HARD_AUDIENCE)
    | {
        "casual",
        "western",
        "formal",
        "ethnic",
        "party",
        "kid",
        "men",
        "women",
        "boy",
        "girl",
        "unisex",
        "winter",
        "summer",
        "seasonal",
        "festive",
        "need",
        "decor",
        "personal",
        "health",
        "spare",
        "part",
        "interior",
        "exterior",
        "styling",
        "team",
        "fitness",
        "supply",
    }
)


class TypeRequest(NamedTuple):
    named: str | None  # the product type asked for, in the shopper's words
    carried: bool  # whether the catalog has that type


@dataclass
class Query:
    raw: str
    text: str  # the semantic text: corrected, without price/rating phrases
    constraints: Constraints
    corrections: dict[str, str] = field(default_factory=dict)  # misspelt -> corrected
    unknown_brands: list[str] = field(default_factory=list)  # named brands the catalog lacks
    product_type: str | None = None  # the kind of product named, in the shopper's words
    type_carried: bool = True  # False: the catalog has no product of that type
    audience_from_relation: bool = False  # the audience came from "for my wife", not "for women"


class Understander:
    """Parses messages against one catalog's vocabulary. Build once per loaded catalog."""

    def __init__(self, catalog: CatalogIndex, embed: Embedder | None = None):
        self.catalog = catalog
        self.embed = embed  # the search embedder: interests steer toward types near them

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        vocab = dict(self.catalog.word_counts)
        shopping_words = [w for k, v in TYPE_SYNONYMS.items() for phrase in [k, *v] for w in phrase.split()]
        for w in [*QUERY_WORDS, *STOPWORDS, *COLOURS, *AUDIENCE_WORDS, *HARD_AUDIENCE, *KNOWN_BRANDS, *shopping_words]:
            vocab.setdefault(w, 1)
        return vocab

    @cached_property
    def _real_words(self) -> set[str]:
        """Words never corrected: the catalog's and the query grammar's, every word of the general
        product-type vocabulary, product lines and relations. "iphone" stays "iphone" even in a
        shop that only knows "phone"."""
        words = set(self.vocabulary) | known_words() | PRODUCT_LINES | HARD_AUDIENCE
        return words | {singular(w) for w in words}

    @cached_property
    def brands(self) -> dict[str, str]:
        """Normalised brand -> brand as stored (lower-case), excluding brands that are common words."""
        common = set(QUERY_WORDS) | set(STOPWORDS) | set(COLOURS) | set(AUDIENCE_WORDS) | set(HARD_AUDIENCE)
        out = {}
        for b in self.catalog.brand_names:
            key = " ".join(tokenize(b))
            if len(key) < 3 or key in common or key in GENERIC_TYPE_WORDS:
                continue
            # A brand that is also a product-type word ("home", "shoe") is only matched with
            # "brand"/"by" before it; see _brands().
            out[key] = b
        return out

    @cached_property
    def type_words(self) -> set[str]:
        words = set()
        for phrase in self.catalog.category_phrases:
            words.update(phrase)
        return words

    # -- public ------------------------------------------------------------------------------
    def parse(self, message: str) -> Query:
        text = " ".join(message.split())
        corrected, corrections = self.correct_spelling(text)
        c = Constraints()
        rest = corrected

        rest = self._price(rest, c)
        rest = self._rating(rest, c)
        if IN_STOCK.search(rest):
            c.in_stock = True
        rest, unknown = self._brands(rest, c)
        rest = without_taken_back(rest)
        # Only the part that states the request sets filters: "my kid dropped it" is no audience.
        asked = request_part(rest)
        heard = read_audience(addressed_part(rest), rest)
        c.audience, from_relation = heard.audience, heard.implied
        rest, asked = strip_ages(rest), strip_ages(asked)
        self._colours(asked, c)
        # An interest or a story names no type to filter on ("he's into sports"): it ranks.
        named, carried = self.requested_type(asked)
        c.attributes = self.required_attributes(rest)
        if named:
            c.categories = self.type_phrases(named) if carried else [named]
        c.steer_types = self.meaning.steered(rest) if self.meaning else []
        semantic = " ".join(rest.split()) or corrected
        # Synonyms the shopper did not write help BM25 find "slippers" for "chappals".
        extra = [t for t in c.categories if not set(terms(t)) <= set(terms(semantic))]
        if extra:
            semantic += " " + " ".join(extra)
        return Query(message, semantic, c, corrections, unknown, named, carried, from_relation)

    @cached_property
    def speller(self) -> Speller:
        tables = {w for phrase in (*PREMIUM_PHRASES, *amount_words()) for w in tokenize(phrase)}
        return Speller(self.vocabulary, self._real_words | tables)

    def correct_spelling(self, text: str) -> tuple[str, dict[str, str]]:
        """Correct words that are no word at all toward the catalog's (see `assistant.spelling`)."""
        return self.speller.correct(text)

    def product_types(self, text: str) -> list[str]:
        """Catalog product-type phrases for the type named in the text, with their synonyms."""
        named, carried = self.requested_type(text)
        return self.type_phrases(named) if named and carried else []

    def requested_type(self, text: str) -> TypeRequest:
        """The product type the text asks for, and whether the catalog carries it.

        Types are the catalog's own (category nodes, title heads) and the general vocabulary's
        (`assistant.vocabulary`), longest match first, so "car floor mats" yields "floor mats"
        rather than "mats". The type asked for is the last one named, skipping modifiers: a type
        directly followed by another ("hiking jacket" is a jacket), one after a "for" that follows
        a type ("bag for laptop", "sun shade for maruti swift"), and one after "with" ("watch with
        a white dial").

        A type the catalog lacks falls back to its head, the carried type it ends with ("school
        backpack" -> "backpack"; the modifier stays in the text that ranks), only when some
        product of that head carries the modifier in its title, category or specifications: a
        smart watch is not any watch, and a shop whose watches never say "smart" does not carry
        smart watches. A part that is not the head never stands in ("face cream" is not "face").
        """
        words = tokenize(text.replace("'", ""))
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            for n in (4, 3, 2, 1):
                gram = words[i : i + n]
                if len(gram) == n and (self._is_any_type(terms(" ".join(gram))) or self._plural_node(gram)):
                    spans.append((i, i + n))
                    i += n - 1
                    break
            i += 1
        heads = [
            (a, b)
            for k, (a, b) in enumerate(spans)
            if not (k + 1 < len(spans) and spans[k + 1][0] == b)
            and not (k > 0 and "for" in words[spans[0][1] : a])
            and "with" not in words[max(spans[k - 1][1] if k else 0, a - 3) : a]
        ]
        if not heads:
            return TypeRequest(None, True)
        a, b = heads[-1]
        phrase = words[a:b]
        if self._carried(phrase):
            return TypeRequest(" ".join(phrase), True)
        closed = "".join(phrase)  # "smart watch" is the shop's "smartwatch"
        if len(phrase) > 1 and self._carried([closed]):
            return TypeRequest(closed, True)
        for start in range(1, len(phrase)):  # the longest carried head first
            head, modifiers = phrase[start:], phrase[:start]
            if self._is_type(terms(" ".join(head))) and self._carried(head):
                if self._described_as(head, modifiers):
                    return TypeRequest(" ".join(head), True)
                break
        return TypeRequest(" ".join(phrase), False)

    @cached_property
    def meaning(self) -> TypeMeaning | None:
        """Types by meaning (`assistant.type_meaning`); None without an embedder."""
        if self.embed is None:
            return None
        return TypeMeaning(
            lambda: sorted({" ".join(p) for p in self.catalog.category_phrases if self._carried(list(p))}), self.embed
        )

    def _plural_node(self, gram: list[str]) -> bool:
        """A plural that is the catalog's own category node, though its singular is also a word
        of the query grammar ("tops" is a kind of product; "top" alone is "top rated")."""
        if len(gram) != 1 or singular(gram[0]) == gram[0]:
            return False
        word = singular(gram[0])
        return word in QUERY_WORDS and word not in GENERIC_TYPE_WORDS and (word,) in self.catalog.category_phrases

    def _described_as(self, head: list[str], modifiers: list[str]) -> bool:
        """Whether some product of type `head` has every modifier word in its title, category or
        specifications ("hiking" for a jacket)."""
        rows = set(self.catalog.phrase_rows(terms(" ".join(head))).tolist())
        for word in terms(" ".join(modifiers)):
            rows &= set(self.catalog.attribute_rows([word]).tolist())
        return bool(rows)

    def type_phrases(self, phrase: str) -> list[str]:
        """The phrase and its synonyms, as far as the catalog has them."""
        key = " ".join(terms(phrase))
        out: list[str] = []
        for alt in [phrase] + TYPE_SYNONYMS.get(key, []):
            if alt not in out and self.catalog.has_phrase(terms(alt)):
                out.append(alt)
        return out

    def _carried(self, words: list[str]) -> bool:
        return bool(self.type_phrases(" ".join(words)))

    def carried(self, words: list[str]) -> bool:
        """Whether the shop carries this product type (term phrase)."""
        return self._carried(words)

    def is_any_type(self, gram: list[str]) -> bool:
        """Whether a term phrase is a product type, the shop's or the general vocabulary's."""
        return self._is_any_type(gram)

    def _is_any_type(self, gram: list[str]) -> bool:
        """A product type of this catalog, or of the general vocabulary."""
        if self._is_type(gram):
            return True
        if len(gram) == 1 and (gram[0] in NOT_TYPE_WORDS or gram[0] in GENERIC_TYPE_WORDS):
            return False
        return is_known_type(gram) or " ".join(gram) in TYPE_SYNONYMS

    def required_attributes(self, text: str) -> list[str]:
        """Must-haves beyond the type: a word after "real", "genuine", "pure"... ("real diamond"),
        a material ("leather wallet"), and a product line with its model ("iphone 6s")."""
        words = tokenize(text)
        found: list[str] = []
        for i, w in enumerate(words):
            phrase = None
            if w in REQUIRED_CUES and i + 1 < len(words) and words[i + 1] not in NOT_TYPE_WORDS:
                phrase = words[i + 1]
            elif w in MATERIALS and w not in METAL_COLOURS:
                phrase = w
            elif w in PRODUCT_LINES:
                model = words[i + 1] if i + 1 < len(words) and any(ch.isdigit() for ch in words[i + 1]) else ""
                phrase = f"{w} {model}".strip()
            if phrase and phrase not in found and not self._is_any_type(terms(phrase)):
                found.append(phrase)
        return found

    @cached_property
    def _heads(self) -> dict[str, int]:
        """Last words of category nodes ("shoe" in "sports shoe") with how many nodes end so."""
        heads: dict[str, int] = {}
        for phrase in self.catalog.category_phrases:
            heads[phrase[-1]] = heads.get(phrase[-1], 0) + 1
        return heads

    def _is_type(self, gram: list[str]) -> bool:
        phrase = " ".join(gram)
        if phrase in TYPE_SYNONYMS:
            return any(self.catalog.has_phrase(terms(a)) for a in TYPE_SYNONYMS[phrase])
        # The shop's own name for a kind, even with a colour-like word in it ("face cream").
        if len(gram) > 1 and tuple(gram) in self.catalog.category_phrases and not set(gram) & AUDIENCE_TERMS:
            return True
        if any(g in NOT_TYPE_WORDS for g in gram):
            return False
        if len(gram) == 1:
            word = gram[0]
            if word in GENERIC_TYPE_WORDS:
                return False
            # A standalone category node ("watch"), or the head of several ("shoe").
            is_head = (word,) in self.catalog.category_phrases or self._heads.get(word, 0) >= 2
            return is_head and self.catalog.has_phrase(gram)
        if tuple(gram) in self.catalog.category_phrases:
            return True
        # Multi-word phrases made of category words that also occur in titles ("dog shampoo").
        return (
            all(g in self.type_words for g in gram)
            and self._heads.get(gram[-1], 0) >= 1
            and self.catalog.has_phrase(gram)
        )

    # -- constraint extractors ---------------------------------------------------------------
    def _price(self, text: str, c: Constraints) -> str:
        reading = read_prices(text)
        c.price_min, c.price_max, c.price_near = reading.price_min, reading.price_max, reading.near
        text = reading.without(text)
        premium = PREMIUM.search(text)
        if premium:  # "money's not an issue", "the fanciest": steer, never filter
            c.premium = True
            text = PREMIUM.sub(" ", text)
            return text
        if CHEAP.search(text):
            if c.price_max is None:
                c.cheap = True
            text = CHEAP.sub(" ", text)
        return text

    def _rating(self, text: str, c: Constraints) -> str:
        m = RATING.search(text)
        if not m and RATING_WORDS & set(tokenize(text)):
            m = RATING_AT_LEAST.search(text)  # "ones people rated well, like 4.5 or more"
        if m:
            value = float(next(g for g in m.groups() if g))
            if 0 < value <= 5:
                c.min_rating = value
                text = text.replace(m.group(), " ")
        text = re.sub(
            r"\b(?:highly|well|top)[- ]rated\b",
            lambda _: (setattr(c, "min_rating", c.min_rating or 4.0), " ")[1],
            text,
            flags=re.I,
        )
        return text

    def _brands(self, text: str, c: Constraints) -> tuple[str, list[str]]:
        """Brands asked for and excluded; returns the text without the exclusions ("running
        shoes not Auralink" searches for "running shoes"), and named brands the catalog lacks."""
        unknown: list[str] = []
        for m in list(EXCLUDE.finditer(text)):
            target = " ".join(tokenize(m.group(1)))
            excluded = next(
                (stored for key, stored in self.brands.items() if target == key or target.startswith(key + " ")),
                target if target in KNOWN_BRANDS else None,
            )
            if excluded:
                c.exclude_brands.append(excluded)
                text = text.replace(m.group(), " ", 1)
        lowered = text.lower()
        words = tokenize(lowered)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                stored = self.brands.get(gram)
                if stored is None and n == 1 and len(gram) >= 5 and not self._ordinary(gram):
                    # A misspelt brand ("addidas"): one edit away from a catalog brand.
                    near = process.extractOne(gram, list(self.brands), scorer=Levenshtein.distance, score_cutoff=1)
                    stored = self.brands[near[0]] if near else None
                if stored and stored not in c.brands and stored not in c.exclude_brands:
                    # A brand that is also a product type ("home", "shoe") needs "by"/"brand" before it.
                    if self._is_type(terms(gram)) and not re.search(rf"\b(?:by|brand)\s+{re.escape(gram)}\b", lowered):
                        continue
                    c.brands.append(stored)
                elif gram in KNOWN_BRANDS and gram not in self.brands and gram not in c.exclude_brands:
                    c.brands.append(gram)
                    unknown.append(gram)
        return text, unknown

    def _ordinary(self, word: str) -> bool:
        """A catalog word or an ordinary English one: never a misspelt brand ("wagon" is no "vagon")."""
        return word in self.vocabulary or is_word(word, ordinary_words().__contains__)

    def _colours(self, text: str, c: Constraints) -> None:
        words = tokenize(text)
        for i, w in enumerate(words):
            if w not in COLOURS or w in METAL_COLOURS:
                continue
            # A colour word closing the query after a noun is usually a noun ("face cream"); after
            # a word that asks for something ("I meant red", "prefer blue") it is a colour.
            if i == len(words) - 1 and i > 0 and words[i - 1] not in COLOUR_CONTEXT:
                continue
            colour = normalise_colour(w)
            if colour not in c.colours:
                c.colours.append(colour)
