"""Must-haves beyond the kind: what a request requires of the product ("real diamond", "leather
wallet", "robot type") and the values the shop records that it names ("sleeveless", "slim fit").
Moved out of `understand.py`, which reads the whole message; this module reads only attributes.
"""

from __future__ import annotations

from functools import cached_property

from assistant.audience import clauses
from assistant.catalog import CatalogIndex
from assistant.colour_words import METAL_COLOURS
from assistant.lexicon import PRODUCT_LINES, QUERY_WORDS, REQUIRED_CUES
from assistant.message_patterns import (
    MATERIAL_KINDS,
    NEGATIONS,
    NOT_VARIANTS,
    SOFT_WISH,
    VARIANT_WORDS,
    WISH,
    negated_at,
)
from assistant.noun_values import as_recorded
from assistant.pets import pets_said
from assistant.printed_message import message_for
from assistant.recorded import Recorded
from assistant.type_resolution import NOT_TYPE_WORDS, PLACEHOLDERS, TypeResolver
from assistant.word_forms import with_base_form
from common.text import COLOURS, GEMSTONES, MATERIALS, STOPWORDS, singular, terms, tokenize


def _until_refused(words: list[str]) -> list[str]:
    """The words before a negation: a kind after "not" is refused, not the one the variant word
    describes ("the polo type, not round neck": "polo" is the variant asked for)."""
    cut = next((i for i, w in enumerate(words) if w in NEGATIONS), len(words))
    return words[:cut]


class AttributeReader:
    """Reads attributes against one catalog's records and kinds. Build once per loaded catalog."""

    def __init__(self, catalog: CatalogIndex, types: TypeResolver):
        self.catalog = catalog
        self.types = types

    def required(self, text: str) -> list[str]:
        """Must-haves beyond the type: a word after "real", "genuine", "pure"... ("real diamond"),
        a material ("leather wallet"), a stone ("diamond ring"), a word before "type" or "kind"
        ("robot type"), and a product line with its model ("iphone 6s")."""
        words = tokenize(text)
        wished = {w for clause in clauses(text) if WISH.search(clause) for w in tokenize(clause)}
        found: list[str] = []
        for i, w in enumerate(words):
            phrase = None
            nxt = words[i + 1] if i + 1 < len(words) else ""
            # "real gold, not plated": a metal after the cue is the material asked for, not a colour.
            # "the real stuff", "the genuine thing": a placeholder names no material, it stands for
            # the one said before ("leather boots ... the real stuff not rexine", set R: no card)
            if (
                w in REQUIRED_CUES
                and nxt
                and nxt not in PLACEHOLDERS
                and (nxt not in NOT_TYPE_WORDS or nxt in METAL_COLOURS)
            ):
                phrase = nxt
            elif w in MATERIALS and w not in METAL_COLOURS and w not in wished:
                # refused ("steel, not plastic") it stays the word the refusal reader takes out
                phrase = w if negated_at(words, i) else self._material(w)
            elif singular(w) in GEMSTONES:
                phrase = singular(w)
            elif (
                nxt in VARIANT_WORDS
                and w not in STOPWORDS | NOT_VARIANTS
                and w not in COLOURS  # "sea green kind of colour": the colour reader's (AF q29)
                and w not in self._brand_words  # "the rubbery crocs type": a likeness, it ranks (AH q15)
                and (w not in QUERY_WORDS or self._recorded_word(w))
                and not any(self.types.is_any_type([later]) for later in _until_refused(words[i + 2 :]))
            ):
                # "robot type that runs by itself", "the thick kind": the shopper names the variant,
                # required even where the word names a type elsewhere (a robot toy). Said before
                # the product type it is a style ("salon type hair conditioner"): it only ranks.
                variant = with_base_form(w, self.catalog.knows_word)  # "the zip kind": "Zipper"
                if variant not in found:
                    found.append(variant)
                continue
            elif w in PRODUCT_LINES:
                model = words[i + 1] if i + 1 < len(words) and any(ch.isdigit() for ch in words[i + 1]) else ""
                phrase = f"{w} {model}".strip()
            phrase = with_base_form(phrase, self.catalog.knows_word) if phrase else None  # "wooden or wood"
            if phrase and phrase not in found and not self.types.is_any_type(terms(phrase)):
                found.append(phrase)
        message = message_for(words, self.catalog.knows_word)  # "a mug with a msg for mum on it"
        found += [message] if message and message not in found else []
        return found + [pet for pet in pets_said(words) if pet not in found]  # "a shampoo for my cat"

    def _material(self, word: str) -> str:
        """A material and the members of its family the catalog knows ("plastic or pvc")."""
        members = [m for m in MATERIAL_KINDS.get(word, []) if self.catalog.knows_word(m)]
        return " or ".join([with_base_form(word, self.catalog.knows_word), *members]) if members else word

    @cached_property
    def _brand_words(self) -> frozenset[str]:
        """The catalog's one-word brands ("crocs")."""
        return frozenset(w for b in self.catalog.brand_names if len(ws := tokenize(b)) == 1 for w in ws)

    def _recorded_word(self, word: str) -> bool:
        """A word of the request's grammar by which the shop files a kind of its own ("formal
        type": the "Formal Shirts" node) names a variant; one that opens no node ("the usual
        type", "the zip-up kind": "up") does not."""
        return word in self.catalog.node_openers

    def is_kind(self, words: list[str]) -> bool:
        return self.types.is_any_type(words) or tuple(words) in self.catalog.category_phrases

    def recorded_kind(self, named: str) -> bool:
        """Some product records the kind as the value of a "Type" specification: it is one."""
        said = terms(named)
        for row in self.catalog.attribute_rows(said):
            attributes = self.catalog.products[int(row)].attributes
            if any(tokenize(k)[-1:] == ["type"] and terms(v) == said for k, v in attributes.items()):
                return True
        return False

    def _type_value(self, entry: Recorded) -> bool:
        """A value of a "Type" specification that the catalog also has as a kind of product
        ("Type: Kadhai"): it names what the product is, not a property of it."""
        return all(k.split()[-1] == "type" for k in entry.keys) and self.catalog.has_phrase(entry.value.split())

    def recorded(self, text: str, categories: list[str], kind: str | None = None) -> list[str]:
        """Values the shop records that the request names ("sleeveless", "slim fit" -> "slim"):
        required where the kind asked for (`categories`) records that specification; with no
        kind named, required as said. Not a kind nor a word of the `kind` named ("car" in "car
        seat cover"), and not one wished for softly or refused."""
        recorded = self.catalog.recorded
        kind_words = set(terms(kind or "")) | {w for phrase in categories for w in terms(phrase)}
        kinds = self.catalog.kind_rows(categories) if categories else None
        if kinds is not None and not any(len(rows) for rows in kinds):
            return []  # a kind the shop does not carry: nothing to check a value on
        found: list[str] = []
        for clause in clauses(text):
            if SOFT_WISH.search(clause):
                continue  # "embroidered would be nice": a wish that ranks
            words = as_recorded(terms(clause.replace("'", "")), recorded.phrases.__contains__)  # "with stripes"
            for start, end, entry in recorded.find(words):
                said = words[start:end]
                if set(said) <= kind_words:
                    continue
                if self.is_kind(said) or self.is_kind(entry.value.split()) or self._type_value(entry):
                    continue  # a kind of product ("top", "Type: Kadhai"), not a property of one
                if negated_at(words, start):
                    continue  # "not embroidered", "he can't read the digital ones"
                if kinds is not None and not any(recorded.recorded_for(entry, rows) for rows in kinds):
                    continue  # the kind records no such thing: it cannot be checked, it ranks
                # Shops record one property in either form ("Closure: Zip", "Closure: Zipper"): both.
                value = with_base_form(entry.value, recorded.phrases.__contains__)
                if value not in found:
                    found.append(value)
        return found
