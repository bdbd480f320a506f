"""The product type a shopper asks for, resolved against the shop's own types.

A phrase in the shopper's words is looked up in the catalog's type postings (titles and the
category nodes that say what a product is) in the forms shoppers and shops disagree on, each
with the catalog's own evidence that the form names products there:

- the words as written, or as a synonym the shop uses (`assistant/data/type_resolution.json`:
  "frock" is a "dress", "tiffin" a "lunch box");
- one word or two ("sun shade" / "sunshade", "neck tie" / "necktie", "t shirt" / "tshirt");
- a phrase the shop's titles use as a type though its last word alone is none ("weight gainer");
- a spelling variant of a carried type word, one letter in or out ("kadai" / "kadhai");
- a word the shopper writes as one that is a word and a type ("rainjacket", "barstool"), or a
  compound whose head the shop names by a synonym ("rain jacket" / the shop's "raincoat").

A modifier before a carried head ("surge protector", "bedside lamp") is checked against the kinds
the shop names that head with: some product of the head records the modifier, or, with an
embedder, the shopper's compound is near one of the shop's own compounds of that head (its titles'
"mattress protector", "table lamp"; threshold measured, `sub_kind_nearness` in the data file).
Otherwise the compound is a kind the shop lacks. Nearness to the whole type vocabulary is not used
to claim a type is carried: measured on both hand-labelled WANDS sets (`bench/type_threshold.py`)
it does not separate carried from not-carried types ("toddler couch" not carried, "teak couch"
carried, both nearest "furniture" at 0.76), so it only steers ranking (`assistant.type_meaning`).
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from typing import NamedTuple

import numpy as np

from assistant import sorted_rows
from assistant.audience import audience_terms, clauses
from assistant.audience import table as audience_table
from assistant.catalog import CatalogIndex
from assistant.clause_roles import (
    SUBJECT_VERBS,
    after_inverted_subject,
    in_place_phrase,
    in_relative_feature,
    named_as_features,
    object_of_coordinated_verb,
    object_of_past_verb,
    object_of_told_verb,
    verb_follows,
)
from assistant.closed_compound import closed_compound
from assistant.constraints import type_segments
from assistant.held_uses import before_postposition, holder_of_use
from assistant.kin_kinds import kin
from assistant.lexicon import GENERIC_TYPE_WORDS, KNOWN_BRANDS, QUERY_WORDS
from assistant.message_patterns import NEGATIONS, VARIANT_WORDS
from assistant.particle_nouns import as_modifiers, as_title_words, particle_kind, without_particle_verbs
from assistant.placeholder_heads import placeholder_at
from assistant.refusal import ARTICLES, follows_refusal
from assistant.spelling import is_word, ordinary_words
from assistant.steering import steering
from assistant.title_kinds import style_kind, titles_end_with
from assistant.vocabulary import DATA
from assistant.vocabulary import is_type as is_known_type
from assistant.vocabulary import type_words as known_type_words
from common.models import Embedder
from common.text import AUDIENCE_WORDS, COLOURS, MATERIALS, STOPWORDS, singular, terms, tokenize

RESOLUTION = json.loads((DATA / "type_resolution.json").read_text(encoding="utf-8"))
SYNONYMS: dict[str, list[str]] = RESOLUTION["synonyms"]
MODIFIER_WORDS = frozenset(RESOLUTION["modifier_words"])
NEAR_SPELLING_MIN = RESOLUTION["near_spelling"]["min_letters"]
NAMED_BY_AT_LEAST = RESOLUTION["near_spelling"]["min_products"]
SUB_KIND_AT_LEAST = RESOLUTION["sub_kind_min_products"]
TYPE_PHRASE_AT_LEAST = RESOLUTION["type_phrase_min_titles"]
SUB_KIND_NEAR = RESOLUTION["sub_kind_nearness"]["min_similarity"]
SUB_KIND_TITLES_READ = RESOLUTION["sub_kind_nearness"]["titles_read"]
MOVE_VERBS = frozenset(RESOLUTION["move_verbs"])
SPELLING_PAIRS = [tuple(pair) for pair in RESOLUTION["spelling_pairs"]]
NOUN_FOLLOWED_BY = frozenset(STOPWORDS) | frozenset(RESOLUTION["query_word_as_type"]["followed_by"])
NOUN_NOT_AFTER = frozenset(RESOLUTION["query_word_as_type"]["not_after"])
COLLECTIVE_HEADS = frozenset(RESOLUTION["collective_heads"])
EITHER_FILLERS = frozenset("a an some the maybe perhaps even".split())  # "a top or maybe some shorts"
# "i can plug it in": a verb, not plugs
VERB_SUBJECTS = frozenset(RESOLUTION["verb_after"]["subjects"])
VERB_MODALS = frozenset(RESOLUTION["verb_after"]["modals"])
MODAL_NOUNS = frozenset(RESOLUTION["verb_after"]["modal_nouns"])  # "a can opener", "a will"
VERB_THIRD_PERSON = frozenset(RESOLUTION["verb_after"]["third_person_subjects"])
PLAIN_SUBJECTS = frozenset(RESOLUTION["verb_after"]["plain_subjects"])
VERB_OBJECTS = frozenset(RESOLUTION["verb_after"]["objects"])
IMPERATIVE_OBJECTS = frozenset(RESOLUTION["verb_after"]["imperative_objects"])
IMPERATIVE_FILLERS = frozenset(RESOLUTION["verb_after"]["imperative_fillers"])
COORDINATORS = frozenset(RESOLUTION["verb_after"]["coordinators"])
# What opens the object of a coordinated clause's verb ("and chews everything", "and scratches the sofa")
COORDINATED_OBJECT_OPENERS = frozenset(RESOLUTION["verb_after"]["coordinated_objects"]) | frozenset(
    RESOLUTION["verb_after"]["object_determiners"]
)


DEGREE_PHRASES = tuple(tuple(p.split()) for p in RESOLUTION["degree_phrases"])
# "a bag FOR THE yoga mat": the link, and the words that may stand between it and the object
COMPOUND_LINKS = frozenset({"for", "of"})
COMPOUND_FILLERS = frozenset("the a an my his her our their your this that".split())
PLACEHOLDERS = frozenset(RESOLUTION["placeholders"])
# Words after a kind that say what it fits, as "for" does ("headlight that fits a Pulsar 150").
FIT_CUES = tuple(sorted((tuple(p.split()) for p in RESOLUTION["fit_cues"]), key=len, reverse=True))
# A modifier word that opens a clause as a preposition; not "that" ("that dress in red") nor
# "to" ("to gift my wife a watch").
OPENING_PREPOSITIONS = MODIFIER_WORDS - {"that", "to"}
# What opens a verb's object, or a particle that makes the word before it a verb ("to hang over
# the fireplace", "to put on", "to set up"): WANDS set 2 read "pictures to hang over fireplace" as
# fireplaces.
OBJECT_OPENERS = frozenset(
    "my our his her their your the a an them it this that these those some over onto into on up".split()
)
ACQUIRING_VERBS = frozenset(RESOLUTION["acquiring_verbs"])
_STORY = audience_table().story
# A singular person after a possessive is a subject that agrees with an "-s" verb ("my niece stays").
PERSON_NOUNS = frozenset(audience_table().people) | _STORY.people | frozenset(RESOLUTION["person_nouns"])


def _is_verb(words: list[str], i: int) -> bool:
    """The word is a verb, whatever the shop sells by that name: after a subject and a modal ("i
    can plug"), an "-s" form agreeing with a singular subject before it, past adverbs ("it suits",
    "she really stays", "my niece stays"), or before an object pronoun ("red suits me", "it fits him")."""
    if i > 1 and words[i - 1] in VERB_MODALS and words[i - 2] in VERB_SUBJECTS:
        return True
    if i and words[i - 1] in VERB_MODALS - MODAL_NOUNS:
        return True  # "orange WOULD match the seats": only "can", "will" and "must" also name things
    if i and words[i - 1] in PLAIN_SUBJECTS and not (i > 1 and words[i - 2] in COMPOUND_FILLERS):
        return True  # "the thing U PUT on the dashboard"; "an i phone" is no subject (AE-q01)
    if after_inverted_subject(words, i):
        return True
    if words[i].endswith("s") and (_after_singular_subject(words, i) or _coordinated_verb(words, i)):
        return True
    if i + 1 < len(words) and words[i + 1] in IMPERATIVE_OBJECTS and set(words[:i]) <= IMPERATIVE_FILLERS:
        return True  # a command opening the clause: "ok cap it at 5k", "keep it under 500"
    return i + 1 < len(words) and words[i + 1] in VERB_OBJECTS


def _coordinated_verb(words: list[str], i: int) -> bool:
    """The "-s" word opens a coordinated clause with an object: right after "and"/"but" and
    before an indefinite pronoun or a determiner ("and chews everything", "but scratches the
    sofa"). A list of kinds ("toys and chews", "a bed and chews") has no object after the word."""
    return 0 < i < len(words) - 1 and words[i - 1] in COORDINATORS and words[i + 1] in COORDINATED_OBJECT_OPENERS


def _after_singular_subject(words: list[str], i: int) -> bool:
    """A singular subject ends right before the word, adverbs aside: a pronoun ("she", "it") or a
    possessive and a person ("my niece", "her friend"). A plural person ("my sons shoes") makes no
    such subject: the "-s" word after it may be a noun."""
    k = i - 1
    while k >= 0 and words[k] in _STORY.skipped:
        k -= 1
    if k < 0:
        return False
    if words[k] in VERB_THIRD_PERSON:
        return True
    person = words[k]
    return k > 0 and words[k - 1] in _STORY.possessives and person in PERSON_NOUNS and singular(person) == person


def _not_naming(words: list[str]) -> set[int]:
    """Positions that name no product by their place in the sentence: a verb (`_is_verb`) and the
    words of a degree phrase ("a bit sporty", "kind of"; `degree_phrases` in the data file)."""
    out = {i for i in range(len(words)) if _is_verb(words, i) or follows_refusal(words, i)}
    for phrase in DEGREE_PHRASES:
        n = len(phrase)
        out |= {j for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == phrase for j in range(i, i + n)}
    return out


def _names_other(words: list[str], start: int, end: int) -> bool:
    """Whether a kind named in a clause makes it about that kind: not a variant of the kind asked
    for ("the polo type", "the anarkali kind"), nor one refused earlier in the clause ("the polo
    type, not round neck"); what such a clause says is still said of the kind asked for."""
    return words[end : end + 1] not in ([w] for w in VARIANT_WORDS) and not set(words[:start]) & NEGATIONS


def _acts_on(words: list[str], start: int, span_starts: set[int]) -> bool:
    """Whether the type starting at `start` is what something else acts on or is for, not the
    product: it follows a placeholder and a modifier word ("something to cover the head",
    "anything for my laptop"), a preposition opening the clause ("for the king bed", "for my
    iphone 6"), or it is the object of a verb after "to" that is no acquiring verb ("want to make
    my car look sporty"; "want to buy a kurta" asks for the kurta). A type right after "to" is a
    move or a range end ("switch to bellies", "from heels to flats"), no verb."""
    if start and words[0] in OPENING_PREPOSITIONS:
        return True
    for j in range(start):
        if words[j] in PLACEHOLDERS and MODIFIER_WORDS & set(words[j + 1 : start]):
            return True
        if words[j] != "to" or j + 1 >= start or j + 1 in span_starts:
            continue
        verb, after = words[j + 1], words[j + 2 : j + 3]
        # A verb takes an object ("to make my car", "to cover the head"); "going to office need a
        # laptop bag" goes somewhere, it acts on nothing.
        if verb.isalpha() and verb not in STOPWORDS | ACQUIRING_VERBS and set(after) & OBJECT_OPENERS:
            return True
    return False


OWNED_SUBJECTS = frozenset(RESOLUTION["owned"]["subjects"])
OWNED_VERBS = frozenset(RESOLUTION["owned"]["verbs"])
OWNED_ASKING = frozenset(RESOLUTION["owned"]["asking"])
OWNED_LACKING = frozenset(RESOLUTION["owned"]["lacking"])
OWN_AS_ADJECTIVE = frozenset(RESOLUTION["owned"]["adjective_after"])  # "a watch of his own"
OWNED_AFTER_MODAL = frozenset(RESOLUTION["owned"]["modal_before"])  # "a speaker i can use": no possession
POINTS_BACK = tuple(tuple(p.split()) for p in RESOLUTION["owned"]["points_back"])
# How a shopper asks anew in a later clause ("do you sell", "maybe", "actually"): the same list
# that makes a follow-up a new request (steering.json, read by assistant/interpret.py).
_ASKING = steering()["follow_up_switch"]
ASKS = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in _ASKING) + r")\b"
    r"|^\W*(?:" + "|".join(re.escape(p) for p in RESOLUTION["asking_starts"]) + r")\b",
    re.I,
)
HARD_AUDIENCE = audience_terms()  # every audience, person and pronoun word (assistant/audience.py)
AUDIENCE_TERMS = set(AUDIENCE_WORDS) | set(HARD_AUDIENCE)
# Who a thing is for, and their possessives: words that say nothing of what the thing is.
PEOPLE = frozenset(AUDIENCE_TERMS | PERSON_NOUNS | set(COMPOUND_FILLERS) | OWNED_SUBJECTS)
# Words that qualify a product but never name its type.
NOT_TYPE_WORDS = (
    set(STOPWORDS)
    | set(QUERY_WORDS)
    | set(COLOURS)
    | AUDIENCE_TERMS
    | set(
        "casual western formal ethnic party kid men women boy girl unisex winter summer seasonal festive need "
        "decor personal health spare part interior exterior styling team fitness supply".split()
    )
)

# Words before a type that never make a compound kind of it: a material is a must-have of its own,
# a brand names who makes it.
NOT_COMPOUND_WORDS = NOT_TYPE_WORDS | set(MATERIALS) | KNOWN_BRANDS


class TypeRequest(NamedTuple):
    named: str | None  # the product type asked for, in the shop's form of the shopper's words
    carried: bool  # whether the catalog has that type


class TypeResolver:
    """Product types of one catalog. Build once per loaded catalog."""

    def __init__(self, catalog: CatalogIndex, embed: Embedder | None = None):
        self.catalog = catalog
        self.embed = embed  # the search embedder: a shopper's compound near one the shop names
        self._sub_kinds: dict[tuple[str, ...], tuple[list[str], np.ndarray]] = {}
        self._filed: dict[tuple[str, ...], list[str]] = {}
        self._short_forms: dict[str, list[str] | None] = {}
        self._title_heads: dict[str, bool] = {}

    @cached_property
    def type_words(self) -> set[str]:
        """Every word of the catalog's category nodes."""
        return {w for phrase in self.catalog.category_phrases for w in phrase}

    @cached_property
    def _listed_kinds(self) -> frozenset[str]:
        """Kinds a category node lists with no separator left between them ("Abayas Burqas",
        "Bottles Sippers": the shop's "Abayas & Burqas" with the "&" lost in cleaning): every
        word of a node of two or more plural nouns, none a word that qualifies (colour,
        audience, "sports") nor a brand's. Only words no vocabulary knows as a kind: set L read
        no kind in "black abaya" or "silicone sipper" and showed anything."""
        nodes = {node for product in self.catalog.products for node in product.category}
        out: set[str] = set()
        for node in nodes:
            words = tokenize(node)
            if len(words) < 2 or any(singular(w) == w or not w.isalpha() for w in words):
                continue
            if {*words, *map(singular, words)} & (NOT_TYPE_WORDS | GENERIC_TYPE_WORDS | self._brand_words):
                continue
            out |= {w for w in terms(node) if len(w) >= 4 and not is_known_type([w]) and w not in SYNONYMS}
        return frozenset(out)

    @cached_property
    def _holders(self) -> frozenset[str]:
        """Nouns too generic to be a kind alone that the shop's category nodes use ("box", "set",
        "kit"): said before a purpose, they are the thing asked for (`assistant.held_uses`)."""
        return frozenset(GENERIC_TYPE_WORDS & self.type_words)

    def _held_kind(self, words: list[str], spans: list) -> str | None:
        """The shop's compound of a holder noun and the kind it is for ("a small box to store
        jewellery" -> "jewellery box"), where the shop names one; else no kind (the words rank)."""
        starts = {span[0] for span in spans}
        for start, _, form in spans:
            holder = holder_of_use(words, start, self._holders, starts)
            compound = form + [words[holder]] if holder is not None else None
            if compound and self._form(compound) and self.carried(compound):
                return " ".join(compound)
        return None

    @cached_property
    def _heads(self) -> dict[str, int]:
        """Last words of category nodes ("shoe" in "sports shoe") with how many nodes end so."""
        heads: dict[str, int] = {}
        for phrase in self.catalog.category_phrases:
            heads[phrase[-1]] = heads.get(phrase[-1], 0) + 1
        return heads

    # -- the type asked for ------------------------------------------------------------------
    def requested_type(self, text: str) -> TypeRequest:
        """The product type the text asks for, and whether the catalog carries it.

        Types are the catalog's own (category nodes, title heads, in any of the forms of the
        module docstring) and the general vocabulary's (`assistant.vocabulary`), longest match
        first, so "car floor mats" yields "floor mats" rather than "mats". The type asked for is
        the last one named, skipping modifiers: a type directly followed by another ("hiking
        jacket" is a jacket), one after a modifier word that follows a type ("bag for laptop",
        "bottle that holds a litre", `modifier_words` in the data file), and one after "with"
        ("watch with a white dial").

        A type the catalog lacks falls back to its head, the carried type it ends with ("school
        backpack" -> "backpack"; the modifier stays in the text that ranks), only when some
        product of that head carries the modifier in its title, category or specifications: a
        smart watch is not any watch, and a shop whose watches never say "smart" does not carry
        smart watches. A part that is not the head never stands in ("face cream" is not "face").
        """
        bare = ASIDE.sub(" ", text)
        if bare != text:  # "a diwan set (sheet with cushion covers)": the aside explains the kind (AF-d19)
            outside = self.requested_type(bare)
            if outside.named and outside.carried:
                return outside
        # "lace-ups": the kind is "lace up", not "ups"; "a plug-in type": no kind "plug"
        said, text = text, as_modifiers(as_title_words(_slashes_as_or(text)), self.carried)
        clause, owned_only = self._asking_clause(text)
        words = self._without_particle_verbs(self._without_participles(_without_moves(clause)))
        spans = self._spans(words)
        heads = self._head_spans(words, spans)
        if not heads:
            return TypeRequest(self._held_kind(words, spans) or particle_kind(said, self.carried), True)
        phrase = self._asked_among([span[2] for span in heads])
        pointed = any(_points_back(tokenize(c.replace("'", ""))) for c in clauses(text))
        told = _told(words, heads, phrase) and not pointed
        if (owned_only or told) and not self.carried(phrase):
            # Named only as what someone has ("my father has a pile of bank papers") or in a
            # story about someone's thing ("her phone bounces around", "he cooks a lot of
            # pasta"), a kind the shop lacks is no request to turn down: the search ranks on the
            # words, toward what the shop sells for use with it (sets H, I). A carried kind so
            # told opens a dialogue as its kind ("his only trousers are from 2015"); a follow-up
            # so told is what he has (`told_kinds.only_owned`).
            return TypeRequest(None, True)
        start = next(s for s, _, form in reversed(heads) if form == phrase)
        if object_of_past_verb(words, start) and not _asks_anywhere(text):
            # "finally joined a gym after years of excuses" (pool U:u-d12): what happened, not a
            # request; the next turn's kind is the request, not a description of gyms.
            return TypeRequest(None, True)
        subject = self._subject_of_verb(words, heads, phrase)
        if not (told or subject) and not pointed and self._tells_unasked(clause) and _asks_anew(text, clause):
            # The clause naming the kind states something and another asks: the kind the asking
            # clause names, if any ("car turns into an oven when parked. need one of those
            # silver sunshade things": set AG d24 read ovens; "were doing manali [manual] in
            # december, my wife needs a proper pair of boots": boots).
            return self._asked_elsewhere(text, clause)
        if (told or subject) and not pointed and _asks_anew(text, clause):
            # A kind told of, carried or not, while another clause asks: "he goes to the gym
            # daily, need a gift for him", "the whole flat stinks, what can i get" (held-out
            # set after I: read as gym gear and flats). Its role decides, not the catalog.
            return TypeRequest(None, True)
        if self.carried(phrase):
            modifier = self._modifier_before(words, spans, phrase)
            if modifier and self._kind_of(phrase, [modifier]) is False:
                return TypeRequest(" ".join([modifier, *phrase]), False)  # "surge protector"
            compound = self._compound_for(words, spans, phrase)
            if compound:
                return TypeRequest(" ".join(compound), True)
            return TypeRequest(self._sub_kind(phrase, tokenize(text)) or " ".join(phrase), True)
        offered = self.either(text)
        if offered:  # "a serum or essence maybe": a kind offered beside one the shop lacks is asked for
            return TypeRequest(offered[0], True)
        for start in range(1, len(phrase)):  # the longest carried head first
            head, modifiers = phrase[start:], phrase[:start]
            # A head the shop names only inside its own compound ("knife" of its "swiss knife")
            # is the kind where a product of it records the modifier ("multi utility swiss
            # knife" for "utility knife": AF-d25 was told 'we don't carry' / read scissors).
            if self._heads.get(head[-1], 0) and self.carried(head) and self._described_as(head, modifiers):
                return TypeRequest(" ".join(head), True)
            if self._is_type(terms(" ".join(head))) and self.carried(head):
                # Here only the catalog's record says yes: a compound the general vocabulary
                # knows as a kind of its own ("shower curtain", "platform bed", "lunch bag") is
                # as near the shop's compounds as the kinds it does carry (`sub_kind_nearness`).
                if self._described_as(head, modifiers):
                    return TypeRequest(" ".join(head), True)
                nearest = self._nearest_sub_kind(head, modifiers)
                if nearest:
                    return TypeRequest(nearest, True)  # "piggy bank": the shop's "coin bank"
                if (
                    len(modifiers) == 1
                    and self._is_type(modifiers)
                    and kin(self.catalog, terms(modifiers[0]), terms(" ".join(head)))
                ):
                    return TypeRequest(modifiers[0], True)  # "cargo pants": the shop's "cargos"
                break
        closed = self._closed_compound(words, spans, phrase)  # "swimming costume": the shop's "swimsuit"
        if closed:
            return TypeRequest(closed, True)
        other = self._carried_elsewhere(text, clause, phrase)
        return TypeRequest(other, True) if other else TypeRequest(" ".join(phrase), False)

    def _carried_elsewhere(self, text: str, asking: list[str], phrase: list[str]) -> str | None:
        """A kind the shop carries that the request names beside the one it lacks: the request
        says the thing twice, once in a word the shop does not list ("dad needs new underwear.
        briefs, a multi pack"; "starting yoga classes. trackpants for me"; pool V-u29, X:x-u-22
        read the unlisted word and showed nothing). The last such kind in a clause that is no
        story of what someone has, named as the head of its phrase (`_head_spans`). A part of the
        unlisted kind is that kind said short ("yoga mat ..., the mat itself": pool N-u-q26), no
        other kind; and only another clause says it again: a kind in the same phrase modifies
        the unlisted one ("bed side table", "one cup hot water dispenser": WANDS not-carried).
        The kind must be said as the shop writes it: a spelling guess ("handis" -> "hands",
        pool O-u-d06) is too weak to override the kind named first."""
        found: list[str] = []
        for clause in clauses(text):
            words = tokenize(clause.replace("'", ""))
            if words == asking or (_says_owned(words) and not ASKS.search(clause)):
                continue
            words = self._without_participles(_without_moves(words))
            for start, end, form in self._head_spans(words, self._spans(words)):
                if not set(form) <= set(phrase) and self.carried(form) and self._as_written(words[start:end], form):
                    found.append(" ".join(form))
        return found[-1] if found else None

    def _closed_compound(self, words: list[str], spans: list, phrase: list[str]) -> str | None:
        """The shop's one-word kind for an uncarried head and the word before it
        (`assistant.closed_compound`)."""
        if len(phrase) > 1:  # "swim trunks", a kind of the general vocabulary
            modifier, said = phrase[-2], phrase
        else:
            k = next((s for s, _, form in reversed(spans) if form == phrase), 0) - 1
            while k >= 0 and (words[k] in AUDIENCE_TERMS or words[k] in COLOURS):
                k -= 1  # "swimming costume" in "mens swimming costume"
            modifier, said = (words[k], [words[k], *phrase]) if k >= 0 else ("", phrase)
        if not modifier.isalpha() or modifier in NOT_COMPOUND_WORDS:
            return None
        # A head the shop carries has had its own kinds weighed ("cricket helmet" among its
        # helmets); the modifier's other kinds ("cricket glove") are no stand-in for it (AE-d20).
        kinds = [k for k in self._compound_kinds if " " not in k] if self.carried(phrase[-1:]) else self._compound_kinds
        return closed_compound(" ".join(said), modifier, kinds, self._english, self.embed, SUB_KIND_NEAR)

    @cached_property
    def _compound_kinds(self) -> list[str]:
        """The shop's carried kinds of one or two words: the closed compounds' candidates."""
        return sorted(" ".join(p) for p in self.catalog.category_phrases if len(p) <= 2 and self.carried(list(p)))

    def _english(self, word: str) -> bool:
        return is_word(word, ordinary_words().__contains__)

    def _without_participles(self, words: list[str]) -> list[str]:
        """The words less a participle that joins a noun to the head it describes where the two
        make one of the shop's kinds ("wall mounted shelf": its "wall shelf"; set K read "wall",
        a kind it lacks). The participle says how the kind is made or used; it still ranks."""
        return [
            w
            for i, w in enumerate(words)
            if not (
                0 < i < len(words) - 1
                and len(w) > 4
                and w.endswith("ed")
                and not self._is_any_type([w])
                and any(self.carried([words[i - 1], *words[i + 1 : j]]) for j in (i + 2, i + 3) if j <= len(words))
            )
        ]

    def _without_particle_verbs(self, words: list[str]) -> list[str]:
        """The words less a verb and particle before the carried kind they describe ("plug in usb
        keyboard"; `assistant.particle_nouns.without_particle_verbs`)."""

        def kind_at(j: int) -> bool:
            return any(
                len(words[j : j + n]) == n
                and self._is_any_type(terms(" ".join(words[j : j + n])))
                and self.carried(words[j : j + n])
                for n in (1, 2, 3)
            )

        return without_particle_verbs(words, self.carried, kind_at)

    def _subject_of_verb(self, words: list[str], heads: list, phrase: list[str]) -> bool:
        """The kind asked for is the subject of a verb in its clause ("the whole flat stinks")."""
        end = next((e for _, e, form in reversed(heads) if form == phrase), None)
        return end is not None and verb_follows(words, end, self._is_any_type)

    def _asked_elsewhere(self, text: str, telling: list[str]) -> TypeRequest:
        """The kind named by the last other clause of `text` that asks, or none."""
        for clause in reversed(clauses(text)):
            words = tokenize(clause.replace("'", ""))
            if words != telling and (ASKING_WORDS & set(words) or ASKS.search(clause)):
                found = self.requested_type(clause)
                if found.named:
                    return found
        return TypeRequest(None, True)

    def _tells_unasked(self, words: list[str]) -> bool:
        """The clause states something and asks nothing: a subject's verb ("are", "gets") or a
        verb after a noun ("car turns into an oven"), and no asking word. Beside a clause that
        asks, its kind is the story's (set AG d24: "car turns into an oven when parked. need one
        of those silver sunshade things" read ovens)."""
        if ASKING_WORDS & set(words) or ASKS.search(" ".join(words)):
            return False
        if SUBJECT_VERBS & set(words):
            return True
        return any(
            verb_follows(words, k, self._is_any_type) for k in range(1, len(words)) if words[k - 1] not in STOPWORDS
        )

    def _compound_for(self, words: list[str], spans: list, phrase: list[str]) -> list[str] | None:
        """ "a bag for the yoga mat", "a cover for my phone": the kind named for what it holds
        or fits, where the shop carries the compound of the two ("yoga mat bag", set I: every
        bag was shown); None where it does not ("a bag for my laptop" in a shop of plain bags)."""
        for k, (_, end, form) in enumerate(spans):
            if form != phrase or k + 1 >= len(spans):
                continue
            between = words[end : spans[k + 1][0]]
            # "a bag TO CARRY MY yoga mat": a verb of purpose links as "for" does (set L)
            if between[:1] == ["to"] and len(between) > 2 and between[1].isalpha():
                between = ["for", *between[2:]]
            if not between or between[0] not in COMPOUND_LINKS or not set(between[1:]) <= COMPOUND_FILLERS:
                continue
            # a thing it holds or fits is said with its determiner ("for THE yoga mat", "for MY
            # phone"); a use is not ("a jacket for hiking" is any jacket fit for it, not only
            # the shop's "hiking jackets")
            compound = [*spans[k + 1][2], *phrase]
            if len(between) > 1 and self.carried(compound) and self._is_any_type(compound):
                return compound
        return None

    def asking_words(self, text: str) -> list[str]:
        """The words of the clause that asks for a kind (see `_asking_clause`)."""
        return _without_moves(self._asking_clause(_slashes_as_or(text))[0])

    def named_spans(self, words: list[str]) -> list[tuple[int, int, list[str]]]:
        """Where the words name a product type: start, end, the shop's form (see `_spans`)."""
        return self._spans(words)

    def named_in(self, texts: list[str]) -> list[str]:
        """The shop's phrases of the carried types these texts ask for (an interest: "obsessed
        with aviator sunglasses", set G), to steer ranking toward."""
        asked = [self.requested_type(text) for text in texts]
        return [p for t in asked if t.named and t.carried for p in self.type_phrases(t.named)]

    def about_asked(self, text: str, named: str | None) -> str:
        """The clauses of the text less those that name another kind and not the one asked for:
        what is said there belongs to that kind ("just started with the leather ball, need a chest
        guard": the ball is leather, set G filtered chest guards on leather)."""
        if not named:
            return text
        asked, shop_forms = terms(named)[-1:], set(self.type_phrases(named))
        kept = []
        for clause in clauses(text):
            words = tokenize(clause.replace("'", ""))
            forms = [" ".join(form) for start, end, form in self._spans(words) if _names_other(words, start, end)]
            if not forms or any(terms(f)[-1:] == asked or shop_forms & set(self.type_phrases(f)) for f in forms):
                kept.append(clause)
        return ", ".join(kept)

    def either(self, text: str) -> list[str]:
        """The carried types the asking clause offers as alternatives, joined by "or" ("some top or
        shorts", set G): each is asked for, where `requested_type` reads only the last."""
        words = _without_moves(self._asking_clause(_slashes_as_or(text))[0])
        spans = self._spans(words)
        gaps = [words[spans[k][1] : spans[k + 1][0]] for k in range(len(spans) - 1)]
        joined = [k for k, gap in enumerate(gaps) if gap[:1] == ["or"] and set(gap[1:]) <= EITHER_FILLERS]
        named = [spans[j][2] for k in joined for j in (k, k + 1)]
        return list(dict.fromkeys(" ".join(p) for p in named if self.carried(p)))

    def _modifier_before(self, words: list[str], spans: list, phrase: list[str]) -> str | None:
        """The word that makes a compound with the type asked for ("surge" protector, "poster"
        bed), past audience and colour words ("upholstered girls bed"): a plain word, no
        material (a must-have of its own, `Understander.required_attributes`), no number, no
        word of the query grammar, no type."""
        start = next((s for s, _, form in reversed(spans) if form == phrase), None)
        k = (start or 0) - 1
        while k >= 0 and (words[k] in AUDIENCE_TERMS or words[k] in COLOURS):
            k -= 1
        if start is None or k < 0:
            return None
        word = words[k]
        plain = word.isalpha() and len(word) >= 3 and word not in NOT_COMPOUND_WORDS
        # An English word only: a unit, a misspelling or a word of another language before the
        # type ("1 ltr water bottle", "engagment ring", "sajane ke liye showpiece") makes no
        # compound (dev sets A, B, F). A carried type before it says what the product goes
        # with ("body pillow case": cases for pillows), which the shop may list under that type.
        # And a word no product's text uses ("surge", "poster"): one the shop's titles or
        # descriptions do use ("premium", "real", "full", a brand) is theirs to match as
        # they do (dev sets A, B, D: "real gold chain", "premium watch"); a brand the shop lacks is
        # no kind ("prestige tawa", dev set F).
        english = is_word(word, ordinary_words().__contains__)
        unheard = not self.catalog.knows_word(word)
        return word if plain and english and unheard and not self.carried([singular(word)]) else None

    def _kind_of(self, head: list[str], modifiers: list[str]) -> bool | None:
        """Whether the modified head is a kind the shop carries: some product of the head records
        the modifiers, or the compound is near one the shop names (`_near_sub_kind`). None: no
        evidence either way (no embedder, or the shop names the head in no compound)."""
        if self._described_as(head, modifiers):
            return True
        return self._near_sub_kind(head, modifiers)

    def _near_sub_kind(self, head: list[str], modifiers: list[str]) -> bool | None:
        """Whether the shopper's compound ("bedside lamp") is near, by the embedder, a compound of
        the same head the shop names products with ("table lamp"), at `sub_kind_nearness`
        (measured: `python bench/type_threshold.py --sub-kinds`). None without an embedder or
        when the shop names the head in no compound."""
        scored = self._sub_kind_scores(head, modifiers)
        return None if scored is None else bool(float(np.max(scored[1])) >= SUB_KIND_NEAR)

    def _sub_kind_scores(self, head: list[str], modifiers: list[str]) -> tuple[list[str], np.ndarray] | None:
        """The shop's compounds of the head and their similarity to the shopper's compound; None
        without an embedder or when the shop names the head in no compound."""
        if self.embed is None:
            return None
        names, vectors = self._sub_kind_vectors(tuple(head))
        if not names:
            return None
        said = np.asarray(self.embed.encode([" ".join([*modifiers, *head])], normalize_embeddings=True))[0]
        return names, vectors @ said

    def _as_written(self, said: list[str], form: list[str]) -> bool:
        """The shopper's words name the kind as the shop's own texts write it, as one word or two
        and in either number ("trackpants" / "track pants"): no respelling ("kadai", "handis")
        nor synonym."""
        same = "".join(map(singular, said)) == "".join(map(singular, form))
        return same and self.catalog.has_phrase(terms(" ".join(form)))

    def _nearest_sub_kind(self, head: list[str], modifiers: list[str]) -> str | None:
        """The shop's own compound of the same head that the shopper's compound names in other
        words ("piggy bank" / the shop's "coin bank"; pool V-u26, T-d-19 told the shopper the shop
        has no piggy banks): the nearest by the embedder, at `sub_kind_nearness`, where it is a
        kind of this catalog. None without an embedder or below the threshold."""
        scored = self._sub_kind_scores(head, modifiers)
        if scored is None:
            return None
        names, scores = scored
        best = int(np.argmax(scores))
        if float(scores[best]) < SUB_KIND_NEAR or not self._is_type(terms(names[best])):
            return None
        return names[best]

    def sub_kinds(self, head: list[str]) -> list[str]:
        """The compounds the shop names products of this head with: the word before it in a title
        ("mattress protector", "sofa bed") and the category nodes that end with it ("wall lamp").
        Read from the first `titles_read` products of the head (a large catalog repeats them)."""
        n, found = len(head), {}
        for row in self.catalog.phrase_rows(head)[:SUB_KIND_TITLES_READ]:
            segments = type_segments(self.catalog.products[int(row)])
            title = segments[0]
            for i in range(1, len(title) - n + 1):
                before = title[i - 1]
                if title[i : i + n] == head and before not in NOT_TYPE_WORDS and before.isalpha():
                    found[f"{before} {' '.join(head)}"] = True
            for node in segments[1:]:
                if len(node) > n and node[-n:] == head:
                    found[" ".join(node)] = True
        return list(found)

    def _sub_kind_vectors(self, head: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
        if head not in self._sub_kinds:
            names = self.sub_kinds(list(head))
            vectors = self.embed.encode(names, normalize_embeddings=True) if names else np.zeros((0, 1))
            self._sub_kinds[head] = (names, np.asarray(vectors, dtype=np.float32))
        return self._sub_kinds[head]

    def _asked_among(self, named: list[list[str]]) -> list[str]:
        """The type asked for among those the clause names: the last one, unless products of an
        earlier one record it in their title, category or specifications; then it says the
        earlier one's size or place ("cotton bedsheet king size double bed": bedsheets for a
        double bed, listed under "Bed Linen")."""
        for earlier in named[:-1]:
            if self.carried(earlier) and self._described_as(earlier, named[-1]):
                return earlier
        return named[-1]

    def _sub_kind(self, phrase: list[str], words: list[str]) -> str | None:
        """The sub-kind "a digital one" names of the type asked for ("ghadi for my beti, digital
        one" -> "digital watch"), where the shop names that sub-kind (see `_is_type`)."""
        for i in range(1, len(words)):
            if words[i] in ("one", "ones") and words[i - 1] not in NOT_TYPE_WORDS:
                for alt in self.type_phrases(" ".join(phrase)):
                    kind = f"{words[i - 1]} {alt}"
                    if len(terms(kind)) == len(terms(alt)) + 1 and self._is_type(terms(kind)):
                        return kind
        return None

    def _asking_clause(self, text: str) -> tuple[list[str], bool]:
        """The words of the clause that names the type asked for: the first clause naming a
        type, or a later one that asks anew ("... an oven when parked. do you sell a sunshade");
        a type in a later clause that only remarks on the first ("bike helmet in xl size, open
        face is ok") is not asked for, nor one in a clause saying someone has it ("he already has
        a blue ball"; `owned` in the data file). True with the words: only a clause saying someone
        has a thing names a type."""
        chosen: list[str] = []
        owned: list[str] = []
        parts = clauses(text)
        for clause in parts:
            words = tokenize(clause.replace("'", ""))
            if not self._head_spans(words, self._spans(words)):
                continue
            if _says_owned(words) and not ASKS.search(clause):
                owned = owned or words  # "he already has a blue ball": what he has, not what is asked
            elif not chosen or ASKS.search(clause):
                chosen = words
        if not chosen and owned and any(_points_back(tokenize(c.replace("'", ""))) for c in parts):
            return owned, False  # "my roommate uses some argan oil, want something like that"
        if not chosen and owned and len(parts) > 1:
            return [], True  # every type named is one someone has; the request's own type stands
        if chosen or not owned:
            return chosen or tokenize(text.replace("'", "")), False
        return owned, True

    def _head_spans(self, words: list[str], spans: list) -> list[tuple[int, int, list[str]]]:
        """The spans that may be the type asked for, skipping modifiers (see `requested_type`) and
        what something else acts on or is for (`_acts_on`)."""
        starts = {span[0] for span in spans}
        featured = named_as_features(words, spans)
        return [
            span
            for k, span in enumerate(spans)
            if not (k + 1 < len(spans) and _modifies(words[span[1] : spans[k + 1][0]]))
            and not (k > 0 and MODIFIER_WORDS & set(words[spans[0][1] : span[0]]))
            and not featured[k]
            and not _acts_on(words, span[0], starts)
            and holder_of_use(words, span[0], self._holders, starts) is None  # "box TO KEEP jewellery"
            and not before_postposition(words, span[1])  # "cot KE LIYE machardani"
            and not in_place_phrase(words, span[0])  # "a light above it ON THE WALL"
            and not in_relative_feature(words, span[0])  # "a toy THAT HAS A bell"
            and not object_of_told_verb(words, span[0])  # "orange would match THE SEATS"
            and not object_of_coordinated_verb(words, span[0])  # "and chews THE CABLES"
            # "a leather strap one": "one" stands for the kind already asked; what comes before
            # it only describes that kind ("a steel one", "the kids ones"). So with a placeholder
            # a use follows: "a wall thing to hang keys", "some kitchen stuff for spices" name no
            # kind, the use does; "those hot pot things, a set" names hot pots.
            and words[span[1] : span[1] + 1] not in (["one"], ["ones"])
            and not ((at := placeholder_at(words, span[1], PLACEHOLDERS)) is not None and _use_follows(words, at))
        ]

    def _spans(self, words: list[str]) -> list[tuple[int, int, list[str]]]:
        """Where the words name a product type, longest first: start, end, the shop's form."""
        spans: list[tuple[int, int, list[str]]] = []
        blocked = _not_naming(words)
        i = 0
        while i < len(words):
            if i in blocked:
                i += 1
                continue
            for n in (4, 3, 2, 1):
                gram = words[i : i + n]
                form = self._form(gram) if len(gram) == n else None
                if form and len(gram) == 1 and form[0] == gram[0] and len(form) == 2 and not _as_noun(words, i):
                    form = None  # a short form names a kind only said as one ("a teddy", not "in class 3")
                if form:
                    spans.append((i, i + n, form))
                    i += n - 1
                    break
            else:
                if self._query_word_noun(words, i):
                    spans.append((i, i + 1, [words[i]]))
            i += 1
        # "a top and pyjama set", "kurta and pyjama set": the kinds joined into a set are its
        # parts; the set (its collective head) is what is asked for. A type right before a person
        # says who the person is ("my son's cricket coach"), not what is asked for.
        return [
            span
            for k, span in enumerate(spans)
            if not (
                k + 1 < len(spans)
                and words[span[1] : spans[k + 1][0]] in (["and"], ["&"], ["n"])
                and spans[k + 1][2][-1] in COLLECTIVE_HEADS
            )
            and not (span[1] < len(words) and words[span[1]] in PERSON_NOUNS and words[span[1]] not in AUDIENCE_WORDS)
        ]

    def _query_word_noun(self, words: list[str], i: int) -> bool:
        """A word of the query grammar that is one of the shop's category nodes, standing as a noun
        ("sleeveless top for her", "some top or shorts"; not "top rated", "on top of"):
        `query_word_as_type` in the data file."""
        word = words[i]
        if word not in QUERY_WORDS or word in GENERIC_TYPE_WORDS | AUDIENCE_TERMS:
            return False  # a person is who it is for ("it's for her mom actually", set G dialogues)
        if (word,) not in self.catalog.category_phrases:
            return False
        if i and words[i - 1] in NOUN_NOT_AFTER:
            return False
        return i + 1 == len(words) or words[i + 1] in NOUN_FOLLOWED_BY

    def _form(self, gram: list[str]) -> list[str] | None:
        """The gram as a product type, in the catalog's form where the catalog has one (see the
        module docstring); the gram itself for a type only the general vocabulary knows; None
        for no type."""
        typed = self._is_any_type(terms(" ".join(gram))) or self._plural_node(gram)
        if typed and self.carried(gram):
            joined = ["".join(gram)]  # "smart watch" is the shop's "smartwatch"
            if len(gram) > 1 and not self.catalog.has_phrase(terms(" ".join(gram))) and self.carried(joined):
                return joined
            return gram
        if len(gram) > 1 and gram[0] in ARTICLES and not self.carried(gram):
            return None  # "a board game": the article, not the general vocabulary's "a board" (AF-q21)
        if set(gram) & NOT_TYPE_WORDS:
            return gram if typed else None
        if self._filed_under(gram):  # "jewellery box": the shop's vanity boxes
            return gram
        if len(gram) == 2 and self._synonym_compound(gram):
            return gram
        # a kind of its own the shop lacks ("mattress" where it sells mattress protectors) is
        # that kind, no short form of the shop's compound
        short = None if typed else self._short_form(gram) or self._style_noun(gram)
        if short:
            return short
        other = self._spelling(gram, variant=not typed and not is_word(gram[0], ordinary_words().__contains__))
        return other or (gram if typed else None)

    def _spelling(self, gram: list[str], variant: bool) -> list[str] | None:
        """The carried type written another way: two words as one ("neck tie" -> "necktie"),
        one as two ("sunshade" -> "sun shade"), or, for a word that is no English word and no
        type (`variant`), one letter in or out inside it ("kadai" -> "kadhai"; never at the end, where a
        letter makes a plural or a brand: "cutlery" is no "cutlerys")."""
        if len(gram) == 2:
            # Two words the shop writes as one product type that titles name products by: the
            # second a type ("neck tie" is its "necktie") or the joined word a category node's
            # head ("head light" is its "headlight"; "semi stitched" is neither).
            joined = ["".join(gram)]
            named_as_type = self._is_any_type(terms(gram[1])) or joined[0] in self._heads
            if self._is_type(terms(joined[0])) or (named_as_type and self._titled(joined)):
                return joined
            return None
        if len(gram) != 1:
            return None
        word = gram[0]
        for cut in range(2, len(word) - 1):
            parts = [word[:cut], word[cut:]]
            if self._is_type(terms(" ".join(parts))):
                return parts
        for said, shop in SPELLING_PAIRS:  # "moisturizer": the shop's "moisturiser"
            other = word.replace(said, shop)
            # a kind the shop's titles name ("pyjama": no category node of its own) counts too
            typed = self._is_type(terms(other)) or self._titled([other])
            if said in word and typed and self.carried([other]):
                return [other]
        if not variant:
            return None
        split = self._split_compound(word)
        if split or len(word) < NEAR_SPELLING_MIN:
            return split
        letters = "abcdefghijklmnopqrstuvwxyz"
        variants = {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)}
        variants |= {word[:i] + ch + word[i:] for i in range(1, len(word)) for ch in letters}
        # The shop's spelling is its commoner one: "kadhai" (6) over "kadai" (1); a word the shop
        # uses more than any variant ("jewellery") is its own word, never "jewelery".
        counts = self.catalog.word_counts
        near = sorted(v for v in variants if counts.get(v, 0) > counts.get(word, 0) and self._titled([v]))
        return near[:1] if len(near) == 1 else None

    def _short_form(self, gram: list[str]) -> list[str] | None:
        """A word said for the compound kind the shop's titles always name it in ("a teddy": its
        "teddy bear"): every title holding the word names its product's kind with it and the
        same word after it, a word that is no kind of the shop alone. A word used otherwise anywhere ("printed shirt", "printed men's t-shirt"), before
        two kinds ("running shoe", "running armband"), before a kind of its own ("semi stitched
        lehenga"), a brand's or a word that qualifies (colour, material, audience) names no kind (held-out miss: "a teddy" read no kind)."""
        word = gram[0] if len(gram) == 1 else ""
        if len(word) < 3 or not word.isalpha() or word in NOT_COMPOUND_WORDS or word in self._brand_words:
            return None
        if word not in self._short_forms:
            named: set[tuple[str, ...]] = set()
            for row in self.catalog.attribute_rows([word])[:SUB_KIND_TITLES_READ]:
                title = terms(self.catalog.products[int(row)].title)
                for i in (i for i, w in enumerate(title) if w == word):
                    # the word and the next name this product's kind ("teddy bear"), and the
                    # next alone is no kind of the shop ("containers lunch box" is a lunch box)
                    pair = title[i : i + 2]
                    # a head that is an English word ("bear"), not a code or numeral ("class vii")
                    head_word = len(pair) == 2 and len(pair[1]) >= 3 and pair[1] in ordinary_words()
                    named_so = head_word and int(row) in self.catalog.phrase_rows(pair)
                    named.add(tuple(pair) if named_so and not self._is_type(pair[1:]) else ())
            compound = list(next(iter(named))) if len(named) == 1 and () not in named else None
            self._short_forms[word] = compound
        return self._short_forms[word]

    def _style_noun(self, gram: list[str]) -> list[str] | None:
        """A style said as a plural noun for the kind it names ("my aviators": the shop's "aviator
        sunglasses"; `assistant.title_kinds`). Set Q read "aviators" as no kind."""
        word = gram[0] if len(gram) == 1 else ""
        if singular(word) in NOT_COMPOUND_WORDS or singular(word) in self._brand_words:
            return None
        return style_kind(self.catalog, word, self._is_type, SUB_KIND_TITLES_READ)

    @cached_property
    def _brand_words(self) -> frozenset[str]:
        return frozenset(w for brand in self.catalog.brand_names for w in tokenize(brand))

    def _filed_under(self, gram: list[str]) -> list[str]:
        """A kind said with a broad head word ("jewellery box", `GENERIC_TYPE_WORDS`) that the
        shop's titles name and files under its own kind of that head ("Vanity Box"): those
        category nodes, the shop's name for it. Empty for a head that is not broad, for a first
        word that is no product word, and where no such title is filed so. Set G read "jewellery
        box" as jewellery; the lexical evidence is the titles' own phrase and the shared head."""
        if len(gram) != 2 or gram[1] not in GENERIC_TYPE_WORDS or gram[0] in GENERIC_TYPE_WORDS | NOT_TYPE_WORDS:
            return []
        key = tuple(gram)
        if key in self._filed:
            return self._filed[key]
        nodes: dict[str, bool] = {}
        # Titles that hold the phrase anywhere ("... jewellery box vanity"), not only as their type.
        for row in self.catalog.attribute_rows(gram)[:SUB_KIND_TITLES_READ]:
            for node in type_segments(self.catalog.products[int(row)])[1:]:
                if len(node) < 2 or node[-1] != gram[1]:
                    continue
                # The shop's kind, not its brand's node of it ("vanity box", not "kartique vanity
                # box"): the shortest end of the node that is one of the shop's kinds.
                phrases = self.catalog.category_phrases
                cut = next((i for i in range(len(node) - 2, -1, -1) if tuple(node[i:]) in phrases), None)
                if cut is not None:
                    nodes[" ".join(node[cut:])] = True
        self._filed[key] = list(nodes)
        return self._filed[key]

    def _synonym_compound(self, gram: list[str]) -> bool:
        """Two words the shop writes as one word with a synonym of the head, with the catalog's
        evidence ("rain jacket": its titles' "raincoat", the jacket's synonym "coat"). Written
        apart ("wireless earbud" for "wireless earphones") the first word only ranks."""
        head = terms(gram[1])
        alternatives = [h for h in SYNONYMS.get(" ".join(head), []) if " " not in h and h not in head]
        return any(self._is_type([gram[0] + h]) or self._titled([gram[0] + h]) for h in alternatives)

    def _split_compound(self, word: str) -> list[str] | None:
        """A word the shop does not use, written as one where it is a word and a product type
        ("rainjacket" -> "rain jacket", "barstool" -> "bar stool"): the type may be the shop's
        or only the general vocabulary's (then the reply says it is not carried). The longest
        type wins ("sunhat" is a sun hat); both parts at least three letters, the first an
        ordinary word, so a brand the shop does not list is no compound."""
        if self.catalog.knows_word(word):
            return None
        known = ordinary_words()
        for cut in range(3, len(word) - 2):
            first, head = word[:cut], word[cut:]
            if first in known and (head in known_type_words() or self._is_type([head])):
                return [first, head]
        return None

    def _titled(self, phrase: list[str]) -> bool:
        """Enough products' titles or type nodes name it as what the product is."""
        return len(self.catalog.phrase_rows(terms(" ".join(phrase)))) >= NAMED_BY_AT_LEAST

    # -- what the catalog holds --------------------------------------------------------------
    def type_phrases(self, phrase: str) -> list[str]:
        """The phrase and its synonyms, as far as the catalog has them."""
        words = terms(phrase)
        key = " ".join(words)
        # One word or two: the shop may list both ("neck tie" and "necktie" combos), and a
        # compound's head under a synonym ("rain jacket": the shop's "raincoat", "rain coat").
        other = ["".join(words)] if len(words) == 2 else []
        if len(words) == 2:
            heads = [h for h in SYNONYMS.get(words[1], []) if " " not in h and h != words[1]]
            other += [f(words[0], h) for h in heads for f in (lambda a, b: a + b, lambda a, b: f"{a} {b}")]
        if len(words) == 1:
            other = [f"{key[:cut]} {key[cut:]}" for cut in range(2, len(key) - 1)]
        out: list[str] = []
        # A synonym entry lists the word itself where shops use it too ("shades" are sunglasses).
        for alt in [*SYNONYMS.get(key, [phrase]), *other, *self._filed_under(words)]:
            if alt not in out and self.catalog.has_phrase(terms(alt)):
                out.append(alt)
        return out

    def carried(self, words: list[str]) -> bool:
        """Whether the shop carries this product type (term phrase)."""
        return bool(self.type_phrases(" ".join(words)))

    def is_any_type(self, gram: list[str]) -> bool:
        """Whether a term phrase is a product type, the shop's or the general vocabulary's."""
        return self._is_any_type(gram)

    def is_type(self, gram: list[str]) -> bool:
        """Whether a term phrase is a product type of this catalog."""
        return self._is_type(gram)

    def _is_any_type(self, gram: list[str]) -> bool:
        if self._is_type(gram):
            return True
        if len(gram) == 1 and (gram[0] in NOT_TYPE_WORDS or gram[0] in GENERIC_TYPE_WORDS):
            return False
        return is_known_type(gram) or " ".join(gram) in SYNONYMS or self._respelled_type(gram)

    def _respelled_type(self, gram: list[str]) -> bool:
        """A word the type list spells the other country's way that the shop carries as typed: the
        list knows "pajama", the shop's titles and a shopper write "pyjama" (read no kind, so
        Chinese 睡裤 filtered nothing either: sets S d05, P q01). Both sides must agree: the word
        respelled is a listed type, the word as typed a kind the shop carries."""
        if len(gram) != 1:
            return False
        word = gram[0]
        respelled = [word.replace(said, other) for said, other in SPELLING_PAIRS if said in word]
        return any(is_known_type([r]) for r in respelled if r != word) and self.carried(gram)

    def _is_type(self, gram: list[str]) -> bool:
        """A product type of this catalog."""
        phrase = " ".join(gram)
        if phrase in SYNONYMS:
            return any(self.catalog.has_phrase(terms(a)) for a in SYNONYMS[phrase])
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
            is_head = is_head or word in self._listed_kinds or self._title_head(word)
            return is_head and self.catalog.has_phrase(gram)
        if tuple(gram) in self.catalog.category_phrases:
            return True
        if not self.catalog.has_phrase(gram):
            return False
        # Multi-word phrases made of category words ("dog shampoo"); a phrase the titles use as
        # a type whose last word alone is none ("weight gainers"), or a sub-kind of a type that
        # many titles name ("digital watch"): no material in it, as a material is a must-have
        # of its own ("leather wallet").
        if all(g in self.type_words for g in gram) and self._heads.get(gram[-1], 0) >= 1:
            return True
        if set(gram) & set(MATERIALS):
            return False
        named_by = len(self.catalog.phrase_rows(gram))
        return named_by >= (SUB_KIND_AT_LEAST if self._is_type(gram[-1:]) else TYPE_PHRASE_AT_LEAST)

    def _title_head(self, word: str) -> bool:
        """A word no English lexicon knows that titles end with ("kadhai", "pyjama";
        `assistant.title_kinds`). Sets S, R and P read them as no kind and showed anything."""
        if word not in self._title_heads:
            ends = 0 if word in self._brand_words else titles_end_with(self.catalog, word, SUB_KIND_TITLES_READ)
            self._title_heads[word] = ends >= NAMED_BY_AT_LEAST
        return self._title_heads[word]

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
        rows = self.catalog.phrase_rows(terms(" ".join(head)))
        for word in terms(" ".join(modifiers)):
            rows = sorted_rows.common(rows, self.catalog.attribute_rows([word]))
        return bool(len(rows))


# "aroma burner / diffuser": a slash between words offers either, as "or" does (set K read the
# first kind as a modifier of the second). Words of three letters or more: "s/m", "w/o", "24/7"
# are a size, an abbreviation, a number.
# Words in brackets are an aside on what precedes them; the kind is read outside them first.
ASIDE = re.compile(r"\([^()]*\)")
SLASH_BETWEEN_WORDS = re.compile(r"(?<=[a-z]{3})\s*/\s*(?=[a-z]{3})", re.I)


def _slashes_as_or(text: str) -> str:
    return SLASH_BETWEEN_WORDS.sub(" or ", text)


# Words before a noun said as a thing: an article, a possessive, a pointer.
NOUN_OPENERS = ARTICLES | COMPOUND_FILLERS | frozenset({"some", "any", "another", "one"})


def _as_noun(words: list[str], i: int) -> bool:
    """The word at i is said as a thing: after an article, a possessive or a pointer, one word
    between allowed ("a teddy", "a cute teddy"), and no number right after it ("class 3")."""
    opened = bool(NOUN_OPENERS & set(words[max(0, i - 2) : i]))
    return opened and not (i + 1 < len(words) and words[i + 1].isdigit())


def _use_follows(words: list[str], placeholder: int) -> bool:
    """A use is said right after the placeholder ("thing TO hang keys", "stuff FOR spices")."""
    return words[placeholder + 1 : placeholder + 2] in ([w] for w in MODIFIER_WORDS)


def _modifies(between: list[str]) -> bool:
    """Whether a type followed by another with these words between modifies it: directly ("hiking
    jacket") or past words for who it is for and colours ("full sleeve men's sweatshirt", set F)."""
    return all(w in AUDIENCE_TERMS or w in COLOURS for w in between)


# Words by which a clause asks for something (`story_asks`, `owned.asking`, placeholders).
ASKING_WORDS = OWNED_ASKING | PLACEHOLDERS | frozenset(RESOLUTION["story_asks"])


def _told(words: list[str], heads: list, phrase: list[str]) -> bool:
    """The kind is named in a story, not asked for: a person or their possession is the clause's
    subject before it ("my baby just started trying to stand", "alloy wheels of my swift look
    dirty", "she keeps complaining her phone bounces around") and nothing in the clause asks
    (no wanting or getting verb, no placeholder, no asking phrase: "my dad wants a trimmer",
    "looking for something for my phone" ask)."""
    start = next((s for s, _, form in reversed(heads) if form == phrase), None)
    if start is None or ASKING_WORDS & set(words) or ASKS.search(" ".join(words)):
        return False
    return bool(OWNED_SUBJECTS & set(words[:start]))


# A clause that asks for the kind named before rather than anew ("need it cheaper", "need a new
# one"): a pronoun standing for it.
_BACK_PRONOUNS = frozenset({"it", "them", "one", "ones"})


def _asks_anew(text: str, chosen: list[str]) -> bool:
    """Another clause of the message than `chosen` asks for something: an asking word or phrase,
    or a question closing the message, with no pronoun standing for the kind named before unless
    a placeholder asks beside it ("need something for it")."""
    parts = clauses(text)
    for k, clause in enumerate(parts):
        words = tokenize(clause.replace("'", ""))
        if words == chosen or not words:
            continue
        question = k == len(parts) - 1 and text.rstrip().endswith("?")
        if not (ASKING_WORDS & set(words) or ASKS.search(clause) or question):
            continue
        if not _BACK_PRONOUNS & set(words) or PLACEHOLDERS & set(words):
            return True
    return False


def _asks_anywhere(text: str) -> bool:
    """Some clause of the message asks: an asking word or phrase, or a closing question mark."""
    if text.rstrip().endswith("?"):
        return True
    return any(ASKING_WORDS & set(tokenize(c.replace("'", ""))) or ASKS.search(c) for c in clauses(text))


def _says_owned(words: list[str]) -> bool:
    """A clause saying someone has a thing ("he already has a blue ball", "my son has a bat"):
    a subject, then a having verb within the next three words, and no asking verb."""
    if OWNED_ASKING & set(words):
        return False
    # "own" after a possessive says whose it will be ("a watch of his own"), not that he has one.
    verbs = [
        w in OWNED_VERBS
        and not (w == "own" and i and words[i - 1] in OWN_AS_ADJECTIVE)
        and not (i and words[i - 1] in OWNED_AFTER_MODAL)
        for i, w in enumerate(words)
    ]
    # a person opening the clause is its subject too ("roommate uses ...", "mom has ...")
    subjects = [w in OWNED_SUBJECTS or (i == 0 and w in PERSON_NOUNS) for i, w in enumerate(words)]
    # "i own zero office shirts", "we have no rug", "she doesn't have a bag": lacking it, not having it
    lacking = [w in OWNED_LACKING for w in words]
    return any(
        subjects[i] and any(verbs[j] and not any(lacking[j - 2 : j + 2]) for j in range(i + 1, min(i + 4, len(words))))
        for i in range(len(words))
    )


def _points_back(words: list[str]) -> bool:
    """A clause that asks for what another clause named: an asking word and a pointer back ("want
    something like that", "need the same one"; `owned.points_back`)."""
    # "one of those sunshade things" is a kind said by example, no pointer back (set AG d24)
    pointing = any(
        tuple(words[i : i + len(p)]) == p and words[i + len(p) : i + len(p) + 1] != ["of"]
        for p in POINTS_BACK
        for i in range(len(words))
    )
    return pointing and bool(ASKING_WORDS & set(words))


def _without_moves(words: list[str]) -> list[str]:
    """The words less a move verb before "to"/"over" ("switch to bellies"): it moves the request
    to the kind after it, it names no kind itself."""
    return [
        w
        for i, w in enumerate(words)
        if not (w in MOVE_VERBS and i + 1 < len(words) and words[i + 1] in ("to", "over"))
    ]
