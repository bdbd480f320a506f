"""Query understanding: a shopper's message -> `Query` (semantic text + hard `Constraints`).

Deterministic and catalog-aware: brands, product types and the spelling vocabulary come from
the loaded catalog, so the same code serves any catalog. No LLM is involved, which keeps it
fast (< 1 ms) and testable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from assistant.amounts import RATING_WORDS, amount_words, read_prices
from assistant.amounts import lexicon as amounts_lexicon
from assistant.asked_amounts import asked_amounts
from assistant.attribute_reading import AttributeReader
from assistant.audience import (
    addressed_part,
    clauses,
    interests,
    own_part,
    read_audience,
    request_part,
    strip_ages,
    without_stories,
    without_taken_back,
)
from assistant.catalog import CatalogIndex
from assistant.colour_negation import negated_colours, without_negated_colours
from assistant.colour_words import said_colours
from assistant.compound_kind import fitment, held_with_fit, modifier_run, narrowing, sibling_kind
from assistant.constraints import Constraints, phrase_in
from assistant.kind_refusal import without_refused_kinds
from assistant.lexicon import (
    GENERIC_TYPE_WORDS,
    KNOWN_BRANDS,
    PRODUCT_LINES,
    QUERY_WORDS,
)
from assistant.marked_brands import wished_brands
from assistant.message_patterns import (
    CHEAP,
    CHEAP_ALLOWED,
    EXCLUDE,
    FUNCTION_WORDS,
    IN_STOCK,
    NEGATED,
    PREMIUM,
    PREMIUM_PHRASES,
    RATING,
    RATING_AT_LEAST,
    VARIANT_WORDS,
)
from assistant.metal_colours import metal_colours
from assistant.part_fit import device_brands
from assistant.particle_nouns import as_modifiers
from assistant.pets import pets_said
from assistant.price_stance import cheap_denied, money_no_concern
from assistant.refused_attributes import flags_said, refused_attributes
from assistant.shop_spacing import shop_spacing
from assistant.spelling import Speller, is_word, ordinary_words
from assistant.spelling_variants import one_spelling
from assistant.story_words import story_modifiers
from assistant.type_meaning import TypeMeaning
from assistant.type_resolution import (
    HARD_AUDIENCE,
    PEOPLE,
    PLACEHOLDERS,
    SYNONYMS,
    TypeRequest,
    TypeResolver,
)
from assistant.unknown_head import unknown_kind
from assistant.vocabulary import known_words, type_words
from common.models import Embedder
from common.text import (
    AUDIENCE_WORDS,
    COLOURS,
    STOPWORDS,
    singular,
    terms,
    tokenize,
)

_RATING_CUE = re.compile(r"star|rat(?:ed|ing)|/5|\+", re.I)


def _measures_a_noun(text: str, m: re.Match[str]) -> bool:
    """A bare number after "at least", "over", "min" with a word after it counts that word ("at
    least 1 litre", "over 2 kg", "min 3 years"), where neither the match nor the message says it
    is a rating (held-out set AF d12 and d16: "at least 1 litre" was read as rated 1+, so no
    bottle matched)."""
    if _RATING_CUE.search(m.group()) or RATING_WORDS & set(tokenize(text)):
        return False
    after = tokenize(text[m.end() :])[:1]
    return bool(after) and after[0].isalpha() and after[0] not in STOPWORDS | _NOT_COUNTED


_NOT_COUNTED = frozenset({"under", "below", "within", "pls", "plz", "only", "max"})  # "above 4 under 500"


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
    # Attributes read as values the shop records ("sleeveless"), said with no kind to check them
    # against: a follow-up keeps them only where the request's kind records them.
    recorded: list[str] = field(default_factory=list)
    # Values the shop records said as a taste ("he likes printed stuff"): they rank; a follow-up
    # narrows to them where the request's products have them.
    tastes: list[str] = field(default_factory=list)
    # Words a follow-up refuses or tells in a story: no wish of the request (`assistant.unwished`).
    unwished: frozenset[str] = frozenset()


class Understander:
    """Parses messages against one catalog's vocabulary. Build once per loaded catalog."""

    def __init__(self, catalog: CatalogIndex, embed: Embedder | None = None):
        self.catalog = catalog
        self.embed = embed  # the search embedder: interests steer toward types near them
        self.types = TypeResolver(catalog, embed)
        self.attributes = AttributeReader(catalog, self.types)

    # The type asked for (`assistant.type_resolution`), as callers of the understander ask it.
    def requested_type(self, text: str) -> TypeRequest:
        return self.types.requested_type(text)

    def type_phrases(self, phrase: str) -> list[str]:
        return self.types.type_phrases(phrase)

    def carried(self, words: list[str]) -> bool:
        return self.types.carried(words)

    def is_any_type(self, gram: list[str]) -> bool:
        return self.types.is_any_type(gram)

    @property
    def type_words(self) -> set[str]:
        return self.types.type_words

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        vocab = dict(self.catalog.word_counts)
        shopping_words = [w for k, v in SYNONYMS.items() for phrase in [k, *v] for w in phrase.split()]
        flag_words = [w for phrase in self.catalog.recorded.flags for w in phrase.split()]  # "polarized"
        for w in [
            *QUERY_WORDS,
            *STOPWORDS,
            *COLOURS,
            *AUDIENCE_WORDS,
            *HARD_AUDIENCE,
            *KNOWN_BRANDS,
            *shopping_words,
            *flag_words,
        ]:
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

    # -- public ------------------------------------------------------------------------------
    def parse(self, message: str) -> Query:
        # Accents off ("fiancée" is the table's "fiancee"); the tokeniser reads a-z only.
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", " ".join(message.split())) if not unicodedata.combining(ch)
        )
        text = one_spelling(text, self.catalog.knows_word, type_words())  # "organiser" / "organizer"
        text = shop_spacing(text, self.catalog.knows_word, self.catalog.has_phrase)  # "mi4i" / "mi 4i"
        corrected, corrections = self.correct_spelling(text)
        c = Constraints()
        rest = corrected

        rest = self._price(rest, c)
        rest = self._rating(rest, c)
        if IN_STOCK.search(rest):
            c.in_stock = True
        rest, unknown = self._brands(rest, c)
        rest = without_taken_back(rest)
        c.exclude_colours = sorted(negated_colours(rest))
        rest = without_negated_colours(rest)
        said = rest  # refusals of kinds still in: what is refused is read from it (`refused_attributes`)
        rest = without_refused_kinds(rest)
        # Only the part that states the request sets filters: "my kid dropped it" is no audience.
        asked = request_part(rest)
        heard = read_audience(addressed_part(rest), rest)
        c.audience, from_relation = heard.audience, heard.implied
        c.audience_open = from_relation and c.audience is not None  # see `Constraints.audience_open`
        rest, asked = strip_ages(rest), strip_ages(asked)
        # What is said of someone else or of another item ("my neighbour's kid has a blue
        # everything obsession", "my old one was silver") is theirs: no colour or must-have.
        own = own_part(asked, rest)
        self._brands(own, in_own := Constraints())  # a brand said of someone else's or an old thing ranks,
        c.brands = [b for b in c.brands if b in in_own.brands]  # no filter: "her friend got a w.a.y one" (set H)
        c.brands = [b for b in c.brands if b not in wished_brands(own, c.brands)]  # "raymond would be nice"
        self._colours(own, c)
        c.colours = [x for x in c.colours if x not in c.exclude_colours]
        # An interest or a story names no type to filter on ("he's into sports"): it ranks.
        # The question mark closing the message stays: a question asks anew after a story.
        named, carried = self.requested_type(asked + "?" if rest.rstrip().endswith("?") else asked)
        if not named and (unheard := unknown_kind(as_modifiers(asked, self.carried), self.catalog.knows_word)):
            named, carried = unheard, False  # "cat litter for my two cats": a kind no product names
        # A kind no title or category names may still be what products are recorded as
        # ("Type: Chinos" on trousers): the shop carries it as those products, found by the record.
        by_record = bool(named) and not carried and self.attributes.recorded_kind(named)
        if named and carried:  # "wedge heels": the shop's wedges
            named = sibling_kind(self.types, self.catalog, asked, named) or named
        # the words before the kind in a clause of an old item or someone else's are theirs
        # ("my last fastrack watch stopped working, want a new analog one")
        told_apart = len(clauses(own)) < len(clauses(asked))
        run = modifier_run(self.types, own if told_apart else asked, named) if named and carried else []
        carried = carried or by_record
        # A must-have is said in the request, not in an aside ("my cousin got the nylon ones").
        c.attributes = self.attributes.required(self.types.about_asked(own, named))
        # The animal it is for may be said in a clause of its own ("anything to bathe my cat with?
        # shampoo or so"): who a request is for is read from the whole request (AG q25).
        c.attributes += [p for p in pets_said(tokenize(own)) if p not in c.attributes]
        if by_record:
            c.attributes.append(named)
        elif named:  # "some top or shorts": either kind
            either = [p for t in self.types.either(asked) for p in self.type_phrases(t)] if carried else []
            c.categories = list(dict.fromkeys([*self.type_phrases(named), *either])) if carried else [named]
        if named and carried:  # "nokia lumia x2 back panel": the phone it fits, not its maker
            c.colours += metal_colours(self.catalog, own, c)  # "silver heels": no heel is of silver
            c.brands, devices = device_brands(self.catalog, asked, c)
            c.attributes += [d for d in devices if d not in c.attributes]
        # A value the shop records filters only where a kind it can be checked on is named; said
        # alone ("make it sleeveless") it is the follow-up's to check against the request's kind.
        recorded = [a for a in self.attributes.recorded(own, c.categories, named) if a not in c.attributes]
        if named and carried:
            c.attributes += recorded
        if named and carried and not by_record:
            # "hip hop cap", "gel air freshener": the words that make the kind the shopper's own
            fit = fitment(self.catalog, self.types, asked, named, c)  # "bulb for Hero CD"
            c.attributes += held_with_fit(self.catalog, c, narrowing(self.catalog, run, c), fit)
            c.attributes += [a for a in [fit, *asked_amounts(self.catalog, asked, c)] if a and a not in c.attributes]
        # "polarized": a yes/no specification; "not the fabric ones": refused wherever it stands
        c.flags = flags_said(own, self.catalog.recorded, self.attributes.is_kind, whole=said)
        c.exclude_attributes = refused_attributes(said, self.catalog.recorded, self.attributes.is_kind, named)
        c.attributes = [a for a in c.attributes if a not in c.exclude_attributes]
        # An interest steers toward a kind it names ("obsessed with aviator sunglasses"), then those near it.
        near = self.meaning.steered(rest) if self.meaning else []
        if self.meaning and not named:  # "something to keep mosquitoes off her": the use names the kind
            near += [
                t
                for c in clauses(asked)
                if PLACEHOLDERS & set(tokenize(c))
                for t in self.meaning.for_use(c, PEOPLE, PLACEHOLDERS)
            ]
        c.steer_types = list(dict.fromkeys([*self.types.named_in(interests(rest)), *near]))
        # A colour the person is into ("she's into tan, earthy stuff") ranks first, never filters.
        c.prefer = [x for x in self._colour_tastes(own_part(rest, rest)) if x not in c.colours]
        tastes = self.attributes.recorded(", ".join(interests(own_part(rest, rest))), [])
        semantic = " ".join(without_stories(rest, self.types.is_any_type).split()) or corrected
        if named and carried and c.categories:  # "just started running": running shoes rank first
            semantic = " ".join([semantic, *story_modifiers(self.catalog, rest, semantic, c.categories)])
        # Synonyms the shopper did not write help BM25 find "slippers" for "chappals".
        extra = [t for t in c.categories if not set(terms(t)) <= set(terms(semantic))]
        if extra:
            semantic += " " + " ".join(extra)
        untyped = [] if named else recorded  # follow_up.read_follow_up adds those the kind records
        return Query(message, semantic, c, corrections, unknown, named, carried, from_relation, untyped, tastes)

    @cached_property
    def speller(self) -> Speller:
        # Hindi number words ("paanch sau") are no typos, yet rank as words ("teen", "tin"): not amount_words
        tables = {
            w for phrase in (*PREMIUM_PHRASES, *amount_words(), *amounts_lexicon().scaled) for w in tokenize(phrase)
        }
        absent = {b for b in KNOWN_BRANDS if not self.catalog.knows_word(b)}
        # words known beyond the catalog's titles: a rare catalog word among them is no catalog typo
        firm = known_words() | PRODUCT_LINES | HARD_AUDIENCE | tables | set(KNOWN_BRANDS) | self._brand_words
        return Speller(self.vocabulary, self._real_words | tables, absent, firm)

    @cached_property
    def _brand_words(self) -> set[str]:
        return {w for b in self.catalog.brand_names for w in tokenize(b)}

    def correct_spelling(self, text: str) -> tuple[str, dict[str, str]]:
        """Correct words that are no word at all toward the catalog's (see `assistant.spelling`)."""
        return self.speller.correct(text)

    @cached_property
    def meaning(self) -> TypeMeaning | None:
        """Types by meaning (`assistant.type_meaning`); None without an embedder."""
        if self.embed is None:
            return None
        return TypeMeaning(
            lambda: sorted({" ".join(p) for p in self.catalog.category_phrases if self.types.carried(list(p))}),
            self.embed,
        )

    def _titled(self, phrase: list[str]) -> bool:
        """Some product's title says the phrase ("curling cream"), not only its fields together."""
        said = terms(" ".join(phrase))
        return any(
            phrase_in(said, terms(self.catalog.products[int(r)].title)) for r in self.catalog.attribute_rows(said)
        )

    def recorded_attributes(self, text: str, categories: list[str], kind: str | None = None) -> list[str]:
        return self.attributes.recorded(text, categories, kind)  # see `AttributeReader.recorded`

    # -- constraint extractors ---------------------------------------------------------------
    def _price(self, text: str, c: Constraints) -> str:
        reading = read_prices(text)
        c.price_min, c.price_max, c.price_near = reading.price_min, reading.price_max, reading.near
        text = reading.without(text)
        if money_no_concern(text) or cheap_denied(text):  # "shouldn't look cheap": the dearer end
            c.premium = True
            return CHEAP.sub(" ", PREMIUM.sub(" ", text))
        premium = PREMIUM.search(text)
        if premium:  # "money's not an issue", "the fanciest": steer, never filter
            # ...unless denied: "nothing fancy" asks for the plain end, not the dear one.
            c.premium = not NEGATED.search(text[: premium.start()])
            text = PREMIUM.sub(" ", text)
            return text
        cheap = CHEAP.search(text)
        if cheap:
            if c.price_max is None and not CHEAP_ALLOWED.match(text[cheap.end() :]):
                c.cheap = True  # "cheap is fine" allows the cheap end, it caps nothing
            text = CHEAP.sub(" ", text)
        return text

    def _rating(self, text: str, c: Constraints) -> str:
        m = RATING.search(text)
        if not m and RATING_WORDS & set(tokenize(text)):
            m = RATING_AT_LEAST.search(text)  # "ones people rated well, like 4.5 or more"
        if m and _measures_a_noun(text, m):
            m = None  # "at least 1 litre", "over 2 kg": the number counts what follows, no rating
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
                if (
                    i
                    and words[i - 1] == "for"
                    and any(self.types.is_any_type([w]) for w in terms(" ".join(words[: i - 1])))
                ):
                    continue  # what the product is for ("tempered glass for xiaomi mi 4i"), not its brand
                if words[i + n : i + n + 1] and words[i + n] in VARIANT_WORDS and "by" not in words[i - 1 : i]:
                    continue  # "clogs, the rubbery crocs type": a likeness that ranks (AH q15)
                stored = self.brands.get(gram)
                if stored is None and n == 1 and len(gram) >= 5 and not self._ordinary(gram):
                    # A misspelt brand ("addidas"): one edit away from a catalog brand, and no
                    # word of its own ("wagon" is no misspelt "vagon").
                    near = process.extractOne(gram, list(self.brands), scorer=Levenshtein.distance, score_cutoff=1)
                    stored = self.brands[near[0]] if near else None
                if stored and stored not in c.brands and stored not in c.exclude_brands:
                    # A brand that is also a product type ("home", "shoe"), a recorded value
                    # ("slim" fit) or a function word ("now", "only") needs "by"/"brand" before it.
                    named_thing = (
                        self.types.is_type(terms(gram))
                        or gram in self.catalog.recorded.phrases
                        or gram in FUNCTION_WORDS
                    )
                    if named_thing and not re.search(rf"\b(?:by|brand)\s+{re.escape(gram)}\b", lowered):
                        continue
                    c.brands.append(stored)
                elif gram in KNOWN_BRANDS and gram not in self.brands and gram not in c.exclude_brands:
                    c.brands.append(gram)
                    unknown.append(gram)
        return text, unknown

    def _ordinary(self, word: str) -> bool:
        """A catalog word or an ordinary English one: never a misspelt brand ("wagon" is no "vagon")."""
        return word in self.vocabulary or is_word(word, ordinary_words().__contains__)

    def _colour_tastes(self, text: str) -> list[str]:
        tastes = Constraints()
        for liked in interests(text):
            self._colours(f"in {liked}", tastes)
        return tastes.colours

    def _colours(self, text: str, c: Constraints) -> None:
        found = said_colours(tokenize(text), self._titled)
        c.colours += [x for x in found if x not in c.colours]
