"""Which products a shopper's question names, and what their records answer.

The assistant routes a question about a named product ("does the Sonata analog watch have a date
display?") to that product's record before any search or policy; `naming.find_named` finds the
products, `answers` reads the record. Kept apart from `assistant/core.py`, which only decides
which branch a turn takes.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant import answer_evidence, answers, asking, question_reading, shopping, superlatives, which_one
from assistant import intent as intents
from assistant.audience import interests
from assistant.engine import SearchEngine
from assistant.intent import Intent
from assistant.interpret import COLOUR_ONE, Interpretation, only_points
from assistant.name_text import asks_verdict, name_terms, title_brand
from assistant.naming import Named, find_named, naming_words
from assistant.title_pointers import pointing_words
from assistant.type_resolution import ASKS
from common.schema import Product
from common.text import normalise_colour, tokenize


@dataclass
class NamedProducts:
    engine: SearchEngine
    # a catalog over this many products looks a message's candidates up instead of indexing
    # every name (`Settings.warm_answers_max_products`)
    max_indexed: int

    def ids(self, message: str) -> list[str]:
        """Ids of the products a question names: the interpreter's `NameResolver`; a search
        names none."""
        # "with this one-way bike alarm CAN I start the engine from the remote": a question by its
        # inverted verb, wherever it stands, not only at the start of a clause or by its "?".
        # Hinglish asks by a phrase after the name ("jaspo skating kit theek rahega").
        # So does an inverted verb and pronoun anywhere ("skayvon controller does it beep") and a
        # Hindi/Hinglish question word ("X ka weight kitna hai", `asking`).
        asked = question_reading.is_question(message) or intents.QUESTION_WORDS.search(message)
        if not (asked or asks_verdict(message) or asking.asks(message)):
            return []
        # A message that asks for products ("do you have ...", a budget) asks for a kind: its
        # brand and type words name no product, even where the shop has one such.
        query = self.engine.parse(message)
        c = query.constraints
        asks_for_kind = ASKS.search(message) or c.price_max is not None or c.price_min is not None
        kind = query.product_type if asks_for_kind else None
        # "my brother is getting into trail running, anything under 120?": words of what someone
        # is into are an interest, not a name ("Apex Trail Running Shoes" was answered "the
        # listing doesn't say that"); a product named by other words too stays named.
        taken = {w for said in interests(message) for w in name_terms(said)}
        named = [n for n in self.named(message, kind) if not (taken and n.matched <= taken)]
        return [n.product.id for n in named][: shopping.SHOW]

    def named(self, message: str, kind: str | None = None) -> list[Named]:
        """The products the message names (`naming.find_named`), those named by their brand
        before any named by other words alone (`by_brand_first`)."""
        catalog, embed = self.engine.catalog, self.engine.retriever.embed
        return by_brand_first(find_named(message, catalog, embed, kind, self.max_indexed), message)

    def for_policy(self, message: str, meant: Interpretation) -> list[Product]:
        """A policy-sounding question about a named product ("what's the warranty on the X?")
        is answered from its record first: the record may state it."""
        if meant.intent != Intent.POLICY:
            return []
        catalog = self.engine.catalog
        return [catalog.products[catalog.row_of[pid]] for pid in self.ids(message)]

    def naming(self, message: str) -> str | None:
        """The words of the message that name its products, which the answer must not take for
        what is asked ("the i7 laptop in black, does it have an SSD?")."""
        return naming_words(self.named(message), message) or None

    def text(self, products: list[Product], message: str, naming: str | None = None) -> str:
        """The answer to the question for each product, from its record."""
        values = answer_evidence.catalog_values(self.engine.catalog)
        return answers.answers_text(products, message, self.engine.retriever.embed, values, naming)

    def about_cards(self, products: list[Product], message: str, meant: Interpretation) -> str | None:
        """The answer to a question about cards on screen or named, from their records: which of
        them is most or more something, or the question asked of each; None for a request to
        see them ("tell me about the fourth") or to compare them (a table follows)."""
        missing = pointed_colour_missing(products, message)
        if missing is not None:  # "does the red one work on induction?" with no red card shown
            return missing
        question = question_reading.is_question(message)
        claim = which_one.asked(message) if question and (len(products) >= 2 or meant.which) else None
        if claim is not None:  # "which one is more waterproof?": which is more, from the records
            return which_one.answer(products, claim)
        most = superlatives.asked(message) if len(products) >= 2 and question else None
        if most is not None:  # "which of those is the easiest to clean?": the records that say so
            return superlatives.answer(products, most)
        asks = (
            meant.intent == Intent.PRODUCT_QUESTION
            or question_reading.asks_something(message)
            and not only_points(message)
            and not meant.repeats  # "tell me about the fourth" ... "and the fifth?"
        )
        if meant.intent == Intent.COMPARE or not asks:
            return None
        # A product named in the question is named by some of its title's words, not all: the
        # others ("the i7 laptop in black, does it have an SSD?") may be what is asked.
        naming = self.naming(message) if meant.named else None
        if naming is None and len(products) == 1:  # "is the santoku ok for bread?": not asked of "santoku"
            naming = pointing_words(message, products[0])
        return self.text(products, meant.question or message, naming)  # "and the third?": the question before

    def answers(self, products: list[Product], message: str, naming: str | None) -> list[answers.Answer]:
        values = answer_evidence.catalog_values(self.engine.catalog)
        return [answers.answer_question(p, message, self.engine.retriever.embed, values, naming) for p in products]


def pointed_colour_missing(products: list[Product], message: str) -> str | None:
    """The reply where the message points at a card by a colour none of these cards has ("does
    the red one work on an induction hob?" over five cards, none red): answering for all of them
    would answer a question about some other product. Says so, with the colours they have;
    None where a card has the colour or no colour is pointed at."""
    said = [normalise_colour(m.group(1).lower()) for m in COLOUR_ONE.finditer(message)]
    if not said or not products or any(c in p.colours for c in said for p in products):
        return None
    if any(c in tokenize(f"{p.title} {p.description}") for c in said for p in products):
        return None  # a card whose text says the colour may be that one
    colours = sorted({c for p in products for c in p.colours})
    offer = f'Say "show {said[0]} ones" to see those.'  # a request the next turn reads as one
    if len(products) == 1:
        has = f" (the listing gives {', '.join(colours)})" if colours else ""
        return f"{products[0].title} is not listed as {said[0]}{has}. {offer}"
    has = f" (they come in {', '.join(colours)})" if colours else ""
    return f"None of the {len(products)} shown is listed as {said[0]}{has}. {offer}"


def by_brand_first(named: list[Named], message: str) -> list[Named]:
    """Where the message names a product by its brand, products it names by other words alone are
    the shopper's own things or story, not what is asked: "my dad's MARUTI 800 ..., is that
    rainfun cover ok outdoors?" (the sun shade "for maruti 800"), "carbanao cb-34 mats - can i
    put them in a HYUNDAI grand I10" (the sun shade "for hyundai i10"), "would the d'clair
    DUAL-USB car charger be safe?" (another maker's "dual sim" usb charger). A comparison names
    each product it compares however it is said."""
    branded = [n for n in named if _brand_said(n)]
    if not branded or intents.COMPARE_CUE.search(message):
        return named
    return branded


def _brand_said(named: Named) -> bool:
    brand = named.product.brand or title_brand(named.product)
    return bool(brand) and set(name_terms(brand)) <= named.matched
